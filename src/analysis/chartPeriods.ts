/**
 * The chart's points at the granularity the user picked, from the host's by-day figures: a day
 * each, or ISO weeks / months rolled up by the rules of `rollup.ts` (flows summed, as-of figures
 * at the period's last available day). A period that lacks a day (missing, provisional, or outside
 * the range) is `complete: false`, drawn and exported as such, never passed off as whole. The
 * webview draws these points and the host's CSV writes the same ones: one source for both.
 */
import type { Granularity } from '../shared/chartState';
import { MOVING_AVERAGE_DAYS } from '../shared/chartState';
import type { CstDay } from '../shared/days';
import type { GroupChatStats, MetricKey } from '../shared/metrics';
import type { ByDayData } from '../shared/protocol';
import { movingAverage } from './compare';
import { knownFigures, rollup } from './rollup';
import type { DaySeries } from './series';

/** One point of the chart, one row of the table and of the CSV. */
export interface ShownPeriod {
  /** `2026-11-28`, `2026-W48` or `2026-11`. */
  readonly id: string;
  /** The days of the range it covers (a period at an end of the range is clipped to it). */
  readonly from: CstDay;
  readonly to: CstDay;
  /** Has figures, and every day of the whole period is in the range, reported and final. */
  readonly complete: boolean;
}

export interface ShownFigures {
  readonly periods: readonly ShownPeriod[];
  /** Per period: the figures, or null when no day of it has any. */
  readonly total: readonly (GroupChatStats | null)[];
  /** Compare mode: the same per owner. */
  readonly perOwner?: readonly {
    readonly owner: string;
    readonly values: readonly (GroupChatStats | null)[];
  }[];
}

/** The analysis view of one by-day series: a day is settled when it has figures and is final. */
export function daySeriesOf(data: ByDayData, values: readonly (GroupChatStats | null)[]): DaySeries {
  const provisional = new Set(data.provisionalDays ?? []);
  return {
    range: { from: data.from, to: data.to },
    points: data.days.map((day, i) => {
      const stats = values[i];
      return stats ? { day, data: stats, settled: !provisional.has(day) } : { day, settled: false };
    }),
  };
}

/** `values` (one per day of `data`) at `granularity`. */
function periodsOf(
  data: ByDayData,
  values: readonly (GroupChatStats | null)[],
  granularity: Granularity,
): { periods: ShownPeriod[]; values: (GroupChatStats | null)[] } {
  const series = daySeriesOf(data, values);
  if (granularity === 'day') {
    return {
      periods: series.points.map((p) => ({ id: p.day, from: p.day, to: p.day, complete: p.settled })),
      values: [...values],
    };
  }
  const rolled = rollup(series, series.range, granularity);
  return {
    periods: rolled.map((r) => {
      const known = knownFigures(r.data) !== undefined;
      return { id: r.period, from: r.from, to: r.to, complete: r.complete && known };
    }),
    values: rolled.map((r) => knownFigures(r.data) ?? null),
  };
}

export function shownFigures(data: ByDayData, granularity: Granularity, perOwner: boolean): ShownFigures {
  const total = periodsOf(data, data.total, granularity);
  return {
    periods: total.periods,
    total: total.values,
    perOwner:
      perOwner && data.perOwner
        ? data.perOwner.map((p) => ({
            owner: p.owner,
            values: periodsOf(data, p.series, granularity).values,
          }))
        : undefined,
  };
}

/** The 7-day moving average of one daily series' figure: null until seven known days end a point. */
export function movingAverageValues(
  data: ByDayData,
  values: readonly (GroupChatStats | null)[],
  metric: MetricKey,
): (number | null)[] {
  return movingAverage(daySeriesOf(data, values), metric, MOVING_AVERAGE_DAYS).map((p) =>
    p.value === null ? null : Math.round(p.value * 10) / 10,
  );
}
