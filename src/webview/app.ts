/**
 * The panel's UI for one `init`: controls, cards, chart or table, and the loading / empty /
 * error states. It owns the one Chart.js instance and the UI state that `setState` persists.
 */
import { resolveRange, startsAtZero, type ChartUiState } from '../shared/chartState';
import type { MetricKey } from '../shared/metrics';
import { metricLabel } from '../shared/metrics';
import type { ByDayData, InitMessage, ShownState } from '../shared/protocol';
import { renderCards } from './cards';
import { cardsFor } from './cardsModel';
import { ByDayChart } from './chart';
import { Controls } from './controls';
import { exportPngParams } from './exportImage';
import { h, replaceChildren } from './dom';
import { noticeElements, shownReport } from './notices';
import { HostRequestError, type HostConnection } from './rpc';
import { canCompare, compareCap, isEmpty, missingDaysText, seriesFor } from './series';
import { renderTable } from './table';
import { fill } from './text';
import { readTheme, watchTheme } from './theme';

type UiStatus = ShownState;

export class ChartApp {
  private state: ChartUiState;
  private data: ByDayData | undefined;
  private loadSeq = 0;
  private drawCount = 0;
  private readonly numberFormat: Intl.NumberFormat;
  private readonly controls: Controls;
  private readonly status = h('div', {
    className: 'status',
    attrs: { role: 'status', 'aria-live': 'polite' },
  });
  /** Missing days, days WeCom no longer keeps, the compare cap: said plainly, above the figures. */
  private readonly notices = h('div', { className: 'notices', attrs: { role: 'alert' } });
  /** Set when compare mode was asked for too many owners. */
  private capNotice: string | undefined;
  private shownStatus: UiStatus | undefined;
  private readonly cards = h('div', { className: 'cards-box' });
  private readonly note = h('p', { className: 'note' });
  private readonly canvas = h('canvas', { attrs: { role: 'img' } });
  private readonly chartBox = h('div', { className: 'chart-box' }, this.canvas);
  private readonly tableBox = h('div', { className: 'table-box' });
  private readonly chart = new ByDayChart(this.canvas);
  private readonly stopWatchingTheme: () => void;

  constructor(
    private readonly init: InitMessage,
    private readonly host: HostConnection,
    private readonly persist: (state: ChartUiState) => void,
    private readonly root: HTMLElement,
  ) {
    this.numberFormat = new Intl.NumberFormat(init.lang === 'zh' ? 'zh-CN' : 'en-US');
    const cap = compareCap(init);
    let mode = canCompare(init) ? init.state.mode : 'sum';
    if (mode === 'compare' && cap) {
      mode = 'sum';
      this.capNotice = cap;
    }
    this.state = { ...init.state, mode };
    this.controls = new Controls(init, {
      metric: (metric) => this.update({ metric }),
      preset: (days) => this.update({ range: { kind: 'preset', days } }, true),
      custom: (from, to) => this.update({ range: { kind: 'custom', from, to } }, true),
      mode: (next) => {
        // Too many owners for one line each: say so, and keep their sum.
        this.capNotice = next === 'compare' ? cap : undefined;
        if (next === 'compare' && cap) {
          this.controls.sync(this.state);
          this.renderNotices(this.data);
          this.reportShown();
          return;
        }
        this.update({ mode: next }, next === 'compare' && !this.data?.perOwner);
      },
      view: (view) => this.update({ view }),
      fromZero: (fromZero) => this.update({ fromZero }),
      refresh: () => void this.load(true),
      exportCsv: () =>
        void this.exportAs(() =>
          this.host.request('exportCsv', { metric: this.state.metric, mode: this.state.mode }),
        ),
      exportPng: () => void this.exportPng(),
    });
    replaceChildren(
      root,
      this.controls.element,
      this.status,
      this.notices,
      this.cards,
      this.note,
      this.chartBox,
      this.tableBox,
    );
    root.removeAttribute('aria-busy');
    this.stopWatchingTheme = watchTheme(() => this.render());
    this.update({}, true);
  }

  dispose(): void {
    this.loadSeq++;
    this.stopWatchingTheme();
    this.chart.destroy();
  }

  private update(patch: Partial<ChartUiState>, reload = false): void {
    this.state = { ...this.state, ...patch };
    this.persist(this.state);
    this.host.send({ type: 'state', state: this.state });
    this.controls.sync(this.state);
    if (reload) {
      void this.load(false);
    } else {
      this.render();
    }
  }

  private async load(refresh: boolean): Promise<void> {
    const seq = ++this.loadSeq;
    const range = resolveRange(this.state.range);
    this.controls.showRangeError(undefined);
    this.renderNotices(undefined);
    this.setStatus('loading', this.init.labels.loading);
    try {
      const data = await this.host.request(
        'byDay',
        { from: range.from, to: range.to, perOwner: this.state.mode === 'compare', refresh },
        (p) => {
          if (seq === this.loadSeq && p.total > 0) {
            this.setStatus(
              'loading',
              fill(this.init.labels.loadingProgress, { done: p.done, total: p.total }),
            );
          }
        },
      );
      if (seq === this.loadSeq) {
        this.data = data;
        this.render();
      }
    } catch (err) {
      if (seq === this.loadSeq) {
        this.data = undefined;
        const info = err instanceof HostRequestError ? err.info : { message: String(err), retryable: true };
        this.showError(info.message, info.retryable);
      }
    }
  }

  /** The host could not make sense of this webview: nothing here can be trusted to work. */
  showFatal(message: string): void {
    this.loadSeq++;
    this.data = undefined;
    this.renderNotices(undefined);
    this.showError(message, false);
  }

  private setStatus(status: UiStatus, text: string, ...extra: Node[]): void {
    document.body.dataset.state = status;
    this.root.setAttribute('aria-busy', String(status === 'loading'));
    replaceChildren(this.status, text ? h('p', { text }) : null, ...extra);
    this.status.className = `status ${status}`;
    this.controls.setExportsEnabled(status === 'ready');
    const showFigures = status === 'ready';
    this.notices.hidden = this.notices.childElementCount === 0;
    this.cards.hidden = !showFigures;
    this.note.hidden = !showFigures || !this.note.textContent;
    this.chartBox.hidden = !showFigures || this.state.view !== 'chart';
    this.tableBox.hidden = !showFigures || this.state.view !== 'table';
    // Progress updates repeat "loading": report a state once, every other state each time.
    if (status !== 'loading' || this.shownStatus !== 'loading') {
      this.reportShown();
    }
    this.shownStatus = status;
  }

  private retryButton(name: string): HTMLButtonElement {
    return h('button', {
      className: 'action',
      attrs: { type: 'button' },
      dataset: { name },
      text: this.init.labels.retry,
      onClick: () => void this.load(false),
    });
  }

  /** Says what the figures lack: days WeCom did not report whole (with Retry), days it no longer keeps. */
  private renderNotices(data: ByDayData | undefined): void {
    const items = noticeElements({
      labels: this.init.labels,
      window: this.init.window,
      capNotice: this.capNotice,
      data,
      retryButton: () => this.retryButton('retry-missing'),
      backfillButton: () =>
        h('button', {
          className: 'action',
          attrs: { type: 'button' },
          dataset: { name: 'backfill' },
          text: this.init.labels.backfill,
          onClick: () => void this.host.request('backfill', {}).catch(() => undefined),
        }),
    });
    replaceChildren(this.notices, ...items);
    this.notices.hidden = items.length === 0;
  }

  /** Tells the host what is shown (tests observe it; a refused message shows up here too). */
  private reportShown(): void {
    this.host.send(shownReport(this.root, [this.status, this.notices]));
  }

  private showError(message: string, retryable: boolean): void {
    const retry = retryable ? this.retryButton('retry') : null;
    this.setStatus(
      'error',
      '',
      h('p', { className: 'error-title', text: this.init.labels.errorTitle }),
      h('p', { className: 'error-message', text: message }),
      ...(retry ? [retry] : []),
    );
  }

  private render(): void {
    const data = this.data;
    if (!data) {
      return;
    }
    this.renderNotices(data);
    if (isEmpty(data)) {
      this.setStatus(
        'empty',
        '',
        h('p', { className: 'empty-title', text: this.init.labels.empty }),
        h('p', { text: this.init.labels.emptyHint }),
      );
      return;
    }
    const { labels, lang } = this.init;
    const metric = this.state.metric;
    const cardsView = cardsFor(data);
    replaceChildren(
      this.cards,
      cardsView
        ? renderCards({
            view: cardsView,
            isYesterday: cardsView.day === this.init.window.to,
            yesterdayFetchedAt: data.yesterdayFetchedAt,
            whose: canCompare(this.init) ? labels.sum : undefined,
            selected: metric,
            labels,
            lang,
            numberFormat: this.numberFormat,
            onPick: (m: MetricKey) => this.update({ metric: m }),
          })
        : null,
    );
    this.note.textContent = data.days[0] < this.init.window.from ? labels.cachedHistory : '';
    this.setStatus('ready', '');
    const series = seriesFor(data, this.init, metric, this.state.mode);
    const title = `${metricLabel(metric, lang)} · ${fill(labels.cstDays, { days: `${data.from} … ${data.to}` })}`;
    const missing = new Set(data.missingDays);
    if (this.state.view === 'table') {
      replaceChildren(
        this.tableBox,
        renderTable(title, labels.dateColumn, data.days, series, this.numberFormat, (day) =>
          missing.has(day) ? labels.notReported : labels.noFigures,
        ),
      );
      this.chart.destroy();
      this.reportDrawn(series.length, data.days.length);
      return;
    }
    replaceChildren(this.tableBox);
    this.canvas.setAttribute('aria-label', title);
    this.chart.render(
      {
        days: data.days,
        series,
        beginAtZero: startsAtZero(this.state),
        numberFormat: this.numberFormat,
        dayTitle: (day) => fill(labels.cstDays, { days: day }),
        // Inside the chart too, so an exported PNG says what it lacks.
        note: missingDaysText(data, labels),
      },
      readTheme(),
    );
    this.reportDrawn(series.length, data.days.length);
  }

  /** Marks the frame as drawn (tests and the benchmark wait for `data-drawn`). */
  private reportDrawn(series: number, days: number): void {
    const count = ++this.drawCount;
    requestAnimationFrame(() => {
      document.body.dataset.drawn = String(count);
      document.body.dataset.view = this.state.view;
      this.host.send({ type: 'drawn', series, points: series * days });
    });
  }

  /** The host writes the file (it asks where); a refusal or failure is said in the note. */
  private async exportAs(request: () => Promise<unknown>): Promise<void> {
    try {
      await request();
    } catch (err) {
      replaceChildren(this.note, err instanceof HostRequestError ? err.info.message : String(err));
      this.note.hidden = false;
    }
  }

  private exportPng(): Promise<void> {
    if (this.state.view !== 'chart') {
      this.update({ view: 'chart' });
    }
    const params = exportPngParams(this.canvas, this.init, this.data, this.state, readTheme());
    return this.exportAs(() => this.host.request('exportPng', params));
  }
}
