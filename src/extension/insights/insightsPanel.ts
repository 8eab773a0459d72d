/**
 * One heatmap-and-rankings panel: its webview (the chart's CSP shell with its own bundle), the
 * messages from it (each validated first), the init it is sent, and its requests
 * (`insightsRequests.ts`). A load in flight stops when the panel closes or hides.
 */
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { allowedWindow } from '../../shared/days';
import type { InsightsToWebview, InsightsUiState } from '../../shared/insightsProtocol';
import { isInsightsToHost } from '../../shared/insightsValidation';
import { ownerListTitle } from '../../shared/ownerNames';
import { webviewHtml } from '../webviewShell';
import { chartLanguage, ownerLabels } from '../chart/labels';
import { oldestForInit } from '../chart/panelData';
import { Disposable } from '../dispose';
import { insightsLabels } from './insightsLabels';
import { InsightsRequests } from './insightsRequests';
import type { InsightsDrawReport, InsightsEnv, InsightsLoadReport, InsightsTestProbe } from './insightsTypes';

export interface InsightsPanelEvents {
  closed(panel: InsightsPanel): void;
  loaded(report: InsightsLoadReport): void;
  drawn(report: InsightsDrawReport): void;
  shown(report: InsightsTestProbe['shown'][number]): void;
}

export class InsightsPanel extends Disposable {
  private state: InsightsUiState;
  private readonly requests: InsightsRequests;
  private readonly openedAt = performance.now();
  private initSeq = 0;

  constructor(
    private readonly env: InsightsEnv,
    private readonly events: InsightsPanelEvents,
    readonly panel: vscode.WebviewPanel,
    state: InsightsUiState,
  ) {
    super();
    this.state = state;
    this.requests = new InsightsRequests(env, {
      owners: () => this.state.owners,
      tab: () => this.state.tab,
      post: (message) => this.post(message),
      loaded: (tab, outcome) => events.loaded({ tab, outcome, sinceOpenMs: this.sinceOpen() }),
    });
    this.refreshTitle();
    panel.webview.html = webviewHtml(panel.webview, env.extensionUri, {
      script: 'insights.js',
      styles: ['controls.css', 'chart.css', 'insights.css'],
      lang: chartLanguage(),
    });
    this._register(panel.onDidDispose(() => this.dispose()));
    this._register(panel.webview.onDidReceiveMessage((msg: unknown) => this.onMessage(msg)));
    this._register(
      panel.onDidChangeViewState(() => {
        // A hidden webview is destroyed (no retained context): nobody is left to take the reply.
        if (!panel.visible) {
          this.requests.stop();
        }
      }),
    );
    this._register(
      env.connections.onDidChange(() => {
        this.requests.stop();
        void this.sendInit();
      }),
    );
  }

  get uiState(): InsightsUiState {
    return this.state;
  }

  /** What the panel last showed (the test probe). */
  shownData(): ReturnType<InsightsRequests['shown']> {
    return this.requests.shown();
  }

  /** Opened again with other arguments: the same panel takes them and starts over. */
  restart(state: InsightsUiState): void {
    this.state = state;
    this.refreshTitle();
    void this.sendInit();
  }

  override dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this.requests.stop();
    this.events.closed(this);
    super.dispose();
    this.panel.dispose();
  }

  private sinceOpen(): number {
    return Math.round(performance.now() - this.openedAt);
  }

  private refreshTitle(): void {
    const base = vscode.l10n.t('Heatmap and rankings');
    const owners = this.state.owners;
    const names = this.env.ownerNames();
    this.panel.title = owners
      ? `${base}: ${ownerListTitle(
          ownerLabels(owners, names).map((o) => o.name),
          (n) => vscode.l10n.t('and {0} more', n),
        )}`
      : base;
  }

  private post(message: InsightsToWebview): void {
    if (!this.isDisposed) {
      void this.panel.webview.postMessage(message);
    }
  }

  private onMessage(msg: unknown): void {
    if (!isInsightsToHost(msg)) {
      this.env.log.warn('insights: ignored an invalid message from the webview');
      return;
    }
    switch (msg.type) {
      case 'ready':
        void this.sendInit();
        return;
      case 'state':
        // The owners subset is fixed per panel (a new command call restarts it).
        this.state = { ...msg.state, owners: this.state.owners };
        return;
      case 'stop':
        this.requests.stop();
        return;
      case 'drawn':
        this.events.drawn({ tab: msg.tab, rows: msg.rows, cells: msg.cells, sinceOpenMs: this.sinceOpen() });
        return;
      case 'shown': {
        const { tab, state, notices, readout } = msg;
        this.events.shown({ tab, state, notices, readout });
        return;
      }
      case 'refused':
        this.env.log.warn(`insights: the webview could not read a "${msg.what}" message`);
        this.post({ type: 'fatal', message: insightsLabels().refused });
        return;
      case 'request':
        void this.requests.answer(msg);
        return;
      default: {
        const unexpected: never = msg;
        return unexpected;
      }
    }
  }

  private async sendInit(): Promise<void> {
    const seq = ++this.initSeq;
    const oldestStored = await oldestForInit(
      this.env.connections,
      this.env.history,
      this.env.log,
      'insights',
    );
    if (seq !== this.initSeq) {
      return;
    }
    this.post({
      type: 'init',
      lang: chartLanguage(),
      labels: insightsLabels(),
      window: allowedWindow(this.env.now()),
      oldestStored,
      owners: ownerLabels(this.state.owners ?? [], this.env.ownerNames()),
      state: this.state,
      heartbeatMs: this.env.heartbeatMs,
    });
  }
}
