/**
 * Reading revisions without the atoms (`revisionsIn`), on both engines, and what the chart makes
 * of them (`dayRevisions`: the set's sum before the latest change of each revised owner, and
 * when it came).
 */
import * as assert from 'node:assert/strict';
import { dayRevisions } from '../../../src/extension/chart/dayRevisions';
import { addStats, emptyStats } from '../../../src/shared/metrics';
import type { HistoryStore } from '../../../src/store/types';
import { at, forEachEngine, OTHER_SCOPE, SCOPE, stats, storePerTest } from './harness';

const D1 = '2026-11-20';
const D2 = '2026-11-21';

forEachEngine('history store: revisions of a range', (engine) => {
  let store: HistoryStore;
  storePerTest(engine, (_, s) => {
    store = s;
  });

  test('only the changed (day, owner) pairs, by day, owner and fetch time, for the owners asked', async () => {
    const [t1, t2, t3] = ['2026-11-22T01:00:00Z', '2026-11-22T03:00:00Z', '2026-11-22T05:00:00Z'].map(at);
    await store.putAtoms(SCOPE, [
      { day: D1, owner: 'bob', fetchedAt: t1, data: stats(10) },
      { day: D1, owner: 'amy', fetchedAt: t1, data: stats(5) },
      { day: D2, owner: 'bob', fetchedAt: t1, data: stats(20) },
    ]);
    await store.putAtoms(SCOPE, [{ day: D2, owner: 'bob', fetchedAt: t2, data: stats(21) }]);
    await store.putAtoms(SCOPE, [{ day: D2, owner: 'bob', fetchedAt: t3, data: stats(22) }]);
    await store.putAtoms(SCOPE, [{ day: D1, owner: 'amy', fetchedAt: t2, absent: true }]);
    await store.putAtoms(OTHER_SCOPE, [{ day: D1, owner: 'bob', fetchedAt: t1, data: stats(1) }]);
    await store.putAtoms(OTHER_SCOPE, [{ day: D1, owner: 'bob', fetchedAt: t2, data: stats(2) }]);

    const all = await store.revisionsIn(SCOPE, { from: D1, to: D2 });
    assert.deepEqual(
      all.map((r) => [r.day, r.owner, r.fetchedAt, r.replacedAt, r.absent, r.data?.new_chat_cnt]),
      [
        [D1, 'amy', t1, t2, false, 5],
        [D2, 'bob', t1, t2, false, 20],
        [D2, 'bob', t2, t3, false, 21],
      ],
    );
    assert.deepEqual(
      (await store.revisionsIn(SCOPE, { from: D1, to: D2, owners: ['bob'] })).map((r) => r.day),
      [D2, D2],
    );
    assert.deepEqual(await store.revisionsIn(SCOPE, { from: D1, to: D1, owners: ['bob'] }), []);
  });

  test("the chart's marks: the set's sum before each owner's latest change, and when it came", async () => {
    const [t1, t2, t3] = ['2026-11-22T01:00:00Z', '2026-11-22T03:02:00Z', '2026-11-22T04:00:00Z'].map(at);
    await store.putAtoms(SCOPE, [
      { day: D1, owner: 'amy', fetchedAt: t1, data: stats(5) },
      { day: D1, owner: 'bob', fetchedAt: t1, data: stats(10) },
      { day: D1, owner: 'cat', fetchedAt: t1, absent: true },
      { day: D2, owner: 'amy', fetchedAt: t1, data: stats(7) },
    ]);
    await store.putAtoms(SCOPE, [{ day: D1, owner: 'bob', fetchedAt: t2, data: stats(12) }]);
    await store.putAtoms(SCOPE, [{ day: D1, owner: 'cat', fetchedAt: t3, data: stats(1) }]);
    const owners = ['amy', 'bob', 'cat'];
    const now = addStats(addStats(addStats(emptyStats(), stats(5)), stats(12)), stats(1));
    const shown = new Map([
      [D1, now],
      [D2, stats(7)],
    ]);
    const marks = await dayRevisions(store, SCOPE, { from: D1, to: D2 }, owners, shown);
    assert.equal(marks.length, 1);
    assert.equal(marks[0].day, D1);
    assert.equal(marks[0].revisedAt, t3);
    // Before: amy 5 + bob 10 + cat absent.
    assert.deepEqual(marks[0].previous, addStats(addStats(emptyStats(), stats(5)), stats(10)));
    assert.deepEqual(
      marks[0].owners.map((o) => [o.owner, o.previous?.new_chat_cnt ?? null]),
      [
        ['bob', 10],
        ['cat', null],
      ],
    );
    // A day not drawn (no figures) has no mark; owners outside the set are not read.
    assert.deepEqual(
      await dayRevisions(store, SCOPE, { from: D1, to: D2 }, owners, new Map([[D2, stats(7)]])),
      [],
    );
    assert.deepEqual(await dayRevisions(store, SCOPE, { from: D1, to: D2 }, ['amy'], shown), []);
  });
});
