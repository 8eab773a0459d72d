/**
 * Pure mapping from the host's by-day data to what is drawn: the lines (sum or one per owner)
 * and the figures of the cards. No DOM here.
 */
import type { CstDay } from '../shared/days';
import type { GroupChatStats, MetricKey } from '../shared/metrics';
import { METRIC_KEYS } from '../shared/metrics';
import type { ByDayData, InitMessage, SeriesMode } from '../shared/protocol';
import type { SeriesView } from './chart';

/** Compare needs at least two explicit owners. */
export function canCompare(init: InitMessage): boolean {
  return init.subject.kind === 'owners' && init.subject.owners.length > 1;
}

export function subjectLabel(init: InitMessage): string {
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
 * day is zero (owners who own no groups; WeCom answers them with zero rows, not an error).
 */
export function isEmpty(data: ByDayData): boolean {
  return data.total.every((stats) => stats === null || METRIC_KEYS.every((key) => !stats[key]));
}

export interface CardFigure {
  readonly metric: MetricKey;
  readonly value: number;
  /** Change from the day before, undefined when that day has no figures. */
  readonly change?: number;
}

export interface CardsView {
  readonly day: CstDay;
  readonly figures: readonly CardFigure[];
}

/** The last day of the range that has figures, with each figure's change from the day before. */
export function cardsFor(data: ByDayData): CardsView | undefined {
  for (let i = data.total.length - 1; i >= 0; i--) {
    const stats = data.total[i];
    if (stats) {
      const before: GroupChatStats | null = i > 0 ? data.total[i - 1] : null;
      return {
        day: data.days[i],
        figures: METRIC_KEYS.map((metric) => ({
          metric,
          value: stats[metric],
          change: before ? stats[metric] - before[metric] : undefined,
        })),
      };
    }
  }
  return undefined;
}
