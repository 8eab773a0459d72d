/**
 * How a failure reads on wecom-stats' stderr and which exit status it gives. The client's hints
 * are shared with the extension and speak of its settings; here they name the CLI's own flags and
 * variables instead, so every hint points only at what exists in a terminal.
 */
import { DayRangeError } from '../shared/days';
import { StoreGapError } from '../sync/reconcile';
import { UnavailableDaysError } from '../sync/storedByDay';
import { WeComError, describeWeComError } from '../wecom/errors';
import { redactSecrets } from '../wecom/redact';
import { UsageError } from './usage';

/** A sync that stopped (Ctrl-C, an API error): what it stored is kept, and the message says so. */
export class PartialSyncError extends Error {
  constructor(
    readonly inner: unknown,
    readonly stored: number,
  ) {
    super('sync stopped');
    this.name = 'PartialSyncError';
  }
}

/** The store could not be opened (no such server, a newer schema, a file held too long). */
export class StoreOpenError extends Error {
  constructor(location: string, inner: unknown) {
    const why = inner instanceof Error ? inner.message : String(inner);
    // A URL's password never reaches a message (masked again by run's oneLine).
    const where = location.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
    super(`cannot open the history store ${where}: ${redactSecrets(why)}`);
    this.name = 'StoreOpenError';
  }
}

export const EXIT_OK = 0;
export const EXIT_API = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERRUPTED = 130;

/** Phrases of the shared hints (src/wecom/hints.ts, client.ts) and their CLI wording. */
const CLI_WORDING: ReadonlyArray<readonly [string, string]> = [
  ['raise the request timeout', 'raise the request timeout (--timeout MS)'],
  ['the proxy (the proxy setting or HTTPS_PROXY/NO_PROXY)', 'the proxy (HTTPS_PROXY/NO_PROXY)'],
  ['the API base URL', 'the API base URL WECOM_API_BASE'],
  [
    '(setting wecomGroupStats.allowInsecureHttp, or --allow-insecure-http for wecom-stats)',
    '(--allow-insecure-http or WECOM_ALLOW_INSECURE_HTTP=1)',
  ],
  [
    'Enter your corp ID (it starts with "ww") in the settings',
    'Set WECOM_CORP_ID to your corp ID (it starts with "ww")',
  ],
  ['Enter the secret of the self-built app', 'Set WECOM_CORP_SECRET to the secret of the self-built app'],
  [
    'This is a bug in the extension: please report it with the log',
    'This is a bug in wecom-stats: please report it',
  ],
  ['Choose the owners explicitly', 'Choose the owners explicitly (--owners)'],
  ['from the owner list', 'from the owner list (--owners)'],
];

/** A shared hint's text in the CLI's terms. */
export function inCliTerms(text: string): string {
  return CLI_WORDING.reduce((out, [shared, cli]) => out.split(shared).join(cli), text);
}

export function messageOf(err: unknown): string {
  if (err instanceof PartialSyncError) {
    const kept =
      err.stored > 0
        ? `${err.stored} atom(s) stored before it stopped are kept; run sync again to fetch the rest`
        : 'nothing was stored; run sync again';
    return `${messageOf(err.inner)} (${kept})`;
  }
  if (
    err instanceof UsageError ||
    err instanceof StoreGapError ||
    err instanceof StoreOpenError ||
    err instanceof UnavailableDaysError
  ) {
    return err.message;
  }
  if (err instanceof WeComError && err.kind !== 'input' && err.kind !== 'aborted') {
    // The hint plus [endpoint, errcode, errmsg]: errmsg carries WeCom's hint id and "from ip".
    return inCliTerms(err.message);
  }
  return inCliTerms(describeWeComError(err, 'en'));
}

/**
 * 2 for usage and input errors, 130 when interrupted, else 1: API, network, timeout and replies
 * that were not whole ('malformed': cut off, too large, missing days) alike.
 */
export function exitStatusOf(err: unknown): number {
  if (err instanceof PartialSyncError) {
    return exitStatusOf(err.inner);
  }
  // The store lacks the day reconcile was asked about: a missing precondition, like a missing setting.
  if (
    err instanceof UsageError ||
    err instanceof DayRangeError ||
    err instanceof StoreGapError ||
    err instanceof UnavailableDaysError
  ) {
    return EXIT_USAGE;
  }
  if (err instanceof WeComError) {
    return err.kind === 'input' ? EXIT_USAGE : err.kind === 'aborted' ? EXIT_INTERRUPTED : EXIT_API;
  }
  return EXIT_API;
}
