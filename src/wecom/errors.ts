/**
 * The one error type of the client. It holds only plain, redacted fields (never an axios error,
 * request config or `cause`), so printing or serializing it cannot leak the secret or a token.
 */
import { DayRangeError, type Localized } from '../shared/days';
import { hintFor } from './hints';
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
  readonly hint: Localized;

  constructor(init: WeComErrorInit) {
    const errmsg = redactSecrets(init.errmsg ?? '');
    const hint = init.hint ?? hintFor({ ...init, errmsg });
    super(`${hint.en}${technicalDetail(init.kind, init.endpoint, init.errcode, init.status, errmsg)}`);
    this.name = 'WeComError';
    this.kind = init.kind;
    this.errcode = init.errcode;
    this.errmsg = errmsg;
    this.endpoint = init.endpoint;
    this.status = init.status;
    this.owners = init.owners;
    this.hint = hint;
  }
}

function technicalDetail(
  kind: WeComErrorKind,
  endpoint: string,
  errcode: number | undefined,
  status: number | undefined,
  errmsg: string,
): string {
  if (kind === 'input' || kind === 'aborted') {
    return '';
  }
  const parts = [endpoint];
  if (errcode !== undefined) {
    parts.push(`errcode ${errcode}`);
  } else if (status !== undefined) {
    parts.push(`HTTP ${status}`);
  }
  if (errmsg) {
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

/** DayRangeError (bad dates) becomes an 'input' WeComError with the same localized reason. */
export function asWeComError(err: unknown): unknown {
  return err instanceof DayRangeError ? inputError(err.reason) : err;
}

export function isAbortError(err: unknown): boolean {
  return err instanceof WeComError && err.kind === 'aborted';
}

/** One sentence for the user: what happened and what to do, plus the code when there is one. */
export function describeWeComError(err: unknown, lang: 'en' | 'zh'): string {
  if (err instanceof WeComError) {
    const hint = err.hint[lang];
    if (err.kind === 'api' && err.errcode !== undefined && !hint.includes(String(err.errcode))) {
      return `${hint} (errcode ${err.errcode})`;
    }
    return hint;
  }
  if (err instanceof DayRangeError) {
    return err.reason[lang];
  }
  const text = redactSecrets(err instanceof Error ? err.message : String(err));
  return lang === 'zh' ? `发生意外错误:${text}` : `Unexpected error: ${text}`;
}
