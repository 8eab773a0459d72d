/**
 * What the owners view says about where a day's figures came from, as plain data (no vscode, so
 * it is unit-tested in Node): how a figure was revised (each earlier value the store kept, and
 * when the later fetch replaced it), and when the day was synced.
 */
import { cstClockTime, cstToday, dayFromTs, type CstDay } from '../../shared/days';
import { METRIC_KEYS, type GroupChatStats, type MetricKey } from '../../shared/metrics';
import type { Revision } from '../../store/types';

/** One change of one figure: `from` → `to`, when the later fetch arrived (ms). */
export interface FigureRevision {
  /** Undefined when WeCom had not returned the owner then. */
  readonly from: number | undefined;
  /** Undefined when WeCom did not return the owner in the later fetch. */
  readonly to: number | undefined;
  readonly at: number;
}

/**
 * The changes of `metric`, oldest first: each kept revision against the value that replaced it
 * (the next revision, or the current value). Revisions that left this figure as it was are skipped.
 */
export function figureRevisions(
  revisions: readonly Revision[],
  current: GroupChatStats | undefined,
  metric: MetricKey,
): FigureRevision[] {
  const values = [...revisions.map((r) => (r.absent ? undefined : r.data?.[metric])), current?.[metric]];
  const changes: FigureRevision[] = [];
  revisions.forEach((revision, i) => {
    if (values[i] !== values[i + 1]) {
      changes.push({ from: values[i], to: values[i + 1], at: revision.replacedAt });
    }
  });
  return changes;
}

/** The figures with at least one change, in METRIC_KEYS order. */
export function revisedMetrics(
  revisions: readonly Revision[] | undefined,
  current: GroupChatStats | undefined,
): MetricKey[] {
  if (!revisions?.length) {
    return [];
  }
  return METRIC_KEYS.filter((metric) => figureRevisions(revisions, current, metric).length > 0);
}

/** A CST time as the view words it: `HH:MM`, with the day when it was not today (CST). */
export interface CstMoment {
  readonly time: string;
  /** Set when the moment is not on today's CST date. */
  readonly day?: CstDay;
}

export function cstMoment(ms: number, nowMs: number): CstMoment {
  const day = dayFromTs(ms / 1000);
  return day === cstToday(nowMs) ? { time: cstClockTime(ms) } : { time: cstClockTime(ms), day };
}
