/**
 * Pure mapping from the host's by-day data to what is drawn: the lines (sum or one per owner),
 * the empty state and the missing-day runs. No DOM here (unit-tested in Node); the cards' mapping
 * is in cardsModel.ts.
 */
import type { CstDay } from '../shared/days';
import type { MetricKey } from '../shared/metrics';
import { METRIC_KEYS } from '../shared/metrics';
import type { ByDayData, ChartLabels, InitMessage } from '../shared/protocol';
import type { SeriesMode } from '../shared/chartState';
import { MAX_COMPARE_OWNERS } from '../shared/chartState';
import { fill } from './text';

/** One line of the chart (a column of the table): its label and a value per day, null where none. */
export interface SeriesView {
  readonly label: string;
  readonly values: readonly (number | null)[];
}

/** Compare needs at least two explicit owners (more than the cap are refused with `compareCap`). */
export function canCompare(init: InitMessage): boolean {
  return init.subject.kind === 'owners' && init.subject.owners.length > 1;
}

/** Why compare mode is refused for this subject (too many owners for one line each), if it is. */
export function compareCap(init: InitMessage): string | undefined {
  const n = init.subject.kind === 'owners' ? new Set(init.subject.owners).size : 0;
  return n > MAX_COMPARE_OWNERS ? fill(init.labels.compareCap, { max: MAX_COMPARE_OWNERS, n }) : undefined;
}

/** Sorted days as runs of consecutive days: "2026-11-20", "2026-11-22 … 2026-11-25". */
export function dayRuns(days: readonly CstDay[], all: readonly CstDay[]): string[] {
  const index = new Map(all.map((day, i) => [day, i]));
  const runs: string[] = [];
  let start: CstDay | undefined;
  let prev: CstDay | undefined;
  const flush = (): void => {
    if (start !== undefined && prev !== undefined) {
      runs.push(start === prev ? start : `${start} … ${prev}`);
    }
  };
  for (const day of [...days].sort()) {
    if (prev !== undefined && index.get(day) === (index.get(prev) ?? -2) + 1) {
      prev = day;
      continue;
    }
    flush();
    start = day;
    prev = day;
  }
  flush();
  return runs;
}

/** "WeCom did not report 2026-11-20, 2026-11-22 … 2026-11-25 for every owner", when days are missing. */
export function missingDaysText(data: ByDayData, labels: ChartLabels): string | undefined {
  return data.missingDays.length > 0
    ? fill(labels.missingDays, { days: dayRuns(data.missingDays, data.days).join(', ') })
    : undefined;
}

function subjectLabel(init: InitMessage): string {
  if (init.subject.kind === 'all') {
    return init.labels.allOwners;
  }
  if (init.owners.length === 1) {
    return init.owners[0].name;
  }
  return init.labels.sum;
}

function ownerName(init: InitMessage, owner: string): string {
  return init.owners.find((o) => o.id === owner)?.name ?? owner;
}

export function seriesFor(
  data: ByDayData,
  init: InitMessage,
  metric: MetricKey,
  mode: SeriesMode,
): SeriesView[] {
  if (mode === 'compare' && data.perOwner && canCompare(init)) {
    return data.perOwner.map((p) => ({
      label: ownerName(init, p.owner),
      values: p.series.map((stats) => (stats ? stats[metric] : null)),
    }));
  }
  return [{ label: subjectLabel(init), values: data.total.map((stats) => (stats ? stats[metric] : null)) }];
}

/**
 * True when there is nothing to draw: no day in the range has figures, or every figure of every
 * day is zero (owners who own no groups; WeCom answers them with zero rows, not an error). Never
 * when days are missing: then the panel says which, it does not claim there is no data.
 */
export function isEmpty(data: ByDayData): boolean {
  return (
    data.missingDays.length === 0 &&
    data.total.every((stats) => stats === null || METRIC_KEYS.every((key) => !stats[key]))
  );
}
