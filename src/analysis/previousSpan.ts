/**
 * The span a chart's cards are set against: the previous one of the same length. Over a range of
 * days that is the same number of days just before it; over a week, the same weekdays of the week
 * before; over a month, the month before (whole when the span is the whole month, else its first
 * days, as many as the span has). Pure day arithmetic; the values come from `overRange`.
 */
import type { Granularity } from '../shared/chartState';
import { addDays, daysBetween, listDays, type CstDay, type DayRange } from '../shared/days';
import type { MetricKey } from '../shared/metrics';
import { figureKind } from '../shared/glossary';
import { overRange } from './compare';
import { isoWeekId, periodOf, previousRange } from './periods';
import type { DaySeries } from './series';

export interface PreviousSpan extends DayRange {
  /**
   * How the cards name it: the previous `days` days (day granularity), or a whole week or month's
   * id (`2026-W47`, `2026-10`), or its days (`2026-10-01 … 2026-10-28`).
   */
  readonly name: { readonly period: string } | { readonly days: number };
}

/** The span before `current` (days `from`…`to` of the range) at `granularity`. */
export function previousSpan(current: DayRange, granularity: Granularity): PreviousSpan {
  const length = daysBetween(current.from, current.to) + 1;
  if (granularity === 'day') {
    return { ...previousRange(current), name: { days: length } };
  }
  const period = periodOf(current.from, granularity);
  const whole = period.from === current.from && period.to === current.to;
  if (granularity === 'week') {
    const from = addDays(current.from, -7);
    const to = addDays(current.to, -7);
    return { from, to, name: { period: whole ? isoWeekId(from) : spanText(from, to) } };
  }
  const before = periodOf(addDays(period.from, -1), 'month');
  if (whole) {
    return { from: before.from, to: before.to, name: { period: before.id } };
  }
  // The same days of the month before, cut at its end (31 March against 28 February).
  const first = daysBetween(period.from, current.from);
  const from = addDays(before.from, first);
  if (from > before.to) {
    return { from: before.to, to: before.to, name: { period: before.to } };
  }
  const to = addDays(from, length - 1) > before.to ? before.to : addDays(from, length - 1);
  return { from, to, name: { period: spanText(from, to) } };
}

function spanText(from: CstDay, to: CstDay): string {
  return from === to ? from : `${from} … ${to}`;
}

export interface SpanComparison {
  /** The figure over the previous span: a flow's sum, an as-of figure on its last day. */
  readonly previous?: number;
  /** Days of the previous span whose figures the figure needs and the series lacks. */
  readonly missing: number;
}

/** `key` over `span` in `series`, or how many of the days it needs are unknown. */
export function figureOverSpan(series: DaySeries, span: DayRange, key: MetricKey): SpanComparison {
  const { value } = overRange(series, span, key);
  if (value !== null) {
    return { previous: value, missing: 0 };
  }
  const known = new Set(series.points.filter((p) => p.data).map((p) => p.day));
  const needed: readonly CstDay[] = figureKind(key) === 'flow' ? listDays(span) : [span.to];
  return { missing: needed.filter((day) => !known.has(day)).length };
}
