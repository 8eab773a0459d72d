/**
 * The pieces every wecom-stats command parses the same way: options through node:util parseArgs,
 * owner lists, output formats, dates and the connection flags. Pure; errors are UsageErrors.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { checkRange, cstToday, tryParseCstDay } from '../shared/days';
import type { DayRange } from '../shared/days';
import { parseConcurrency, parseTimeout, type ClientFlags } from './clientSettings';
import { UsageError } from './usage';

export type OutputFormat = 'table' | 'json' | 'csv';

type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export function parseOptions<T extends OptionSpec>(args: readonly string[], options: T, command: string) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    // parseArgs explains at length; keep its first sentence and point at the right help.
    const first = (err instanceof Error ? err.message : String(err)).split(/\.\s/)[0].replace(/\.$/, '');
    throw new UsageError(`${first} (see wecom-stats ${command} --help)`);
  }
}

export function clientFlags(values: {
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

export function required(value: string | undefined, flag: string, command: string): string {
  if (value === undefined) {
    throw new UsageError(`${command} needs ${flag} YYYY-MM-DD (see wecom-stats ${command} --help)`);
  }
  return value;
}

export function checkedRange(from: string, to: string, nowMs: number): DayRange {
  const reason = checkRange(from, to, nowMs);
  if (reason) {
    throw new UsageError(reason.en);
  }
  return { from: from.trim(), to: to.trim() };
}

export function outputFormat<F extends string = OutputFormat>(
  value: string | undefined,
  formats: readonly F[] = ['table', 'json', 'csv'] as unknown as readonly F[],
): F {
  const format = value ?? formats[0];
  if (!(formats as readonly string[]).includes(format)) {
    const list =
      formats.length === 2
        ? formats.join(' or ')
        : `${formats.slice(0, -1).join(', ')} or ${formats[formats.length - 1]}`;
    throw new UsageError(`unknown --format "${format}": use ${list}`);
  }
  return format as F;
}

export function ownerList(values: readonly string[] | undefined): readonly string[] | undefined {
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

/** `--store S`: a path or a postgres:// URL, never empty. */
export function storeFlag(value: string | undefined): string | undefined {
  if (value !== undefined && value.trim() === '') {
    throw new UsageError('--store needs a file path or a postgres:// URL');
  }
  return value?.trim();
}

/** Any calendar day: the store may hold days WeCom has long forgotten. */
export function storedDay(text: string): string {
  const day = tryParseCstDay(text);
  if (day === undefined) {
    throw new UsageError(`"${text}" is not a date: write it as YYYY-MM-DD (for example 2026-06-01)`);
  }
  return day;
}

/** A range of real days, in order, ending before today (today has no figures yet). */
export function storedRange(fromText: string, toText: string, nowMs: number): DayRange {
  const from = storedDay(fromText);
  const to = storedDay(toText);
  if (from > to) {
    throw new UsageError(`the start ${from} is after the end ${to}: swap them`);
  }
  if (to >= cstToday(nowMs)) {
    throw new UsageError(`${to} is today or later: WeCom has no figures for it yet`);
  }
  return { from, to };
}
