/**
 * Two machines syncing one corp into one PostgreSQL store: two pools write the same atoms with
 * different values at the same time. No atom is duplicated or lost, and every replaced value
 * survives as a revision.
 */
import * as assert from 'node:assert/strict';
import { addDays } from '../../../src/shared/days';
import type { AtomInput, HistoryStore } from '../../../src/store/types';
import { forEachEngine, SCOPE, stats, type Place } from './harness';

const DAYS = 12;
const OWNERS = 150;

function batches(value: number, clock: () => number): AtomInput[][] {
  return Array.from({ length: DAYS }, (_, d) =>
    Array.from({ length: OWNERS }, (_, o) => ({
      day: addDays('2025-06-01', d),
      owner: `o${o}`,
      fetchedAt: clock(),
      data: stats(value + o),
    })),
  );
}

forEachEngine(
  'history store, two writers at once',
  (engine) => {
    let place: Place;
    let stores: HistoryStore[];
    setup(async () => {
      place = await engine.place();
      stores = [await place.open(), await place.open()];
    });
    teardown(async () => {
      await Promise.all(stores.map((s) => s.close()));
      await place.dispose();
    });

    test('overlapping atoms with different values: no duplicates, no loss, revisions of both', async () => {
      // Distinct fetch times for every atom of both writers, so "the later fetch wins" is defined.
      let tick = Date.parse('2025-07-01T00:00:00Z');
      const clock = (): number => (tick += 1);
      const [a, b] = [batches(100, clock), batches(9000, clock)];
      // Interleave: a goes forwards through the days while b goes backwards, so they meet mid-way.
      const results = await Promise.all([
        (async () => {
          for (const batch of a) {
            await stores[0].putAtoms(SCOPE, batch);
          }
        })(),
        (async () => {
          for (const batch of [...b].reverse()) {
            await stores[1].putAtoms(SCOPE, batch);
          }
        })(),
      ]);
      assert.equal(results.length, 2);
      const atoms = await stores[0].getAtoms(SCOPE, {
        from: '2025-06-01',
        to: addDays('2025-06-01', DAYS - 1),
      });
      assert.equal(atoms.length, DAYS * OWNERS);
      assert.equal(new Set(atoms.map((x) => `${x.day}/${x.owner}`)).size, DAYS * OWNERS);
      for (const atom of atoms) {
        // Both values are there: the later fetch current, the earlier one as a revision.
        assert.equal(atom.revisions.length, 1, `${atom.day}/${atom.owner}`);
        const values = [atom.data?.new_chat_cnt, atom.revisions[0].data?.new_chat_cnt].sort(
          (x, y) => (x ?? 0) - (y ?? 0),
        );
        const o = Number(atom.owner.slice(1));
        assert.deepEqual(values, [100 + o, 9000 + o]);
        assert.ok(atom.revisions[0].fetchedAt < atom.fetchedAt);
      }
    });
  },
  'postgres',
);
