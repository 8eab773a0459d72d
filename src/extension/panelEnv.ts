/**
 * What the by-day chart and the heatmap-and-rankings panels are given by the composition root,
 * and the one environment both build their panels over. (The owners table needs other services:
 * the tree's model and the store's facts, wired in ownersTable/registration.ts.)
 */
import * as vscode from 'vscode';
import type { OwnerNames } from '../shared/ownerNames';
import type { ChartEnv, ChartHistory } from './chart/panelTypes';
import { DEFAULT_HEARTBEAT_MS } from './chart/panelTypes';
import type { ConnectionSource } from './contracts';

export interface PanelDeps {
  readonly context: vscode.ExtensionContext;
  readonly connections: ConnectionSource;
  readonly log: vscode.LogOutputChannel;
  /** userid → display name (the ownerNames setting); read on every panel open. */
  readonly ownerNames: () => OwnerNames;
  readonly history: ChartHistory;
  /** The host's clock (tests inject one); default Date.now. */
  readonly now?: () => number;
}

/**
 * A new environment (a test may change its `heartbeatMs`): the deps' services, the save dialog,
 * the default heartbeat. Its `now` is the deps' own, so a required clock stays required.
 */
export function panelEnv<Deps extends PanelDeps>(deps: Deps): ChartEnv & Pick<Deps, 'now'> {
  return {
    extensionUri: deps.context.extensionUri,
    connections: deps.connections,
    log: deps.log,
    ownerNames: deps.ownerNames,
    history: deps.history,
    pickSaveTarget: (options) => vscode.window.showSaveDialog(options),
    now: deps.now,
    heartbeatMs: DEFAULT_HEARTBEAT_MS,
  };
}
