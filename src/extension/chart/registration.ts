/**
 * Wires the by-day chart into the extension: the command, the panel serializer and the
 * closed-day cache. The composition root calls `registerByDayChart` once from `activate`.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CHART_VIEW_TYPE, isChartUiState } from '../../shared/protocol';
import { describeWeComError } from '../../wecom/errors';
import type { ConnectionSource } from '../contracts';
import { ClosedDayCache } from './closedDayCache';
import type { ChartEnv } from './panel';
import { ByDayChartPanel } from './panel';
import { pickTarget, targetFromArgs } from './subjectPick';

export const SHOW_BY_DAY_CHART_COMMAND = 'wecomGroupStats.showByDayChart';

export interface ByDayChartDeps {
  readonly context: vscode.ExtensionContext;
  readonly connections: ConnectionSource;
  readonly log: vscode.LogOutputChannel;
  /** userid → display name (the ownerNames setting); read on every panel open. */
  readonly ownerNames: () => Readonly<Record<string, string>>;
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
    async (clicked?: unknown, selected?: unknown) => {
      try {
        const target =
          targetFromArgs(clicked, selected) ?? (await pickTarget(deps.connections, deps.ownerNames()));
        if (target) {
          ByDayChartPanel.createOrShow(env, target.subject, target.metric);
        }
      } catch (err) {
        deps.log.warn(`by-day chart: ${describeWeComError(err, 'en')}`);
        void vscode.window.showErrorMessage(
          describeWeComError(err, vscode.env.language.startsWith('zh') ? 'zh' : 'en'),
        );
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

  return vscode.Disposable.from(command, serializer, { dispose: () => ByDayChartPanel.disposeAll() });
}
