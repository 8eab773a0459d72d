/**
 * Access tokens, cached per (server, corp ID, secret) and fetched by one request at a time.
 * Keying by the secret too matters: two apps of one corp have different tokens (else 301002).
 * The key holds a hash of the secret, never the secret itself.
 */
import { WECOM_PATHS } from '../shared/wecomApi';
import { abortedError } from './errors';
import { secretFingerprint } from './fingerprint';

export interface IssuedToken {
  readonly token: string;
  /** Lifetime announced by gettoken (`expires_in`), in seconds. */
  readonly expiresInSec: number;
}

/** Performs one gettoken request; the signal fires when every waiting caller has given up. */
export type TokenFetcher = (signal: AbortSignal) => Promise<IssuedToken>;

export interface TokenRequest {
  readonly signal?: AbortSignal;
  /** Clock in ms; decides expiry. */
  readonly now: () => number;
  /** Ignore a cached token (credentials check); an in-flight fetch is still shared. */
  readonly forceRefresh?: boolean;
}

interface InFlight {
  readonly entry: Entry;
  readonly promise: Promise<string>;
  readonly controller: AbortController;
  waiters: number;
}

interface Entry {
  token?: string;
  expiresAtMs?: number;
  inFlight?: InFlight;
}

/** Refresh this long before expiry, but never more than a tenth of the lifetime early. */
const MAX_REFRESH_MARGIN_SEC = 300;

export class TokenCache {
  private readonly entries = new Map<string, Entry>();

  static keyFor(baseUrl: string, corpId: string, corpSecret: string): string {
    return `${baseUrl}|${corpId}|${secretFingerprint(corpSecret)}`;
  }

  /** The cached token if still fresh, else the result of one shared gettoken. */
  async get(key: string, fetch: TokenFetcher, request: TokenRequest): Promise<string> {
    const entry = this.entryFor(key);
    if (!request.forceRefresh && entry.token !== undefined && request.now() < (entry.expiresAtMs ?? 0)) {
      return entry.token;
    }
    const inFlight = entry.inFlight ?? this.startFetch(entry, fetch, request.now);
    return this.wait(inFlight, request.signal);
  }

  /** Drops `token` (after 40014/42001) unless a newer one already replaced it. */
  invalidate(key: string, token: string): void {
    const entry = this.entries.get(key);
    if (entry?.token === token) {
      entry.token = undefined;
      entry.expiresAtMs = undefined;
    }
  }

  private entryFor(key: string): Entry {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = {};
      this.entries.set(key, entry);
    }
    return entry;
  }

  private startFetch(entry: Entry, fetch: TokenFetcher, now: () => number): InFlight {
    const controller = new AbortController();
    const done = (): void => {
      if (entry.inFlight === inFlight) {
        entry.inFlight = undefined;
      }
    };
    const promise = fetch(controller.signal).then(
      (issued) => {
        const lifetimeSec = Math.max(0, issued.expiresInSec);
        const margin = Math.min(MAX_REFRESH_MARGIN_SEC, lifetimeSec / 10);
        entry.token = issued.token;
        entry.expiresAtMs = now() + (lifetimeSec - margin) * 1000;
        done();
        return issued.token;
      },
      (err: unknown) => {
        done();
        throw err;
      },
    );
    // Callers who abort stop waiting; the promise itself must never be an unhandled rejection.
    promise.catch(() => undefined);
    const inFlight: InFlight = { entry, promise, controller, waiters: 0 };
    entry.inFlight = inFlight;
    return inFlight;
  }

  private wait(inFlight: InFlight, signal: AbortSignal | undefined): Promise<string> {
    if (signal?.aborted) {
      return Promise.reject(abortedError(WECOM_PATHS.token));
    }
    inFlight.waiters++;
    return new Promise<string>((resolve, reject) => {
      let settled = false;
      const leave = (): void => {
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        inFlight.waiters--;
      };
      const onAbort = (): void => {
        if (settled) {
          return;
        }
        leave();
        // Nobody left to use the token: stop the request (and its retries).
        if (inFlight.waiters === 0) {
          inFlight.controller.abort();
          if (inFlight.entry.inFlight === inFlight) {
            inFlight.entry.inFlight = undefined;
          }
        }
        reject(abortedError(WECOM_PATHS.token));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      inFlight.promise.then(
        (token) => {
          if (!settled) {
            leave();
            resolve(token);
          }
        },
        (err: unknown) => {
          if (!settled) {
            leave();
            reject(err);
          }
        },
      );
    });
  }
}
