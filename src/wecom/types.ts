/**
 * The contract of the shared WeCom client (src/wecom). Runs in plain Node: no `vscode` here.
 * The extension host, the CLI, the benchmark and the tests all use these types.
 */
import type { CstDay } from '../shared/days';
import type { GroupChatStats, MetricKey } from '../shared/metrics';

export const DEFAULT_API_BASE = 'https://qyapi.weixin.qq.com';

export interface WeComClientOptions {
  readonly corpId: string;
  readonly corpSecret: string;
  /** Default `https://qyapi.weixin.qq.com`; a relay or the fake server otherwise. */
  readonly baseUrl?: string;
  /** Per-request timeout in ms (default 15000). */
  readonly timeoutMs?: number;
  /** Explicit proxy URL (`http://host:port`); when absent, HTTPS_PROXY/HTTP_PROXY/NO_PROXY apply. */
  readonly proxy?: string;
  /** Requests in flight at once, shared by all calls of this client (default 4). */
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
}

export interface Progress {
  readonly done: number;
  readonly total: number;
}

export interface CallOptions {
  /** Stops the operation promptly; the promise rejects with a WeComError of kind 'aborted'. */
  readonly signal?: AbortSignal;
  /** Called as requests finish: done/total requests of this operation. */
  readonly onProgress?: (progress: Progress) => void;
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

export interface OwnerTotals {
  readonly owner: string;
  readonly data: GroupChatStats;
  /**
   * The server's reply had no row for this owner (no groups, or an id it does not know and ignored);
   * `data` is then all zeros. Every owner asked for appears exactly once in the result.
   */
  readonly absent?: true;
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
}

export interface ByDayResult {
  readonly from: CstDay;
  readonly to: CstDay;
  /** The owners the figures are summed over. */
  readonly owners: readonly string[];
  /** One entry per day that the server returned, in date order, summed across owner batches. */
  readonly total: readonly DayStats[];
  /** When `perOwner` was asked: owner → its own days. */
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
