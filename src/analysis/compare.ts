/**
 * Comparisons over a day series: day over day, week over week (the same weekday a week before),
 * a period against the previous period of the same length, and the 7-day moving average. A side
 * that is not known gives null, never a zero.
 */
import { addDays, daysBetween, listDays, type CstDay, type DayRange } from '../shared/days';
import { figureKind } from '../shared/glossary';
import type { MetricKey } from '../shared/metrics';
import { previousRange } from './periods';
import type { DaySeries } from './series';

export interface Comparison {
  readonly current: number | null;
  readonly previous: number | null;
  /** current − previous. */
  readonly delta: number | null;
  /** delta / previous; null when previous is 0 or unknown. */
  readonly ratio: number | null;
  /** Both sides known for every owner and final. */
  readonly complete: boolean;
}

function compare(current: number | null, previous: number | null, complete: boolean): Comparison {
  const delta = current !== null && previous !== null ? current - previous : null;
  const ratio = delta !== null && previous !== null && previous !== 0 ? delta / previous : null;
  return { current, previous, delta, ratio, complete };
}

function lookup(
  series: DaySeries,
): (day: CstDay, key: MetricKey) => { value: number | null; settled: boolean } {
  const points = new Map(series.points.map((p) => [p.day, p]));
  return (day, key) => {
    const p = points.get(day);
    return { value: p?.data ? p.data[key] : null, settled: p?.settled === true };
  };
}

/** `day` against the day before. */
export function dayOverDay(series: DaySeries, day: CstDay, key: MetricKey): Comparison {
  const at = lookup(series);
  const a = at(day, key);
  const b = at(addDays(day, -1), key);
  return compare(a.value, b.value, a.settled && b.settled);
}

/** `day` against the same weekday of the week before. */
export function weekOverWeek(series: DaySeries, day: CstDay, key: MetricKey): Comparison {
  const at = lookup(series);
  const a = at(day, key);
  const b = at(addDays(day, -7), key);
  return compare(a.value, b.value, a.settled && b.settled);
}

/**
 * The figure over `range` (sum for a flow, value on the last day for an as-of figure) against
 * the same figure over the same number of days just before. The series must hold both ranges.
 */
export function periodOverPrevious(series: DaySeries, range: DayRange, key: MetricKey): Comparison {
  const a = overRange(series, range, key);
  const b = overRange(series, previousRange(range), key);
  return compare(a.value, b.value, a.complete && b.complete);
}

/** A figure over a range: null when a day it needs is unknown. */
export function overRange(
  series: DaySeries,
  range: DayRange,
  key: MetricKey,
): { value: number | null; complete: boolean } {
  const at = lookup(series);
  const days = listDays(range);
  const complete = days.every((d) => at(d, key).settled);
  if (figureKind(key) !== 'flow') {
    return { value: at(range.to, key).value, complete };
  }
  let sum = 0;
  for (const day of days) {
    const v = at(day, key).value;
    if (v === null) {
      return { value: null, complete: false };
    }
    sum += v;
  }
  return { value: sum, complete };
}

/** The mean of the `window` days ending on each day; null unless all of them are known. */
export function movingAverage(
  series: DaySeries,
  key: MetricKey,
  window = 7,
): { day: CstDay; value: number | null }[] {
  const values = series.points.map((p) => (p.data ? p.data[key] : null));
  const first = series.range.from;
  return series.points.map((p, i) => {
    if (i + 1 < window || daysBetween(first, p.day) !== i) {
      return { day: p.day, value: null };
    }
    let sum = 0;
    for (let j = i - window + 1; j <= i; j++) {
      const v = values[j];
      if (v === null) {
        return { day: p.day, value: null };
      }
      sum += v;
    }
    return { day: p.day, value: sum / window };
  });
}
