/**
 * Composition root: builds the services with constructor injection and registers every
 * disposable. Under tests (`ExtensionMode.Test`) only, it also builds the test seam (pinnable
 * clock, captured log lines and notifications) and returns the test API; otherwise nothing.
 * No feature logic lives here.
 */
import * as vscode from 'vscode';
import { registerByDayChart } from './chart/registration';
import { COMMANDS } from './commands/commandIds';
import { openSettings, registerCommands, startDemo } from './commands/registerCommands';
import { ConnectionManager } from './connection';
import { CredentialStore } from './credentialStore';
import { DEMO_ENV_VARIABLE, DemoMode } from './demoMode';
import { registerGlossary } from './glossary/glossaryDocument';
import { HistoryService } from './history/historyService';
import { HistorySync } from './history/historySync';
import { registerInsights } from './insights/registration';
import { StoredOwnerDays } from './history/ownerDaySource';
import { RedactingLog } from './log';
import { Notifier, type NotificationAction } from './notifications';
import { parseSortOrder } from './owners/ownerRows';
import { OwnersModel, readSortState } from './owners/ownersModel';
import { registerOwnersTable } from './ownersTable/registration';
import { OwnersTreeView } from './owners/ownersView';
import { RankingsModel } from './owners/rankingsModel';
import { affectsSettings, readSettings } from './settings';
import { previousDayFromStore } from './statusBar/previousDay';
import { StatusBarSummary } from './statusBar/statusBarSummary';
import { createTestApi } from './testApiImpl';
import type { WeComGroupStatsApi } from './testApi';
import { hostClock, TestSeam } from './testSeam';

export function activate(context: vscode.ExtensionContext): WeComGroupStatsApi | undefined {
  const subscriptions = context.subscriptions;
  const seam = TestSeam.forMode(context.extensionMode === vscode.ExtensionMode.Test, process.env);
  const now = hostClock(seam);
  const log = RedactingLog.create(seam);
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
      case 'retrySetup':
        return vscode.commands.executeCommand(COMMANDS.setupCredentials);
    }
  };
  const notifier = new Notifier(log, perform, seam);
  const credentials = new CredentialStore(context.secrets);
  const demo = new DemoMode(log, now);
  const connections = new ConnectionManager(credentials, demo, log, now);
  const history = new HistoryService(
    context.globalStorageUri.fsPath,
    credentials,
    context.globalState,
    log,
    now,
  );
  const ownerDays = new StoredOwnerDays(history, log, now);
  const model = new OwnersModel(
    connections,
    notifier,
    log,
    context.globalState,
    parseSortOrder(readSortState(context.globalState)),
    now,
    ownerDays,
  );
  const rankings = new RankingsModel(model, connections, history, ownerDays, log);
  const view = new OwnersTreeView(model, rankings);
  const historySync = new HistorySync(connections, history, notifier, log, context.globalState, now, seam);
  // Under tests the offer is off unless a test turns it on (through the seam).
  subscriptions.push(historySync.offerWhenReady(model));
  const statusBar = new StatusBarSummary(model, previousDayFromStore(connections, ownerDays), log);
  subscriptions.push(credentials, demo, connections, history, ownerDays, model, view, historySync, statusBar);
  subscriptions.push(rankings, registerGlossary());
  subscriptions.push(
    registerCommands({ context, credentials, connections, demo, notifier, model, log, seam }),
  );
  subscriptions.push(
    registerByDayChart({
      context,
      connections,
      log,
      history,
      ownerNames: () => connections.ownerNames(),
      now,
    }),
  );
  subscriptions.push(registerOwnersTable({ context, model, connections, history, log }));
  subscriptions.push(
    registerInsights({ context, connections, log, history, ownerNames: () => connections.ownerNames(), now }),
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
  if (seam) {
    log.info('Running under tests: test API on.');
  }
  return seam
    ? createTestApi({
        seam,
        globalState: context.globalState,
        connections,
        demo,
        model,
        view,
        statusBar,
        rankings,
        history,
        historySync,
      })
    : undefined;
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
