/**
 * The panel's UI for one `init`: the tabs (heatmap, rankings), the figure, exports, the status and
 * notices, and each tab's view. It keeps the UI state that `setState` persists and loads the
 * shown tab's figures from the host (asking first when the fetch is large).
 */
import { metricLabel } from '../../shared/metrics';
import type {
  FetchChoice,
  HeatmapData,
  InsightsInit,
  InsightsRequestMap,
  InsightsTab,
  InsightsToHost,
  InsightsUiState,
  RankingsData,
} from '../../shared/insightsProtocol';
import { showApp } from '../boot';
import { h, replaceChildren } from '../dom';
import { metricSelect } from '../metricSelect';
import { HostRequestError, type HostConnection } from '../rpc';
import { readTheme } from '../theme';
import { heatmapDays } from './heatmapControls';
import { HeatmapView } from './heatmapView';
import { exportParams, insightsTitle, rankingsCanvas } from './insightsExport';
import { InsightsStatus } from './insightsStatus';
import { RankingsView } from './rankingsView';
import { segmented, setPressed } from './segmented';

export type InsightsHost = HostConnection<InsightsRequestMap, InsightsInit, InsightsToHost>;

export class InsightsApp {
  private state: InsightsUiState;
  private heatmapData: HeatmapData | undefined;
  private rankingsData: RankingsData | undefined;
  private loadSeq = 0;
  private drawCount = 0;
  private readout = '';
  private readonly format: Intl.NumberFormat;
  private readonly tabs: Map<InsightsTab, HTMLButtonElement>;
  private readonly metric: HTMLSelectElement;
  private readonly exports: HTMLButtonElement[];
  private readonly statusView: InsightsStatus;
  private readonly heatmap: HeatmapView;
  private readonly rankings: RankingsView;
  private readonly stopWatchingTheme: () => void;

  constructor(
    private readonly init: InsightsInit,
    private readonly host: InsightsHost,
    private readonly persist: (state: InsightsUiState) => void,
    root: HTMLElement,
  ) {
    const { labels, lang } = init;
    this.state = init.state;
    this.format = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US');
    const tabGroup = segmented<InsightsTab>(
      labels.heatmapTab,
      [
        ['heatmap', labels.heatmapTab],
        ['rankings', labels.rankingsTab],
      ],
      (tab) => this.update({ tab }, true),
      'tab',
    );
    this.tabs = tabGroup.buttons;
    this.metric = metricSelect(lang, labels.figure, 'metric');
    this.metric.addEventListener('change', () =>
      this.update({ metric: this.metric.value as InsightsUiState['metric'] }, true),
    );
    this.exports = [
      this.action('export-csv', labels.exportCsv, () => this.exportCsv()),
      this.action('export-png', labels.exportPng, () => this.exportPng()),
    ];
    this.statusView = new InsightsStatus(labels, {
      stop: () => this.host.send({ type: 'stop' }),
      fetch: () => void this.load('yes'),
      storedOnly: () => void this.load('no'),
      retry: () => void this.load('ask'),
    });
    this.heatmap = new HeatmapView(init, this.format, {
      change: (patch, reload) => this.update(patch, reload),
      open: (owner) => this.open(owner),
      readout: (text) => {
        this.readout = text;
        this.reportShown();
      },
    });
    this.rankings = new RankingsView(init, this.format, {
      period: (period) => this.update({ period }, true),
      topN: (topN) => this.update({ topN }, true),
      open: (owner) => this.open(owner),
    });
    const toolbar = h(
      'div',
      { className: 'toolbar' },
      h(
        'div',
        { className: 'row' },
        tabGroup.element,
        h('label', { attrs: { for: 'metric' }, text: labels.figure }),
        this.metric,
        h('div', { className: 'actions' }, ...this.exports),
      ),
    );
    replaceChildren(
      root,
      toolbar,
      this.statusView.status,
      this.statusView.notices,
      this.heatmap.element,
      this.rankings.element,
    );
    this.stopWatchingTheme = showApp(root, () => this.render());
    this.update({}, true);
  }

  dispose(): void {
    this.loadSeq++;
    this.stopWatchingTheme();
    this.heatmap.destroy();
  }

  showFatal(message: string): void {
    this.loadSeq++;
    this.statusView.error(message, false);
    this.render();
  }

  private action(name: string, text: string, onClick: () => void): HTMLButtonElement {
    return h('button', { attrs: { type: 'button' }, dataset: { name }, text, onClick });
  }

  private update(patch: Partial<InsightsUiState>, reload = false): void {
    this.state = { ...this.state, ...patch };
    this.persist(this.state);
    this.tabs.forEach((b, tab) => setPressed(b, tab === this.state.tab));
    this.metric.value = this.state.metric;
    this.heatmap.sync(this.state);
    this.rankings.sync(this.state);
    if (reload) {
      void this.load('ask');
    } else {
      this.render();
    }
  }

  private async load(fetch: FetchChoice): Promise<void> {
    const seq = ++this.loadSeq;
    const tab = this.state.tab;
    this.statusView.setNotices(undefined, false);
    this.statusView.loading();
    this.render();
    this.reportShown();
    const progress = (p: { done: number; total: number }): void => {
      if (seq === this.loadSeq) {
        this.statusView.loading(p);
      }
    };
    try {
      const { metric, sortBy, ascending } = this.state;
      const loaded =
        tab === 'heatmap'
          ? await this.host.request(
              'heatmap',
              { ...heatmapDays(this.state.range, this.init.window.to), metric, sortBy, ascending, fetch },
              progress,
            )
          : await this.host.request(
              'rankings',
              { metric, period: this.state.period, topN: this.state.topN, fetch },
              progress,
            );
      if (seq !== this.loadSeq) {
        return;
      }
      if (loaded.kind === 'confirm') {
        this.statusView.confirm(loaded);
      } else {
        if (tab === 'heatmap') {
          this.heatmapData = loaded.data as HeatmapData;
        } else {
          this.rankingsData = loaded.data as RankingsData;
        }
        this.statusView.setNotices(loaded.data, loaded.fetch.stopped);
        this.statusView.ready(
          tab === 'heatmap'
            ? this.heatmapData?.rows.every((r) => r.values.every((v) => v === null)) === true
            : this.rankingsData?.ranked === 0,
        );
      }
    } catch (err) {
      if (seq === this.loadSeq) {
        const info = err instanceof HostRequestError ? err.info : { message: String(err), retryable: true };
        this.statusView.error(info.message, info.retryable);
      }
    }
    if (seq === this.loadSeq) {
      this.render();
      this.reportShown();
    }
  }

  private figure(): string {
    return metricLabel(this.state.metric, this.init.lang);
  }

  private render(): void {
    const ready = this.statusView.state === 'ready';
    const tab = this.state.tab;
    this.exports.forEach((b) => (b.disabled = !ready));
    this.heatmap.element.hidden = tab !== 'heatmap' || !ready || !this.heatmapData;
    this.rankings.element.hidden = tab !== 'rankings';
    this.rankings.lists.hidden = !ready || !this.rankingsData;
    if (!ready) {
      return;
    }
    const theme = readTheme();
    if (tab === 'heatmap' && this.heatmapData) {
      this.heatmap.show(this.heatmapData, this.state, this.figure(), theme);
      this.reportDrawn(
        tab,
        this.heatmapData.rows.length,
        this.heatmapData.rows.length * this.heatmapData.days.length,
      );
    } else if (tab === 'rankings' && this.rankingsData) {
      this.rankings.show(this.rankingsData, this.figure());
      this.reportDrawn(tab, this.rankingsData.top.length + this.rankingsData.bottom.length, 0);
    }
  }

  private reportShown(): void {
    this.host.send({
      type: 'shown',
      tab: this.state.tab,
      state: this.statusView.state,
      notices: this.statusView.texts(),
      readout: this.readout,
    });
  }

  /** Marks the frame as drawn (tests and the benchmark wait for `data-drawn`). */
  private reportDrawn(tab: InsightsTab, rows: number, cells: number): void {
    const count = ++this.drawCount;
    requestAnimationFrame(() => {
      document.body.dataset.drawn = String(count);
      document.body.dataset.tab = tab;
      this.host.send({ type: 'drawn', tab, rows, cells });
    });
  }

  private open(owner: string): void {
    void this.host.request('openOwner', { owner }).catch((err: unknown) => this.exportFailed(err));
  }

  private exportCsv(): void {
    const request = this.host.request('exportCsv', { tab: this.state.tab, colourBy: this.state.colourBy });
    void request.catch((err: unknown) => this.exportFailed(err));
  }

  private exportPng(): void {
    const data = this.state.tab === 'heatmap' ? this.heatmapData : this.rankingsData;
    if (!data) {
      return;
    }
    const theme = readTheme();
    const owners = 'rows' in data ? data.rows.length : data.ranked;
    const heading = insightsTitle(this.init.labels, this.figure(), owners, data);
    const params =
      this.state.tab === 'heatmap'
        ? exportParams(this.heatmap.canvas(), heading, this.heatmap.legendEntries(theme), theme)
        : exportParams(
            rankingsCanvas(data as RankingsData, this.init.labels, theme, this.format),
            heading,
            [],
            theme,
          );
    void this.host
      .request('exportPng', { ...params, tab: this.state.tab })
      .catch((err: unknown) => this.exportFailed(err));
  }

  private exportFailed(err: unknown): void {
    // Said next to what the figures lack (those notices stay).
    const message = err instanceof HostRequestError ? err.info.message : String(err);
    this.statusView.notices.append(h('div', { className: 'notice failed' }, h('p', { text: message })));
    this.statusView.notices.hidden = false;
    this.reportShown();
  }
}
