/**
 * Pure mapping from the host's by-day data to what is drawn: the points (days, weeks or months),
 * the lines (sum or one per owner, each with its 7-day average when asked), the empty state and
 * the missing-day runs. No DOM here (unit-tested in Node); the cards' mapping
 * is in cardsModel.ts.
 */
import { cstClockTime, type CstDay } from '../shared/days';
import type { GroupChatStats, MetricKey } from '../shared/metrics';
import { METRIC_KEYS } from '../shared/metrics';
import type { ByDayData, ChartLabels, DayRevision, DaySeries, InitMessage } from '../shared/protocol';
import type { Granularity, SeriesMode } from '../shared/chartState';
import { movingAverageValues, shownFigures, type ShownPeriod } from '../analysis/chartPeriods';
import { MAX_COMPARE_OWNERS } from '../shared/chartState';
import { fill } from './text';

/** One line of the chart (a column of the table): its label and a value per day, null where none. */
export interface SeriesView {
  readonly label: string;
  readonly values: readonly (number | null)[];
  /** The palette entry (palette.ts): an average takes its line's. */
  readonly styleIndex: number;
  /** The 7-day moving average of the line before it. */
  readonly average: boolean;
  /** Per point, a revision to say in its tooltip ("revised: 1,203 → 1,210 at 11:02"); marks the point. */
  readonly notes?: readonly (string | undefined)[];
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

export function ownerName(init: InitMessage, owner: string): string {
  return init.owners.find((o) => o.id === owner)?.name ?? owner;
}

/** What the chart and the table show: which figure, whose lines, at what granularity. */
export interface ShownChoice {
  readonly metric: MetricKey;
  readonly mode: SeriesMode;
  readonly granularity: Granularity;
  /** Each daily line gets its 7-day average as a second line. */
  readonly movingAverage: boolean;
  readonly numberFormat: Intl.NumberFormat;
}

export interface ShownView {
  readonly periods: readonly ShownPeriod[];
  readonly series: readonly SeriesView[];
}

/** Compare mode has one line per owner when the data has them. */
export function comparing(data: ByDayData, init: InitMessage, mode: SeriesMode): boolean {
  return mode === 'compare' && data.perOwner !== undefined && canCompare(init);
}

interface Line {
  readonly label: string;
  /** Compare mode: whose line. */
  readonly owner?: string;
  readonly values: readonly (GroupChatStats | null)[];
  readonly days: DaySeries;
}

/** "revised: 1,203 → 1,210 at 11:02" on the days a later fetch changed (for this line's owners). */
function revisionNotes(
  data: ByDayData,
  init: InitMessage,
  line: Line,
  values: readonly (number | null)[],
  revisions: readonly DayRevision[],
  choice: ShownChoice,
): (string | undefined)[] {
  const index = new Map(data.days.map((day, i) => [day, i]));
  const notes: (string | undefined)[] = values.map(() => undefined);
  for (const revision of revisions) {
    const i = index.get(revision.day);
    const current = i === undefined ? null : values[i];
    let previous: number | undefined = revision.previous[choice.metric];
    if (line.owner !== undefined) {
      const own = revision.owners.find((o) => o.owner === line.owner);
      previous = own ? (own.previous?.[choice.metric] ?? 0) : undefined;
    }
    if (i === undefined || current === null || previous === undefined) {
      continue;
    }
    notes[i] = fill(init.labels.revised, {
      old: choice.numberFormat.format(previous),
      new: choice.numberFormat.format(current),
      time: cstClockTime(revision.revisedAt),
    });
  }
  return notes;
}

export function shownView(data: ByDayData, init: InitMessage, choice: ShownChoice): ShownView {
  const { metric } = choice;
  const compare = comparing(data, init, choice.mode);
  const shown = shownFigures(data, choice.granularity, compare);
  const lines: Line[] = compare
    ? (shown.perOwner ?? []).map((p, i) => ({
        label: ownerName(init, p.owner),
        owner: p.owner,
        values: p.values,
        days: data.perOwner?.[i]?.series ?? [],
      }))
    : [{ label: subjectLabel(init), values: shown.total, days: data.total }];
  // Revisions are of days: a week or a month point has none of its own.
  const revisions = choice.granularity === 'day' ? (data.revisions ?? []) : [];
  const average = choice.movingAverage && choice.granularity === 'day';
  const series = lines.flatMap((line, index): SeriesView[] => {
    const values = line.values.map((stats) => (stats ? stats[metric] : null));
    const own: SeriesView = {
      label: line.label,
      values,
      styleIndex: index,
      average: false,
      ...(revisions.length > 0 ? { notes: revisionNotes(data, init, line, values, revisions, choice) } : {}),
    };
    if (!average) {
      return [own];
    }
    const label =
      lines.length === 1 ? init.labels.movingAverage : `${line.label} · ${init.labels.movingAverage}`;
    return [
      own,
      { label, values: movingAverageValues(data, line.days, metric), styleIndex: index, average: true },
    ];
  });
  return { periods: shown.periods, series };
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
