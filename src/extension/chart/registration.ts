/**
 * Wires the by-day chart into the extension: the command, the panel serializer and the
 * closed-day cache. The composition root calls `registerByDayChart` once from `activate`.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { uiLanguage } from '../../shared/metrics';
import { CHART_VIEW_TYPE, defaultUiState } from '../../shared/protocol';
import { isChartUiState } from '../../shared/protocolValidation';
import { describeWeComError } from '../../wecom/errors';
import type { ConnectionSource } from '../contracts';
import { ClosedDayCache } from './closedDayCache';
import { ByDayChartPanel } from './panel';
import type { ChartDrawReport, ChartEnv, ChartLoadOutcome, InitialUiState } from './panelTypes';
import { pickTarget, targetFromArgs } from './subjectPick';

export const SHOW_BY_DAY_CHART_COMMAND = 'wecomGroupStats.showByDayChart';
/** Registered only when WECOM_GROUP_STATS_TEST=1: what the integration tests and the benchmark observe. */
export const CHART_TEST_PROBE_COMMAND = 'wecomGroupStats.chart.testProbe';

export interface ByDayChartDeps {
  readonly context: vscode.ExtensionContext;
  readonly connections: ConnectionSource;
  readonly log: vscode.LogOutputChannel;
  /** userid → display name (the ownerNames setting); read on every panel open. */
  readonly ownerNames: () => Readonly<Record<string, string>>;
}

export interface ChartTestProbe {
  readonly panels: readonly { readonly title: string; readonly visible: boolean }[];
  readonly loads: readonly ChartLoadOutcome[];
  readonly draws: readonly ChartDrawReport[];
}

/** The optional third command argument (automation, benchmark): the panel's starting UI state. */
function initialState(options: unknown): InitialUiState {
  if (typeof options !== 'object' || options === null) {
    return {};
  }
  const all = { kind: 'all' } as const;
  const candidate: unknown = { ...defaultUiState(all), ...options, version: 1, subject: all };
  if (!isChartUiState(candidate)) {
    return {};
  }
  const { metric, range, mode, view } = candidate;
  return { metric, range, mode, view };
}

export function registerByDayChart(deps: ByDayChartDeps): vscode.Disposable {
  const env: ChartEnv = {
    extensionUri: deps.context.extensionUri,
    connections: deps.connections,
    log: deps.log,
    ownerNames: deps.ownerNames,
    cache: new ClosedDayCache(path.join(deps.context.globalStorageUri.fsPath, 'by-day-cache')),
    pickSaveTarget: (options) => vscode.window.showSaveDialog(options),
  };

  const command = vscode.commands.registerCommand(
    SHOW_BY_DAY_CHART_COMMAND,
    async (clicked?: unknown, selected?: unknown, options?: unknown) => {
      try {
        const target =
          targetFromArgs(clicked, selected) ?? (await pickTarget(deps.connections, deps.ownerNames()));
        if (target) {
          const initial = initialState(options);
          ByDayChartPanel.createOrShow(
            env,
            target.subject,
            target.metric ? { ...initial, metric: target.metric } : initial,
          );
        }
      } catch (err) {
        deps.log.warn(`by-day chart: ${describeWeComError(err, 'en')}`);
        void vscode.window.showErrorMessage(describeWeComError(err, uiLanguage(vscode.env.language)));
      }
    },
  );

  const serializer = vscode.window.registerWebviewPanelSerializer(CHART_VIEW_TYPE, {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
      if (isChartUiState(state)) {
        ByDayChartPanel.revive(env, panel, state);
      } else {
        // Saved before the webview stored its state: nothing says whose chart it was.
        panel.dispose();
      }
    },
  });

  const disposables: vscode.Disposable[] = [command, serializer];
  if (process.env.WECOM_GROUP_STATS_TEST === '1') {
    disposables.push(registerTestProbe());
  }
  disposables.push({ dispose: () => ByDayChartPanel.disposeAll() });
  return vscode.Disposable.from(...disposables);
}

function registerTestProbe(): vscode.Disposable {
  const loads: ChartLoadOutcome[] = [];
  const draws: ChartDrawReport[] = [];
  return vscode.Disposable.from(
    ByDayChartPanel.onDidLoad((outcome) => loads.push(outcome)),
    ByDayChartPanel.onDidDraw((draw) => draws.push(draw)),
    vscode.commands.registerCommand(CHART_TEST_PROBE_COMMAND, (): ChartTestProbe => ({
      panels: ByDayChartPanel.all().map((p) => ({ title: p.panel.title, visible: p.panel.visible })),
      loads: [...loads],
      draws: [...draws],
    })),
  );
}
