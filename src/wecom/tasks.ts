/**
 * Runs the requests of one operation together: all or nothing (the first failure cancels the
 * rest, so no partial sums are ever returned), with done/total progress.
 */
import { setMaxListeners } from 'node:events';
import type { CallProgress } from './types';

export class ProgressCounter {
  private done = 0;
  private total = 0;

  constructor(private readonly onProgress?: (progress: CallProgress) => void) {}

  /** More requests became known (a follow-user list answered, another page exists). */
  plan(count: number): void {
    this.total += count;
    this.report();
  }

  finishOne(): void {
    this.done++;
    this.report();
  }

  private report(): void {
    this.onProgress?.({ done: this.done, total: this.total });
  }
}

/**
 * Runs every task with a signal that fires when the caller aborts or any task fails; resolves with
 * all results in order, or rejects with the first failure.
 */
export async function runAll<T>(
  tasks: readonly ((signal: AbortSignal) => Promise<T>)[],
  parent: AbortSignal | undefined,
): Promise<T[]> {
  const controller = new AbortController();
  // Every queued request listens on this signal; hundreds are normal, not a leak.
  setMaxListeners(0, controller.signal);
  const onParentAbort = (): void => controller.abort();
  if (parent?.aborted) {
    controller.abort();
  }
  parent?.addEventListener('abort', onParentAbort, { once: true });
  try {
    return await Promise.all(
      tasks.map((task) =>
        task(controller.signal).catch((err: unknown) => {
          controller.abort();
          throw err;
        }),
      ),
    );
  } finally {
    parent?.removeEventListener('abort', onParentAbort);
    // Also stops stragglers still waiting for a slot or a backoff after a failure.
    controller.abort();
  }
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    chunks.push(items.slice(i, i + size));
  }
  return chunks;
}
