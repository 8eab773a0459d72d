/**
 * The cards above the chart, as data. A card covers a span: the whole range at day granularity,
 * the latest week or month otherwise. A flow shows its total over the span (only when every day of
 * it has figures); an as-of figure its value on the latest day, with its change since the day
 * before the span. Each card also gives the latest day's value (flows), its change from the day
 * before and from the same weekday a week before. The comparisons are `src/analysis`'s.
 * Yesterday's cards say when they were fetched and are marked provisional when that was before
 * 10:00 CST (the rule in shared/days). No DOM here (unit-tested in Node); cards.ts draws it.
 */
import { daySeriesOf } from '../analysis/chartPeriods';
import { dayOverDay, overRange, weekOverWeek } from '../analysis/compare';
import type { DerivationInput } from '../analysis/derived';
import { periodOf } from '../analysis/periods';
import type { Granularity } from '../shared/chartState';
import type { CstDay } from '../shared/days';
import { addDays, cstClockTime, daysBetween, isProvisional } from '../shared/days';
import { figureKind } from '../shared/glossary';
import type { UiLanguage } from '../shared/i18n';
import type { GroupChatStats, MetricKey } from '../shared/metrics';
import { METRIC_KEYS, metricLabel } from '../shared/metrics';
import type { ByDayData, ChartLabels, DaySeries } from '../shared/protocol';
import { fill } from './text';

export interface CardSpan {
  readonly from: CstDay;
  readonly to: CstDay;
  /** The week or month id when the span is one (`2026-W48`, `2026-11`). */
  readonly period?: string;
  /** Days of the span without figures. */
  readonly missing: number;
  /** A week or month: every day of the whole period is in the range, has figures and is final. */
  readonly complete: boolean;
}

export interface CardFigure {
  readonly metric: MetricKey;
  /** A flow's total over the span, an as-of figure's value on the latest day; undefined when unknown. */
  readonly value?: number;
  /**
   * As-of: the change since `spanChangeFrom`, the day before the span when the range holds it (the
   * roll-up's rule), else the span's first day with figures.
   */
  readonly spanChange?: number;
  readonly spanChangeFrom?: CstDay;
  /** The latest day's value. */
  readonly dayValue: number;
  /** The latest day against the day before, and against the same weekday a week before. */
  readonly dayChange?: number;
  readonly weekChange?: number;
}

export interface CardsView {
  /** The latest day with figures. */
  readonly day: CstDay;
  readonly span: CardSpan;
  readonly figures: readonly CardFigure[];
  /**
   * What the inferred figures are computed from: as-of values on the latest day; flows summed and
   * as-of changes measured over the same days (`from` … `day`, after the base day the changes are
   * measured from), or none without a base day.
   */
  readonly derivation: { readonly input: DerivationInput; readonly from?: CstDay };
}

/** The cards of one series (the sum, or one owner's) at `granularity`; undefined without figures. */
export function cardsFor(
  data: ByDayData,
  granularity: Granularity,
  series: DaySeries = data.total,
): CardsView | undefined {
  let last = -1;
  for (let i = series.length - 1; i >= 0 && last < 0; i--) {
    last = series[i] ? i : -1;
  }
  if (last < 0) {
    return undefined;
  }
  const day = data.days[last];
  const analysed = daySeriesOf(data, series);
  const period = granularity === 'day' ? undefined : periodOf(day, granularity);
  const whole = period ?? { from: data.from, to: data.to };
  const span = {
    from: whole.from < data.from ? data.from : whole.from,
    to: whole.to > data.to ? data.to : whole.to,
  };
  const inSpan = analysed.points.filter((p) => p.day >= span.from && p.day <= span.to);
  // The change of an as-of figure: from the day before the span, else from its first known day.
  const base =
    analysed.points.find((p) => p.day === addDays(span.from, -1) && p.data) ??
    inSpan.find((p) => p.data && p.day < day);
  const figures = METRIC_KEYS.map((metric): CardFigure => {
    const dayValue = series[last]?.[metric] ?? 0;
    const flow = figureKind(metric) === 'flow';
    const value = flow ? overRange(analysed, span, metric).value : dayValue;
    const dayChange = dayOverDay(analysed, day, metric).delta;
    const weekChange = weekOverWeek(analysed, day, metric).delta;
    return {
      metric,
      dayValue,
      ...(value === null ? {} : { value }),
      ...(!flow && base?.data ? { spanChange: dayValue - base.data[metric], spanChangeFrom: base.day } : {}),
      ...(dayChange === null ? {} : { dayChange }),
      ...(weekChange === null ? {} : { weekChange }),
    };
  });
  const derivation = derivationOf(analysed, series[last], base, day);
  return {
    day,
    derivation,
    span: {
      ...span,
      ...(period ? { period: period.id } : {}),
      missing: inSpan.filter((p) => !p.data).length,
      complete: span.from === whole.from && span.to === whole.to && inSpan.every((p) => p.settled),
    },
    figures,
  };
}

/** The inputs of the inferred figures: flows summed and as-of changes over the days after `base`. */
function derivationOf(
  analysed: ReturnType<typeof daySeriesOf>,
  latest: GroupChatStats | null | undefined,
  base: { day: CstDay; data?: GroupChatStats | null } | undefined,
  day: CstDay,
): CardsView['derivation'] {
  const data: Partial<Record<MetricKey, number | null>> = {};
  const change: Partial<Record<MetricKey, number | null>> = {};
  const from = base?.data ? addDays(base.day, 1) : undefined;
  for (const metric of METRIC_KEYS) {
    if (figureKind(metric) === 'flow') {
      data[metric] = from ? overRange(analysed, { from, to: day }, metric).value : null;
    } else {
      data[metric] = latest?.[metric] ?? null;
      change[metric] = base?.data && latest ? latest[metric] - base.data[metric] : null;
    }
  }
  return { input: { data, change }, ...(from ? { from } : {}) };
}

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
): CardChange[] {
  if (change === undefined) {
    return [];
  }
  const direction = change > 0 ? 'up' : change < 0 ? 'down' : undefined;
  return [{ text: `${signed(change, numberFormat)} ${label}`, ...(direction ? { direction } : {}) }];
}

/** The texts of one card; `label` is the figure's name, or the owner's in compare mode. */
export function cardText(input: CardsInput, figure: CardFigure, label: string): CardText {
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
      ...changeText(figure.weekChange, labels.vsWeekBefore, numberFormat),
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
  return {
    ...cardsHeading(input),
    cards: input.view.figures.map((figure) =>
      cardText(input, figure, metricLabel(figure.metric, input.lang)),
    ),
  };
}
