/**
 * The panel's UI for one `init`: controls, the figures (figuresView.ts), and the loading / empty
 * / error states. It owns the UI state that `setState` persists and the requests to the host.
 */
import { granularityOf, resolveRange, showsMovingAverage, type ChartUiState } from '../shared/chartState';
import type { ByDayData, InitMessage, ShownState } from '../shared/protocol';
import { showApp } from './boot';
import { Controls } from './controls';
import { h, replaceChildren } from './dom';
import { FiguresView } from './figuresView';
import { noticeElements, shownReport } from './notices';
import { HostRequestError, type HostConnection } from './rpc';
import { ChartRankingsView, ranksOwners } from './chartRankings';
import { canCompare, compareCap, isEmpty } from './series';
import { fill } from './text';
import { readTheme } from './theme';

type UiStatus = ShownState;

export class ChartApp {
  private state: ChartUiState;
  private data: ByDayData | undefined;
  private loadSeq = 0;
  private drawCount = 0;
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
  private readonly figures: FiguresView;
  private readonly rankings: ChartRankingsView;
  private readonly stopWatchingTheme: () => void;

  constructor(
    private readonly init: InitMessage,
    private readonly host: HostConnection,
    private readonly persist: (state: ChartUiState) => void,
    private readonly root: HTMLElement,
    /** The webview's clock (for the range presets and the custom range check). */
    private readonly now: () => number,
  ) {
    this.figures = new FiguresView(
      init,
      (metric) => this.update({ metric }),
      () => this.render(),
    );
    this.rankings = new ChartRankingsView(init, host, this.figures.numberFormat);
    const cap = compareCap(init);
    let mode = canCompare(init) ? init.state.mode : 'sum';
    if (mode === 'compare' && cap) {
      mode = 'sum';
      this.capNotice = cap;
    }
    this.state = { ...init.state, mode };
    this.controls = new Controls(
      init,
      {
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
        granularity: (granularity) => this.update({ granularity }),
        fromZero: (fromZero) => this.update({ fromZero }),
        movingAverage: (movingAverage) => this.update({ movingAverage }),
        refresh: () => void this.load(true),
        exportCsv: () =>
          void this.exportAs(() =>
            this.host.request('exportCsv', {
              metric: this.state.metric,
              mode: this.state.mode,
              granularity: granularityOf(this.state),
              movingAverage: showsMovingAverage(this.state),
            }),
          ),
        exportPng: () => void this.exportPng(),
        glossary: () => this.host.send({ type: 'showGlossary' }),
        insights: () => {
          const range = resolveRange(this.state.range, this.now());
          this.host.send({ type: 'openInsights', from: range.from, to: range.to, metric: this.state.metric });
        },
      },
      now,
    );
    const { cards, note, chartBox, tableBox } = this.figures;
    replaceChildren(
      root,
      this.controls.element,
      this.status,
      this.notices,
      cards,
      note,
      chartBox,
      tableBox,
      this.rankings.element,
    );
    this.stopWatchingTheme = showApp(root, () => this.render());
    this.update({}, true);
  }

  dispose(): void {
    this.loadSeq++;
    this.stopWatchingTheme();
    this.figures.destroy();
  }

  private update(patch: Partial<ChartUiState>, reload = false): void {
    this.state = { ...this.state, ...patch };
    this.persist(this.state);
    this.controls.sync(this.state);
    if (reload) {
      void this.load(false);
    } else {
      this.render();
    }
  }

  private async load(refresh: boolean): Promise<void> {
    const seq = ++this.loadSeq;
    const range = resolveRange(this.state.range, this.now());
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
    const { cards, note, chartBox, tableBox } = this.figures;
    this.notices.hidden = this.notices.childElementCount === 0;
    cards.hidden = !showFigures;
    note.hidden = !showFigures || !note.textContent;
    chartBox.hidden = !showFigures || this.state.view !== 'chart';
    tableBox.hidden = !showFigures || this.state.view !== 'table';
    this.rankings.element.hidden = !showFigures || !ranksOwners(this.init);
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
    // Figures first: the status then shows or hides their boxes.
    const drawn = this.figures.render(data, this.state, readTheme());
    this.rankings.show(data, this.state.metric);
    this.setStatus('ready', '');
    this.reportDrawn(drawn.series, drawn.points);
  }

  /** Marks the frame as drawn (tests and the benchmark wait for `data-drawn`). */
  private reportDrawn(series: number, points: number): void {
    const count = ++this.drawCount;
    requestAnimationFrame(() => {
      document.body.dataset.drawn = String(count);
      document.body.dataset.view = this.state.view;
      this.host.send({ type: 'drawn', series, points });
    });
  }

  /** The host writes the file (it asks where); a refusal or failure is said in the note. */
  private async exportAs(request: () => Promise<unknown>): Promise<void> {
    try {
      await request();
    } catch (err) {
      replaceChildren(this.figures.note, err instanceof HostRequestError ? err.info.message : String(err));
      this.figures.note.hidden = false;
    }
  }

  private exportPng(): Promise<void> {
    if (this.state.view !== 'chart') {
      this.update({ view: 'chart' });
    }
    const params = this.figures.pngParams(this.data, this.state, readTheme());
    return this.exportAs(() => this.host.request('exportPng', params));
  }
}
