/**
 * The chart panels of this window: one per subject (an owner, a set of owners, or all owners),
 * kept in a map the manager owns, and the events tests and the benchmark observe. The shape is
 * the webview sample's: `createOrShow` reveals or creates, `revive` serves the serializer. The
 * panel itself (`panel.ts`) owns its webview, its messages and its in-flight load.
 */
import * as vscode from 'vscode';
import type { ChartSubject, ChartUiState } from '../../shared/chartState';
import { CHART_VIEW_TYPE } from '../../shared/protocol';
import { defaultUiState, subjectKey } from '../../shared/chartState';
import { Disposable } from '../dispose';
import { chartWebviewOptions } from './html';
import { panelTitle } from './labels';
import { ByDayChartPanel, type PanelEvents } from './panel';
import type {
  ChartDrawReport,
  ChartEnv,
  ChartLoadOutcome,
  ChartShownReport,
  InitialUiState,
} from './panelTypes';

export class ChartPanelManager extends Disposable implements PanelEvents {
  private readonly panels = new Map<string, ByDayChartPanel>();
  private readonly loads = this._register(new vscode.EventEmitter<ChartLoadOutcome>());
  private readonly draws = this._register(new vscode.EventEmitter<ChartDrawReport>());
  private readonly shows = this._register(new vscode.EventEmitter<ChartShownReport>());
  /** Fires when a by-day request of any panel settles. */
  readonly onDidLoad = this.loads.event;
  /** Fires when a webview reports that Chart.js has drawn. */
  readonly onDidDraw = this.draws.event;
  /** Fires when a webview reports what it shows (state and notices). */
  readonly onDidShow = this.shows.event;

  constructor(private readonly env: ChartEnv) {
    super();
  }

  createOrShow(subject: ChartSubject, initial: InitialUiState = {}): ByDayChartPanel {
    const existing = this.panels.get(subjectKey(subject));
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      CHART_VIEW_TYPE,
      panelTitle(subject, this.env.ownerNames()),
      vscode.ViewColumn.Active,
      chartWebviewOptions(this.env.extensionUri),
    );
    return new ByDayChartPanel(this.env, this, panel, { ...defaultUiState(subject), ...initial });
  }

  /**
   * The serializer's path after a reload: the saved UI state names the subject; `registration.ts`
   * passes the newest of the webview's saved state and the host's copy.
   */
  revive(panel: vscode.WebviewPanel, state: ChartUiState): ByDayChartPanel {
    this.panels.get(subjectKey(state.subject))?.dispose();
    panel.webview.options = chartWebviewOptions(this.env.extensionUri);
    return new ByDayChartPanel(this.env, this, panel, state);
  }

  find(subject: ChartSubject): ByDayChartPanel | undefined {
    return this.panels.get(subjectKey(subject));
  }

  all(): ByDayChartPanel[] {
    return [...this.panels.values()];
  }

  override dispose(): void {
    for (const panel of [...this.panels.values()]) {
      panel.dispose();
    }
    super.dispose();
  }

  // PanelEvents: what a panel reports to its manager.

  opened(key: string, panel: ByDayChartPanel): void {
    this.panels.set(key, panel);
  }

  closed(key: string, panel: ByDayChartPanel): void {
    if (this.panels.get(key) === panel) {
      this.panels.delete(key);
    }
  }

  loaded(outcome: ChartLoadOutcome): void {
    this.loads.fire(outcome);
  }

  drawn(report: ChartDrawReport): void {
    this.draws.fire(report);
  }

  shown(report: ChartShownReport): void {
    this.shows.fire(report);
  }
}
