/**
 * The figures of one load as the UI state asks for them: the cards, and the chart or the table of
 * the shown points (days, weeks or months) and lines. It owns the one Chart.js instance and which
 * owners' lines the user hid from their cards. The panel's states and requests are app.ts's.
 */
import { granularityOf, showsMovingAverage, startsAtZero, type ChartUiState } from '../shared/chartState';
import { metricLabel, type MetricKey } from '../shared/metrics';
import type { ByDayData, InitMessage } from '../shared/protocol';
import type { ShownPeriod } from '../analysis/chartPeriods';
import { renderCards, renderOwnerCards } from './cards';
import { cardsFor } from './cardsModel';
import { ByDayChart } from './chart';
import { h, replaceChildren } from './dom';
import { exportPngParams } from './exportImage';
import { seriesStyle } from './palette';
import { canCompare, comparing, missingDaysText, ownerName, shownView, type ShownView } from './series';
import { renderTable } from './table';
import { fill } from './text';
import type { ChartTheme } from './theme';

export class FiguresView {
  readonly cards = h('div', { className: 'cards-box' });
  readonly note = h('p', { className: 'note' });
  private readonly canvas = h('canvas', { attrs: { role: 'img' } });
  readonly chartBox = h('div', { className: 'chart-box' }, this.canvas);
  readonly tableBox = h('div', { className: 'table-box' });
  private readonly chart = new ByDayChart(this.canvas);
  /** Compare mode: owners whose line the user hid from their card. */
  private readonly hiddenOwners = new Set<string>();
  readonly numberFormat: Intl.NumberFormat;

  constructor(
    private readonly init: InitMessage,
    private readonly onPickMetric: (metric: MetricKey) => void,
    /** Redraws with the current state (after an owner's line is shown or hidden). */
    private readonly redraw: () => void,
  ) {
    this.numberFormat = new Intl.NumberFormat(init.lang === 'zh' ? 'zh-CN' : 'en-US');
  }

  destroy(): void {
    this.chart.destroy();
  }

  /** Draws `data` as `state` asks; returns the lines and points drawn. */
  render(data: ByDayData, state: ChartUiState, theme: ChartTheme): { series: number; points: number } {
    const { labels, lang } = this.init;
    const granularity = granularityOf(state);
    this.renderCards(data, state, theme);
    this.note.textContent = data.days[0] < this.init.window.from ? labels.cachedHistory : '';
    const view = this.view(data, state);
    const title = `${metricLabel(state.metric, lang)} · ${fill(labels.cstDays, { days: `${data.from} … ${data.to}` })}`;
    // A provisional day, or a week or month that lacks a day.
    const incomplete = granularity === 'day' ? labels.provisional : labels.incomplete;
    const missing = new Set(data.missingDays);
    const drawn = { series: view.series.length, points: view.series.length * view.periods.length };
    if (state.view === 'table') {
      replaceChildren(
        this.tableBox,
        renderTable({
          caption: title,
          periodHeader: granularity === 'day' ? labels.dateColumn : `${labels.period} (CST)`,
          periods: view.periods,
          series: view.series,
          numberFormat: this.numberFormat,
          noFigures: (p) => (missing.has(p.from) ? labels.notReported : labels.noFigures),
          incomplete,
        }),
      );
      this.chart.destroy();
      return drawn;
    }
    replaceChildren(this.tableBox);
    this.canvas.setAttribute('aria-label', title);
    const partial = granularity !== 'day' && view.periods.some((p) => !p.complete);
    this.chart.render(
      {
        periods: view.periods,
        series: view.series,
        beginAtZero: startsAtZero(state),
        numberFormat: this.numberFormat,
        periodTitle: (p) => this.periodTitle(p),
        incomplete,
        hidden: this.hiddenLines(data, state),
        // Inside the chart too, so an exported PNG says what it lacks.
        note:
          [missingDaysText(data, labels), partial ? labels.incompleteNote : undefined]
            .filter(Boolean)
            .join(' ') || undefined,
      },
      theme,
    );
    return drawn;
  }

  pngParams(
    data: ByDayData | undefined,
    state: ChartUiState,
    theme: ChartTheme,
  ): ReturnType<typeof exportPngParams> {
    return exportPngParams(
      this.canvas,
      this.init,
      data && { data, view: this.view(data, state) },
      state,
      theme,
    );
  }

  private view(data: ByDayData, state: ChartUiState): ShownView {
    return shownView(data, this.init, {
      metric: state.metric,
      mode: state.mode,
      granularity: granularityOf(state),
      movingAverage: showsMovingAverage(state),
      numberFormat: this.numberFormat,
    });
  }

  private periodTitle(period: ShownPeriod): string {
    const days = fill(this.init.labels.cstDays, {
      days: period.from === period.to ? period.from : `${period.from} … ${period.to}`,
    });
    return period.id === period.from && period.from === period.to ? days : `${period.id}: ${days}`;
  }

  private hiddenLines(data: ByDayData, state: ChartUiState): Set<number> {
    const owners = comparing(data, this.init, state.mode) ? (data.perOwner ?? []) : [];
    return new Set(owners.flatMap((p, i) => (this.hiddenOwners.has(p.owner) ? [i] : [])));
  }

  private renderCards(data: ByDayData, state: ChartUiState, theme: ChartTheme): void {
    const { labels, lang } = this.init;
    const granularity = granularityOf(state);
    const common = {
      isYesterday: false,
      yesterdayFetchedAt: data.yesterdayFetchedAt,
      selected: state.metric,
      labels,
      lang,
      numberFormat: this.numberFormat,
    };
    const isYesterday = (day: string): boolean => day === this.init.window.to;
    if (comparing(data, this.init, state.mode)) {
      const owners = (data.perOwner ?? []).flatMap((p, i) => {
        const earlier = data.earlier?.perOwner?.find((e) => e.owner === p.owner)?.series;
        const view = cardsFor(data, granularity, p.series, earlier);
        return view
          ? [
              {
                owner: p.owner,
                name: ownerName(this.init, p.owner),
                view,
                shown: !this.hiddenOwners.has(p.owner),
                colour: seriesStyle(theme.kind, i).colour,
              },
            ]
          : [];
      });
      const first = owners[0];
      replaceChildren(
        this.cards,
        renderOwnerCards({
          ...common,
          isYesterday: first !== undefined && isYesterday(first.view.day),
          owners,
          onToggle: (owner) => {
            if (!this.hiddenOwners.delete(owner)) {
              this.hiddenOwners.add(owner);
            }
            this.redraw();
          },
        }),
      );
      return;
    }
    const view = cardsFor(data, granularity);
    replaceChildren(
      this.cards,
      view
        ? renderCards({
            ...common,
            view,
            isYesterday: isYesterday(view.day),
            whose: canCompare(this.init) ? labels.sum : undefined,
            onPick: this.onPickMetric,
          })
        : null,
    );
  }
}
