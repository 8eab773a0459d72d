/** `revisionsOnDay`: the changed figures of one day, on both engines (harness.ts says when PostgreSQL runs). */
import * as assert from 'node:assert/strict';
import type { HistoryStore } from '../../../src/store/types';
import { revisionsOnDay } from '../../../src/store/revisionsOnDay';
import { at, forEachEngine, storePerTest, SCOPE, stats } from './harness';

const DAY = '2026-11-20';
const NEXT = '2026-11-21';
const T1 = at('2026-11-21T01:00:00Z'); // 09:00 CST, provisional
const T2 = at('2026-11-21T03:02:00Z'); // 11:02 CST

forEachEngine('revisionsOnDay', (engine) => {
  let store: HistoryStore;
  storePerTest(engine, (_, s) => {
    store = s;
  });

  test('a figure that changed names both values and the later fetch time; unchanged figures and owners do not appear', async () => {
    const later = { ...stats(10), msg_total: 1210 };
    await store.putAtoms(SCOPE, [
      { day: DAY, owner: 'bob', fetchedAt: T1, data: { ...stats(10), msg_total: 1203 } },
      { day: DAY, owner: 'amy', fetchedAt: T1, data: stats(5) },
      { day: NEXT, owner: 'bob', fetchedAt: T1, data: stats(1) },
    ]);
    await store.putAtoms(SCOPE, [
      { day: DAY, owner: 'bob', fetchedAt: T2, data: later },
      { day: DAY, owner: 'amy', fetchedAt: T2, data: stats(5) },
      { day: NEXT, owner: 'bob', fetchedAt: T2, data: stats(2) },
    ]);
    const revisions = await revisionsOnDay(store, SCOPE, DAY);
    assert.deepEqual([...revisions.keys()], ['bob']);
    assert.deepEqual(revisions.get('bob'), { msg_total: [{ from: 1203, to: 1210, at: T2 }] });
  });

  test('an owner absent at first and present later: every figure changed from absent (null)', async () => {
    await store.putAtoms(SCOPE, [{ day: DAY, owner: 'cat', fetchedAt: T1, absent: true }]);
    await store.putAtoms(SCOPE, [{ day: DAY, owner: 'cat', fetchedAt: T2, data: stats(3) }]);
    const changes = (await revisionsOnDay(store, SCOPE, DAY, ['cat'])).get('cat');
    assert.deepEqual(changes?.chat_total, [{ from: null, to: 4, at: T2 }]);
    assert.equal(Object.keys(changes ?? {}).length, 8);
  });

  test('only the owners asked for', async () => {
    await store.putAtoms(SCOPE, [{ day: DAY, owner: 'bob', fetchedAt: T1, data: stats(1) }]);
    await store.putAtoms(SCOPE, [{ day: DAY, owner: 'bob', fetchedAt: T2, data: stats(2) }]);
    assert.equal((await revisionsOnDay(store, SCOPE, DAY, ['amy'])).size, 0);
    assert.equal((await revisionsOnDay(store, SCOPE, DAY, ['bob'])).size, 1);
  });
});
