/**
 * Shared steps of the panel suites on demo data (heatmap and rankings, owners table): the
 * extension on the demo corp with its tree loaded, and at the end the suite's panels closed and
 * nothing configured.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { COMMANDS } from '../../../src/extension/commands/commandIds';
import type { WeComGroupStatsApi } from '../../../src/extension/testApi';
import { getApi, resetHost, waitForState } from './wecomHost';

/** The open tabs of this extension's webview panels of `viewType` (VS Code prefixes the type). */
export function panelTabs(viewType: string): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(viewType));
}

/** A suite's start: nothing configured, then the demo corp, its tree loaded ("ready"). */
export async function startDemo(): Promise<WeComGroupStatsApi> {
  const api = await getApi();
  await resetHost();
  assert.strictEqual(await vscode.commands.executeCommand(COMMANDS.startDemo), true);
  await waitForState(api, 'ready');
  return api;
}

/** A suite's end: its panels of `viewType` closed, nothing configured. */
export async function closePanelsAndReset(viewType: string): Promise<void> {
  await vscode.window.tabGroups.close(panelTabs(viewType));
  await resetHost();
}
