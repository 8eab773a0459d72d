/**
 * The loader tells the webview when yesterday's figures were fetched (from the server just now, or
 * when the stored atoms were), so the cards can mark them provisional before 10:00 CST; and a
 * provisional yesterday is fetched again once its hour of reuse is over.
 */
import * as assert from 'node:assert/strict';
import { loadByDay } from '../../../src/extension/chart/byDayLoader';
import type { FakeWeComServer } from '../../../src/demo/fakeServer';
import { addDays, cstYesterday, isProvisional, lastNDays, type DayRange } from '../../../src/shared/days';
import { bodiesOf, makeClient, startServer } from '../wecom/support';
import { bodyFrom, bodyOwners, scopeOfServer, storePerTest } from './loaderSupport';
import { WECOM_PATHS } from '../../../src/shared/wecomApi';

/** 2026-11-27 at `hour:minute` CST. */
function cst(hour: number, minute = 0): number {
  return Date.UTC(2026, 10, 27, hour - 8, minute);
}

suite('chart/byDayLoader: when yesterday was fetched', () => {
  let server: FakeWeComServer;
  let now: number;
  const clock = (): number => now;
  const stores = storePerTest();

  suiteSetup(async () => {
    server = await startServer({ ownerCount: 6, now: clock });
  });
  suiteTeardown(() => server.close());
  setup(() => server.resetCounts());

  function load(owners: readonly string[], range: DayRange, perOwner = false) {
    const { client } = makeClient(server, { now: clock });
    const deps = { client, store: stores.get(), scope: scopeOfServer(server), now: clock };
    return loadByDay(deps, { owners, range, perOwner, refresh: false });
  }

  const calls = (): number =>
    (server.counts()[WECOM_PATHS.byDay] ?? 0) + (server.counts()[WECOM_PATHS.statistic] ?? 0);

  test('fetched at 08:00 CST: provisional; reused for an hour; fetched again after it (still provisional), and after 10:00 final', async () => {
    const owners = [server.owners[0]];
    const yesterday = cstYesterday(cst(8));
    now = cst(8);
    const first = await load(owners, lastNDays(7, now));
    assert.equal(server.counts()[WECOM_PATHS.byDay], 1, 'one owner, 7 days: one by-day call');
    assert.equal(first.yesterdayFetchedAt, cst(8));
    assert.equal(isProvisional(yesterday, first.yesterdayFetchedAt), true);
    const [atom] = await stores.get().getAtoms(scopeOfServer(server), { from: yesterday, to: yesterday });
    assert.equal(atom.final, false);

    // 30 minutes later the stored yesterday is reused: it still carries its 08:00 fetch time.
    now = cst(8, 30);
    server.resetCounts();
    const reused = await load(owners, lastNDays(7, now));
    assert.equal(calls(), 0);
    assert.equal(reused.cachedDays, 7);
    assert.equal(reused.yesterdayFetchedAt, cst(8));

    // After the hour only yesterday is asked again (the days before it were final at 08:00).
    now = cst(9, 5);
    server.resetCounts();
    const again = await load(owners, lastNDays(7, now));
    const asked = bodiesOf(server, WECOM_PATHS.statistic);
    assert.equal(calls(), 1);
    assert.deepEqual([bodyFrom(asked[0]), bodyOwners(asked[0])], [yesterday, owners]);
    assert.equal(again.cachedDays, 6);
    assert.equal(again.yesterdayFetchedAt, cst(9, 5));
    assert.equal(isProvisional(yesterday, again.yesterdayFetchedAt), true);

    // After 10:00 (and the hour-long reuse) yesterday is fetched again, and final.
    now = cst(10, 10);
    server.resetCounts();
    const later = await load(owners, lastNDays(7, now));
    assert.equal(calls(), 1);
    assert.equal(later.yesterdayFetchedAt, cst(10, 10));
    assert.equal(isProvisional(yesterday, later.yesterdayFetchedAt), false);
    const [finalAtom] = await stores
      .get()
      .getAtoms(scopeOfServer(server), { from: yesterday, to: yesterday });
    assert.equal(finalAtom.final, true);

    // Final: never asked again, however late.
    now = cst(23);
    server.resetCounts();
    const settled = await load(owners, lastNDays(7, now));
    assert.equal(calls(), 0);
    assert.equal(settled.yesterdayFetchedAt, cst(10, 10));
  });

  test('a provisional day that has left the window is history: shown from the store, counted as stored, never missing', async () => {
    const owners = [server.owners[1]];
    now = cst(8);
    const range = lastNDays(3, now);
    await load(owners, range);
    now = cst(8) + 185 * 86400_000; // all three days are older than 180 days now
    server.resetCounts();
    const old = await load(owners, range);
    assert.equal(calls(), 0);
    assert.deepEqual(old.historyDays, [range.from, addDays(range.from, 1), range.to]);
    assert.equal(old.cachedDays, 3, 'the provisional yesterday of then is all there will ever be');
    assert.deepEqual(old.missingDays, []);
    assert.equal(old.unavailableDays, 0);
    old.days.forEach((day, i) => assert.deepEqual(old.total[i], server.statsFor(owners[0], day), day));
  });

  test('compare: the sum is as provisional as its earliest-fetched owner; no time when the range ends earlier', async () => {
    const [a, b] = server.owners;
    now = cst(7);
    await load([a], lastNDays(7, now));
    now = cst(7, 40);
    server.resetCounts();
    const both = await load([a, b], lastNDays(7, now), true);
    // a's atoms are 40 minutes old and reused: only b is asked for.
    assert.deepEqual(bodiesOf(server, WECOM_PATHS.byDay).map(bodyOwners), [[b]]);
    assert.equal(server.counts()[WECOM_PATHS.statistic] ?? 0, 0);
    assert.equal(both.yesterdayFetchedAt, cst(7));

    const yesterday = cstYesterday(now);
    const older = await load([a], { from: addDays(yesterday, -6), to: addDays(yesterday, -1) });
    assert.equal(older.yesterdayFetchedAt, undefined);
  });
});
