/**
 * The cards above the chart, as data. A card covers a span: the whole range at day granularity,
 * the latest week or month otherwise. A flow shows its total over the span (only when every day of
 * it has figures); an as-of figure its value on the latest day, with its change since the day
 * before the span. Each card also gives the latest day's value (flows), its change from the day
 * before, from the same weekday a week before, and against the previous span of the same length
 * (`previousSpan.ts`; its days come from the history the host read before the range). The
 * comparisons are `src/analysis`'s. No DOM here (unit-tested in Node); cardsText.ts words it and
 * cards.ts draws it.
 */
import { daySeriesOf } from '../analysis/chartPeriods';
import { dayOverDay, overRange, weekOverWeek } from '../analysis/compare';
import type { DerivationInput } from '../analysis/derived';
import { periodOf } from '../analysis/periods';
import { figureOverSpan, previousSpan, type PreviousSpan } from '../analysis/previousSpan';
import type { DaySeries as AnalysedSeries } from '../analysis/series';
import type { Granularity } from '../shared/chartState';
import type { CstDay } from '../shared/days';
import { addDays } from '../shared/days';
import { figureKind } from '../shared/glossary';
import type { GroupChatStats, MetricKey } from '../shared/metrics';
import { METRIC_KEYS } from '../shared/metrics';
import type { ByDayData, DaySeries } from '../shared/protocol';

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
  /** The value over the previous span (`CardsView.previous`), when known. */
  readonly previousValue?: number;
  /** Days of the previous span the value needs and nobody has (0 when known or not asked). */
  readonly previousMissing: number;
}

export interface CardsView {
  /** The latest day with figures. */
  readonly day: CstDay;
  readonly span: CardSpan;
  /** What the cards are set against: the span before `span.from … day`, of the same length. */
  readonly previous: PreviousSpan;
  readonly figures: readonly CardFigure[];
  /**
   * What the inferred figures are computed from: as-of values on the latest day; flows summed and
   * as-of changes measured over the same days (`from` … `day`, after the base day the changes are
   * measured from), or none without a base day.
   */
  readonly derivation: { readonly input: DerivationInput; readonly from?: CstDay };
}

/**
 * The range's days after the days the host read before it (`earlier`, from the history only), so
 * comparisons reach back past the range's first day.
 */
function withEarlier(data: ByDayData, series: DaySeries, earlier: DaySeries | undefined): AnalysedSeries {
  const analysed = daySeriesOf(data, series);
  const before = data.earlier;
  if (!before || !earlier) {
    return analysed;
  }
  const provisional = new Set(before.provisionalDays);
  const points = before.days.map((day, i) => {
    const stats = earlier[i];
    return stats ? { day, data: stats, settled: !provisional.has(day) } : { day, settled: false };
  });
  return {
    range: { from: before.days[0] ?? data.from, to: data.to },
    points: [...points, ...analysed.points],
  };
}

/**
 * The cards of one series (the sum, or one owner's) at `granularity`; undefined without figures.
 * `earlier` is the same series over the days before the range (`data.earlier`).
 */
export function cardsFor(
  data: ByDayData,
  granularity: Granularity,
  series: DaySeries = data.total,
  earlier: DaySeries | undefined = series === data.total ? data.earlier?.total : undefined,
): CardsView | undefined {
  let last = -1;
  for (let i = series.length - 1; i >= 0 && last < 0; i--) {
    last = series[i] ? i : -1;
  }
  if (last < 0) {
    return undefined;
  }
  const day = data.days[last];
  const analysed = withEarlier(data, series, earlier);
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
  const previous = previousSpan({ from: span.from, to: day }, granularity);
  const figures = METRIC_KEYS.map((metric): CardFigure => {
    const dayValue = series[last]?.[metric] ?? 0;
    const flow = figureKind(metric) === 'flow';
    const value = flow ? overRange(analysed, span, metric).value : dayValue;
    const dayChange = dayOverDay(analysed, day, metric).delta;
    const weekChange = weekOverWeek(analysed, day, metric).delta;
    // Only a known value is compared (a flow's total is unknown when the span lacks a day).
    const before = value === null ? { missing: 0 } : figureOverSpan(analysed, previous, metric);
    return {
      metric,
      dayValue,
      previousMissing: before.missing,
      ...(before.previous === undefined ? {} : { previousValue: before.previous }),
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
    previous,
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
