/**
 * The cards above the chart, as data: the latest day of the range with figures, each figure's
 * change from the day before, and the texts the cards show. Yesterday's cards say when they were
 * fetched and are marked provisional when that was before 10:00 CST (the rule in shared/days, the
 * same as the owners tree's). No DOM here (unit-tested in Node); cards.ts draws it.
 */
import type { CstDay } from '../shared/days';
import { cstClockTime, isProvisional } from '../shared/days';
import type { UiLanguage } from '../shared/i18n';
import type { GroupChatStats, MetricKey } from '../shared/metrics';
import { METRIC_KEYS, metricLabel } from '../shared/metrics';
import type { ByDayData, ChartLabels } from '../shared/protocol';
import { fill } from './text';

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

/** What the cards are drawn from. */
export interface CardsInput {
  readonly view: CardsView;
  /** The cards' day is yesterday (the newest day WeCom reports). */
  readonly isYesterday: boolean;
  /** When yesterday's figures were fetched (ms), if known. */
  readonly yesterdayFetchedAt: number | undefined;
  /** Shown after the day when the cards sum several owners (e.g. "Sum of owners"). */
  readonly whose: string | undefined;
  readonly selected: MetricKey;
  readonly labels: ChartLabels;
  readonly lang: UiLanguage;
  readonly numberFormat: Intl.NumberFormat;
}

export interface CardText {
  readonly metric: MetricKey;
  readonly label: string;
  readonly value: string;
  readonly selected: boolean;
  /** "+12 vs. day before", absent when the day before has no figures. */
  readonly change?: string;
  readonly direction?: 'up' | 'down';
}

export interface CardsText {
  /** "Yesterday · 2026-11-26 · Sum of owners · Provisional". */
  readonly heading: string;
  readonly provisional: boolean;
  /** When yesterday's figures were fetched, and whether they may still change. */
  readonly fetchedNote?: string;
  readonly cards: readonly CardText[];
}

export function cardsText(input: CardsInput): CardsText {
  const { view, labels, numberFormat } = input;
  const fetchedAt = input.isYesterday ? input.yesterdayFetchedAt : undefined;
  const provisional = fetchedAt !== undefined && isProvisional(view.day, fetchedAt);
  const day = input.isYesterday ? `${labels.yesterday} · ${view.day}` : view.day;
  const cards = view.figures.map((figure): CardText => {
    const change = figure.change;
    const text: CardText = {
      metric: figure.metric,
      label: metricLabel(figure.metric, input.lang),
      value: numberFormat.format(figure.value),
      selected: figure.metric === input.selected,
    };
    if (change === undefined) {
      return text;
    }
    const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
    return {
      ...text,
      change: `${sign}${numberFormat.format(Math.abs(change))} ${labels.vsDayBefore}`,
      direction: change > 0 ? 'up' : change < 0 ? 'down' : undefined,
    };
  });
  return {
    heading: [day, input.whose, provisional ? labels.provisional : undefined].filter(Boolean).join(' · '),
    provisional,
    fetchedNote:
      fetchedAt === undefined
        ? undefined
        : fill(provisional ? labels.provisionalHint : labels.fetchedAt, { time: cstClockTime(fetchedAt) }),
    cards,
  };
}
