/**
 * Shared bits of the chart loader tests: the store scope of a test server (or of a proxy in front
 * of it), a fresh embedded history store per test, and what the store holds for a set of owners.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { dayFromTs, listDays, type CstDay, type DayRange } from '../../../src/shared/days';
import { openHistoryStore } from '../../../src/store/open';
import type { HistoryStore, StoreScope } from '../../../src/store/types';
import { scopeFor } from '../../../src/sync/scope';

/** The scope a connection to `server` (or to `apiBaseUrl`, a proxy in front of it) would have. */
export function scopeOfServer(
  server: { readonly url: string; readonly corpId: string; readonly corpSecret: string },
  apiBaseUrl: string = server.url,
): StoreScope {
  return scopeFor({ apiBaseUrl, corpId: server.corpId, corpSecret: server.corpSecret });
}

export interface StoreHandle {
  /** The store of the running test. */
  get(): HistoryStore;
  /** Closes the store and opens the same file again (what a new window of the editor would see). */
  reopen(): Promise<HistoryStore>;
}

/** A fresh, empty embedded store in a temporary folder for each test of the enclosing suite. */
export function storePerTest(): StoreHandle {
  let dir: string | undefined;
  let store: HistoryStore | undefined;
  const file = (): string => path.join(dir as string, 'history.db');
  setup(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wecom-chart-store-'));
    store = await openHistoryStore(file());
  });
  teardown(async () => {
    await store?.close();
    store = undefined;
    if (dir) {
      fs.rmSync(dir, { recursive: true, force: true });
      dir = undefined;
    }
  });
  return {
    get: () => {
      if (!store) {
        throw new Error('no store: used outside a test');
      }
      return store;
    },
    reopen: async () => {
      await store?.close();
      store = await openHistoryStore(file());
      return store;
    },
  };
}

/** The days of `range` the store holds an atom for, for every one of `owners`. */
export async function storedDays(
  store: HistoryStore,
  scope: StoreScope,
  owners: readonly string[],
  range: DayRange,
): Promise<CstDay[]> {
  const entries = await store.coverage(scope, { ...range, owners });
  const perDay = new Map<CstDay, number>();
  for (const entry of entries) {
    perDay.set(entry.day, (perDay.get(entry.day) ?? 0) + 1);
  }
  return listDays(range).filter((day) => perDay.get(day) === new Set(owners).size);
}

/** The CST day a statistics body begins with (`day_begin_time`). */
export function bodyFrom(body: unknown): CstDay {
  return dayFromTs((body as { day_begin_time: number }).day_begin_time);
}

/** The CST day a statistics body ends with (`day_end_time`). */
export function bodyTo(body: unknown): CstDay {
  return dayFromTs((body as { day_end_time: number }).day_end_time);
}

/** The owners a statistics body asks for. */
export function bodyOwners(body: unknown): string[] {
  return (body as { owner_filter: { userid_list: string[] } }).owner_filter.userid_list;
}
