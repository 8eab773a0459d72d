/**
 * Command-line parsing for wecom-stats (node:util parseArgs). Pure: returns what to do or throws
 * a UsageError; dates are checked against the CST window here, before any request.
 */
import { parseArgs } from 'node:util';
import { checkRange, cstYesterday } from '../shared/days';
import type { DayRange } from '../shared/days';
import { METRIC_KEYS, isMetricKey } from '../shared/metrics';
import type { MetricKey } from '../shared/metrics';
import { parseConcurrency, parseTimeout, type ClientFlags } from './clientSettings';
import { BY_DAY_HELP, GLOBAL_HELP, OWNERS_HELP } from './help';
import { UsageError } from './usage';

export type OutputFormat = 'table' | 'json' | 'csv';
const FORMATS: readonly OutputFormat[] = ['table', 'json', 'csv'];

export { UsageError };

export type CliCommand =
  | { readonly kind: 'help'; readonly text: string }
  | {
      readonly kind: 'owners';
      readonly range: DayRange;
      readonly owners?: readonly string[];
      readonly sortBy: MetricKey;
      readonly ascending: boolean;
      readonly format: OutputFormat;
      readonly demo: boolean;
      /** --timeout, --concurrency, --allow-insecure-http (the environment is read by run). */
      readonly client: ClientFlags;
    }
  | {
      readonly kind: 'by-day';
      readonly range: DayRange;
      readonly owners?: readonly string[];
      readonly format: OutputFormat;
      readonly demo: boolean;
      /** --timeout, --concurrency, --allow-insecure-http (the environment is read by run). */
      readonly client: ClientFlags;
    };

const COMMON_OPTIONS = {
  owners: { type: 'string', multiple: true },
  format: { type: 'string' },
  demo: { type: 'boolean' },
  timeout: { type: 'string' },
  concurrency: { type: 'string' },
  'allow-insecure-http': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const OWNERS_OPTIONS = {
  ...COMMON_OPTIONS,
  date: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  sort: { type: 'string' },
  asc: { type: 'boolean' },
} as const;

const BY_DAY_OPTIONS = { ...COMMON_OPTIONS, from: { type: 'string' }, to: { type: 'string' } } as const;

export function parseCommandLine(argv: readonly string[], nowMs: number): CliCommand {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    const topic = command === 'help' ? rest[0] : undefined;
    return {
      kind: 'help',
      text: topic === 'owners' ? OWNERS_HELP : topic === 'by-day' ? BY_DAY_HELP : GLOBAL_HELP,
    };
  }
  if (command === 'owners') {
    return parseOwners(rest, nowMs);
  }
  if (command === 'by-day') {
    return parseByDay(rest, nowMs);
  }
  throw new UsageError(`unknown command "${command}": use "owners" or "by-day" (see wecom-stats --help)`);
}

function parseOwners(args: readonly string[], nowMs: number): CliCommand {
  const values = parseOptions(args, OWNERS_OPTIONS, 'owners');
  if (values.help) {
    return { kind: 'help', text: OWNERS_HELP };
  }
  if (values.date !== undefined && (values.from !== undefined || values.to !== undefined)) {
    throw new UsageError('use either --date or --from/--to, not both');
  }
  let range: DayRange;
  if (values.date !== undefined) {
    range = checkedRange(values.date, values.date, nowMs);
  } else if (values.from !== undefined || values.to !== undefined) {
    range = checkedRange(
      required(values.from, '--from', 'owners'),
      required(values.to, '--to', 'owners'),
      nowMs,
    );
  } else {
    const yesterday = cstYesterday(nowMs);
    range = { from: yesterday, to: yesterday };
  }
  const sortBy = values.sort ?? 'chat_total';
  if (!isMetricKey(sortBy)) {
    throw new UsageError(`unknown figure "${sortBy}" for --sort: use one of ${METRIC_KEYS.join(', ')}`);
  }
  return {
    kind: 'owners',
    range,
    owners: ownerList(values.owners),
    sortBy,
    ascending: values.asc ?? false,
    format: outputFormat(values.format),
    demo: values.demo ?? false,
    client: clientFlags(values),
  };
}

function parseByDay(args: readonly string[], nowMs: number): CliCommand {
  const values = parseOptions(args, BY_DAY_OPTIONS, 'by-day');
  if (values.help) {
    return { kind: 'help', text: BY_DAY_HELP };
  }
  const range = checkedRange(
    required(values.from, '--from', 'by-day'),
    required(values.to, '--to', 'by-day'),
    nowMs,
  );
  return {
    kind: 'by-day',
    range,
    owners: ownerList(values.owners),
    format: outputFormat(values.format),
    demo: values.demo ?? false,
    client: clientFlags(values),
  };
}

type OptionSpec = typeof OWNERS_OPTIONS | typeof BY_DAY_OPTIONS;

function parseOptions<T extends OptionSpec>(args: readonly string[], options: T, command: string) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    // parseArgs explains at length; keep its first sentence and point at the right help.
    const first = (err instanceof Error ? err.message : String(err)).split(/\.\s/)[0].replace(/\.$/, '');
    throw new UsageError(`${first} (see wecom-stats ${command} --help)`);
  }
}

function clientFlags(values: {
  timeout?: string;
  concurrency?: string;
  'allow-insecure-http'?: boolean;
}): ClientFlags {
  return {
    timeoutMs: values.timeout === undefined ? undefined : parseTimeout(values.timeout),
    concurrency: values.concurrency === undefined ? undefined : parseConcurrency(values.concurrency),
    allowInsecureHttp: values['allow-insecure-http'] ?? false,
  };
}

function required(value: string | undefined, flag: string, command: string): string {
  if (value === undefined) {
    throw new UsageError(`${command} needs ${flag} YYYY-MM-DD (see wecom-stats ${command} --help)`);
  }
  return value;
}

function checkedRange(from: string, to: string, nowMs: number): DayRange {
  const reason = checkRange(from, to, nowMs);
  if (reason) {
    throw new UsageError(reason.en);
  }
  return { from: from.trim(), to: to.trim() };
}

function outputFormat(value: string | undefined): OutputFormat {
  const format = value ?? 'table';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown --format "${format}": use table, json or csv`);
  }
  return format as OutputFormat;
}

function ownerList(values: readonly string[] | undefined): readonly string[] | undefined {
  if (values === undefined) {
    return undefined;
  }
  const owners = values.flatMap((value) => splitOwnerList(value));
  return [...new Set(owners)];
}

/**
 * Splits `a,b,"c, ""d"""` like one CSV record: ids may contain commas and quotes (owner ids are
 * opaque), so a quoted field keeps them. Unquoted fields are trimmed; empty ids are an error.
 */
export function splitOwnerList(text: string): string[] {
  const ids: string[] = [];
  let i = 0;
  for (;;) {
    while (text[i] === ' ') {
      i++;
    }
    let id = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) {
          throw new UsageError(`unclosed quote in --owners ${JSON.stringify(text)}`);
        }
        if (text[i] === '"' && text[i + 1] === '"') {
          id += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else {
          id += text[i++];
        }
      }
      while (text[i] === ' ') {
        i++;
      }
      if (i < text.length && text[i] !== ',') {
        throw new UsageError(`unexpected text after a quoted id in --owners ${JSON.stringify(text)}`);
      }
    } else {
      const comma = text.indexOf(',', i);
      const end = comma === -1 ? text.length : comma;
      id = text.slice(i, end).trim();
      i = end;
    }
    if (id === '') {
      throw new UsageError(`empty owner id in --owners ${JSON.stringify(text)}`);
    }
    ids.push(id);
    if (i >= text.length) {
      return ids;
    }
    i++; // the comma
  }
}
