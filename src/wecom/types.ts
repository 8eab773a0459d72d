/**
 * The contract of the shared WeCom client (src/wecom). Runs in plain Node: no `vscode` here.
 * The extension host, the CLI, the benchmark and the tests all use these types.
 */
import type { CstDay, DayRange } from '../shared/days';
import type { GroupChatStats, MetricKey } from '../shared/metrics';

export const DEFAULT_API_BASE = 'https://qyapi.weixin.qq.com';

export interface WeComClientOptions {
  readonly corpId: string;
  readonly corpSecret: string;
  /** Default `https://qyapi.weixin.qq.com`; a relay or the fake server otherwise. */
  readonly baseUrl?: string;
  /**
   * Deadline of one attempt in ms, from connecting to the last byte of the body (default 15000).
   * A server that drips its reply cannot hold a call longer than this.
   */
  readonly timeoutMs?: number;
  /** Replies larger than this many bytes are refused (default 10 MB; a real reply is a few KB). */
  readonly maxReplyBytes?: number;
  /**
   * Allow an `http://` base URL to a host other than loopback. Off by default: the secret and the
   * access token would cross the network in clear text.
   */
  readonly allowInsecureHttp?: boolean;
  /** Explicit proxy URL (`http://host:port`); when absent, HTTPS_PROXY/HTTP_PROXY/NO_PROXY apply. */
  readonly proxy?: string;
  /**
   * Requests in flight at once, shared by all calls of this client (default 4). WeCom's 45033
   * ("too many concurrent calls") halves the limit for a while, down to 1.
   */
  readonly concurrency?: number;
  /** Attempts per request for retryable failures (default 4 = 1 try + 3 retries). */
  readonly maxAttempts?: number;
  /** Base delay of the exponential backoff in ms (default 500; tests lower it). */
  readonly backoffBaseMs?: number;
  /** Wait after a 45009 frequency-limit reply before retrying, in ms (default 60000; tests lower it). */
  readonly rateLimitBackoffMs?: number;
  /** Receives one entry per HTTP request; never contains the secret or a token. */
  readonly onRequestLog?: (entry: RequestLogEntry) => void;
  /** Clock seam for tests (ms since epoch). */
  readonly now?: () => number;
}

/** Every WeCom reply carries these; the rest depends on the endpoint. */
export interface WeComReply {
  readonly errcode: number;
  readonly errmsg?: string;
  readonly [field: string]: unknown;
}

export interface RequestLogEntry {
  /** Path without query, e.g. `/cgi-bin/externalcontact/groupchat/statistic`. */
  readonly endpoint: string;
  readonly durationMs: number;
  /** WeCom errcode, or undefined when no JSON reply arrived (network error, HTTP error). */
  readonly errcode?: number;
  /** HTTP status, when a reply arrived. */
  readonly status?: number;
  readonly attempt: number;
  /** errmsg or the network error, redacted of tokens and secrets. */
  readonly message?: string;
  /** The owners the request asked about (statistics endpoints), so a log line can name them. */
  readonly owners?: readonly string[];
  /** The CST days the request asked about (statistics endpoints). */
  readonly range?: DayRange;
}

export interface CallProgress {
  readonly done: number;
  readonly total: number;
}

export interface CallOptions {
  /** Stops the operation promptly; the promise rejects with a WeComError of kind 'aborted'. */
  readonly signal?: AbortSignal;
  /** Called as requests finish: done/total requests of this operation. */
  readonly onProgress?: (progress: CallProgress) => void;
}

export interface OwnerTotalsRequest {
  readonly from: CstDay;
  readonly to: CstDay;
  /** Owners to include; when absent, the follow-user list. */
  readonly owners?: readonly string[];
  /** Default `chat_total`. Figures 1–4 are sorted by the server, the rest by the client. */
  readonly sortBy?: MetricKey;
  /** Default false (descending). */
  readonly ascending?: boolean;
}

/**
 * One owner's totals. Every owner asked for appears exactly once in the result: with its figures,
 * or as absent when WeCom's reply had no row for it (no groups, or an id it does not know and
 * ignored). An absent owner has no figures: it is neither zero nor counted in any sum.
 */
export type OwnerTotals = PresentOwnerTotals | AbsentOwner;

export interface PresentOwnerTotals {
  readonly owner: string;
  readonly data: GroupChatStats;
  readonly absent?: undefined;
}

export interface AbsentOwner {
  readonly owner: string;
  readonly absent: true;
  readonly data?: undefined;
}

export interface ByDayRequest {
  readonly from: CstDay;
  readonly to: CstDay;
  /** Owners to sum over; when absent, the follow-user list. */
  readonly owners?: readonly string[];
  /** Also return one series per owner (one request per owner and window). */
  readonly perOwner?: boolean;
}

export interface DayStats {
  readonly date: CstDay;
  /** 00:00 CST of `date`, Unix seconds, as the server's `stat_time`. */
  readonly statTime: number;
  readonly data: GroupChatStats;
  /**
   * When the reply carrying this day arrived (ms since epoch); for a day summed over several
   * owner batches, the earliest of their replies (a day is only as final as its oldest part).
   */
  readonly fetchedAt: number;
}

export interface ByDayResult {
  readonly from: CstDay;
  readonly to: CstDay;
  /** The owners the figures are summed over. */
  readonly owners: readonly string[];
  /**
   * The complete days, in date order, summed across owner batches: a day is here only when every
   * owner batch of its window reported it.
   */
  readonly total: readonly DayStats[];
  /**
   * Days of the range that are not in `total` because at least one owner batch did not report
   * them (after retries). Empty when the result is whole. Never shown or stored as figures.
   */
  readonly missingDays: readonly CstDay[];
  /** When `perOwner` was asked: owner → the days WeCom reported for that owner alone. */
  readonly perOwner?: Readonly<Record<string, readonly DayStats[]>>;
}

export type WeComErrorKind =
  /** The server answered with a non-zero errcode. */
  | 'api'
  /** HTTP status other than 200, or a reply that is not the documented JSON. */
  | 'http'
  /** Connection refused, DNS, TLS, proxy… */
  | 'network'
  | 'timeout'
  /**
   * errcode 0 but the reply is not whole or not the documented shape: `items` missing, fewer rows
   * than claimed, a row for an owner not asked, a figure that is not a count, a body cut off or
   * too large. Retried like a busy server, then reported; never read as figures.
   */
  | 'malformed'
  | 'aborted'
  /** Rejected before any request (bad dates, empty owner id, bad option). */
  | 'input';

/** What the host, CLI and benchmark need from a client; `WeComClient` implements it. */
export interface StatisticsClient {
  /** Checks the corp ID and secret with `gettoken` (caches the token on success). */
  verifyCredentials(options?: CallOptions): Promise<void>;
  /** `get_follow_user_list`: the members configured for customer contact (the natural owner list). */
  listFollowUsers(options?: CallOptions): Promise<string[]>;
  /** `groupchat/statistic` over a range: all owners, all pages, merged and sorted. */
  getOwnerTotals(request: OwnerTotalsRequest, options?: CallOptions): Promise<OwnerTotals[]>;
  /** `groupchat/statistic_group_by_day` over up to 180 days, windows and batches merged. */
  getByDay(request: ByDayRequest, options?: CallOptions): Promise<ByDayResult>;
}
