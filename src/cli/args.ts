/**
 * Command-line parsing for wecom-stats (node:util parseArgs). Pure: returns what to do or throws
 * a UsageError; dates are checked against the CST window here, before any request.
 */
import { cstYesterday } from '../shared/days';
import type { DayRange } from '../shared/days';
import { METRIC_KEYS, isMetricKey } from '../shared/metrics';
import type { MetricKey } from '../shared/metrics';
import type { ClientFlags } from './clientSettings';
import {
  checkedRange,
  clientFlags,
  outputFormat,
  ownerList,
  parseOptions,
  required,
  storeFlag,
  storedRange,
} from './argParts';
import type { OutputFormat } from './argParts';
import { BY_DAY_HELP, GLOBAL_HELP, OWNERS_HELP } from './help';
import { INSIGHT_HELP_TOPICS, parseInsightCommand, type InsightCommand } from './insightArgs';
import { STORE_HELP_TOPICS, parseStoreCommand, type StoreCommand } from './storeArgs';
import { UsageError } from './usage';

export type { OutputFormat };
export { UsageError };
export { splitOwnerList } from './argParts';

export type CliCommand =
  | { readonly kind: 'help'; readonly text: string }
  | {
      readonly kind: 'owners';
      readonly range: DayRange;
      /** --store: one day, from the history store when it has it (older than 180 days too). */
      readonly store?: string;
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
      /** --store: stored days come from the history store, older than 180 days included. */
      readonly store?: string;
      readonly owners?: readonly string[];
      readonly format: OutputFormat;
      readonly demo: boolean;
      /** --timeout, --concurrency, --allow-insecure-http (the environment is read by run). */
      readonly client: ClientFlags;
    }
  | StoreCommand
  | InsightCommand;

export const COMMON_OPTIONS = {
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
  store: { type: 'string' },
} as const;

const BY_DAY_OPTIONS = {
  ...COMMON_OPTIONS,
  from: { type: 'string' },
  to: { type: 'string' },
  store: { type: 'string' },
} as const;

export function parseCommandLine(argv: readonly string[], nowMs: number): CliCommand {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    const topic = command === 'help' ? rest[0] : undefined;
    const text =
      topic === 'owners'
        ? OWNERS_HELP
        : topic === 'by-day'
          ? BY_DAY_HELP
          : ((topic && (STORE_HELP_TOPICS[topic] ?? INSIGHT_HELP_TOPICS[topic])) ?? GLOBAL_HELP);
    return { kind: 'help', text };
  }
  if (command === 'owners') {
    return parseOwners(rest, nowMs);
  }
  if (command === 'by-day') {
    return parseByDay(rest, nowMs);
  }
  const stored = parseStoreCommand(command, rest, nowMs) ?? parseInsightCommand(command, rest, nowMs);
  if (stored) {
    return stored;
  }
  throw new UsageError(
    `unknown command "${command}": use owners, by-day, sync, history, reconcile, rollup or rank (see wecom-stats --help)`,
  );
}

function parseOwners(args: readonly string[], nowMs: number): CliCommand {
  const values = parseOptions(args, OWNERS_OPTIONS, 'owners');
  if (values.help) {
    return { kind: 'help', text: OWNERS_HELP };
  }
  if (values.date !== undefined && (values.from !== undefined || values.to !== undefined)) {
    throw new UsageError('use either --date or --from/--to, not both');
  }
  // With a store, a day older than WeCom's window may be answered from it (checked when run).
  const check = values.store === undefined ? checkedRange : storedRange;
  let range: DayRange;
  if (values.date !== undefined) {
    range = check(values.date, values.date, nowMs);
  } else if (values.from !== undefined || values.to !== undefined) {
    range = check(required(values.from, '--from', 'owners'), required(values.to, '--to', 'owners'), nowMs);
  } else {
    const yesterday = cstYesterday(nowMs);
    range = { from: yesterday, to: yesterday };
  }
  if (values.store !== undefined && range.from !== range.to) {
    // WeCom's totals over several days are its own aggregation, not a sum of the stored days.
    throw new UsageError(
      '--store takes one day (--date D, or yesterday by default), not a --from/--to range',
    );
  }
  const sortBy = values.sort ?? 'chat_total';
  if (!isMetricKey(sortBy)) {
    throw new UsageError(`unknown figure "${sortBy}" for --sort: use one of ${METRIC_KEYS.join(', ')}`);
  }
  return {
    kind: 'owners',
    range,
    ...(values.store === undefined ? {} : { store: storeFlag(values.store) }),
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
  const from = required(values.from, '--from', 'by-day');
  const to = required(values.to, '--to', 'by-day');
  // With a store, days older than WeCom's window may be answered from it (checked when run).
  const range = values.store === undefined ? checkedRange(from, to, nowMs) : storedRange(from, to, nowMs);
  return {
    kind: 'by-day',
    range,
    ...(values.store === undefined ? {} : { store: storeFlag(values.store) }),
    owners: ownerList(values.owners),
    format: outputFormat(values.format),
    demo: values.demo ?? false,
    client: clientFlags(values),
  };
}
