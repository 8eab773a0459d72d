/**
 * Limits the requests one client has in flight, across all of its operations, and lets a 45009
 * reply pause every caller (WeCom's frequency block applies to the whole corp, not one call).
 */
import { abortedError } from './errors';
import { sleep } from './retry';

interface Waiter {
  readonly grant: () => void;
}

export class ConcurrencyLimiter {
  private active = 0;
  private readonly queue: Waiter[] = [];
  private pausedUntilMs = 0;

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(`concurrency must be a positive integer, got ${limit}`);
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
    const next = this.queue.shift();
    if (next) {
      next.grant();
    } else {
      this.active--;
    }
  }
}
