/**
 * Runs a sync plan for a CLI command (sync, and rollup/rank fetching what the store lacks): the
 * progress goes to the CLI's io, and a failure part way through says how many atoms were stored
 * before it, since those stay in the store.
 */
import type { StoreScope, HistoryStore } from '../store/types';
import type { FetchPlan } from '../sync/planner';
import { runSync, type SyncResult } from '../sync/sync';
import type { Connection } from './connection';
import { PartialSyncError } from './failures';
import type { CliIo } from './run';

export async function runPlan(
  connection: Connection,
  store: HistoryStore,
  scope: StoreScope,
  plan: FetchPlan,
  io: CliIo,
): Promise<SyncResult> {
  let stored = 0;
  try {
    return await runSync(connection.client, store, scope, plan, {
      now: io.now ?? Date.now,
      signal: io.signal,
      // Enough units in flight to keep every request slot busy, few enough to write as they finish.
      parallelUnits: connection.concurrency * 2,
      onProgress: (p) => {
        stored = p.stored;
        io.progress?.(p.done, p.total);
      },
    });
  } catch (err: unknown) {
    throw new PartialSyncError(err, stored);
  }
}
