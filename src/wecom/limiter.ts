/**
 * Limits the requests one client has in flight, across all of its operations, and lets a 45009
 * reply pause every caller (WeCom's frequency block applies to the whole corp, not one call).
 *
 * The limit adapts: WeCom's 45033 ("too many concurrent calls") halves it, down to 1, and it grows
 * back by one after a run of successes, never above the configured maximum. WeCom does not say how
 * many calls it allows at once, so this finds out instead of failing at a fixed number.
 */
import { abortedError } from './errors';
import { sleep } from './retry';

interface Waiter {
  readonly grant: () => void;
}

/** Successes in a row, per slot of the current limit, before the limit grows by one. */
const SUCCESSES_PER_STEP = 4;

export class ConcurrencyLimiter {
  private active = 0;
  private readonly queue: Waiter[] = [];
  private pausedUntilMs = 0;
  private current: number;
  private successes = 0;

  constructor(readonly maxLimit: number) {
    if (!Number.isInteger(maxLimit) || maxLimit < 1) {
      throw new RangeError(`concurrency must be a positive integer, got ${maxLimit}`);
    }
    this.current = maxLimit;
  }

  /** Requests allowed in flight now (at most `maxLimit`). */
  get limit(): number {
    return this.current;
  }

  /** The server refused concurrent calls (45033): halve the limit, down to 1. */
  reduce(): void {
    this.current = Math.max(1, Math.floor(this.current / 2));
    this.successes = 0;
  }

  /** A call succeeded: after enough in a row, allow one more in flight. */
  succeeded(): void {
    if (this.current >= this.maxLimit) {
      return;
    }
    this.successes++;
    if (this.successes >= SUCCESSES_PER_STEP * this.current) {
      this.successes = 0;
      this.current++;
      this.grantWaiting();
    }
  }

  /** Requests running now (for tests and diagnostics). */
  get inFlight(): number {
    return this.active;
  }

  get waiting(): number {
    return this.queue.length;
  }

  /** Holds every later slot until `untilMs` (Date.now clock). */
  pauseUntil(untilMs: number): void {
    this.pausedUntilMs = Math.max(this.pausedUntilMs, untilMs);
  }

  /** Runs `task` once a slot is free; leaves the queue at once when `signal` fires. */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      const pause = this.pausedUntilMs - Date.now();
      if (pause > 0) {
        await sleep(pause, signal);
      }
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) {
      return Promise.reject(abortedError());
    }
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) {
          this.queue.splice(index, 1);
        }
        reject(abortedError());
      };
      const waiter: Waiter = {
        // The slot is handed over directly (active stays counted), so no newcomer can jump the queue.
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      this.queue.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private release(): void {
    // Hand the slot over directly only while within the (possibly reduced) limit.
    const next = this.active <= this.current ? this.queue.shift() : undefined;
    if (next) {
      next.grant();
    } else {
      this.active--;
    }
  }

  private grantWaiting(): void {
    while (this.active < this.current && this.queue.length > 0) {
      this.active++;
      this.queue.shift()?.grant();
    }
  }
}
