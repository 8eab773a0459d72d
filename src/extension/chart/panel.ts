/**
 * One by-day chart panel: its webview, the messages from it (every one validated first), the
 * init it is sent, and its requests (`panelRequests.ts`). The in-flight load is aborted when the
 * panel closes, hides, or asks again. The manager (`panelManager.ts`) keeps the map of panels.
 */
import * as vscode from 'vscode';
import { allowedWindow } from '../../shared/days';
import type { HostToWebview } from '../../shared/protocol';
import type { ChartSubject, ChartUiState } from '../../shared/chartState';
import { subjectKey } from '../../shared/chartState';
import { isWebviewToHost } from '../../shared/protocolValidation';
import { Disposable } from '../dispose';
import { SETTINGS_SECTION } from '../settings';
import { chartHtml } from './html';
import { chartLabels, chartLanguage, ownerLabels, panelTitle } from './labels';
import { oldestForInit } from './panelData';
import { PanelRequests } from './panelRequests';
import type { ChartDrawReport, ChartEnv, ChartLoadOutcome, ChartShownReport } from './panelTypes';

/** The glossary of the eight figures (its own command, opened by id). */
export const SHOW_GLOSSARY_COMMAND = 'wecomGroupStats.showGlossary';
/** Heatmap & rankings for `{ owners, from, to, metric }` (its own command, opened by id). */
export const OPEN_INSIGHTS_COMMAND = 'wecomGroupStats.openInsights';

/** What a panel tells the manager that owns it. */
export interface PanelEvents {
  opened(key: string, panel: ByDayChartPanel): void;
  closed(key: string, panel: ByDayChartPanel): void;
  loaded(outcome: ChartLoadOutcome): void;
  drawn(report: ChartDrawReport): void;
  shown(report: ChartShownReport): void;
}

export class ByDayChartPanel extends Disposable {
  private state: ChartUiState;
  private readonly requests: PanelRequests;
  private readonly openedAt = Date.now();
  private readyMs = 0;
  private initSeq = 0;

  constructor(
    private readonly env: ChartEnv,
    private readonly events: PanelEvents,
    readonly panel: vscode.WebviewPanel,
    state: ChartUiState,
  ) {
    super();
    this.state = state;
    this.requests = new PanelRequests(env, {
      subject: () => this.state.subject,
      key: this.key,
      openedAt: this.openedAt,
      post: (message) => this.post(message),
      loaded: (outcome) => events.loaded(outcome),
    });
    events.opened(this.key, this);
    this.refreshTitle();
    panel.webview.html = chartHtml(panel.webview, env.extensionUri, chartLanguage());
    this._register(panel.onDidDispose(() => this.dispose()));
    this._register(panel.webview.onDidReceiveMessage((msg: unknown) => this.onMessage(msg)));
    this._register(
      panel.onDidChangeViewState(() => {
        // A hidden webview is destroyed (no retained context): nobody is left to receive the reply.
        if (!panel.visible) {
          this.requests.abort();
        }
      }),
    );
    this._register(
      env.connections.onDidChange(() => {
        this.requests.abort();
        this.requests.forget();
        this.refreshTitle();
        void this.sendInit();
      }),
    );
    // Owner names can change without a new connection (the connection only fires for some edits).
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SETTINGS_SECTION}.ownerNames`)) {
          this.refreshTitle();
        }
      }),
    );
  }

  /** The UI state the host last knew (what the serializer would restore). */
  get uiState(): ChartUiState {
    return this.state;
  }

  get subject(): ChartSubject {
    return this.state.subject;
  }

  private get key(): string {
    return subjectKey(this.state.subject);
  }

  private refreshTitle(): void {
    if (!this.isDisposed) {
      this.panel.title = panelTitle(this.state.subject, this.env.ownerNames());
    }
  }

  override dispose(): void {
    if (this.isDisposed) {
      return;
    }
    // Closing the panel stops its load: no request of it reaches the server afterwards.
    this.requests.abort();
    this.events.closed(this.key, this);
    super.dispose();
    this.panel.dispose();
  }

  private post(message: HostToWebview): void {
    if (!this.isDisposed) {
      void this.panel.webview.postMessage(message);
    }
  }

  private onMessage(msg: unknown): void {
    if (!isWebviewToHost(msg)) {
      this.env.log.warn('by-day chart: ignored an invalid message from the webview');
      return;
    }
    switch (msg.type) {
      case 'ready':
        this.readyMs = Date.now() - this.openedAt;
        void this.sendInit();
        return;
      case 'state':
        // The subject is fixed per panel; only the rest of the UI intent may change.
        this.state = { ...msg.state, subject: this.state.subject };
        return;
      case 'drawn':
        this.events.drawn({
          subject: this.key,
          series: msg.series,
          points: msg.points,
          readyMs: this.readyMs,
          sinceOpenMs: Date.now() - this.openedAt,
        });
        return;
      case 'shown':
        this.events.shown({ subject: this.key, state: msg.state, notices: msg.notices, retry: msg.retry });
        return;
      case 'refused':
        // The webview could not read one of our messages (an old script, a bug): say so there.
        this.env.log.warn(`by-day chart: the webview could not read a "${msg.what}" message`);
        this.post({
          type: 'fatal',
          message: vscode.l10n.t(
            'The chart could not read a message from the extension. Close the chart and open it again; if that does not help, reload the window.',
          ),
        });
        return;
      case 'request':
        void this.requests.answer(msg);
        return;
      case 'showGlossary':
        void this.runCommand(SHOW_GLOSSARY_COMMAND);
        return;
      case 'openInsights': {
        // The owners are the panel's (never taken from the webview); all owners: none named.
        const subject = this.state.subject;
        const owners = subject.kind === 'owners' ? [...subject.owners] : undefined;
        void this.runCommand(OPEN_INSIGHTS_COMMAND, {
          owners,
          from: msg.from,
          to: msg.to,
          metric: msg.metric,
        });
        return;
      }
      default: {
        const unexpected: never = msg;
        return unexpected;
      }
    }
  }

  /** Runs another part's command by id; a failure (not installed, an error) is logged. */
  private async runCommand(id: string, ...args: unknown[]): Promise<void> {
    try {
      await vscode.commands.executeCommand(id, ...args);
    } catch (err) {
      this.env.log.warn(`by-day chart: ${id} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private async sendInit(): Promise<void> {
    const seq = ++this.initSeq;
    const oldestCached = await oldestForInit(
      this.env.connections,
      this.env.history,
      this.env.log,
      'by-day chart',
    );
    if (seq !== this.initSeq) {
      return; // a newer init (ready, connection change) is on its way with fresher facts
    }
    const owners = this.state.subject.kind === 'owners' ? this.state.subject.owners : [];
    const now = (this.env.now ?? Date.now)();
    this.post({
      type: 'init',
      subject: this.state.subject,
      owners: ownerLabels(owners, this.env.ownerNames()),
      lang: chartLanguage(),
      labels: chartLabels(),
      window: allowedWindow(now),
      now,
      oldestCached,
      state: this.state,
      heartbeatMs: this.env.heartbeatMs,
    });
  }
}
