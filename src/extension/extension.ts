/**
 * Composition root: builds the services with constructor injection, registers every
 * disposable, and returns the test API. No feature logic lives here.
 */
import * as vscode from 'vscode';
import { registerByDayChart } from './chart/registration';
import { COMMANDS } from './commands/commandIds';
import { openSettings, registerCommands, startDemo } from './commands/registerCommands';
import { ConnectionManager } from './connection';
import { CredentialStore } from './credentialStore';
import { DEMO_ENV_VARIABLE, DemoMode } from './demoMode';
import { RedactingLog } from './log';
import { Notifier, type NotificationAction } from './notifications';
import { parseSortOrder } from './owners/ownerRows';
import { OwnersModel, readSortState } from './owners/ownersModel';
import { OwnersView } from './owners/ownersView';
import { affectsSettings, readSettings } from './settings';
import { createTestApi } from './testApiImpl';
import type { WeComGroupStatsApi } from './testApi';

export function activate(context: vscode.ExtensionContext): WeComGroupStatsApi {
  const subscriptions = context.subscriptions;
  const log = RedactingLog.create();
  subscriptions.push(log);

  const perform = (action: NotificationAction): unknown => {
    switch (action) {
      case 'setup':
        return vscode.commands.executeCommand(COMMANDS.setupCredentials);
      case 'settings':
        return openSettings(context);
      case 'log':
        return log.show(true);
      case 'retry':
        return vscode.commands.executeCommand(COMMANDS.refresh);
    }
  };
  const notifier = new Notifier(log, perform);
  const credentials = new CredentialStore(context.secrets);
  const demo = new DemoMode(log);
  const connections = new ConnectionManager(credentials, demo, log);
  const model = new OwnersModel(
    connections,
    notifier,
    log,
    context.globalState,
    parseSortOrder(readSortState(context.globalState)),
  );
  const view = new OwnersView(model);
  subscriptions.push(credentials, demo, connections, model, view);
  subscriptions.push(registerCommands({ context, credentials, connections, demo, notifier, model, log }));
  subscriptions.push(
    registerByDayChart({ context, connections, log, ownerNames: () => connections.ownerNames() }),
  );

  reportSettingsProblems(notifier);
  subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsSettings(e)) {
        reportSettingsProblems(notifier);
      }
    }),
  );

  log.info(
    `Activated ${context.extension.id} ${String(context.extension.packageJSON.version)} in ${vscode.env.appHost}.`,
  );
  if (process.env[DEMO_ENV_VARIABLE] === '1') {
    // Starting demo mode fires a connection change, which loads the tree from the demo server.
    void startDemo(demo, notifier).then((started) => (started ? undefined : model.reload(false)));
  } else {
    void model.reload(false);
  }
  return createTestApi({ globalState: context.globalState, connections, demo, log, notifier, model, view });
}

let lastProblems = '';

function reportSettingsProblems(notifier: Notifier): void {
  const problems = readSettings().problems.join(' ');
  if (problems && problems !== lastProblems) {
    notifier.show('warning', problems, ['settings']);
  }
  lastProblems = problems;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions (the demo server stops with DemoMode).
}
