/**
 * Week and month roll-ups that respect flows and as-of figures: flows are summed over the days;
 * an as-of figure is its value on the period's last available day, with its change over the
 * period (that value minus the value on the day before the period). A period with a missing or
 * provisional day is `complete: false`: its sums are never passed off as whole.
 */
import { addDays, type DayRange } from '../shared/days';
import { AS_OF_KEYS, FLOW_KEYS } from '../shared/glossary';
import { METRIC_KEYS, type GroupChatStats, type MetricKey } from '../shared/metrics';
import { periodsCovering, type Period, type PeriodKind } from './periods';
import type { DayPoint, DaySeries } from './series';

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
  const points = new Map(series.points.map((p) => [p.day, p]));
  return periodsCovering(range, by).map((period) => rollupOne(period, range, points));
}

/** The days a roll-up of `range` reads: the range and the day before it. */
export function rollupRange(range: DayRange): DayRange {
  return { from: addDays(range.from, -1), to: range.to };
}

function rollupOne(period: Period, range: DayRange, points: ReadonlyMap<string, DayPoint>): Rollup {
  const from = period.from < range.from ? range.from : period.from;
  const to = period.to > range.to ? range.to : period.to;
  let complete = from === period.from && to === period.to;
  const sums: Partial<Record<MetricKey, number>> = {};
  let last: DayPoint | undefined;
  let anyData = false;
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const point = points.get(day);
    complete &&= point?.settled === true;
    if (point?.data) {
      anyData = true;
      last = point;
      for (const key of FLOW_KEYS) {
        sums[key] = (sums[key] ?? 0) + point.data[key];
      }
    }
  }
  const before = points.get(addDays(from, -1))?.data;
  const data = {} as Figures;
  const change: Partial<Figures> = {};
  for (const key of METRIC_KEYS) {
    data[key] = !anyData ? null : FLOW_KEYS.includes(key) ? (sums[key] ?? 0) : (last?.data?.[key] ?? null);
  }
  for (const key of AS_OF_KEYS) {
    const end = data[key];
    change[key] = end === null || before === undefined ? null : end - before[key];
  }
  return { period: period.id, from, to, complete, data, change, ...(last ? { asOfDay: last.day } : {}) };
}

/** The figures of a roll-up as a whole `GroupChatStats` when every value is known. */
export function knownFigures(figures: Figures): GroupChatStats | undefined {
  return METRIC_KEYS.every((k) => figures[k] !== null) ? (figures as GroupChatStats) : undefined;
}
