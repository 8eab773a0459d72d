/** The store's contract, run against both engines (harness.ts says when PostgreSQL runs). */
import * as assert from 'node:assert/strict';
import { finalAfterMs } from '../../../src/shared/days';
import { addStats, emptyStats } from '../../../src/shared/metrics';
import type { ExportRow, HistoryStore } from '../../../src/store/types';
import { at, forEachEngine, storePerTest, OTHER_SCOPE, SCOPE, stats } from './harness';

const D1 = '2026-11-20';
const D2 = '2026-11-21';
const LATE = at('2026-11-25T00:00:00Z');

forEachEngine('history store contract', (engine) => {
  let store: HistoryStore;
  storePerTest(engine, (_, s) => {
    store = s;
  });

  test('atoms come back as written, ordered by day then owner, absent owners without figures', async () => {
    const counts = await store.putAtoms(SCOPE, [
      { day: D2, owner: 'bob', fetchedAt: LATE, data: stats(20) },
      { day: D1, owner: 'bob', fetchedAt: LATE, data: stats(10) },
      { day: D1, owner: 'amy', fetchedAt: LATE, absent: true },
    ]);
    assert.deepEqual(counts, { inserted: 3, revised: 0, unchanged: 0 });
    const atoms = await store.getAtoms(SCOPE, { from: D1, to: D2 });
    assert.deepEqual(
      atoms.map((a) => [a.day, a.owner, a.absent, a.data?.msg_total]),
      [
        [D1, 'amy', true, undefined],
        [D1, 'bob', false, 16],
        [D2, 'bob', false, 26],
      ],
    );
    assert.deepEqual(atoms[1].data, stats(10));
    assert.equal(atoms[0].data, undefined);
    assert.deepEqual(
      (await store.getAtoms(SCOPE, { from: D1, to: D1, owners: ['bob'] })).map((a) => a.owner),
      ['bob'],
    );
    assert.deepEqual(await store.owners(SCOPE), ['amy', 'bob']);
    assert.deepEqual(await store.days(SCOPE), { from: D1, to: D2, count: 2 });
  });

  test('a changed value keeps the old one as a revision with both fetch times; the same value only refreshes', async () => {
    const t1 = at('2026-11-21T01:00:00Z');
    const t2 = at('2026-11-21T03:00:00Z');
    const t3 = at('2026-11-22T03:00:00Z');
    await store.putAtoms(SCOPE, [{ day: D1, owner: 'bob', fetchedAt: t1, data: stats(10) }]);
    assert.deepEqual(
      await store.putAtoms(SCOPE, [{ day: D1, owner: 'bob', fetchedAt: t2, data: stats(11) }]),
      {
        inserted: 0,
        revised: 1,
        unchanged: 0,
      },
    );
    assert.deepEqual(
      await store.putAtoms(SCOPE, [{ day: D1, owner: 'bob', fetchedAt: t3, data: stats(11) }]),
      {
        inserted: 0,
        revised: 0,
        unchanged: 1,
      },
    );
    const [atom] = await store.getAtoms(SCOPE, { from: D1, to: D1 });
    assert.deepEqual(atom.data, stats(11));
    assert.equal(atom.fetchedAt, t3);
    assert.deepEqual(atom.revisions, [{ fetchedAt: t1, replacedAt: t2, absent: false, data: stats(10) }]);
  });

  test('presence changing is a revision too, and a late writer with an older fetch only adds a revision', async () => {
    const t1 = at('2026-11-21T01:00:00Z');
    const t2 = at('2026-11-21T05:00:00Z');
    const t0 = at('2026-11-21T00:30:00Z');
    await store.putAtoms(SCOPE, [{ day: D1, owner: 'amy', fetchedAt: t1, absent: true }]);
    await store.putAtoms(SCOPE, [{ day: D1, owner: 'amy', fetchedAt: t2, data: stats(1) }]);
    const late = [{ day: D1, owner: 'amy', fetchedAt: t0, data: stats(0) }];
    assert.deepEqual(await store.putAtoms(SCOPE, late), { inserted: 0, revised: 1, unchanged: 0 });
    // The same late value again is already kept: nothing new.
    assert.deepEqual(await store.putAtoms(SCOPE, late), { inserted: 0, revised: 0, unchanged: 1 });
    const [atom] = await store.getAtoms(SCOPE, { from: D1, to: D1 });
    assert.deepEqual(atom.data, stats(1));
    assert.equal(atom.fetchedAt, t2);
    assert.deepEqual(atom.revisions, [
      { fetchedAt: t0, replacedAt: t2, absent: false, data: stats(0) },
      { fetchedAt: t1, replacedAt: t2, absent: true, data: undefined },
    ]);
  });

  test('final: fetched at or after 10:00 CST the next day, not a millisecond before', async () => {
    const cut = finalAfterMs(D1);
    assert.equal(cut, at('2026-11-21T02:00:00Z'));
    await store.putAtoms(SCOPE, [
      { day: D1, owner: 'early', fetchedAt: cut - 1, data: stats(1) },
      { day: D1, owner: 'onTime', fetchedAt: cut, data: stats(1) },
    ]);
    const cover = await store.coverage(SCOPE, { from: D1, to: D1, owners: ['early', 'onTime', 'never'] });
    assert.deepEqual(
      cover.map((c) => [c.owner, c.final, c.fetchedAt]),
      [
        ['early', false, cut - 1],
        ['onTime', true, cut],
      ],
    );
    await store.putAtoms(SCOPE, [{ day: D1, owner: 'early', fetchedAt: cut + 1, data: stats(1) }]);
    const [again] = await store.coverage(SCOPE, { from: D1, to: D1, owners: ['early'] });
    assert.equal(again.final, true);
  });

  test('sumByDay: present owners summed, complete when every owner has an atom, final when all are', async () => {
    const cut = finalAfterMs(D1);
    await store.putAtoms(SCOPE, [
      { day: D1, owner: 'a', fetchedAt: cut, data: stats(1) },
      { day: D1, owner: 'b', fetchedAt: cut + 5, absent: true },
      { day: D1, owner: 'c', fetchedAt: cut + 9, data: stats(100) },
      { day: D2, owner: 'a', fetchedAt: cut + 60_000, data: stats(2) },
    ]);
    const sums = await store.sumByDay(SCOPE, { from: D1, to: '2026-11-22', owners: ['a', 'b', 'c'] });
    assert.deepEqual(sums[0], {
      day: D1,
      data: addStats(stats(1), stats(100)),
      present: 2,
      stored: 3,
      complete: true,
      final: true,
      earliestFetchedAt: cut,
    });
    assert.equal(sums[1].complete, false);
    assert.equal(sums[1].final, false);
    assert.equal(sums[1].present, 1);
    assert.deepEqual(sums[2], {
      day: '2026-11-22',
      data: emptyStats(),
      present: 0,
      stored: 0,
      complete: false,
      final: false,
    });
    const onlyAbsent = await store.sumByDay(SCOPE, { from: D1, to: D1, owners: ['b'] });
    assert.deepEqual(
      [onlyAbsent[0].data, onlyAbsent[0].complete, onlyAbsent[0].present],
      [emptyStats(), true, 0],
    );
  });

  test('scopes never mix', async () => {
    await store.putAtoms(SCOPE, [{ day: D1, owner: 'bob', fetchedAt: LATE, data: stats(1) }]);
    await store.putAtoms(OTHER_SCOPE, [{ day: D1, owner: 'bob', fetchedAt: LATE, data: stats(500) }]);
    const [a] = await store.getAtoms(SCOPE, { from: D1, to: D1 });
    const [b] = await store.getAtoms(OTHER_SCOPE, { from: D1, to: D1 });
    assert.deepEqual([a.data, a.revisions], [stats(1), []]);
    assert.deepEqual([b.data, b.revisions], [stats(500), []]);
    assert.deepEqual(await store.getAtoms({ key: 'nobody' }, { from: D1, to: D1 }), []);
    assert.equal(await store.days({ key: 'nobody' }), undefined);
  });

  test('a bad batch is refused whole', async () => {
    await assert.rejects(
      store.putAtoms(SCOPE, [
        { day: D1, owner: 'ok', fetchedAt: LATE, data: stats(1) },
        { day: '2026-02-30', owner: 'bad', fetchedAt: LATE, data: stats(1) },
      ]),
      RangeError,
    );
    await assert.rejects(
      store.putAtoms(SCOPE, [
        { day: D1, owner: 'twice', fetchedAt: LATE, data: stats(1) },
        { day: D1, owner: 'twice', fetchedAt: LATE, data: stats(2) },
      ]),
      /twice/,
    );
    assert.deepEqual(await store.getAtoms(SCOPE, { from: D1, to: D1 }), []);
  });

  test('a batch larger than one statement, and a read over many owners', async () => {
    const owners = Array.from({ length: 1234 }, (_, i) => `o${String(i).padStart(5, '0')}`);
    const counts = await store.putAtoms(
      SCOPE,
      owners.map((owner, i) => ({ day: D1, owner, fetchedAt: LATE, data: stats(i) })),
    );
    assert.equal(counts.inserted, 1234);
    const [sum] = await store.sumByDay(SCOPE, { from: D1, to: D1, owners });
    assert.equal(sum.data.new_chat_cnt, (1233 * 1234) / 2);
    assert.equal(sum.complete, true);
    assert.equal((await store.coverage(SCOPE, { from: D1, to: D1, owners })).length, 1234);
  });

  test('export then import into an empty store and again: same atoms and revisions, nothing new the second time', async () => {
    await store.putAtoms(SCOPE, [
      { day: D1, owner: 'bob', fetchedAt: at('2026-11-21T01:00:00Z'), data: stats(1) },
      { day: D1, owner: 'amy', fetchedAt: LATE, absent: true },
    ]);
    await store.putAtoms(SCOPE, [{ day: D1, owner: 'bob', fetchedAt: LATE, data: stats(2) }]);
    await store.putAtoms(OTHER_SCOPE, [{ day: D2, owner: 'cat', fetchedAt: LATE, data: stats(3) }]);
    const rows: ExportRow[] = [];
    for await (const row of store.exportAll()) {
      rows.push(row);
    }
    assert.equal(rows.length, 4);
    const scoped: ExportRow[] = [];
    for await (const row of store.exportAll(OTHER_SCOPE)) {
      scoped.push(row);
    }
    assert.deepEqual(
      scoped.map((r) => r.owner),
      ['cat'],
    );

    const other = await engine.place();
    const copy = await other.open();
    try {
      assert.deepEqual(await copy.importRows(rows), { inserted: 3, revised: 1, unchanged: 0 });
      assert.deepEqual(await copy.importRows(rows), { inserted: 0, revised: 0, unchanged: 4 });
      assert.deepEqual(
        await copy.getAtoms(SCOPE, { from: D1, to: D2 }),
        await store.getAtoms(SCOPE, { from: D1, to: D2 }),
      );
      assert.deepEqual(
        await copy.getAtoms(OTHER_SCOPE, { from: D1, to: D2 }),
        await store.getAtoms(OTHER_SCOPE, { from: D1, to: D2 }),
      );
      // Importing into the store the rows came from changes nothing either.
      assert.deepEqual(await store.importRows(rows), { inserted: 0, revised: 0, unchanged: 4 });
    } finally {
      await copy.close();
      await other.dispose();
    }
  });
});
