/** sumByOwner and lastPresent on both engines: the sums the database adds up, by hand. */
import * as assert from 'node:assert/strict';
import { finalAfterMs } from '../../../src/shared/days';
import type { HistoryStore } from '../../../src/store/types';
import { forEachEngine, storePerTest, OTHER_SCOPE, SCOPE, stats } from './harness';

const D1 = '2026-11-20';
const D2 = '2026-11-21';
const D3 = '2026-11-22';

forEachEngine('history store aggregates', (engine) => {
  let store: HistoryStore;
  storePerTest(engine, (_, s) => {
    store = s;
  });
  setup(async () => {
    const cut = finalAfterMs(D2);
    await store.putAtoms(SCOPE, [
      // amy: present D1 and D3, absent D2; the D3 atom is provisional.
      { day: D1, owner: 'amy', fetchedAt: cut, data: stats(1) },
      { day: D2, owner: 'amy', fetchedAt: cut, absent: true },
      { day: D3, owner: 'amy', fetchedAt: cut, data: stats(10) },
      // bob: present D2 only.
      { day: D2, owner: 'bob', fetchedAt: cut, data: stats(100) },
      // cat: absent on the one day stored.
      { day: D1, owner: 'cat', fetchedAt: cut, absent: true },
    ]);
    await store.putAtoms(OTHER_SCOPE, [{ day: D1, owner: 'amy', fetchedAt: cut, data: stats(5000) }]);
  });

  test('sumByOwner: present days summed, absent days counted as stored only, final days counted', async () => {
    const sums = await store.sumByOwner(SCOPE, { from: D1, to: D3, metrics: ['new_chat_cnt', 'msg_total'] });
    // stats(n): new_chat_cnt = n, msg_total = n + 6.
    assert.deepEqual(sums, [
      { owner: 'amy', sums: { new_chat_cnt: 11, msg_total: 23 }, present: 2, stored: 3, finals: 2 },
      { owner: 'bob', sums: { new_chat_cnt: 100, msg_total: 106 }, present: 1, stored: 1, finals: 1 },
      { owner: 'cat', sums: { new_chat_cnt: 0, msg_total: 0 }, present: 0, stored: 1, finals: 1 },
    ]);
  });

  test('sumByOwner: all eight figures by default, only the owners and days asked for', async () => {
    const sums = await store.sumByOwner(SCOPE, { from: D2, to: D3, owners: ['amy', 'amy', 'nobody'] });
    assert.deepEqual(sums, [{ owner: 'amy', sums: stats(10), present: 1, stored: 2, finals: 1 }]);
    assert.deepEqual(await store.sumByOwner(SCOPE, { from: '2026-01-01', to: '2026-01-31' }), []);
  });

  test('sumByOwner over more owners than one statement holds', async () => {
    const many = Array.from({ length: 5003 }, (_, i) => `o${String(i).padStart(5, '0')}`);
    await store.putAtoms(
      SCOPE,
      many.map((owner, i) => ({ day: D1, owner, fetchedAt: finalAfterMs(D2), data: stats(i) })),
    );
    const sums = await store.sumByOwner(SCOPE, { from: D1, to: D1, owners: many, metrics: ['new_chat_cnt'] });
    assert.deepEqual(
      sums.map((s) => s.owner),
      many,
    );
    assert.equal(sums[5002].sums.new_chat_cnt, 5002);
  });

  test('lastPresent: each owner’s latest present day of the range with its figures', async () => {
    assert.deepEqual(await store.lastPresent(SCOPE, { from: D1, to: D3 }), [
      { owner: 'amy', day: D3, data: stats(10) },
      { owner: 'bob', day: D2, data: stats(100) },
    ]);
    // amy is absent on D2, so her value as of D2 is D1's.
    assert.deepEqual(await store.lastPresent(SCOPE, { from: D1, to: D2, owners: ['amy', 'cat'] }), [
      { owner: 'amy', day: D1, data: stats(1) },
    ]);
  });

  test('scopes never mix', async () => {
    assert.deepEqual(await store.sumByOwner(OTHER_SCOPE, { from: D1, to: D3, metrics: ['new_chat_cnt'] }), [
      { owner: 'amy', sums: { new_chat_cnt: 5000 }, present: 1, stored: 1, finals: 1 },
    ]);
    assert.deepEqual(await store.lastPresent(OTHER_SCOPE, { from: D1, to: D3 }), [
      { owner: 'amy', day: D1, data: stats(5000) },
    ]);
    assert.deepEqual(await store.sumByOwner({ key: 'nobody' }, { from: D1, to: D3 }), []);
  });
});
