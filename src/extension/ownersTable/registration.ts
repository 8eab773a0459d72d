/**
 * Wires the owners table into the extension: its command, its panel serializer and, under tests
 * only, a probe of what it shows. The composition root calls `registerOwnersTable` once.
 */
import * as vscode from 'vscode';
import { DEFAULT_TABLE_VIEW } from '../../shared/ownersTable';
import { isTableViewState, OWNERS_TABLE_VIEW_TYPE } from '../../shared/ownersTableProtocol';
import type { ConnectionManager } from '../connection';
import type { HistoryService } from '../history/historyService';
import type { RedactingLog } from '../log';
import type { OwnersModel } from '../owners/ownersModel';
import type { OwnersTableEnv } from './tableEnv';
import { OwnersTablePanel } from './tablePanel';
import { NO_STORE_FACTS, readStoreFacts } from './tableSnapshot';

export const OPEN_OWNERS_TABLE_COMMAND = 'wecomGroupStats.openOwnersTable';
/** Registered only in ExtensionMode.Test: what the table shows (`OwnersTablePanel.probe`), or undefined. */
export const OWNERS_TABLE_TEST_PROBE_COMMAND = 'wecomGroupStats.ownersTable.testProbe';

export type OwnersTableProbe = ReturnType<OwnersTablePanel['probe']>;

export function registerOwnersTable(deps: {
  readonly context: vscode.ExtensionContext;
  readonly model: OwnersModel;
  readonly connections: ConnectionManager;
  readonly history: HistoryService;
  readonly log: RedactingLog;
}): vscode.Disposable {
  const { connections, history } = deps;
  const env: OwnersTableEnv = {
    extensionUri: deps.context.extensionUri,
    model: deps.model,
    readFacts: async (connectionKey, day, owners) => {
      const connection = await connections.currentConnection();
      if (!connection || connection.key !== connectionKey) {
        return NO_STORE_FACTS; // another corp now: its store scope says nothing of these rows
      }
      return readStoreFacts(await history.store(), connection.storeScope, day, owners);
    },
    onDidSync: history.onDidSync,
    log: deps.log,
    pickSaveTarget: (options) => vscode.window.showSaveDialog(options),
  };
  const disposables: vscode.Disposable[] = [
    // The summary row's inline action passes the row; the table follows the tree whatever it is.
    vscode.commands.registerCommand(OPEN_OWNERS_TABLE_COMMAND, () => {
      OwnersTablePanel.createOrShow(env);
    }),
    vscode.window.registerWebviewPanelSerializer(OWNERS_TABLE_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, saved: unknown) => {
        OwnersTablePanel.revive(env, panel, isTableViewState(saved) ? saved : DEFAULT_TABLE_VIEW);
        return Promise.resolve();
      },
    }),
    { dispose: () => OwnersTablePanel.open?.dispose() },
  ];
  if (deps.context.extensionMode === vscode.ExtensionMode.Test) {
    disposables.push(
      vscode.commands.registerCommand(OWNERS_TABLE_TEST_PROBE_COMMAND, (): OwnersTableProbe | undefined =>
        OwnersTablePanel.open?.probe(),
      ),
    );
  }
  return vscode.Disposable.from(...disposables);
}
