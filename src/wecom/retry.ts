/**
 * Which failures are worth another attempt, and how long to wait before it.
 */
import { abortedError, WeComError } from './errors';

export interface BackoffPolicy {
  /** Base of the exponential backoff (attempt 1 waits about base, attempt 2 about 2×base, …). */
  readonly baseMs: number;
  /** Upper bound of one exponential wait. */
  readonly capMs: number;
  /** Wait after 45009: WeCom blocks for its whole window, so retrying sooner only fails again. */
  readonly rateLimitMs: number;
  /** [0, 1) source for the jitter; a seam for tests. */
  readonly random?: () => number;
}

/** errcodes that mean "try the same call again later". */
const RETRYABLE_CODES = new Set([-1, 45009, 45033]);

/** Token errors: drop the cached token and retry once with a fresh one. */
export const TOKEN_INVALID_CODES: ReadonlySet<number> = new Set([40014, 42001]);

export function isRetryable(err: unknown): boolean {
  if (!(err instanceof WeComError)) {
    return false;
  }
  switch (err.kind) {
    case 'api':
      return err.errcode !== undefined && RETRYABLE_CODES.has(err.errcode);
    case 'http':
      return err.status !== undefined && err.status >= 500;
    case 'network':
    case 'timeout':
      return true;
    case 'malformed':
      // Cut off or mangled once may be whole next time; an oversized reply will be oversized again.
      return err.reason !== 'tooLarge';
    default:
      return false;
  }
}

/**
 * Delay before attempt `failedAttempt + 1`. "Equal jitter": half of the exponential step is fixed,
 * half random, so retries of many parallel calls spread out but still grow.
 */
export function backoffDelayMs(failedAttempt: number, err: unknown, policy: BackoffPolicy): number {
  const random = policy.random ?? Math.random;
  if (err instanceof WeComError && err.kind === 'api' && err.errcode === 45009) {
    return policy.rateLimitMs + Math.floor(random() * policy.baseMs);
  }
  const step = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, failedAttempt - 1));
  return Math.floor(step / 2 + random() * (step / 2));
}

/** Resolves after `ms`, or rejects with an 'aborted' WeComError as soon as `signal` fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortedError());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortedError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function throwIfAborted(signal: AbortSignal | undefined, endpoint = ''): void {
  if (signal?.aborted) {
    throw abortedError(endpoint);
  }
}
