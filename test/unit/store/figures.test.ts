/**
 * Reading chosen figures of many atoms (`getFigures`, the heatmap's read), on both engines: the
 * same current values as `getAtoms` for the figures asked, the others 0, absent atoms without
 * figures, in day then owner order, only the owners and scope asked.
 */
import * as assert from 'node:assert/strict';
import type { HistoryStore } from '../../../src/store/types';
import { at, forEachEngine, OTHER_SCOPE, SCOPE, stats, storePerTest } from './harness';

const D1 = '2026-11-20';
const D2 = '2026-11-21';

forEachEngine('history store: chosen figures of a range', (engine) => {
  let store: HistoryStore;
  storePerTest(engine, (_, s) => {
    store = s;
  });

  test('the asked figures as getAtoms has them, the others 0; absent without figures; current values only', async () => {
    const [t1, t2] = ['2026-11-22T01:00:00Z', '2026-11-22T03:00:00Z'].map(at);
    await store.putAtoms(SCOPE, [
      { day: D2, owner: 'bob', fetchedAt: t1, data: stats(20) },
      { day: D1, owner: 'bob', fetchedAt: t1, data: stats(10) },
      { day: D1, owner: 'amy', fetchedAt: t1, absent: true },
      { day: D1, owner: 'cat', fetchedAt: t1, data: stats(3) },
    ]);
    // A revision: bob's D2 becomes 21; getFigures reads the current value.
    await store.putAtoms(SCOPE, [{ day: D2, owner: 'bob', fetchedAt: t2, data: stats(21) }]);
    await store.putAtoms(OTHER_SCOPE, [{ day: D1, owner: 'bob', fetchedAt: t1, data: stats(99) }]);

    const query = { from: D1, to: D2, owners: ['amy', 'bob'] };
    const figures = await store.getFigures(SCOPE, { ...query, metrics: ['chat_total', 'new_member_cnt'] });
    const atoms = await store.getAtoms(SCOPE, query);
    assert.deepEqual(
      figures.map((f) => [f.day, f.owner, f.absent, f.final]),
      atoms.map((a) => [a.day, a.owner, a.absent, a.final]),
    );
    assert.deepEqual(
      figures.map((f) => [f.day, f.owner, f.data?.chat_total, f.data?.new_member_cnt, f.data?.msg_total]),
      [
        [D1, 'amy', undefined, undefined, undefined],
        [D1, 'bob', atoms[1].data?.chat_total, atoms[1].data?.new_member_cnt, 0],
        [D2, 'bob', atoms[2].data?.chat_total, atoms[2].data?.new_member_cnt, 0],
      ],
    );
    assert.notEqual(atoms[2].data?.chat_total, stats(20).chat_total, 'the revised value, not the first');
    assert.equal((await store.getFigures(SCOPE, { from: D1, to: D1, metrics: ['msg_total'] })).length, 3);
    await assert.rejects(store.getFigures(SCOPE, { ...query, metrics: [] }), /at least one figure/);
  });
});
