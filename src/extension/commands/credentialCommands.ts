/**
 * "Set up credentials" and "Clear credentials". The secret is verified with `gettoken` before
 * anything is saved; it goes to SecretStorage only, the corp ID to the user settings.
 */
import * as vscode from 'vscode';
import type { ConnectionManager } from '../connection';
import { setSecretStoredContext } from '../contextKeys';
import type { CredentialStore } from '../credentialStore';
import type { DemoMode } from '../demoMode';
import type { Notifier } from '../notifications';
import type { RedactingLog } from '../log';
import { affectsSettings, checkCorpId, readSettings, SETTINGS_SECTION } from '../settings';
import type { TestSeam } from '../testSeam';

/**
 * Optional argument of `wecomGroupStats.setupCredentials`, honoured in `ExtensionMode.Test` only:
 * integration tests run inside the extension host and cannot type into input boxes, so they pass
 * the values here; the e2e test types into the real prompts. Outside tests a secret must come
 * from the password prompt, never from another extension's command call, so the argument is
 * ignored. Values passed here go through the same validation and checks.
 */
export interface SetupCredentialsArgs {
  readonly corpId?: string;
  readonly secret?: string;
}

export interface CredentialCommandDeps {
  readonly credentials: CredentialStore;
  readonly connections: ConnectionManager;
  readonly demo: DemoMode;
  readonly notifier: Notifier;
  readonly log: RedactingLog;
  /** Present under tests only: then the command's argument is accepted. */
  readonly seam: TestSeam | undefined;
}

function isSetupArgs(value: unknown): value is SetupCredentialsArgs {
  return typeof value === 'object' && value !== null && ('corpId' in value || 'secret' in value);
}

async function askCorpId(current: string): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('WeCom: Set Up Credentials (1/2)'),
    prompt: vscode.l10n.t('Corp ID (企业ID), from the WeCom admin console: My Company → Company Info'),
    placeHolder: 'ww0123456789abcdef',
    value: current,
    ignoreFocusOut: true,
    validateInput: (value) => {
      const check = checkCorpId(value);
      if (check.error) {
        return check.error;
      }
      return check.warning
        ? { message: check.warning, severity: vscode.InputBoxValidationSeverity.Warning }
        : undefined;
    },
  });
}

async function askSecret(corpId: string): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('WeCom: Set Up Credentials (2/2)'),
    prompt: vscode.l10n.t(
      "Secret of the self-built app that may call customer-contact APIs, for corp {0}. It is stored in VS Code's secret storage only.",
      corpId,
    ),
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) =>
      value.trim() ? undefined : vscode.l10n.t('Enter the secret, or press Escape to cancel.'),
  });
}

/** Returns true when credentials were verified and saved. */
export async function setupCredentials(deps: CredentialCommandDeps, arg?: unknown): Promise<boolean> {
  let given: SetupCredentialsArgs = {};
  if (isSetupArgs(arg)) {
    if (deps.seam) {
      given = arg;
    } else {
      deps.log.warn('Set up credentials ignored its argument: credentials are typed into the prompts.');
    }
  }
  const corpIdInput = given.corpId ?? (await askCorpId(readSettings().settings.corpId));
  if (corpIdInput === undefined) {
    return false;
  }
  const corpId = corpIdInput.trim();
  const corpCheck = checkCorpId(corpId);
  if (corpCheck.error) {
    deps.notifier.show('error', `${vscode.l10n.t('Credentials not saved.')} ${corpCheck.error}`, ['setup']);
    return false;
  }
  const secretInput = given.secret ?? (await askSecret(corpId));
  if (secretInput === undefined) {
    return false;
  }
  const secret = secretInput.trim();
  if (!secret) {
    deps.notifier.show(
      'error',
      `${vscode.l10n.t('Credentials not saved.')} ${vscode.l10n.t('The secret is empty.')}`,
      ['setup'],
    );
    return false;
  }
  try {
    // Inside the try: settings the client refuses (plain http:// to a remote host) are reported too.
    const client = deps.connections.createClient(corpId, secret);
    await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Checking the credentials with WeCom…'),
      },
      () => client.verifyCredentials(),
    );
  } catch (err) {
    deps.notifier.failure(err, 'verify');
    return false;
  }
  await deps.credentials.storeSecret(corpId, secret);
  await vscode.workspace
    .getConfiguration(SETTINGS_SECTION)
    .update('corpId', corpId, vscode.ConfigurationTarget.Global);
  if (deps.demo.isOn) {
    await deps.demo.stop(); // the user asked for their real data
  }
  deps.notifier.show('info', vscode.l10n.t('WeCom credentials for corp {0} verified and saved.', corpId));
  return true;
}

/** Removes the stored secret of the configured corp; the corp ID setting stays (it is not secret). */
export async function clearCredentials(deps: CredentialCommandDeps): Promise<boolean> {
  const corpId = readSettings().settings.corpId;
  if (!corpId || !(await deps.credentials.getSecret(corpId))) {
    deps.notifier.show('info', vscode.l10n.t('No WeCom secret is stored, so there is nothing to clear.'));
    return false;
  }
  await deps.credentials.deleteSecret(corpId);
  deps.notifier.show(
    'info',
    vscode.l10n.t('The WeCom secret for corp {0} was removed from this machine.', corpId),
    ['setup'],
  );
  return true;
}

/** Keeps the `secretStored` context key true while a secret is stored for the configured corp ID. */
export function trackStoredSecret(credentials: CredentialStore): vscode.Disposable {
  const update = (): void => {
    const corpId = readSettings().settings.corpId;
    const stored = corpId ? credentials.getSecret(corpId) : Promise.resolve(undefined);
    // A secret store that cannot be read has nothing Clear Credentials could clear either.
    void stored.then(
      (secret) => setSecretStoredContext(Boolean(secret)),
      () => setSecretStoredContext(false),
    );
  };
  update();
  return vscode.Disposable.from(
    credentials.onDidChange(update),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsSettings(e)) {
        update();
      }
    }),
  );
}
