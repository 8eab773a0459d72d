/**
 * The WeCom client used by the extension host, the CLI, the benchmark and the tests. Plain Node:
 * transport (axios, proxy, timeout), tokens, retries and the statistics operations wired together.
 */
import { MAX_PAGE_LIMIT } from '../shared/wecomApi';
import { ApiCaller } from './caller';
import { inputError } from './errors';
import { Transport } from './http';
import { ConcurrencyLimiter } from './limiter';
import { insecureBaseUrlReason, type ProxyEnv } from './proxy';
import { KnownSecrets } from './redact';
import { StatisticsOperations } from './statistics';
import { TokenCache } from './tokens';
import {
  DEFAULT_API_BASE,
  type ByDayRequest,
  type ByDayResult,
  type CallOptions,
  type OwnerTotals,
  type OwnerTotalsRequest,
  type StatisticsClient,
  type WeComClientOptions,
} from './types';

const DEFAULTS = {
  timeoutMs: 15_000,
  /** Real replies are a few KB (1000 rows of 8 figures is about 200 KB). */
  maxReplyBytes: 10 * 1024 * 1024,
  concurrency: 4,
  maxAttempts: 4,
  backoffBaseMs: 500,
  backoffCapMs: 30_000,
  rateLimitBackoffMs: 60_000,
} as const;

/** Seams that are not user settings. */
export interface WeComClientDeps {
  /** Page size of `groupchat/statistic` (default 1000); tests lower it to exercise paging. */
  readonly pageLimit?: number;
  /** Environment read for HTTPS_PROXY/NO_PROXY (default `process.env`). */
  readonly env?: ProxyEnv;
  /** Jitter source in [0, 1) (default Math.random). */
  readonly random?: () => number;
}

export class WeComClient implements StatisticsClient {
  private readonly caller: ApiCaller;
  private readonly operations: StatisticsOperations;

  constructor(options: WeComClientOptions, deps: WeComClientDeps = {}) {
    const baseUrl = (options.baseUrl ?? DEFAULT_API_BASE).replace(/\/+$/, '');
    const concurrency = positiveInteger(options.concurrency, DEFAULTS.concurrency, 'concurrency');
    const maxAttempts = positiveInteger(options.maxAttempts, DEFAULTS.maxAttempts, 'maxAttempts');
    const pageLimit = positiveInteger(deps.pageLimit, MAX_PAGE_LIMIT, 'pageLimit');
    if (pageLimit > MAX_PAGE_LIMIT) {
      throw inputError({
        en: `pageLimit must be at most ${MAX_PAGE_LIMIT}.`,
        zh: `pageLimit 不能超过 ${MAX_PAGE_LIMIT}。`,
      });
    }
    const insecureHost = insecureBaseUrlReason(baseUrl);
    if (insecureHost !== undefined && !options.allowInsecureHttp) {
      throw inputError({
        en: `The API base URL ${baseUrl} uses plain http:// to ${insecureHost}: the corp secret and access tokens would cross the network unencrypted. Use https://, or allow plain http deliberately (setting wecomGroupStats.allowInsecureHttp, or --allow-insecure-http for wecom-stats) for a relay on a network you trust.`,
        zh: `API 地址 ${baseUrl} 使用明文 http:// 连接 ${insecureHost}：企业 Secret 和 access_token 将以明文在网络上传输。请改用 https://；若中转服务位于可信网络中，可有意允许明文 http（设置 wecomGroupStats.allowInsecureHttp，或 wecom-stats 的 --allow-insecure-http）。`,
      });
    }
    const now = options.now ?? Date.now;
    const backoffBaseMs = options.backoffBaseMs ?? DEFAULTS.backoffBaseMs;
    const secrets = new KnownSecrets(options.corpSecret);
    const transport = new Transport({
      baseUrl,
      timeoutMs: positiveInteger(options.timeoutMs, DEFAULTS.timeoutMs, 'timeoutMs'),
      maxReplyBytes: positiveInteger(options.maxReplyBytes, DEFAULTS.maxReplyBytes, 'maxReplyBytes'),
      proxy: options.proxy,
      env: deps.env,
      onRequestLog: options.onRequestLog,
      knownSecrets: () => secrets.values(),
    });
    const caller = new ApiCaller(
      {
        corpId: options.corpId,
        corpSecret: options.corpSecret,
        baseUrl,
        maxAttempts,
        now,
        backoff: {
          baseMs: backoffBaseMs,
          capMs: Math.max(backoffBaseMs, DEFAULTS.backoffCapMs),
          rateLimitMs: options.rateLimitBackoffMs ?? DEFAULTS.rateLimitBackoffMs,
          random: deps.random,
        },
      },
      transport,
      new ConcurrencyLimiter(concurrency),
      new TokenCache(),
      secrets,
    );
    this.caller = caller;
    this.operations = new StatisticsOperations(caller, { now, pageLimit });
  }

  async verifyCredentials(options: CallOptions = {}): Promise<void> {
    // Always asks gettoken: a cached token would hide a secret that was reset meanwhile.
    options.onProgress?.({ done: 0, total: 1 });
    await this.caller.token(options.signal, true);
    options.onProgress?.({ done: 1, total: 1 });
  }

  listFollowUsers(options: CallOptions = {}): Promise<string[]> {
    return this.operations.listFollowUsers(options);
  }

  getOwnerTotals(request: OwnerTotalsRequest, options: CallOptions = {}): Promise<OwnerTotals[]> {
    return this.operations.getOwnerTotals(request, options);
  }

  getByDay(request: ByDayRequest, options: CallOptions = {}): Promise<ByDayResult> {
    return this.operations.getByDay(request, options);
  }
}

function positiveInteger(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) {
    return fallback;
  }
  if (!Number.isInteger(value) || value < 1) {
    throw inputError({
      en: `${name} must be a whole number of at least 1 (got ${value}).`,
      zh: `${name} 必须是不小于 1 的整数（当前为 ${value}）。`,
    });
  }
  return value;
}
