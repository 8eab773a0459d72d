/**
 * Registers every command of the extension (except the chart's, which its feature registers).
 * Command ids are the manifest's; each handler only calls into a service.
 */
import * as vscode from 'vscode';
import { leaveDemo, type DemoMode } from '../demoMode';
import type { RedactingLog } from '../log';
import type { Notifier } from '../notifications';
import { OWNERS_VIEW_ID, type OwnersModel } from '../owners/ownersModel';
import { COMMANDS } from './commandIds';
import {
  clearCredentials,
  setupCredentials,
  trackStoredSecret,
  type CredentialCommandDeps,
} from './credentialCommands';
import { importOwnerNames } from './importOwnerNames';
import { filterOwners, sortOwners } from './viewCommands';

export interface CommandDeps extends CredentialCommandDeps {
  readonly context: vscode.ExtensionContext;
  readonly model: OwnersModel;
  readonly demo: DemoMode;
  readonly log: RedactingLog;
  readonly notifier: Notifier;
}

export async function startDemo(demo: DemoMode, notifier: Notifier): Promise<boolean> {
  try {
    await demo.start();
  } catch (err) {
    notifier.show(
      'error',
      vscode.l10n.t('Could not start demo mode: {0}', err instanceof Error ? err.message : String(err)),
      ['log'],
    );
    return false;
  }
  void vscode.commands.executeCommand(`${OWNERS_VIEW_ID}.focus`);
  return true;
}

export function openSettings(context: vscode.ExtensionContext): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openSettings', `@ext:${context.extension.id}`);
}

export function registerCommands(deps: CommandDeps): vscode.Disposable {
  const { model, demo, log, notifier, context } = deps;
  const handlers: Record<(typeof COMMANDS)[keyof typeof COMMANDS], (...args: unknown[]) => unknown> = {
    [COMMANDS.setupCredentials]: (arg) => setupCredentials(deps, arg),
    [COMMANDS.clearCredentials]: () => clearCredentials(deps),
    [COMMANDS.startDemo]: () => startDemo(demo, notifier),
    [COMMANDS.stopDemo]: (arg) => leaveDemo(demo, arg),
    [COMMANDS.refresh]: () => model.reload(true),
    [COMMANDS.cancelLoad]: () => model.cancelLoad(),
    [COMMANDS.sort]: (arg) => sortOwners(model, arg),
    [COMMANDS.filter]: (arg) => filterOwners(model, arg),
    [COMMANDS.clearFilter]: () => model.setFilter(''),
    [COMMANDS.showLog]: () => log.show(true),
    [COMMANDS.openSettings]: () => openSettings(context),
    [COMMANDS.importOwnerNames]: (arg) => importOwnerNames(notifier, arg),
  };
  return vscode.Disposable.from(
    trackStoredSecret(deps.credentials),
    ...Object.entries(handlers).map(([id, handler]) => vscode.commands.registerCommand(id, handler)),
  );
}
