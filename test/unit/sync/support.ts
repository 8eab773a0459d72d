/** Shared setup of the sync tests: a store to sync into and the scope of a fake server. */
import type { FakeWeComServer } from '../../../src/demo/fakeServer';
import type { HistoryStore, StoreScope } from '../../../src/store/types';
import { scopeFor } from '../../../src/sync/scope';
import { MemoryStore } from './memoryStore';

/** A fresh, empty store. */
export async function openTestStore(): Promise<HistoryStore> {
  return new MemoryStore();
}

export function scopeOf(server: FakeWeComServer): StoreScope {
  return scopeFor({ apiBaseUrl: server.url, corpId: server.corpId, corpSecret: server.corpSecret });
}
