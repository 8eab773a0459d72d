/** Shared setup of the sync tests: a real store (each engine) to sync into, and a fake's scope. */
import type { FakeWeComServer } from '../../../src/demo/fakeServer';
import type { HistoryStore, StoreScope } from '../../../src/store/types';
import { scopeFor } from '../../../src/sync/scope';
import type { EngineCase, Place } from '../store/harness';

export function scopeOf(server: FakeWeComServer): StoreScope {
  return scopeFor({ apiBaseUrl: server.url, corpId: server.corpId, corpSecret: server.corpSecret });
}

/** A fresh, empty store of `engine` for each test of the enclosing suite; `get()` returns it. */
export function storePerTest(engine: EngineCase): { get(): HistoryStore; place(): Place } {
  let place: Place | undefined;
  let store: HistoryStore | undefined;
  setup(async () => {
    place = await engine.place();
    store = await place.open();
  });
  teardown(async () => {
    await store?.close();
    await place?.dispose();
  });
  return {
    get: () => {
      if (!store) {
        throw new Error('no store: used outside a test');
      }
      return store;
    },
    place: () => place as Place,
  };
}
