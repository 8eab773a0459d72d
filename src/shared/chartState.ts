/**
 * What a by-day chart shows, as the user chose it: the subject (whose groups), the figure, the
 * range, sum or compare, chart or table. Intent only, never figures: the webview keeps it with
 * `setState`, the serializer hands it back after a reload, and the host's messages carry it
 * (protocol.ts).
 */
import type { CstDay, DayRange } from './days';
import { allowedWindow, checkRange, lastNDays, tryParseCstDay } from './days';
import type { Localized } from './i18n';
import type { MetricKey } from './metrics';

/** Whose groups a chart shows: every owner, or an explicit set of owner ids. */
export type ChartSubject =
  { readonly kind: 'all' } | { readonly kind: 'owners'; readonly owners: readonly string[] };

/**
 * Most owners a subject may name: a sanity bound on what crosses the webview boundary, far above
 * any tree selection. Sum mode takes any number up to it (the host sums, 100 owners a request).
 */
export const MAX_SUBJECT_OWNERS = 100_000;

/** Most owners compare mode (one line each) draws: more lines cannot be told apart. */
export const MAX_COMPARE_OWNERS = 12;

/** 365 is offered only when the history store holds days older than WeCom's 180. */
export const RANGE_PRESETS = [7, 30, 90, 180, 365] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export type RangeChoice =
  | { readonly kind: 'preset'; readonly days: RangePreset }
  | { readonly kind: 'custom'; readonly from: CstDay; readonly to: CstDay };

/** Several owners: one line each (`compare`) or one summed line (`sum`). */
export type SeriesMode = 'sum' | 'compare';
export type ChartView = 'chart' | 'table';

/** What one point of the chart (a row of the table) is: a day, an ISO week (Mon–Sun, CST) or a month. */
export const GRANULARITIES = ['day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** Days the moving average spans. */
export const MOVING_AVERAGE_DAYS = 7;

/** What `setState` keeps and the serializer hands back after a reload. */
export interface ChartUiState {
  readonly version: 1;
  readonly subject: ChartSubject;
  readonly metric: MetricKey;
  readonly range: RangeChoice;
  readonly mode: SeriesMode;
  readonly view: ChartView;
  /**
   * The y-axis starts at zero (absent in states saved before the toggle existed: on). On by
   * default: every figure is a count, and an axis cut above zero makes a small change look large.
   */
  readonly fromZero?: boolean;
  /** Day, week or month points (absent in states saved before the picker existed: day). */
  readonly granularity?: Granularity;
  /** A 7-day moving average drawn with each daily line (absent: off). */
  readonly movingAverage?: boolean;
}

export function granularityOf(state: Pick<ChartUiState, 'granularity'>): Granularity {
  return state.granularity ?? 'day';
}

/** The average is of days: week and month points have none (the toggle is off there). */
export function showsMovingAverage(state: Pick<ChartUiState, 'granularity' | 'movingAverage'>): boolean {
  return state.movingAverage === true && granularityOf(state) === 'day';
}

/** Whether the chart's y-axis starts at zero. */
export function startsAtZero(state: ChartUiState): boolean {
  return state.fromZero !== false;
}

export function defaultUiState(subject: ChartSubject, metric: MetricKey = 'chat_total'): ChartUiState {
  return {
    version: 1,
    subject,
    metric,
    range: { kind: 'preset', days: 30 },
    mode: 'sum',
    view: 'chart',
    fromZero: true,
    granularity: 'day',
    movingAverage: false,
  };
}

/** A stable identity for a subject (panel lookup, cache keys): owner order does not matter. */
export function subjectKey(subject: ChartSubject): string {
  return subject.kind === 'all' ? 'all' : 'owners:' + JSON.stringify([...new Set(subject.owners)].sort());
}

/** The days a range choice means now (presets end yesterday, CST). */
export function resolveRange(choice: RangeChoice, nowMs: number = Date.now()): DayRange {
  return choice.kind === 'preset' ? lastNDays(choice.days, nowMs) : { from: choice.from, to: choice.to };
}

/**
 * A typed day as `YYYY-MM-DD`: trims, takes "/" or "." as separators and pads a one-digit month
 * or day ("2026/1/5" → "2026-01-05"). Anything else is returned trimmed, for `checkChartRange`
 * to name it.
 */
export function normalizeDayInput(text: string): string {
  const trimmed = text.trim();
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(trimmed);
  return match ? `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}` : trimmed;
}

/**
 * `checkRange`, except that days before the server's window are allowed back to `oldestCached`:
 * cached history stays viewable after WeCom has dropped it.
 */
export function checkChartRange(
  from: CstDay,
  to: CstDay,
  nowMs: number,
  oldestCached?: CstDay,
): Localized | undefined {
  const reason = checkRange(from, to, nowMs);
  if (reason === undefined || oldestCached === undefined) {
    return reason;
  }
  const [f, t] = [tryParseCstDay(from), tryParseCstDay(to)];
  const inCachedHistory = f !== undefined && t !== undefined && f <= t && f >= oldestCached;
  return inCachedHistory && t <= allowedWindow(nowMs).to ? undefined : reason;
}
