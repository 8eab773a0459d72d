/**
 * Turns failures into notifications that say what to do, with buttons that do it. Every
 * message shown goes through `Notifier`; under tests it also hands each one to the test seam.
 */
import * as vscode from 'vscode';
import { describeWeComError, WeComError } from '../wecom/errors';
import { pick, uiLanguage } from '../shared/i18n';
import type { RedactingLog } from './log';
import type { TestSeam } from './testSeam';

/** `retrySetup`: "Retry" after a failed Set Up Credentials (asks again); `retry`: loads again. */
export type NotificationAction = 'setup' | 'settings' | 'log' | 'retry' | 'retrySetup';
export type Severity = 'error' | 'warning' | 'info';

export interface ShownNotification {
  readonly severity: Severity;
  readonly text: string;
  /** Button labels, as shown. */
  readonly buttons: readonly string[];
}

export interface FailureMessage {
  readonly text: string;
  /** The full advice, when `text` is only its first sentence (written to the log). */
  readonly detail?: string;
  readonly actions: readonly NotificationAction[];
}

export type FailureContext = 'verify' | 'load';

function actionLabel(action: NotificationAction): string {
  switch (action) {
    case 'setup':
      return vscode.l10n.t('Set Up Credentials');
    case 'settings':
      return vscode.l10n.t('Open Settings');
    case 'log':
      return vscode.l10n.t('Show Log');
    case 'retry':
    case 'retrySetup':
      return vscode.l10n.t('Retry');
  }
}

/** API codes that the corp ID and secret fix: wrong, empty, or of two different apps. */
const CREDENTIAL_CODES: ReadonlySet<number> = new Set([40001, 40013, 40014, 41002, 41004, 301002]);

/**
 * The buttons that help with a failure, chosen from its kind and errcode. What the failure means
 * and what to do is the error's own hint (src/wecom/hints.ts), shared with the CLI.
 */
function actionsFor(err: unknown): NotificationAction[] {
  if (!(err instanceof WeComError)) {
    return ['log'];
  }
  switch (err.kind) {
    case 'api':
      // 60020: the trusted IPs are fixed in the admin console, the proxy in the settings.
      return err.errcode === 60020 ? ['settings', 'log'] : ['log'];
    case 'network':
    case 'timeout':
      return ['settings', 'log'];
    case 'input':
      // A setting the client refuses (plain http:// to a remote host): the hint names it.
      return ['settings'];
    default:
      return ['log'];
  }
}

function isCredentialError(err: unknown): err is WeComError {
  return err instanceof WeComError && err.errcode !== undefined && CREDENTIAL_CODES.has(err.errcode);
}

/** The hint's first sentence without its full stop ("WeCom rejected the secret (…)"). */
function firstSentence(hint: string): string {
  // An English full stop ends a sentence before a space; a Chinese one always does.
  const match = /^(.+?)(?:\.(?=\s|$)|。)/u.exec(hint.trim());
  return match ? match[1] : hint.trim();
}

/**
 * What failed (the context), the error's hint, and the buttons that help. A credential error is
 * one sentence with Retry and Show Log (and Set Up Credentials when loading): the full advice is
 * in the log, and Set Up Credentials asks for exactly what the hint would say to fix.
 */
function describeFailure(err: unknown, context: FailureContext, log: RedactingLog): FailureMessage {
  const lang = uiLanguage(vscode.env.language);
  const full = describeWeComError(err, lang);
  if (isCredentialError(err)) {
    const reason = `${firstSentence(pick(err.hint, lang))} (errcode ${err.errcode})`;
    return {
      text: log.redact(
        context === 'verify'
          ? vscode.l10n.t('Credentials not saved: {0}.', reason)
          : vscode.l10n.t('Could not load the group owners: {0}.', reason),
      ),
      detail: log.redact(full),
      actions: context === 'verify' ? ['retrySetup', 'log'] : ['retry', 'setup', 'log'],
    };
  }
  const prefix =
    context === 'verify'
      ? vscode.l10n.t('Credentials not saved.')
      : vscode.l10n.t('Could not load the group owners.');
  const actions = actionsFor(err);
  return {
    text: log.redact(`${prefix} ${full}`),
    actions: context === 'load' ? ['retry', ...actions] : actions,
  };
}

export class Notifier {
  constructor(
    private readonly log: RedactingLog,
    private readonly perform: (action: NotificationAction) => unknown,
    private readonly seam?: TestSeam,
  ) {}

  failure(err: unknown, context: FailureContext): FailureMessage {
    const failure = describeFailure(err, context, this.log);
    this.log.error(failure.detail ? `${failure.text} ${failure.detail}` : failure.text);
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
