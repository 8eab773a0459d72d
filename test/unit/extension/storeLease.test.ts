/** A replaced history store closes only once the calls running on it settle (src/extension/history/storeLease.ts). */
import * as assert from 'node:assert/strict';
import { leasedStore, StoreLease } from '../../../src/extension/history/storeLease';
import type { HistoryStore } from '../../../src/store/types';

/** A store whose `days` waits until released, and that records being closed. */
function slowStore(name: string, log: string[]): { store: HistoryStore; release: () => void } {
  let release = (): void => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const store = {
    engine: 'sqlite',
    days: async () => {
      log.push(`${name}: days started`);
      await gate;
      log.push(`${name}: days done`);
      return { from: '2026-01-01', to: '2026-01-02', count: 2 };
    },
    close: async () => void log.push(`${name}: closed`),
  } as unknown as HistoryStore;
  return { store, release };
}

suite('history store lease', () => {
  test('retired during a call: closes after the call, not before; the call succeeds', async () => {
    const log: string[] = [];
    const old = slowStore('old', log);
    const lease = new StoreLease('a', Promise.resolve(''), Promise.resolve(old.store), (e) =>
      log.push(String(e)),
    );
    const running = lease.use((s) => s.days({ key: 'k' }));
    await new Promise((r) => setImmediate(r));
    const retired = lease.retire();
    assert.deepEqual(log, ['old: days started'], 'not closed under a running call');
    old.release();
    assert.equal((await running)?.count, 2);
    await retired;
    assert.deepEqual(log, ['old: days started', 'old: days done', 'old: closed']);
  });

  test('retired while idle: closes at once; a kept store object reaches the new store', async () => {
    const log: string[] = [];
    const a = slowStore('a', log);
    const b = slowStore('b', log);
    a.release();
    b.release();
    let current = new StoreLease('x', Promise.resolve(''), Promise.resolve(a.store), () => undefined);
    const kept = leasedStore('sqlite', () => current);
    await kept.days({ key: 'k' });
    await current.retire();
    current = new StoreLease('x', Promise.resolve('other'), Promise.resolve(b.store), () => undefined);
    await kept.days({ key: 'k' });
    assert.deepEqual(log, [
      'a: days started',
      'a: days done',
      'a: closed',
      'b: days started',
      'b: days done',
    ]);
    await kept.close();
    assert.ok(!log.includes('b: closed'), "a user's close() leaves the window's store open");
  });
});
