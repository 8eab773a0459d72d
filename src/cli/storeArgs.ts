/**
 * Command lines of the history commands: sync, history (and its export/import), reconcile. Pure:
 * returns what to do or throws a UsageError. Stored days may be older than WeCom's 180 days, so
 * `history` checks only that its dates are dates; `reconcile` asks WeCom, so its day must be one
 * WeCom still serves.
 */
import { HISTORY_DAYS, type DayRange } from '../shared/days';
import {
  checkedRange,
  clientFlags,
  outputFormat,
  ownerList,
  parseOptions,
  required,
  storeFlag,
  storedDay,
  type OutputFormat,
} from './argParts';
import type { ClientFlags } from './clientSettings';
import { HISTORY_HELP, RECONCILE_HELP, SYNC_HELP } from './storeHelp';
import { UsageError } from './usage';

export type StoreCommand =
  | {
      readonly kind: 'sync';
      readonly days: number;
      readonly recheck: number;
      readonly store?: string;
      readonly dryRun: boolean;
      readonly format: 'table' | 'json';
      readonly demo: boolean;
      readonly client: ClientFlags;
    }
  | {
      readonly kind: 'history';
      readonly range: DayRange;
      readonly owners?: readonly string[];
      readonly store?: string;
      readonly format: OutputFormat;
      readonly demo: boolean;
    }
  | { readonly kind: 'history-export'; readonly format: 'jsonl' | 'csv'; readonly store?: string }
  | { readonly kind: 'history-import'; readonly file: string; readonly store?: string }
  | {
      readonly kind: 'reconcile';
      readonly date: string;
      readonly owners?: readonly string[];
      readonly store?: string;
      readonly format: 'table' | 'json';
      readonly demo: boolean;
      readonly client: ClientFlags;
    };

/** Help texts by topic, for `wecom-stats help TOPIC`. */
export const STORE_HELP_TOPICS: Readonly<Record<string, string>> = {
  sync: SYNC_HELP,
  history: HISTORY_HELP,
  reconcile: RECONCILE_HELP,
};

const CONNECTION_OPTIONS = {
  demo: { type: 'boolean' },
  timeout: { type: 'string' },
  concurrency: { type: 'string' },
  'allow-insecure-http': { type: 'boolean' },
} as const;

const SYNC_OPTIONS = {
  ...CONNECTION_OPTIONS,
  days: { type: 'string' },
  recheck: { type: 'string' },
  store: { type: 'string' },
  'dry-run': { type: 'boolean' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const HISTORY_OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  owners: { type: 'string', multiple: true },
  store: { type: 'string' },
  format: { type: 'string' },
  demo: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const EXPORT_OPTIONS = {
  store: { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const RECONCILE_OPTIONS = {
  ...CONNECTION_OPTIONS,
  date: { type: 'string' },
  owners: { type: 'string', multiple: true },
  store: { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The history command, or undefined when `command` is none of them. */
export function parseStoreCommand(
  command: string,
  args: readonly string[],
  nowMs: number,
): StoreCommand | { kind: 'help'; text: string } | undefined {
  switch (command) {
    case 'sync':
      return parseSync(args);
    case 'history':
      return args[0] === 'export'
        ? parseExport(args.slice(1))
        : args[0] === 'import'
          ? parseImport(args.slice(1))
          : parseHistory(args);
    case 'reconcile':
      return parseReconcile(args, nowMs);
    default:
      return undefined;
  }
}

function dayCount(text: string | undefined, flag: string, fallback: number, min: number): number {
  if (text === undefined) {
    return fallback;
  }
  const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > HISTORY_DAYS) {
    throw new UsageError(
      `${flag} must be a whole number of days from ${min} to ${HISTORY_DAYS} (WeCom keeps ${HISTORY_DAYS} days), got ${JSON.stringify(text)}`,
    );
  }
  return value;
}

function parseSync(args: readonly string[]): StoreCommand | { kind: 'help'; text: string } {
  const values = parseOptions(args, SYNC_OPTIONS, 'sync');
  if (values.help) {
    return { kind: 'help', text: SYNC_HELP };
  }
  const days = dayCount(values.days, '--days', HISTORY_DAYS, 1);
  return {
    kind: 'sync',
    days,
    recheck: Math.min(days, dayCount(values.recheck, '--recheck', 0, 0)),
    store: storeFlag(values.store),
    dryRun: values['dry-run'] ?? false,
    format: outputFormat(values.format, ['table', 'json'] as const),
    demo: values.demo ?? false,
    client: clientFlags(values),
  };
}

function parseHistory(args: readonly string[]): StoreCommand | { kind: 'help'; text: string } {
  const values = parseOptions(args, HISTORY_OPTIONS, 'history');
  if (values.help) {
    return { kind: 'help', text: HISTORY_HELP };
  }
  const from = storedDay(required(values.from, '--from', 'history'));
  const to = storedDay(required(values.to, '--to', 'history'));
  if (from > to) {
    throw new UsageError(`the start ${from} is after the end ${to}: swap them`);
  }
  return {
    kind: 'history',
    range: { from, to },
    owners: ownerList(values.owners),
    store: storeFlag(values.store),
    format: outputFormat(values.format),
    demo: values.demo ?? false,
  };
}

function parseExport(args: readonly string[]): StoreCommand | { kind: 'help'; text: string } {
  const values = parseOptions(args, EXPORT_OPTIONS, 'history');
  if (values.help) {
    return { kind: 'help', text: HISTORY_HELP };
  }
  if (values.format === undefined) {
    throw new UsageError(
      'history export needs --format jsonl or --format csv (see wecom-stats history --help)',
    );
  }
  return {
    kind: 'history-export',
    format: outputFormat(values.format, ['jsonl', 'csv'] as const),
    store: storeFlag(values.store),
  };
}

function parseImport(args: readonly string[]): StoreCommand | { kind: 'help'; text: string } {
  const file = args[0];
  if (file === '--help' || file === '-h') {
    return { kind: 'help', text: HISTORY_HELP };
  }
  if (file === undefined || file.startsWith('-')) {
    throw new UsageError('history import needs a FILE (JSONL or CSV from history export)');
  }
  const values = parseOptions(args.slice(1), EXPORT_OPTIONS, 'history');
  if (values.format !== undefined) {
    throw new UsageError('history import reads the format from the file: drop --format');
  }
  return { kind: 'history-import', file, store: storeFlag(values.store) };
}

function parseReconcile(
  args: readonly string[],
  nowMs: number,
): StoreCommand | { kind: 'help'; text: string } {
  const values = parseOptions(args, RECONCILE_OPTIONS, 'reconcile');
  if (values.help) {
    return { kind: 'help', text: RECONCILE_HELP };
  }
  const date = required(values.date, '--date', 'reconcile');
  // WeCom is asked for the day now: it must still serve it.
  checkedRange(date, date, nowMs);
  return {
    kind: 'reconcile',
    date: date.trim(),
    owners: ownerList(values.owners),
    store: storeFlag(values.store),
    format: outputFormat(values.format, ['table', 'json'] as const),
    demo: values.demo ?? false,
    client: clientFlags(values),
  };
}
