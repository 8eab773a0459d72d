/** How a failed chart request reads in the panel: what happened and what to do, retry or not. */
import type * as vscode from 'vscode';
import { DayRangeError } from '../../shared/days';
import { pick, type UiLanguage } from '../../shared/i18n';
import type { ErrorInfo } from '../../shared/protocol';
import { describeWeComError, WeComError } from '../../wecom/errors';

/** A problem the host words itself (nothing configured, nothing to export). */
export class UserFacingError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
  }
}

export function toErrorInfo(err: unknown, lang: UiLanguage, log: vscode.LogOutputChannel): ErrorInfo {
  if (err instanceof UserFacingError) {
    return err.info;
  }
  if (err instanceof WeComError) {
    return { message: describeWeComError(err, lang), retryable: err.kind !== 'input' };
  }
  if (err instanceof DayRangeError) {
    return { message: pick(err.reason, lang), retryable: false };
  }
  // Not a WeCom or input error: a bug or an I/O failure (e.g. the save dialog's target).
  log.error(`by-day chart: ${describeWeComError(err, 'en')}`);
  return { message: describeWeComError(err, lang), retryable: true };
}
