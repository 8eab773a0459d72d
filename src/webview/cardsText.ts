/**
 * The cards' texts in the UI language, from their data (cardsModel.ts): each card's value and
 * what it covers, its changes against the day before, the same weekday a week before and the
 * previous span, and the heading with yesterday's fetch note. No DOM here (unit-tested in Node);
 * cards.ts draws it.
 */
import { addDays, cstClockTime, daysBetween, isProvisional } from '../shared/days';
import { figureKind } from '../shared/glossary';
import type { UiLanguage } from '../shared/i18n';
import type { MetricKey } from '../shared/metrics';
import { metricLabel } from '../shared/metrics';
import type { ChartLabels } from '../shared/protocol';
import type { CardFigure, CardsView } from './cardsModel';
import { fill } from './text';
/** What the cards are drawn from. */
export interface CardsInput {
  readonly view: CardsView;
  /** The cards' day is yesterday (the newest day WeCom reports). */
  readonly isYesterday: boolean;
  /** When yesterday's figures were fetched (ms), if known. */
  readonly yesterdayFetchedAt: number | undefined;
  /** Shown after the span when the cards sum several owners (e.g. "Sum of owners"). */
  readonly whose: string | undefined;
  readonly selected: MetricKey;
  readonly labels: ChartLabels;
  readonly lang: UiLanguage;
  readonly numberFormat: Intl.NumberFormat;
}

export interface CardChange {
  /** "+12 vs. day before". */
  readonly text: string;
  readonly direction?: 'up' | 'down';
}

export interface CardText {
  readonly metric: MetricKey;
  /** The figure's name; in one-line-per-owner mode the owner's. */
  readonly label: string;
  /** The span's value, or "—" when a flow's span lacks a day. */
  readonly value: string;
  readonly selected: boolean;
  /** What the value is: "Total over 30 days", "On 2026-11-28 · +12 since 2026-10-30". */
  readonly basis?: string;
  /** A flow's latest day: "Yesterday: 45". */
  readonly dayLine?: string;
  /** The latest day against the day before and the same weekday a week before (when known). */
  readonly changes: readonly CardChange[];
}

export interface CardsText {
  /** "2026-10-31 … 2026-11-29 (CST) · Sum of owners · Provisional". */
  readonly heading: string;
  readonly provisional: boolean;
  /** When yesterday's figures were fetched, and whether they may still change. */
  readonly fetchedNote?: string;
  /** No card could be set against the previous span: said once here, not on every card. */
  readonly previousNote?: string;
  readonly cards: readonly CardText[];
}

function signed(change: number, numberFormat: Intl.NumberFormat): string {
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  return `${sign}${numberFormat.format(Math.abs(change))}`;
}

function changeText(
  change: number | undefined,
  label: string,
  numberFormat: Intl.NumberFormat,
  previous?: number,
): CardChange[] {
  if (change === undefined) {
    return [];
  }
  const direction = change > 0 ? 'up' : change < 0 ? 'down' : undefined;
  // The relative change too, when there is one and a base to divide by.
  const ratio =
    previous === undefined || previous === 0 || change === 0
      ? ''
      : ` (${signed(Math.round((change / Math.abs(previous)) * 1000) / 10, numberFormat)}%)`;
  return [{ text: `${signed(change, numberFormat)}${ratio} ${label}`, ...(direction ? { direction } : {}) }];
}

/** The card against the previous span: the change, or which days of it the history lacks. */
function previousText(view: CardsView, figure: CardFigure, input: CardsInput): CardChange[] {
  const { previous } = view;
  const { labels, numberFormat } = input;
  if (figure.previousValue !== undefined && figure.value !== undefined) {
    const label =
      'days' in previous.name
        ? fill(labels.vsPreviousDays, { n: previous.name.days })
        : fill(labels.vsPeriod, { period: previous.name.period });
    return changeText(figure.value - figure.previousValue, label, numberFormat, figure.previousValue);
  }
  if (figure.previousMissing === 0) {
    return [];
  }
  // An as-of figure needs only the previous span's last day: name that one.
  const from = figureKind(figure.metric) === 'flow' ? previous.from : previous.to;
  const days = from === previous.to ? from : `${from} … ${previous.to}`;
  return [{ text: fill(labels.previousMissing, { days, n: figure.previousMissing }) }];
}

function sameAsWeekBefore(view: CardsView, figure: CardFigure): boolean {
  return (
    figureKind(figure.metric) !== 'flow' &&
    figure.previousValue !== undefined &&
    view.previous.to === addDays(view.day, -7)
  );
}

/** Why no card is compared with the previous span (the history lacks it), when none is. */
function previousNote(input: CardsInput): string | undefined {
  const { view, labels } = input;
  const missing = Math.max(0, ...view.figures.map((f) => f.previousMissing));
  if (missing === 0 || view.figures.some((f) => f.previousValue !== undefined)) {
    return undefined;
  }
  const { from, to } = view.previous;
  return fill(labels.previousMissing, { days: from === to ? from : `${from} … ${to}`, n: missing });
}

/**
 * The texts of one card; `label` is the figure's name, or the owner's in compare mode.
 * `previousSaid`: the heading already says the previous span cannot be compared.
 */
export function cardText(
  input: CardsInput,
  figure: CardFigure,
  label: string,
  previousSaid = false,
): CardText {
  const { view, labels, numberFormat } = input;
  const { span } = view;
  const oneDay = span.from === span.to;
  const dayName = input.isYesterday ? labels.yesterday : view.day;
  const flow = figureKind(figure.metric) === 'flow';
  let basis: string | undefined;
  if (flow && figure.value === undefined) {
    basis = fill(labels.daysWithoutFigures, { n: span.missing });
  } else if (flow && !oneDay) {
    basis = span.period
      ? fill(labels.totalIn, { period: span.period })
      : fill(labels.totalOverDays, { n: daysBetween(span.from, span.to) + 1 });
  } else if (!flow && !oneDay) {
    const since =
      figure.spanChange === undefined || figure.spanChangeFrom === undefined
        ? undefined
        : fill(labels.changeSince, {
            change: signed(figure.spanChange, numberFormat),
            day: figure.spanChangeFrom,
          });
    const on = input.isYesterday ? labels.yesterday : fill(labels.onDay, { day: view.day });
    basis = [on, since].filter(Boolean).join(' · ');
  }
  return {
    metric: figure.metric,
    label,
    value: figure.value === undefined ? '—' : numberFormat.format(figure.value),
    selected: figure.metric === input.selected,
    ...(basis ? { basis } : {}),
    ...(flow && !oneDay
      ? { dayLine: fill(labels.dayValue, { day: dayName, value: numberFormat.format(figure.dayValue) }) }
      : {}),
    changes: [
      ...changeText(figure.dayChange, labels.vsDayBefore, numberFormat),
      // An as-of figure against the week before says the same as against the same day last week.
      ...(sameAsWeekBefore(view, figure)
        ? []
        : changeText(figure.weekChange, labels.vsWeekBefore, numberFormat)),
      ...(previousSaid ? [] : previousText(view, figure, input)),
    ],
  };
}

/** The heading and the fetch note of a set of cards over `view`'s span. */
export function cardsHeading(input: CardsInput, prefix?: string): Omit<CardsText, 'cards'> {
  const { view, labels } = input;
  const { span } = view;
  const fetchedAt = input.isYesterday ? input.yesterdayFetchedAt : undefined;
  const provisional = fetchedAt !== undefined && isProvisional(view.day, fetchedAt);
  const days = fill(labels.cstDays, {
    days: span.from === span.to ? span.from : `${span.from} … ${span.to}`,
  });
  const when =
    span.from === span.to && input.isYesterday
      ? `${labels.yesterday} · ${days}`
      : span.period
        ? `${span.period} · ${days}`
        : days;
  const incomplete = span.period && !span.complete ? labels.incomplete : undefined;
  return {
    heading: [prefix, when, input.whose, incomplete, provisional ? labels.provisional : undefined]
      .filter(Boolean)
      .join(' · '),
    provisional,
    fetchedNote:
      fetchedAt === undefined
        ? undefined
        : fill(provisional ? labels.provisionalHint : labels.fetchedAt, { time: cstClockTime(fetchedAt) }),
  };
}

export function cardsText(input: CardsInput): CardsText {
  const note = previousNote(input);
  return {
    ...cardsHeading(input),
    ...(note === undefined ? {} : { previousNote: note }),
    cards: input.view.figures.map((figure) =>
      cardText(input, figure, metricLabel(figure.metric, input.lang), note !== undefined),
    ),
  };
}
