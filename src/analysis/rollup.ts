/**
 * Week and month roll-ups that respect flows and as-of figures: flows are summed over the days;
 * an as-of figure is its value on the period's last available day, with its change over the
 * period (that value minus the value on the day before the period). A period with a missing or
 * provisional day is `complete: false`: its sums are never passed off as whole.
 */
import { addDays, type CstDay, type DayRange } from '../shared/days';
import { AS_OF_KEYS, FLOW_KEYS } from '../shared/glossary';
import { METRIC_KEYS, type GroupChatStats, type MetricKey } from '../shared/metrics';
import { periodsCovering, type Period, type PeriodKind } from './periods';
import type { DaySeries } from './series';

/** A figure per key; null when no day of the period has figures. */
export type Figures = Record<MetricKey, number | null>;

export interface Rollup {
  readonly period: string;
  readonly from: string;
  readonly to: string;
  /** Every day of the whole period is in the range, known for every owner and final. */
  readonly complete: boolean;
  readonly data: Figures;
  /** As-of figures only: last available day minus the day before the period (null if unknown). */
  readonly change: Partial<Figures>;
  /** The day the as-of values are taken from (the last day with figures), if any. */
  readonly asOfDay?: string;
}

/**
 * Roll-ups of `series` by week or month. Periods are clipped to the series' range (a clipped
 * period is not complete); the day before each period must be in the series for its change, so
 * callers load one day before `from` (`rollupRange`).
 */
export function rollup(series: DaySeries, range: DayRange, by: PeriodKind): Rollup[] {
  return rollupSegments(
    series.points.map((p) => ({ from: p.day, to: p.day, sums: p.data, last: p.data, settled: p.settled })),
    range,
    by,
  );
}

/**
 * What a roll-up reads of a run of days (the store's `RunSum` fits): the sum over its days and
 * the figures of its last day. A run of more than one day is settled (every day complete and
 * final); a day not complete has no figures the roll-up may use.
 */
export interface RunLike {
  readonly from: CstDay;
  readonly to: CstDay;
  readonly data: GroupChatStats;
  readonly last: GroupChatStats;
  readonly complete: boolean;
  readonly final: boolean;
}

/**
 * `rollup` over runs instead of days: the same roll-ups as `rollup(seriesFromSums(…))` of the
 * runs' days, when no run crosses a cut of `rollupCuts(range, by)` (the store's `sumByRuns`).
 */
export function rollupRuns(runs: readonly RunLike[], range: DayRange, by: PeriodKind): Rollup[] {
  return rollupSegments(
    runs.map((r) => ({
      from: r.from,
      to: r.to,
      // As seriesFromSums: an incomplete day's partial sum is not the set's figure.
      sums: r.complete ? r.data : undefined,
      last: r.complete ? r.last : undefined,
      settled: r.complete && r.final,
    })),
    range,
    by,
  );
}

/** The days a run must start on for `rollupRuns(…, range, by)`: each period's first day in the range. */
export function rollupCuts(range: DayRange, by: PeriodKind): CstDay[] {
  return periodsCovering(range, by).map((p) => (p.from < range.from ? range.from : p.from));
}

/** The days a roll-up of `range` reads: the range and the day before it. */
export function rollupRange(range: DayRange): DayRange {
  return { from: addDays(range.from, -1), to: range.to };
}

/** Consecutive days: figures summed over them (undefined when unknown) and the last day's. */
interface Segment {
  readonly from: CstDay;
  readonly to: CstDay;
  readonly sums?: GroupChatStats;
  readonly last?: GroupChatStats;
  readonly settled: boolean;
}

function rollupSegments(segments: readonly Segment[], range: DayRange, by: PeriodKind): Rollup[] {
  const starts = new Map(segments.map((s) => [s.from, s]));
  const ends = new Map(segments.map((s) => [s.to, s]));
  return periodsCovering(range, by).map((period) => rollupOne(period, range, starts, ends));
}

function rollupOne(
  period: Period,
  range: DayRange,
  starts: ReadonlyMap<string, Segment>,
  ends: ReadonlyMap<string, Segment>,
): Rollup {
  const from = period.from < range.from ? range.from : period.from;
  const to = period.to > range.to ? range.to : period.to;
  let complete = from === period.from && to === period.to;
  const sums: Partial<Record<MetricKey, number>> = {};
  let last: Segment | undefined;
  let anyData = false;
  for (let day = from; day <= to;) {
    const segment = starts.get(day);
    if (!segment) {
      // A day nothing is known of.
      complete = false;
      day = addDays(day, 1);
      continue;
    }
    if (segment.to > to) {
      throw new RangeError(`a run ${segment.from}…${segment.to} crosses the end of ${period.id}`);
    }
    complete &&= segment.settled;
    if (segment.sums) {
      anyData = true;
      last = segment;
      for (const key of FLOW_KEYS) {
        sums[key] = (sums[key] ?? 0) + segment.sums[key];
      }
    }
    day = addDays(segment.to, 1);
  }
  const before = ends.get(addDays(from, -1))?.last;
  const data = {} as Figures;
  const change: Partial<Figures> = {};
  for (const key of METRIC_KEYS) {
    data[key] = !anyData ? null : FLOW_KEYS.includes(key) ? (sums[key] ?? 0) : (last?.last?.[key] ?? null);
  }
  for (const key of AS_OF_KEYS) {
    const end = data[key];
    change[key] = end === null || before === undefined ? null : end - before[key];
  }
  return { period: period.id, from, to, complete, data, change, ...(last ? { asOfDay: last.to } : {}) };
}

/** The figures of a roll-up as a whole `GroupChatStats` when every value is known. */
export function knownFigures(figures: Figures): GroupChatStats | undefined {
  return METRIC_KEYS.every((k) => figures[k] !== null) ? (figures as GroupChatStats) : undefined;
}
