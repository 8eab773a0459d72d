/**
 * Wires the by-day chart into the extension: the command and the panel serializer, over the
 * history store. The composition root calls `registerByDayChart` once from `activate`.
 */
import * as vscode from 'vscode';
import { uiLanguage } from '../../shared/i18n';
import type { ChartUiState } from '../../shared/chartState';
import { CHART_VIEW_TYPE } from '../../shared/protocol';
import { defaultUiState } from '../../shared/chartState';
import { isChartUiState } from '../../shared/protocolValidation';
import { describeWeComError } from '../../wecom/errors';
import { panelEnv, type PanelDeps } from '../panelEnv';
import { UserFacingError } from './chartErrors';
import { subjectProblem } from './panelData';
import { ChartPanelManager } from './panelManager';
import type {
  ChartDrawReport,
  ChartEnv,
  ChartLoadOutcome,
  ChartShownReport,
  InitialUiState,
} from './panelTypes';
import { DEFAULT_HEARTBEAT_MS } from './panelTypes';
import { pickTarget, targetFromArgs } from './subjectPick';

export const SHOW_BY_DAY_CHART_COMMAND = 'wecomGroupStats.showByDayChart';
/** Registered only in ExtensionMode.Test: what the integration tests and the benchmark observe. */
export const CHART_TEST_PROBE_COMMAND = 'wecomGroupStats.chart.testProbe';
/** Test only: runs the serializer's revive on a new panel with the given saved state. */
export const CHART_TEST_REVIVE_COMMAND = 'wecomGroupStats.chart.testRevive';
/** Test only: sets the heartbeat interval (ms) of panels opened afterwards (`{ heartbeatMs }`). */
export const CHART_TEST_TIMING_COMMAND = 'wecomGroupStats.chart.testTiming';

/** The composition root's services (the clock optional: default Date.now). */
export type ByDayChartDeps = PanelDeps;

export interface ChartTestProbe {
  readonly panels: readonly {
    readonly title: string;
    readonly visible: boolean;
    readonly state: ChartUiState;
  }[];
  readonly loads: readonly ChartLoadOutcome[];
  readonly draws: readonly ChartDrawReport[];
  /** What the webviews reported they show, oldest first. */
  readonly shown: readonly ChartShownReport[];
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
  const { metric, range, mode, view, granularity, movingAverage } = candidate;
  return { metric, range, mode, view, granularity, movingAverage };
}

export function registerByDayChart(deps: ByDayChartDeps): vscode.Disposable {
  const env: ChartEnv = panelEnv(deps);
  const panels = new ChartPanelManager(env);

  const command = vscode.commands.registerCommand(
    SHOW_BY_DAY_CHART_COMMAND,
    async (clicked?: unknown, selected?: unknown, options?: unknown) => {
      try {
        const target =
          targetFromArgs(clicked, selected) ?? (await pickTarget(deps.connections, deps.ownerNames()));
        if (target) {
          const owners = target.subject.kind === 'owners' ? new Set(target.subject.owners).size : 0;
          const problem = subjectProblem(owners, false);
          if (problem) {
            throw new UserFacingError({ message: problem, retryable: false });
          }
          const initial = initialState(options);
          panels.createOrShow(
            target.subject,
            target.metric ? { ...initial, metric: target.metric } : initial,
          );
        }
      } catch (err) {
        if (err instanceof UserFacingError) {
          deps.log.warn(`by-day chart: ${err.info.message}`);
          void vscode.window.showErrorMessage(err.info.message);
          return;
        }
        deps.log.warn(`by-day chart: ${describeWeComError(err, 'en')}`);
        void vscode.window.showErrorMessage(describeWeComError(err, uiLanguage(vscode.env.language)));
      }
    },
  );

  /**
   * After a reload the panel comes back with what the webview last passed to `setState` (the
   * convention of VS Code's webview sample and GitLens). A host-side copy on disk was tried and
   * dropped: with the serializer using only `setState`, the e2e test "a browser reload restores
   * the latest custom range" (test/e2e/chartStates.test.ts, `page.reload()` in code-server) still
   * restores the latest range, so no test showed what `setState` loses. What it can lose: VS Code
   * for the web writes editor state to browser storage on a 5 s timer, so a change made in the
   * last seconds before a browser-level reload may come back older.
   */
  function revive(panel: vscode.WebviewPanel, saved: unknown): Promise<void> {
    if (isChartUiState(saved)) {
      panels.revive(panel, saved);
    } else {
      // Saved before the webview stored its state: nothing says whose chart it was.
      panel.dispose();
    }
    return Promise.resolve();
  }

  const serializer = vscode.window.registerWebviewPanelSerializer(CHART_VIEW_TYPE, {
    deserializeWebviewPanel: revive,
  });

  const disposables: vscode.Disposable[] = [command, serializer];
  if (deps.context.extensionMode === vscode.ExtensionMode.Test) {
    disposables.push(
      registerTestProbe(panels),
      vscode.commands.registerCommand(CHART_TEST_REVIVE_COMMAND, (saved: unknown) =>
        revive(vscode.window.createWebviewPanel(CHART_VIEW_TYPE, '…', vscode.ViewColumn.Active, {}), saved),
      ),
      vscode.commands.registerCommand(CHART_TEST_TIMING_COMMAND, (timing?: { heartbeatMs?: unknown }) => {
        const ms = timing?.heartbeatMs;
        env.heartbeatMs = typeof ms === 'number' && ms > 0 ? ms : DEFAULT_HEARTBEAT_MS;
      }),
    );
  }
  disposables.push(panels);
  return vscode.Disposable.from(...disposables);
}

function registerTestProbe(panels: ChartPanelManager): vscode.Disposable {
  const loads: ChartLoadOutcome[] = [];
  const draws: ChartDrawReport[] = [];
  const shown: ChartShownReport[] = [];
  return vscode.Disposable.from(
    panels.onDidLoad((outcome) => loads.push(outcome)),
    panels.onDidDraw((draw) => draws.push(draw)),
    panels.onDidShow((report) => shown.push(report)),
    vscode.commands.registerCommand(CHART_TEST_PROBE_COMMAND, (): ChartTestProbe => ({
      panels: panels.all().map((p) => ({
        title: p.panel.title,
        visible: p.panel.visible,
        state: p.uiState,
      })),
      loads: [...loads],
      draws: [...draws],
      shown: [...shown],
    })),
  );
}
