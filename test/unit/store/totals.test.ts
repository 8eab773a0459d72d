/**
 * The sums kept at write time (schema v3) against sums worked out here from the atoms themselves,
 * after writes of every kind: new atoms, refetches of the same value, revisions, late writers,
 * absent and present swapping, provisional days turning final, and an import. Ranges cross the
 * 8- and 64-day blocks, so both the blocks and the end days are read.
 */
import * as assert from 'node:assert/strict';
import { addDays, finalAfterMs, listDays } from '../../../src/shared/days';
import { METRIC_KEYS } from '../../../src/shared/metrics';
import type { AtomInput, HistoryStore } from '../../../src/store/types';
import { expectedDays, expectedOwners } from './expected';
import { forEachEngine, storePerTest, SCOPE, stats } from './harness';

const FIRST = '2026-05-01';
const DAYS = listDays({ from: FIRST, to: addDays(FIRST, 139) });
const OWNERS = ['amy', 'bob', 'cat', 'dan'];

/** A small deterministic generator, so a failure is the same on every run. */
function generator(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x / 2_147_483_648;
  };
}

/** Round `round` of writes: most (day, owner) pairs, absent now and then, fetched around the final cut. */
function batch(round: number, random: () => number): AtomInput[] {
  const atoms: AtomInput[] = [];
  for (const day of DAYS) {
    for (const owner of OWNERS) {
      if (random() < 0.3) {
        continue;
      }
      // Before the cut (provisional), after it (final), or earlier than a previous round (late).
      const fetchedAt = finalAfterMs(day) + Math.floor((random() - 0.4) * 4) * 3_600_000 + round;
      atoms.push(
        random() < 0.15
          ? { day, owner, fetchedAt, absent: true }
          : { day, owner, fetchedAt, data: stats(Math.floor(random() * 3) * 10) },
      );
    }
  }
  return atoms;
}

const RANGES: readonly (readonly [string, string])[] = [
  [DAYS[0], DAYS[DAYS.length - 1]],
  [DAYS[3], DAYS[100]],
  [DAYS[20], DAYS[20]],
  [DAYS[9], DAYS[17]],
];

forEachEngine('history store totals kept at write time', (engine) => {
  let store: HistoryStore;
  storePerTest(engine, (_, s) => {
    store = s;
  });

  async function check(target: HistoryStore): Promise<void> {
    const atoms = await target.getAtoms(SCOPE, { from: DAYS[0], to: DAYS[DAYS.length - 1] });
    assert.ok(atoms.some((a) => a.absent) && atoms.some((a) => !a.final) && atoms.some((a) => a.final));
    // Every stored owner, and one more never stored: the totals serve both.
    for (const owners of [OWNERS, [...OWNERS, 'eve']]) {
      for (const [from, to] of RANGES) {
        const got = await target.sumByDay(SCOPE, { from, to, owners });
        assert.deepEqual(
          got,
          expectedDays(atoms, from, to, owners.length),
          `${from}..${to} of ${owners.length}`,
        );
      }
    }
    for (const [from, to] of RANGES) {
      assert.deepEqual(await target.sumByOwner(SCOPE, { from, to }), expectedOwners(atoms, from, to));
      const subset = atoms.filter((a) => a.owner === 'bob' || a.owner === 'dan');
      assert.deepEqual(
        await target.sumByOwner(SCOPE, { from, to, owners: ['dan', 'bob'] }),
        expectedOwners(subset, from, to),
      );
    }
    assert.deepEqual(await target.owners(SCOPE), [...new Set(atoms.map((a) => a.owner))].sort());
    const days = [...new Set(atoms.map((a) => a.day))].sort();
    assert.deepEqual(await target.days(SCOPE), {
      from: days[0],
      to: days[days.length - 1],
      count: days.length,
    });
  }

  test('after new atoms, refetches, revisions, late writers and absences, sums match the atoms', async () => {
    const random = generator(11);
    for (let round = 0; round < 4; round++) {
      await store.putAtoms(SCOPE, batch(round, random));
    }
    const revised = await store.getAtoms(SCOPE, { from: DAYS[0], to: DAYS[DAYS.length - 1] });
    assert.ok(
      revised.some((a) => a.revisions.length > 0),
      'some atoms were revised',
    );
    await check(store);
  });

  test('a subset of the stored owners is summed from its own atoms, not from the totals', async () => {
    await store.putAtoms(SCOPE, batch(0, generator(5)));
    const atoms = await store.getAtoms(SCOPE, { from: DAYS[0], to: DAYS[DAYS.length - 1] });
    const subset = atoms.filter((a) => a.owner !== 'cat');
    const got = await store.sumByDay(SCOPE, { from: DAYS[0], to: DAYS[30], owners: ['amy', 'bob', 'dan'] });
    assert.deepEqual(got, expectedDays(subset, DAYS[0], DAYS[30], 3));
  });

  test('the earliest fetch of a day rises when every atom of it is fetched again', async () => {
    const day = DAYS[5];
    const first = finalAfterMs(day) - 5_000;
    await store.putAtoms(
      SCOPE,
      OWNERS.map((owner, i) => ({ day, owner, fetchedAt: first + i, data: stats(i) })),
    );
    await store.putAtoms(SCOPE, [{ day, owner: 'cat', fetchedAt: first + 100, data: stats(2) }]);
    let [sum] = await store.sumByDay(SCOPE, { from: day, to: day, owners: OWNERS });
    assert.equal(sum.earliestFetchedAt, first);
    assert.equal(sum.final, false);
    const later = finalAfterMs(day) + 1_000;
    await store.putAtoms(
      SCOPE,
      OWNERS.map((owner, i) => ({ day, owner, fetchedAt: later + i, data: stats(i) })),
    );
    [sum] = await store.sumByDay(SCOPE, { from: day, to: day, owners: OWNERS });
    assert.equal(sum.earliestFetchedAt, later);
    assert.equal(sum.final, true);
    assert.equal(sum.data.new_chat_cnt, 0 + 1 + 2 + 3);
  });

  test('an import keeps the totals of the store it lands in', async () => {
    await store.putAtoms(SCOPE, batch(0, generator(7)));
    await store.putAtoms(SCOPE, batch(1, generator(8)));
    const rows = [];
    for await (const row of store.exportAll(SCOPE)) {
      rows.push(row);
    }
    const other = await engine.place();
    const copy = await other.open();
    try {
      await copy.putAtoms(SCOPE, batch(2, generator(9)));
      await copy.importRows(rows);
      await check(copy);
    } finally {
      await copy.close();
      await other.dispose();
    }
  });

  test('figures of the eight columns land in their own sums', async () => {
    const day = DAYS[0];
    await store.putAtoms(SCOPE, [{ day, owner: 'amy', fetchedAt: finalAfterMs(day), data: stats(100) }]);
    const [sum] = await store.sumByOwner(SCOPE, { from: day, to: addDays(day, 70) });
    assert.deepEqual(
      METRIC_KEYS.map((k) => sum.sums[k]),
      METRIC_KEYS.map((_, i) => 100 + i),
    );
  });
});
