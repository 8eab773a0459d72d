/**
 * Authenticated API calls: the token (cached, single-flight), the concurrency limit, retries with
 * backoff, and one fresh token after 40014/42001. Operations above this see one call, one reply.
 */
import { WECOM_PATHS } from '../shared/wecomApi';
import { WeComError } from './errors';
import type { ApiRequest, Transport } from './http';
import type { ConcurrencyLimiter } from './limiter';
import type { KnownSecrets } from './redact';
import { numericValue } from './replies';
import {
  backoffDelayMs,
  isRetryable,
  sleep,
  throwIfAborted,
  TOKEN_INVALID_CODES,
  type BackoffPolicy,
} from './retry';
import { TokenCache, type IssuedToken } from './tokens';
import type { WeComReply } from './types';

export interface CallerSettings {
  readonly corpId: string;
  readonly corpSecret: string;
  readonly baseUrl: string;
  readonly maxAttempts: number;
  readonly backoff: BackoffPolicy;
  readonly now: () => number;
}

export type CallRequest = Omit<ApiRequest, 'attempt' | 'signal'>;

export class ApiCaller {
  private readonly tokenKey: string;

  constructor(
    private readonly settings: CallerSettings,
    private readonly transport: Transport,
    private readonly limiter: ConcurrencyLimiter,
    private readonly tokens: TokenCache,
    /** Tokens received are added here, so every logged or thrown text masks them. */
    private readonly secrets: KnownSecrets,
  ) {
    this.tokenKey = TokenCache.keyFor(settings.baseUrl, settings.corpId, settings.corpSecret);
  }

  /** A valid token; `forceRefresh` asks gettoken again (used to verify credentials). */
  token(signal?: AbortSignal, forceRefresh = false): Promise<string> {
    return this.tokens.get(this.tokenKey, (fetchSignal) => this.fetchToken(fetchSignal), {
      signal,
      now: this.settings.now,
      forceRefresh,
    });
  }

  /**
   * Calls an endpoint that needs `access_token` and reads its reply with `read`, retrying what is
   * worth retrying, a reply that `read` refuses as malformed included (a relay's hiccup).
   */
  async call<T>(request: CallRequest, read: (reply: WeComReply) => T, signal?: AbortSignal): Promise<T> {
    const failedTokens = new Set<string>();
    let attempt = 0;
    let failures = 0;
    let timeouts = 0;
    let sentAlone = false;
    for (;;) {
      throwIfAborted(signal, request.path);
      const token = await this.token(signal);
      // A shared cache may hand over a token another client fetched: mask it here too.
      this.secrets.addToken(token);
      attempt++;
      try {
        const query = { ...request.query, access_token: token };
        const reply = await this.limiter.run(() => {
          sentAlone = this.limiter.inFlight === 1;
          return this.transport.send({ ...request, query, signal, attempt });
        }, signal);
        const value = read(reply);
        this.limiter.succeeded();
        return value;
      } catch (err: unknown) {
        if (isTokenInvalid(err) && !failedTokens.has(token) && failedTokens.size < MAX_TOKEN_RENEWALS) {
          // Expired or revoked mid-run: drop it (unless already replaced) and retry with a fresh
          // one. Never twice with the same token, and only a few times per call, so a server
          // that rejects every token cannot keep a call (or gettoken) looping.
          failedTokens.add(token);
          this.tokens.invalidate(this.tokenKey, token);
          continue;
        }
        // 45033 beside other calls is answered by lowering the limit, not by spending an attempt;
        // only a call refused while it was alone in flight counts.
        if (!(isTooManyConcurrent(err) && !sentAlone)) {
          failures++;
        }
        timeouts += isTimeout(err) ? 1 : 0;
        await this.backOffOrThrow(err, Math.max(1, failures), timeouts, signal);
      }
    }
  }

  private async fetchToken(signal: AbortSignal): Promise<IssuedToken> {
    const { corpId, corpSecret } = this.settings;
    let attempt = 0;
    let timeouts = 0;
    for (;;) {
      throwIfAborted(signal, WECOM_PATHS.token);
      attempt++;
      try {
        const reply = await this.limiter.run(
          () =>
            this.transport.send({
              method: 'GET',
              path: WECOM_PATHS.token,
              query: { corpid: corpId, corpsecret: corpSecret },
              signal,
              attempt,
            }),
          signal,
        );
        return this.readToken(reply);
      } catch (err: unknown) {
        // 40001/40013 are not retryable: repeated wrong-secret calls can block the IP for an hour.
        timeouts += isTimeout(err) ? 1 : 0;
        await this.backOffOrThrow(err, attempt, timeouts, signal);
      }
    }
  }

  private readToken(reply: WeComReply): IssuedToken {
    const token = reply['access_token'];
    if (typeof token !== 'string' || token === '') {
      throw new WeComError({
        kind: 'http',
        endpoint: WECOM_PATHS.token,
        status: 200,
        errmsg: 'gettoken reply has no token',
      });
    }
    this.secrets.addToken(token);
    return { token, expiresInSec: expiresInSec(reply['expires_in']) };
  }

  /** Waits before the next attempt, or rethrows when the failure is final or attempts are used up. */
  private async backOffOrThrow(
    err: unknown,
    failedAttempts: number,
    timeouts: number,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    throwIfAborted(signal);
    if (!isRetryable(err) || failedAttempts >= this.settings.maxAttempts) {
      throw err;
    }
    if (timeouts > MAX_TIMEOUT_RETRIES) {
      // A server that used a whole deadline twice will likely do so again: waiting through every
      // attempt would hold the user for maxAttempts × the timeout.
      throw err;
    }
    if (isTooManyConcurrent(err)) {
      // Too many calls in flight for WeCom: fewer at once from now on, for every operation.
      this.limiter.reduce();
    }
    const delay = backoffDelayMs(failedAttempts, err, this.settings.backoff);
    if (err instanceof WeComError && err.errcode === 45009) {
      // The block is per corp and API: hold every other call of this client too.
      this.limiter.pauseUntil(Date.now() + delay);
    }
    await sleep(delay, signal);
  }
}

/**
 * Fresh tokens one call may try after 40014/42001. One is the usual case (expired mid-run); more
 * happen only when many calls share a token that expires again while a call waits for its slot.
 */
const MAX_TOKEN_RENEWALS = 3;

/** Attempts that ended at their deadline are retried this many times (not maxAttempts - 1). */
const MAX_TIMEOUT_RETRIES = 1;

function isTimeout(err: unknown): boolean {
  return err instanceof WeComError && err.kind === 'timeout';
}

function isTooManyConcurrent(err: unknown): boolean {
  return err instanceof WeComError && err.kind === 'api' && err.errcode === 45033;
}

function isTokenInvalid(err: unknown): boolean {
  return (
    err instanceof WeComError &&
    err.kind === 'api' &&
    err.errcode !== undefined &&
    TOKEN_INVALID_CODES.has(err.errcode)
  );
}

/** WeCom's usual token lifetime, assumed when a reply leaves `expires_in` out. */
const DEFAULT_TOKEN_LIFETIME_SEC = 7200;

/**
 * `expires_in` in seconds (a numeric string too); a missing or unreadable value falls back to the
 * usual 7200 s (a token that dies sooner answers 42001 and is renewed).
 */
function expiresInSec(value: unknown): number {
  return numericValue(value) ?? DEFAULT_TOKEN_LIFETIME_SEC;
}
