/**
 * One by-day chart panel per subject (an owner, a set of owners, or all owners). The shape is the
 * webview sample's: `createOrShow` reveals or creates, `revive` serves the serializer, the
 * constructor is private. The host answers the webview's typed requests; every incoming message is
 * validated first, and the in-flight fetch is aborted when the panel closes, hides, or asks again.
 */
import * as vscode from 'vscode';
import { allowedWindow } from '../../shared/days';
import type {
  ByDayData,
  ByDayParams,
  ChartSubject,
  ChartUiState,
  HostToWebview,
  RequestMessage,
  RequestResult,
  RequestMethod,
} from '../../shared/protocol';
import { CHART_VIEW_TYPE, defaultUiState, subjectKey } from '../../shared/protocol';
import { isWebviewToHost } from '../../shared/protocolValidation';
import { describeWeComError, isAbortError } from '../../wecom/errors';
import { Disposable } from '../dispose';
import { SETTINGS_SECTION } from '../settings';
import { toErrorInfo, UserFacingError } from './chartErrors';
import { exportCsv, exportPng } from './exports';
import { chartHtml, chartWebviewOptions } from './html';
import { chartLabels, chartLanguage, ownerLabels, panelTitle } from './labels';
import { currentScope, loadSubjectByDay, oldestCachedDay } from './panelData';
import type { ChartDrawReport, ChartEnv, ChartLoadOutcome, InitialUiState } from './panelTypes';

export class ByDayChartPanel extends Disposable {
  private static readonly panels = new Map<string, ByDayChartPanel>();
  private static readonly loads = new vscode.EventEmitter<ChartLoadOutcome>();
  private static readonly draws = new vscode.EventEmitter<ChartDrawReport>();
  /** Fires when a by-day request of any panel settles. */
  static readonly onDidLoad = ByDayChartPanel.loads.event;
  /** Fires when a webview reports that Chart.js has drawn. */
  static readonly onDidDraw = ByDayChartPanel.draws.event;

  private state: ChartUiState;
  private inFlight: AbortController | undefined;
  private lastData: ByDayData | undefined;
  private readonly openedAt = Date.now();
  private readyMs = 0;
  private initSeq = 0;

  static createOrShow(env: ChartEnv, subject: ChartSubject, initial: InitialUiState = {}): ByDayChartPanel {
    const existing = ByDayChartPanel.panels.get(subjectKey(subject));
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      CHART_VIEW_TYPE,
      panelTitle(subject, env.ownerNames()),
      vscode.ViewColumn.Active,
      chartWebviewOptions(env.extensionUri),
    );
    return new ByDayChartPanel(env, panel, { ...defaultUiState(subject), ...initial });
  }

  /**
   * The serializer's path after a reload: the saved UI state names the subject; `registration.ts`
   * passes the newest of the webview's saved state and the host's copy.
   */
  static revive(env: ChartEnv, panel: vscode.WebviewPanel, state: ChartUiState): ByDayChartPanel {
    const existing = ByDayChartPanel.panels.get(subjectKey(state.subject));
    existing?.dispose();
    panel.webview.options = chartWebviewOptions(env.extensionUri);
    return new ByDayChartPanel(env, panel, state);
  }

  static find(subject: ChartSubject): ByDayChartPanel | undefined {
    return ByDayChartPanel.panels.get(subjectKey(subject));
  }

  static all(): ByDayChartPanel[] {
    return [...ByDayChartPanel.panels.values()];
  }

  static disposeAll(): void {
    for (const panel of [...ByDayChartPanel.panels.values()]) {
      panel.dispose();
    }
  }

  private constructor(
    private readonly env: ChartEnv,
    readonly panel: vscode.WebviewPanel,
    state: ChartUiState,
  ) {
    super();
    this.state = state;
    ByDayChartPanel.panels.set(this.key, this);
    this.refreshTitle();
    this.rememberState();
    panel.webview.html = chartHtml(panel.webview, env.extensionUri, chartLanguage());
    this._register(panel.onDidDispose(() => this.dispose()));
    this._register(panel.webview.onDidReceiveMessage((msg: unknown) => this.onMessage(msg)));
    this._register(
      panel.onDidChangeViewState(() => {
        // A hidden webview is destroyed (no retained context): nobody is left to receive the reply.
        if (!panel.visible) {
          this.abortInFlight();
        }
      }),
    );
    this._register(
      env.connections.onDidChange(() => {
        this.abortInFlight();
        this.lastData = undefined;
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

  private refreshTitle(): void {
    if (!this.isDisposed) {
      this.panel.title = panelTitle(this.state.subject, this.env.ownerNames());
    }
  }

  /** Keeps the host's copy of the UI state (see uiStateStore.ts for why). */
  private rememberState(): void {
    this.env.uiStates.save(this.state).catch((err: unknown) => {
      this.env.log.warn(`by-day chart: could not keep the panel's state: ${String(err)}`);
    });
  }

  get subject(): ChartSubject {
    return this.state.subject;
  }

  private get key(): string {
    return subjectKey(this.state.subject);
  }

  override dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this.abortInFlight();
    if (ByDayChartPanel.panels.get(this.key) === this) {
      ByDayChartPanel.panels.delete(this.key);
    }
    super.dispose();
    this.panel.dispose();
  }

  private abortInFlight(): void {
    this.inFlight?.abort();
    this.inFlight = undefined;
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
        this.rememberState();
        return;
      case 'drawn':
        ByDayChartPanel.draws.fire({
          subject: this.key,
          series: msg.series,
          points: msg.points,
          readyMs: this.readyMs,
          sinceOpenMs: Date.now() - this.openedAt,
        });
        return;
      case 'request':
        void this.answer(msg);
        return;
      default: {
        const unexpected: never = msg;
        return unexpected;
      }
    }
  }

  private async sendInit(): Promise<void> {
    const seq = ++this.initSeq;
    let oldestCached: string | undefined;
    try {
      const scope = await currentScope(this.env.connections);
      oldestCached = scope ? await oldestCachedDay(this.env.cache, scope, this.state.subject) : undefined;
    } catch (err) {
      // Without init the webview would wait forever; its first request reports the problem.
      this.env.log.warn(`by-day chart: could not read the cached history: ${describeWeComError(err, 'en')}`);
    }
    if (seq !== this.initSeq) {
      return; // a newer init (ready, connection change) is on its way with fresher facts
    }
    const owners = this.state.subject.kind === 'owners' ? this.state.subject.owners : [];
    this.post({
      type: 'init',
      subject: this.state.subject,
      owners: ownerLabels(owners, this.env.ownerNames()),
      lang: chartLanguage(),
      labels: chartLabels(),
      window: allowedWindow(this.now()),
      oldestCached,
      state: this.state,
    });
  }

  private now(): number {
    return (this.env.now ?? Date.now)();
  }

  private async answer(msg: RequestMessage): Promise<void> {
    try {
      const result = await this.handle(msg);
      this.post({ type: 'response', id: msg.id, ok: true, result });
    } catch (err) {
      this.post({
        type: 'response',
        id: msg.id,
        ok: false,
        error: toErrorInfo(err, chartLanguage(), this.env.log),
      });
    }
  }

  private async handle(msg: RequestMessage): Promise<RequestResult<RequestMethod>> {
    const lang = chartLanguage();
    switch (msg.method) {
      case 'byDay':
        return this.fetchByDay(msg.id, msg.params);
      case 'exportCsv': {
        const data = this.requireData();
        const owners = ownerLabels(data.perOwner?.map((p) => p.owner) ?? [], this.env.ownerNames());
        return exportCsv(this.env.pickSaveTarget, this.state.subject, data, msg.params, owners, lang);
      }
      case 'exportPng':
        return exportPng(this.env.pickSaveTarget, this.state.subject, this.requireData(), msg.params.dataUrl);
    }
  }

  private requireData(): ByDayData {
    if (!this.lastData) {
      throw new UserFacingError({
        message: vscode.l10n.t('There is nothing to export yet: wait until the chart has loaded.'),
        retryable: false,
      });
    }
    return this.lastData;
  }

  private async fetchByDay(id: number, params: ByDayParams): Promise<ByDayData> {
    this.abortInFlight();
    const controller = new AbortController();
    this.inFlight = controller;
    const subject = this.key;
    const started = Date.now();
    const timing = (): { fetchMs: number; sinceOpenMs: number } => ({
      fetchMs: Date.now() - started,
      sinceOpenMs: Date.now() - this.openedAt,
    });
    try {
      const data = await loadSubjectByDay(this.env, this.state.subject, params, {
        signal: controller.signal,
        onProgress: (p) => this.post({ type: 'progress', id, done: p.done, total: p.total }),
      });
      if (this.inFlight === controller) {
        // A superseded load (aborted after its last await, e.g. all from the cache) must not
        // replace what the newer request or connection exports.
        this.lastData = data;
      }
      ByDayChartPanel.loads.fire({ subject, outcome: 'ok', cachedDays: data.cachedDays, ...timing() });
      return data;
    } catch (err) {
      const aborted = controller.signal.aborted || isAbortError(err);
      ByDayChartPanel.loads.fire({ subject, outcome: aborted ? 'aborted' : 'error', ...timing() });
      if (!aborted) {
        this.env.log.warn(`by-day chart: ${describeWeComError(err, 'en')}`);
      }
      throw err;
    } finally {
      if (this.inFlight === controller) {
        this.inFlight = undefined;
      }
    }
  }
}
