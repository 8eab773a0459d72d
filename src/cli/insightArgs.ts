/** Command lines of the insight commands: rollup and rank. Pure: what to do, or a UsageError. */
import type { PeriodKind } from '../analysis/periods';
import type { DayRange } from '../shared/days';
import { METRIC_KEYS, isMetricKey, type MetricKey } from '../shared/metrics';
import {
  clientFlags,
  outputFormat,
  ownerList,
  parseOptions,
  required,
  storeFlag,
  storedRange,
  type OutputFormat,
} from './argParts';
import type { ClientFlags } from './clientSettings';
import { RANK_HELP, ROLLUP_HELP } from './insightHelp';
import { UsageError } from './usage';

interface InsightBase {
  readonly range: DayRange;
  readonly owners?: readonly string[];
  readonly store?: string;
  readonly noFetch: boolean;
  readonly format: OutputFormat;
  readonly demo: boolean;
  readonly client: ClientFlags;
}

export type InsightCommand =
  | (InsightBase & { readonly kind: 'rollup'; readonly by: PeriodKind })
  | (InsightBase & {
      readonly kind: 'rank';
      readonly metric: MetricKey;
      readonly top: number;
      readonly bottom: boolean;
    });

export const INSIGHT_HELP_TOPICS: Readonly<Record<string, string>> = { rollup: ROLLUP_HELP, rank: RANK_HELP };

const BASE_OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  owners: { type: 'string', multiple: true },
  store: { type: 'string' },
  'no-fetch': { type: 'boolean' },
  format: { type: 'string' },
  demo: { type: 'boolean' },
  timeout: { type: 'string' },
  concurrency: { type: 'string' },
  'allow-insecure-http': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const ROLLUP_OPTIONS = { ...BASE_OPTIONS, by: { type: 'string' } } as const;
const RANK_OPTIONS = {
  ...BASE_OPTIONS,
  metric: { type: 'string' },
  top: { type: 'string' },
  bottom: { type: 'boolean' },
} as const;

export function parseInsightCommand(
  command: string,
  args: readonly string[],
  nowMs: number,
): InsightCommand | { kind: 'help'; text: string } | undefined {
  if (command === 'rollup') {
    const values = parseOptions(args, ROLLUP_OPTIONS, 'rollup');
    if (values.help) {
      return { kind: 'help', text: ROLLUP_HELP };
    }
    const by = values.by;
    if (by !== 'week' && by !== 'month') {
      throw new UsageError(
        by === undefined ? 'rollup needs --by week or --by month' : `unknown --by "${by}": use week or month`,
      );
    }
    return { kind: 'rollup', by, ...base(values, 'rollup', nowMs) };
  }
  if (command === 'rank') {
    const values = parseOptions(args, RANK_OPTIONS, 'rank');
    if (values.help) {
      return { kind: 'help', text: RANK_HELP };
    }
    const metric = values.metric;
    if (!isMetricKey(metric)) {
      const what =
        metric === undefined ? 'rank needs --metric FIELD' : `unknown figure "${metric}" for --metric`;
      throw new UsageError(`${what}: use one of ${METRIC_KEYS.join(', ')}`);
    }
    return {
      kind: 'rank',
      metric,
      top: topCount(values.top),
      bottom: values.bottom ?? false,
      ...base(values, 'rank', nowMs),
    };
  }
  return undefined;
}

function base(
  values: {
    from?: string;
    to?: string;
    owners?: string[];
    store?: string;
    'no-fetch'?: boolean;
    format?: string;
    demo?: boolean;
    timeout?: string;
    concurrency?: string;
    'allow-insecure-http'?: boolean;
  },
  command: string,
  nowMs: number,
): InsightBase {
  return {
    range: storedRange(required(values.from, '--from', command), required(values.to, '--to', command), nowMs),
    owners: ownerList(values.owners),
    store: storeFlag(values.store),
    noFetch: values['no-fetch'] ?? false,
    format: outputFormat(values.format),
    demo: values.demo ?? false,
    client: clientFlags(values),
  };
}

function topCount(text: string | undefined): number {
  if (text === undefined) {
    return 10;
  }
  const n = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(`--top must be a whole number of owners from 1, got ${JSON.stringify(text)}`);
  }
  return n;
}
