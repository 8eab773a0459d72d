/**
 * Wires "WeCom: Open Heatmap and Rankings" into the extension: the command (its optional argument
 * `{ owners?, from?, to?, metric?, tab? }` is a contract: the chart panel and the tree open the
 * panel pre-set with it), the one panel of the window (`createOrShow` / `revive`, the webview
 * sample's shape) and its serializer. The composition root calls `registerInsights` once.
 */
import * as vscode from 'vscode';
import {
  INSIGHTS_VIEW_TYPE,
  OPEN_INSIGHTS_COMMAND,
  type InsightsArgs,
  type InsightsUiState,
} from '../../shared/insightsProtocol';
import { isInsightsUiState, parseInsightsArgs } from '../../shared/insightsValidation';
import { webviewPanelOptions } from '../webviewShell';
import { Disposable } from '../dispose';
import { panelEnv, type PanelDeps } from '../panelEnv';
import { InsightsPanel, type InsightsPanelEvents } from './insightsPanel';
import type { InsightsDrawReport, InsightsEnv, InsightsLoadReport, InsightsTestProbe } from './insightsTypes';

/** Registered only in ExtensionMode.Test: what the integration tests and the benchmark observe. */
export const INSIGHTS_TEST_PROBE_COMMAND = 'wecomGroupStats.insights.testProbe';

/** The composition root's services, the host's clock required. */
export type InsightsDeps = PanelDeps & { readonly now: () => number };

export function defaultInsightsState(): InsightsUiState {
  return {
    version: 1,
    tab: 'heatmap',
    metric: 'chat_total',
    range: { kind: 'preset', days: 30 },
    colourBy: 'value',
    sortBy: 'chat_total',
    ascending: false,
    view: 'chart',
    period: 'last7',
    topN: 10,
  };
}

/** The state the command's argument asks for, over `base` (a figure also orders the rows). */
export function stateFromArgs(args: InsightsArgs, base: InsightsUiState): InsightsUiState {
  return {
    ...base,
    tab: args.tab ?? base.tab,
    owners: args.owners ? [...new Set(args.owners)] : undefined,
    metric: args.metric ?? base.metric,
    sortBy: args.metric ?? base.sortBy,
    range: args.from && args.to ? { kind: 'custom', from: args.from, to: args.to } : base.range,
  };
}

class InsightsPanels extends Disposable implements InsightsPanelEvents {
  private current: InsightsPanel | undefined;
  private readonly loads = this._register(new vscode.EventEmitter<InsightsLoadReport>());
  private readonly draws = this._register(new vscode.EventEmitter<InsightsDrawReport>());
  private readonly shows = this._register(new vscode.EventEmitter<InsightsTestProbe['shown'][number]>());
  readonly onDidLoad = this.loads.event;
  readonly onDidDraw = this.draws.event;
  readonly onDidShow = this.shows.event;

  constructor(private readonly env: InsightsEnv) {
    super();
  }

  get panel(): InsightsPanel | undefined {
    return this.current;
  }

  createOrShow(args: InsightsArgs): InsightsPanel {
    if (this.current) {
      this.current.restart(stateFromArgs(args, this.current.uiState));
      this.current.panel.reveal();
      return this.current;
    }
    const panel = vscode.window.createWebviewPanel(
      INSIGHTS_VIEW_TYPE,
      vscode.l10n.t('Heatmap and rankings'),
      vscode.ViewColumn.Active,
      webviewPanelOptions(this.env.extensionUri),
    );
    this.current = new InsightsPanel(this.env, this, panel, stateFromArgs(args, defaultInsightsState()));
    return this.current;
  }

  revive(panel: vscode.WebviewPanel, state: InsightsUiState): void {
    this.current?.dispose();
    panel.webview.options = webviewPanelOptions(this.env.extensionUri);
    this.current = new InsightsPanel(this.env, this, panel, state);
  }

  override dispose(): void {
    this.current?.dispose();
    super.dispose();
  }

  closed(panel: InsightsPanel): void {
    if (this.current === panel) {
      this.current = undefined;
    }
  }
  loaded(report: InsightsLoadReport): void {
    this.loads.fire(report);
  }
  drawn(report: InsightsDrawReport): void {
    this.draws.fire(report);
  }
  shown(report: InsightsTestProbe['shown'][number]): void {
    this.shows.fire(report);
  }
}

export function registerInsights(deps: InsightsDeps): vscode.Disposable {
  const panels = new InsightsPanels(panelEnv(deps));
  const command = vscode.commands.registerCommand(OPEN_INSIGHTS_COMMAND, (arg?: unknown) => {
    const args = parseInsightsArgs(arg);
    if (typeof args === 'string') {
      const message = vscode.l10n.t('Open Heatmap and Rankings was given a bad argument: {0}.', args);
      deps.log.warn(`insights: ${message}`);
      void vscode.window.showErrorMessage(message);
      return;
    }
    panels.createOrShow(args);
  });
  const serializer = vscode.window.registerWebviewPanelSerializer(INSIGHTS_VIEW_TYPE, {
    deserializeWebviewPanel: (panel, saved: unknown) => {
      // Saved by the webview's setState; anything else (an older build) starts from the default.
      panels.revive(panel, isInsightsUiState(saved) ? saved : defaultInsightsState());
      return Promise.resolve();
    },
  });
  const disposables: vscode.Disposable[] = [command, serializer];
  if (deps.context.extensionMode === vscode.ExtensionMode.Test) {
    disposables.push(registerTestProbe(panels));
  }
  disposables.push(panels);
  return vscode.Disposable.from(...disposables);
}

function registerTestProbe(panels: InsightsPanels): vscode.Disposable {
  const loads: InsightsLoadReport[] = [];
  const draws: InsightsDrawReport[] = [];
  const shown: InsightsTestProbe['shown'][number][] = [];
  return vscode.Disposable.from(
    panels.onDidLoad((r) => loads.push(r)),
    panels.onDidDraw((r) => draws.push(r)),
    panels.onDidShow((r) => shown.push(r)),
    vscode.commands.registerCommand(INSIGHTS_TEST_PROBE_COMMAND, (): InsightsTestProbe => {
      const p = panels.panel;
      return {
        panels: p
          ? [{ title: p.panel.title, visible: p.panel.visible, state: p.uiState, ...p.shownData() }]
          : [],
        loads: [...loads],
        draws: [...draws],
        shown: [...shown],
      };
    }),
  );
}
