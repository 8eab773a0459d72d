/**
 * Turns failures into notifications that say what to do, with buttons that do it. Every
 * message shown goes through `Notifier`; under tests it also hands each one to the test seam.
 */
import * as vscode from 'vscode';
import { describeWeComError, WeComError } from '../wecom/errors';
import { uiLanguage } from '../shared/i18n';
import type { RedactingLog } from './log';
import { SETTINGS_SECTION } from './settings';
import type { TestSeam } from './testSeam';

export type NotificationAction = 'setup' | 'settings' | 'log' | 'retry';
export type Severity = 'error' | 'warning' | 'info';

export interface ShownMessage {
  readonly severity: Severity;
  readonly text: string;
  /** Button labels, as shown. */
  readonly buttons: readonly string[];
}

export interface FailureMessage {
  readonly text: string;
  readonly actions: readonly NotificationAction[];
}

export type FailureContext = 'verify' | 'load';

function actionLabel(action: NotificationAction): string {
  switch (action) {
    case 'setup':
      return vscode.l10n.t('Set up credentials');
    case 'settings':
      return vscode.l10n.t('Open settings');
    case 'log':
      return vscode.l10n.t('Show log');
    case 'retry':
      return vscode.l10n.t('Retry');
  }
}

/** The IP WeCom saw, from a 60020 errmsg ("… from ip: 1.2.3.4, more info …"). */
export function ipFromErrmsg(errmsg: string | undefined): string | undefined {
  return /from ip:\s*([0-9a-fA-F.:]+[0-9a-fA-F])/.exec(errmsg ?? '')?.[1];
}

/** What went wrong and what to do about it, as one or two sentences plus the buttons that help. */
export function describeFailure(err: unknown, context: FailureContext, log: RedactingLog): FailureMessage {
  const prefix =
    context === 'verify'
      ? vscode.l10n.t('Credentials not saved.')
      : vscode.l10n.t('Could not load the group owners.');
  const say = (text: string, actions: NotificationAction[]): FailureMessage => ({
    text: log.redact(`${prefix} ${text}`),
    actions: context === 'load' ? ['retry', ...actions] : actions,
  });
  if (!(err instanceof WeComError)) {
    const detail = err instanceof Error ? err.message : String(err);
    return say(vscode.l10n.t('Unexpected error: {0}. The log has details.', detail), ['log']);
  }
  if (err.kind === 'api') {
    switch (err.errcode) {
      case 40013:
        return say(
          vscode.l10n.t(
            'WeCom does not know this corp ID (errcode 40013). Copy it from the admin console (My Company → Company Info) and set up credentials again.',
          ),
          ['setup'],
        );
      case 40001:
        return say(
          vscode.l10n.t(
            "WeCom rejected the secret (errcode 40001): it is not this corp's app secret, it was reset, or the app is disabled. Copy the secret of the app listed under Customer Contact and set up credentials again.",
          ),
          ['setup'],
        );
      case 60020: {
        const ip = ipFromErrmsg(err.errmsg) ?? vscode.l10n.t('(unknown)');
        return say(
          vscode.l10n.t(
            'WeCom refused requests from IP {0} (errcode 60020). Add this IP to the app\'s trusted IPs (企业可信IP) in the admin console, or set "{1}.proxy" to a proxy whose IP is trusted.',
            ip,
            SETTINGS_SECTION,
          ),
          ['settings', 'log'],
        );
      }
      case 48002:
        return say(
          vscode.l10n.t(
            'This app may not call customer-contact APIs (errcode 48002). In the admin console, add it under Customer Contact → API → apps that may call (可调用应用).',
          ),
          ['log'],
        );
      default:
        break;
    }
  }
  if (err.kind === 'network' || err.kind === 'timeout') {
    return say(
      vscode.l10n.t(
        'Could not reach the WeCom server ({0}). Check your network and the "{1}.apiBaseUrl" and "{1}.proxy" settings.',
        describeWeComError(err, uiLanguage(vscode.env.language)),
        SETTINGS_SECTION,
      ),
      ['settings', 'log'],
    );
  }
  if (err.kind === 'input') {
    // A setting the client refuses (plain http:// to a remote host): the reason says how to fix it.
    return say(describeWeComError(err, uiLanguage(vscode.env.language)), ['settings']);
  }
  return say(describeWeComError(err, uiLanguage(vscode.env.language)), ['log']);
}

export class Notifier {
  constructor(
    private readonly log: RedactingLog,
    private readonly perform: (action: NotificationAction) => unknown,
    private readonly seam?: TestSeam,
  ) {}

  failure(err: unknown, context: FailureContext): FailureMessage {
    const failure = describeFailure(err, context, this.log);
    this.log.error(failure.text);
    if (err instanceof Error && !(err instanceof WeComError)) {
      this.log.error(err);
    }
    this.show('error', failure.text, failure.actions);
    return failure;
  }

  show(severity: Severity, text: string, actions: readonly NotificationAction[] = []): void {
    const safe = this.log.redact(text);
    const buttons = actions.map(actionLabel);
    this.seam?.recordMessage({ severity, text: safe, buttons });
    const showFn =
      severity === 'error'
        ? vscode.window.showErrorMessage
        : severity === 'warning'
          ? vscode.window.showWarningMessage
          : vscode.window.showInformationMessage;
    // Not awaited: the notification may stay open for a long time; the button runs its action.
    void Promise.resolve(showFn(safe, ...buttons))
      .then((picked) => {
        const index = picked === undefined ? -1 : buttons.indexOf(picked);
        if (index >= 0) {
          return this.perform(actions[index]);
        }
        return undefined;
      })
      // The button's command failed (e.g. SecretStorage refused the secret): log it, never leave it unhandled.
      .catch((err: unknown) => this.log.error(err instanceof Error ? err : String(err)));
  }
}
