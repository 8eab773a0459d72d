/**
 * sumByRuns against sums worked out here from the atoms (expected.ts), and the roll-ups over its
 * runs against the roll-ups over sumByDay's days, for subsets smaller and larger than half the
 * owners, every owner, and none: over a store with a missing day, a provisional day, an owner
 * absent some days and an owner stored only from a day on. Ranges cross the 8- and 64-day blocks.
 */
import * as assert from 'node:assert/strict';
import { rollup, rollupCuts, rollupRange, rollupRuns } from '../../../src/analysis/rollup';
import { seriesFromSums } from '../../../src/analysis/series';
import type { PeriodKind } from '../../../src/analysis/periods';
import { addDays, finalAfterMs, listDays, type DayRange } from '../../../src/shared/days';
import { addStats, emptyStats } from '../../../src/shared/metrics';
import type { AtomInput, DaySum, HistoryStore, RunSum, StoredAtom } from '../../../src/store/types';
import { expectedDays } from './expected';
import { forEachEngine, storePerTest, SCOPE, stats } from './harness';

const FIRST = '2026-02-20';
const DAYS = listDays({ from: FIRST, to: addDays(FIRST, 159) });
const OWNERS = ['amy', 'bob', 'cat', 'dan', 'eve', 'fay'];
/** No owner has this day. */
const MISSING = '2026-04-15';
/** cat's atom this day is provisional (fetched before the day was final). */
const PROVISIONAL = '2026-05-20';
/** bob lacks this day (the others have it). */
const BOB_LACKS = '2026-06-03';
/** eve is stored from this day on only. */
const EVE_FROM = '2026-03-10';

function atoms(): AtomInput[] {
  const out: AtomInput[] = [];
  DAYS.forEach((day, d) => {
    if (day === MISSING) {
      return;
    }
    OWNERS.forEach((owner, o) => {
      if ((owner === 'bob' && day === BOB_LACKS) || (owner === 'eve' && day < EVE_FROM)) {
        return;
      }
      const final = !(owner === 'cat' && day === PROVISIONAL);
      const fetchedAt = finalAfterMs(day) + (final ? 3_600_000 : -3_600_000) + o;
      // dan is absent every fifth day: stored, adds nothing.
      out.push(
        owner === 'dan' && d % 5 === 0
          ? { day, owner, fetchedAt, absent: true }
          : { day, owner, fetchedAt, data: stats(d * 7 + o * 3) },
      );
    });
  });
  return out;
}

const SUBSETS: readonly (readonly string[])[] = [
  ['bob', 'amy'], // fewer than half
  ['amy', 'cat', 'dan', 'fay', 'bob'], // more than half
  ['amy', 'eve', 'amy'], // a repeated owner counts once
  ['amy', 'zed'], // one never stored: no day complete
  OWNERS, // every owner: the totals
  [], // none
];

const RANGES: readonly DayRange[] = [
  { from: DAYS[1], to: DAYS[DAYS.length - 1] },
  { from: '2026-03-03', to: '2026-05-27' },
  { from: '2026-05-18', to: '2026-05-21' },
  { from: '2026-04-01', to: '2026-04-01' },
];

forEachEngine('history store sumByRuns', (engine) => {
  let store: HistoryStore;
  storePerTest(engine, (_, s) => {
    store = s;
  });

  /** Checks each run against the expected days, and that the runs cover the range in order. */
  function checkRuns(runs: readonly RunSum[], expected: readonly DaySum[], cuts: string[]): void {
    const byDay = new Map(expected.map((d) => [d.day, d]));
    let next = expected[0].day;
    for (const run of runs) {
      assert.equal(run.from, next, 'runs cover the range in order');
      const days = listDays(run);
      assert.ok(!days.slice(1).some((d) => cuts.includes(d)), `${run.from}…${run.to} crosses a cut`);
      const of = days.map((d) => byDay.get(d) as DaySum);
      if (days.length === 1) {
        assert.deepEqual(
          { data: run.data, last: run.last, complete: run.complete, final: run.final },
          { data: of[0].data, last: of[0].data, complete: of[0].complete, final: of[0].final },
          run.from,
        );
      } else {
        assert.ok(
          of.every((d) => d.complete && d.final),
          `${run.from}…${run.to}: a run of days is settled`,
        );
        const sum = emptyStats();
        of.forEach((d) => addStats(sum, d.data));
        assert.deepEqual(
          { data: run.data, last: run.last, complete: run.complete, final: run.final },
          { data: sum, last: of[of.length - 1].data, complete: true, final: true },
          `${run.from}…${run.to}`,
        );
      }
      next = addDays(run.to, 1);
    }
    assert.equal(next, addDays(expected[expected.length - 1].day, 1), 'runs reach the end of the range');
  }

  test('runs and roll-ups match the atoms for subsets below and above half, every owner and none', async () => {
    await store.putAtoms(SCOPE, atoms());
    const stored: StoredAtom[] = await store.getAtoms(SCOPE, { from: DAYS[0], to: DAYS[DAYS.length - 1] });
    let multiDay = 0;
    for (const subset of SUBSETS) {
      const distinct = [...new Set(subset)];
      const mine = stored.filter((a) => distinct.includes(a.owner));
      for (const range of RANGES) {
        for (const by of ['week', 'month'] as PeriodKind[]) {
          const load = rollupRange(range);
          const cuts = rollupCuts(range, by);
          const runs = await store.sumByRuns(SCOPE, { ...load, owners: subset, cuts });
          const what = `${distinct.join(',')} ${range.from}…${range.to} by ${by}`;
          const byDay = await store.sumByDay(SCOPE, { ...load, owners: subset });
          if (distinct.length > 0) {
            // (No owners: every day complete, none final, as sumByDay says; expected.ts differs.)
            assert.deepEqual(byDay, expectedDays(mine, load.from, load.to, distinct.length), what);
          }
          checkRuns(runs, byDay, cuts);
          multiDay += runs.filter((r) => r.from !== r.to).length;
          assert.deepEqual(rollupRuns(runs, range, by), rollup(seriesFromSums(load, byDay), range, by), what);
        }
      }
    }
    assert.ok(multiDay > 20, 'settled days come as runs, not day by day');
  });

  test('a missing, a provisional and a partly stored day each stay a day of their own', async () => {
    await store.putAtoms(SCOPE, atoms());
    const range = { from: '2026-04-01', to: '2026-06-30' };
    const load = rollupRange(range);
    const runs = await store.sumByRuns(SCOPE, {
      ...load,
      owners: ['cat', 'bob', 'amy'],
      cuts: rollupCuts(range, 'month'),
    });
    const day = (d: string): RunSum | undefined => runs.find((r) => r.from === d && r.to === d);
    assert.deepEqual(
      [MISSING, PROVISIONAL, BOB_LACKS].map((d) => [day(d)?.complete, day(d)?.final]),
      [
        [false, false],
        [true, false],
        [false, false],
      ],
    );
    const [april, may, june] = rollupRuns(runs, range, 'month');
    assert.deepEqual(
      [april.complete, may.complete, june.complete],
      [false, false, false],
      'each month has an unsettled day',
    );
    // March 31 is the day before April: the start of April's change.
    assert.equal(runs[0].from, '2026-03-31');
  });

  test('an empty range has no runs; a range of one day is one run', async () => {
    await store.putAtoms(SCOPE, atoms());
    assert.deepEqual(
      await store.sumByRuns(SCOPE, { from: DAYS[5], to: DAYS[4], owners: ['amy'], cuts: [] }),
      [],
    );
    const [only, ...rest] = await store.sumByRuns(SCOPE, {
      from: DAYS[5],
      to: DAYS[5],
      owners: ['amy', 'bob'],
      cuts: [DAYS[5]],
    });
    assert.equal(rest.length, 0);
    assert.deepEqual([only.from, only.to, only.complete, only.final], [DAYS[5], DAYS[5], true, true]);
  });
});
