/**
 * The one error type of the client. It holds only plain, redacted fields (never an axios error,
 * request config or `cause`), so printing or serializing it cannot leak the secret or a token.
 */
import { DayRangeError } from '../shared/days';
import { pick, type Localized, type UiLanguage } from '../shared/i18n';
import { hintFor, type MalformedReason } from './hints';
import { WECOM_PATHS } from '../shared/wecomApi';
import { redactSecrets } from './redact';
import type { WeComErrorKind } from './types';

export interface WeComErrorInit {
  readonly kind: WeComErrorKind;
  readonly endpoint: string;
  readonly errcode?: number;
  /** Redacted here again, whatever the caller passed. */
  readonly errmsg?: string;
  readonly status?: number;
  /** Owner ids of the failing request, named in hints about user ids. */
  readonly owners?: readonly string[];
  /** Server host for network hints. */
  readonly host?: string;
  /** For 'malformed': what was wrong with the reply (the hint differs). */
  readonly reason?: MalformedReason;
  /** Overrides the computed hint (input errors carry their own reason). */
  readonly hint?: Localized;
}

export class WeComError extends Error {
  readonly kind: WeComErrorKind;
  readonly errcode: number | undefined;
  readonly errmsg: string;
  /** API path without query, e.g. `/cgi-bin/gettoken`; empty for input errors. */
  readonly endpoint: string;
  readonly status: number | undefined;
  readonly owners: readonly string[] | undefined;
  readonly reason: MalformedReason | undefined;
  readonly hint: Localized;

  constructor(init: WeComErrorInit) {
    const errmsg = redactSecrets(init.errmsg ?? '');
    const hint = init.hint ?? hintFor({ ...init, errmsg });
    super(
      `${hint.en}${technicalDetail(init.kind, init.endpoint, init.errcode, init.status, errmsg, hint.en)}`,
    );
    this.name = 'WeComError';
    this.kind = init.kind;
    this.errcode = init.errcode;
    this.errmsg = errmsg;
    this.endpoint = init.endpoint;
    this.status = init.status;
    this.owners = init.owners;
    this.reason = init.reason;
    this.hint = hint;
  }
}

function technicalDetail(
  kind: WeComErrorKind,
  endpoint: string,
  errcode: number | undefined,
  status: number | undefined,
  errmsg: string,
  hint: string,
): string {
  if (kind === 'input' || kind === 'aborted') {
    return '';
  }
  const parts = [endpoint];
  if (errcode !== undefined) {
    parts.push(`errcode ${errcode}`);
  } else if (status !== undefined && !hint.includes(`HTTP ${status}`)) {
    // Said once: the hint of an HTTP error already names the status.
    parts.push(`HTTP ${status}`);
  }
  if (errmsg && !hint.includes(errmsg)) {
    parts.push(errmsg);
  }
  return ` [${parts.filter(Boolean).join(', ')}]`;
}

export function inputError(reason: Localized): WeComError {
  return new WeComError({ kind: 'input', endpoint: '', errmsg: reason.en, hint: reason });
}

export function abortedError(endpoint = ''): WeComError {
  return new WeComError({ kind: 'aborted', endpoint });
}

/** errcode 0 but not a whole reply of the documented shape: `what` says what was wrong. */
export function malformedReply(endpoint: string, what: string): WeComError {
  return new WeComError({ kind: 'malformed', endpoint, reason: 'shape', errmsg: what });
}

/** Days that not every owner batch reported (a ByDayResult's `missingDays`), as an error to report. */
export function missingDaysError(days: readonly string[]): WeComError {
  const shown =
    days.length <= 5 ? days.join(', ') : `${days.slice(0, 5).join(', ')} and ${days.length - 5} more`;
  const what = days.length === 1 ? `the day ${shown}` : `${days.length} days (${shown})`;
  return new WeComError({
    kind: 'malformed',
    endpoint: WECOM_PATHS.byDay,
    reason: 'missingDays',
    errmsg: what,
  });
}

/** DayRangeError (bad dates) becomes an 'input' WeComError with the same localized reason. */
export function asWeComError(err: unknown): unknown {
  return err instanceof DayRangeError ? inputError(err.reason) : err;
}

export function isAbortError(err: unknown): boolean {
  return err instanceof WeComError && err.kind === 'aborted';
}

/** One sentence for the user: what happened and what to do, plus the code when there is one. */
export function describeWeComError(err: unknown, lang: UiLanguage): string {
  if (err instanceof WeComError) {
    const hint = pick(err.hint, lang);
    if (err.kind === 'api' && err.errcode !== undefined && !hint.includes(String(err.errcode))) {
      return `${hint} (errcode ${err.errcode})`;
    }
    return hint;
  }
  if (err instanceof DayRangeError) {
    return pick(err.reason, lang);
  }
  const text = redactSecrets(err instanceof Error ? err.message : String(err));
  return lang === 'zh' ? `发生意外错误:${text}` : `Unexpected error: ${text}`;
}
