import * as assert from 'node:assert/strict';
import { loadByDay, type ByDayLoadRequest } from '../../../src/extension/chart/byDayLoader';
import type { FakeWeComServer } from '../../../src/demo/fakeServer';
import { addDays, allowedWindow, lastNDays, listDays, type DayRange } from '../../../src/shared/days';
import type { ByDayData } from '../../../src/shared/protocol';
import type { HistoryStore } from '../../../src/store/types';
import { WECOM_PATHS } from '../../../src/shared/wecomApi';
import { bodiesOf, dayTruth, FIXED_NOW, makeClient, startServer } from '../wecom/support';
import { bodyFrom, bodyOwners, bodyTo, scopeOfServer, storedDays, storePerTest } from './loaderSupport';

const DAY_MS = 86400_000;
/** 2026-11-27 at `hour:minute` CST (FIXED_NOW is 10:00). */
const cst = (hour: number, minute = 0): number => Date.UTC(2026, 10, 27, hour - 8, minute);

function assertExact(server: FakeWeComServer, owners: readonly string[], data: ByDayData): void {
  data.days.forEach((day, i) => assert.deepEqual(data.total[i], dayTruth(server, owners, day), day));
}

suite('chart/byDayLoader against the fake server and a real store', () => {
  let server: FakeWeComServer;
  let now: number;
  const clock = (): number => now;
  const stores = storePerTest();

  suiteSetup(async () => {
    server = await startServer({ ownerCount: 12, now: clock });
  });
  suiteTeardown(() => server.close());
  setup(() => {
    now = FIXED_NOW;
    server.setFaults({});
    server.setLatency(0);
    server.resetCounts();
  });

  function loader(store: HistoryStore = stores.get(), onStored?: () => void) {
    const { client } = makeClient(server, { now: clock });
    const deps = { client, store, scope: scopeOfServer(server), now: clock, onStored };
    return (owners: readonly string[], range: DayRange, extra: Partial<ByDayLoadRequest> = {}) =>
      loadByDay(deps, { owners, range, perOwner: false, refresh: false, ...extra });
  }

  const statisticCalls = (): number => server.counts()[WECOM_PATHS.statistic] ?? 0;
  const byDayCalls = (): number => server.counts()[WECOM_PATHS.byDay] ?? 0;

  test('12 owners × 7 days: one groupchat/statistic call per day, every atom stored, the sums exact', async () => {
    let stored = 0;
    const range = lastNDays(7, now);
    const data = await loader(stores.get(), () => stored++)(server.owners, range);
    assert.equal(statisticCalls(), 7);
    assert.equal(byDayCalls(), 0);
    assert.equal(stored, 1);
    assert.deepEqual(data.missingDays, []);
    assert.deepEqual(data.unstoredDays, []);
    assert.deepEqual(data.historyDays, []);
    assert.equal(data.cachedDays, 0);
    assertExact(server, server.owners, data);
    const bodies = bodiesOf(server, WECOM_PATHS.statistic);
    assert.deepEqual(bodies.map(bodyFrom).sort(), listDays(range));
    bodies.forEach((b) => assert.equal(bodyFrom(b), bodyTo(b), 'one day per call'));
    const atoms = await stores.get().getAtoms(scopeOfServer(server), range);
    assert.equal(atoms.length, 12 * 7);
    assert.deepEqual(
      await storedDays(stores.get(), scopeOfServer(server), server.owners, range),
      listDays(range),
    );
  });

  test('the days before the range come from the store only: no call, a day is a figure only when every owner has it', async () => {
    const owners = server.owners.slice(0, 3);
    const load = loader();
    // Store the 14 days before the last 7 for two owners, and 10 of them for the third.
    const week = lastNDays(7, now);
    const before = { from: addDays(week.from, -14), to: addDays(week.from, -1) };
    await load(owners.slice(0, 2), before);
    await load(owners.slice(2), { from: addDays(before.from, 4), to: before.to });
    server.resetCounts();
    const data = await load(owners, week, { perOwner: true });
    // Only the range itself was asked for (7 days, 3 owners: one by-day call per owner).
    assert.equal(statisticCalls() + byDayCalls(), 3);
    const earlier = data.earlier;
    assert.ok(earlier);
    // At least a month before the range, ending the day before it.
    assert.deepEqual(earlier.days, listDays({ from: addDays(week.from, -31), to: addDays(week.from, -1) }));
    earlier.days.forEach((day, i) => {
      const stored = day >= addDays(before.from, 4);
      assert.deepEqual(earlier.total[i], stored ? dayTruth(server, owners, day) : null, day);
    });
    // Per owner: each owner's own stored days.
    const first = earlier.perOwner?.find((p) => p.owner === owners[0]);
    const third = earlier.perOwner?.find((p) => p.owner === owners[2]);
    assert.deepEqual(
      earlier.days.filter((_, i) => first?.series[i] !== null),
      listDays(before),
    );
    assert.deepEqual(
      earlier.days.filter((_, i) => third?.series[i] !== null),
      listDays({ from: addDays(before.from, 4), to: before.to }),
    );
    // FIXED_NOW is 10:00 CST: every stored day before the range is final.
    assert.deepEqual(earlier.provisionalDays, []);
  });

  test('first open fetches the range; reopening the store costs zero calls; widening asks only for missing days', async () => {
    const owners = server.owners.slice(0, 3);
    const first = await loader()(owners, lastNDays(30, now));
    // 3 owners × 30 days: one statistic_group_by_day call per owner beats 30 single days.
    assert.equal(byDayCalls(), 3);
    assert.equal(statisticCalls(), 0);
    assert.equal(first.cachedDays, 0);
    assertExact(server, owners, first);

    server.resetCounts();
    const store = await stores.reopen();
    const again = await loader(store)(owners, lastNDays(30, now));
    assert.equal(byDayCalls() + statisticCalls(), 0);
    assert.equal(again.cachedDays, 30);
    assert.deepEqual(again.total, first.total);

    server.resetCounts();
    const wide = await loader(store)(owners, lastNDays(90, now));
    // 60 missing days in one run per owner: two 30-day windows each, nothing re-asked.
    const bodies = bodiesOf(server, WECOM_PATHS.byDay);
    assert.equal(bodies.length, 6);
    assert.equal(statisticCalls(), 0);
    const asked = bodies.flatMap((b) => listDays({ from: bodyFrom(b), to: bodyTo(b) }));
    assert.equal(asked.length, 180);
    assert.ok(asked.every((d) => d < lastNDays(30, now).from));
    assert.equal(wide.cachedDays, 30);
    assertExact(server, owners, wide);
  });

  test('a subset of stored owners costs zero calls; one more owner costs only its own atoms', async () => {
    const owners = server.owners.slice(0, 6);
    const range = lastNDays(7, now);
    await loader()(owners, range);
    server.resetCounts();
    const subset = [owners[1], owners[3]];
    const part = await loader()(subset, range);
    assert.equal(byDayCalls() + statisticCalls(), 0);
    assert.equal(part.cachedDays, 7);
    assertExact(server, subset, part);

    server.resetCounts();
    const more = [...owners, server.owners[6]];
    const grown = await loader()(more, range);
    // Only owner 6 is missing: one by-day call for it beats a call per day.
    assert.equal(statisticCalls(), 0);
    const bodies = bodiesOf(server, WECOM_PATHS.byDay);
    assert.deepEqual(bodies.map(bodyOwners), [[server.owners[6]]]);
    assert.equal(grown.cachedDays, 0);
    assertExact(server, more, grown);
  });

  test('compare: one series per owner from its atoms, total = their sum; a compared owner alone costs nothing', async () => {
    const owners = server.owners.slice(3, 6);
    const range = lastNDays(7, now);
    const result = await loader()(owners, range, { perOwner: true });
    assert.equal(byDayCalls(), 3);
    assert.equal(statisticCalls(), 0);
    assert.deepEqual(
      result.perOwner?.map((p) => p.owner),
      [...owners].sort(),
    );
    for (const { owner, series } of result.perOwner ?? []) {
      result.days.forEach((day, i) =>
        assert.deepEqual(series[i], server.statsFor(owner, day), `${owner} ${day}`),
      );
    }
    assertExact(server, owners, result);
    server.resetCounts();
    const single = await loader()([owners[1]], range);
    assert.equal(byDayCalls() + statisticCalls(), 0, 'a single owner of a compared set is already stored');
    assert.deepEqual(single.total, result.perOwner?.find((p) => p.owner === owners[1])?.series);
  });

  test('compare: an owner WeCom does not know has no figures (null), and the sum is the others', async () => {
    const known = server.owners[2];
    const range = lastNDays(7, now);
    const result = await loader()([known, 'ghost-owner'], range, { perOwner: true });
    const lines = new Map(result.perOwner?.map((p) => [p.owner, p.series]));
    assert.deepEqual(
      lines.get('ghost-owner'),
      listDays(range).map(() => null),
    );
    result.days.forEach((day, i) => assert.deepEqual(lines.get(known)?.[i], server.statsFor(known, day)));
    assert.deepEqual(result.missingDays, []);
    assertExact(server, [known], result);
    const ghost = await stores.get().getAtoms(scopeOfServer(server), { ...range, owners: ['ghost-owner'] });
    assert.equal(ghost.length, 7);
    assert.ok(ghost.every((a) => a.absent));
  });

  test('refresh asks again for every day WeCom serves; after an hour yesterday is asked again, within it not', async () => {
    now = cst(8);
    const range = lastNDays(7, now);
    const yesterday = range.to;
    await loader()(server.owners, range);
    assert.equal(statisticCalls(), 7);

    // Without refresh: every day but yesterday was fetched after its 10:00 CST cut-off (final).
    server.resetCounts();
    now = cst(8, 5);
    const plain = await loader()(server.owners, range);
    assert.equal(statisticCalls() + byDayCalls(), 0);
    assert.equal(plain.cachedDays, 7);

    // Refresh: the user asks WeCom again, final days too (a change would be kept as a revision).
    server.resetCounts();
    now = cst(8, 10);
    const refreshed = await loader()(server.owners, range, { refresh: true });
    assert.deepEqual(bodiesOf(server, WECOM_PATHS.statistic).map(bodyFrom).sort(), listDays(range));
    assert.equal(byDayCalls(), 0);
    assert.equal(refreshed.cachedDays, 0);
    assert.equal(refreshed.yesterdayFetchedAt, cst(8, 10));

    server.resetCounts();
    now = cst(9);
    const reused = await loader()(server.owners, range);
    assert.equal(statisticCalls() + byDayCalls(), 0, 'yesterday fetched 50 minutes ago is reused');
    assert.equal(reused.cachedDays, 7);
    assert.equal(reused.yesterdayFetchedAt, cst(8, 10));

    server.resetCounts();
    now = cst(9, 11);
    const later = await loader()(server.owners, range);
    assert.deepEqual(bodiesOf(server, WECOM_PATHS.statistic).map(bodyFrom), [yesterday]);
    assert.equal(later.yesterdayFetchedAt, cst(9, 11));
    assertExact(server, server.owners, later);
  });

  test('history older than 180 days comes from the store only; unknown old days are reported', async () => {
    const owners = server.owners.slice(6, 7);
    const range = lastNDays(30, now);
    await loader()(owners, range);
    now += 170 * DAY_MS; // the first 20 of those days have left the server's window
    const window = allowedWindow(now);
    assert.ok(range.from < window.from && range.to >= window.from);
    server.resetCounts();
    const later = await loader()(owners, { from: addDays(range.from, -5), to: range.to });
    assert.equal(byDayCalls() + statisticCalls(), 0);
    assert.equal(later.unavailableDays, 5);
    assert.deepEqual(later.historyDays, listDays({ from: range.from, to: addDays(window.from, -1) }));
    assert.equal(later.historyDays.length, 20);
    assert.deepEqual(later.missingDays, []);
    assert.equal(later.cachedDays, 30);
    assert.deepEqual(
      later.total.slice(0, 5),
      [null, null, null, null, null],
      'days never stored have no figures',
    );
    later.days
      .slice(5)
      .forEach((day, i) => assert.deepEqual(later.total[i + 5], server.statsFor(owners[0], day), day));
  });

  test('a load cancelled mid-way keeps the days stored: the next open asks only for the rest', async () => {
    // 12 owners × 12 days: 12 single-day statistic calls tie with 12 by-day calls; the tie is by day.
    const range = lastNDays(12, now);
    const { client } = makeClient(server, { now: clock, concurrency: 2 });
    const deps = { client, store: stores.get(), scope: scopeOfServer(server), now: clock };
    const request = { owners: server.owners, range, perOwner: false, refresh: false };
    server.setLatency(30);
    const controller = new AbortController();
    await assert.rejects(
      loadByDay(deps, request, {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.done >= 6) {
            controller.abort();
          }
        },
      }),
    );
    // Requests written just before the abort may still be on their way to the server.
    await new Promise((r) => setTimeout(r, 200));
    server.setLatency(0);
    const kept = await storedDays(stores.get(), deps.scope, server.owners, range);
    assert.ok(kept.length >= 1 && kept.length < 12, `kept ${kept.length} days`);
    const first = statisticCalls();
    assert.ok(first < 12, `asked ${first} of 12 days`);

    server.resetCounts();
    const result = await loadByDay(deps, request);
    assert.equal(result.cachedDays, kept.length);
    const asked = bodiesOf(server, WECOM_PATHS.statistic).map(bodyFrom);
    assert.equal(asked.length, 12 - kept.length, 'only the days not yet stored');
    assert.ok(asked.every((day) => !kept.includes(day)));
    assertExact(server, server.owners, result);
  });

  test('an aborted load rejects and stops asking', async () => {
    server.setLatency(200);
    try {
      const controller = new AbortController();
      const { client } = makeClient(server, { now: clock });
      const pending = loadByDay(
        { client, store: stores.get(), scope: scopeOfServer(server), now: clock },
        { owners: server.owners.slice(0, 8), range: lastNDays(180, now), perOwner: true, refresh: false },
        { signal: controller.signal },
      );
      setTimeout(() => controller.abort(), 300);
      await assert.rejects(pending);
      // Requests written just before the abort may still be on their way to the server (same process).
      await new Promise((r) => setTimeout(r, 250));
      const asked = byDayCalls();
      await new Promise((r) => setTimeout(r, 600));
      // 8 owners × 180 days: 48 by-day calls (6 windows per owner) when nothing stops them.
      assert.ok(asked < 48, `asked ${asked} of 48`);
      assert.equal(byDayCalls(), asked, 'no requests after the abort settled');
    } finally {
      server.setLatency(0);
    }
  });
});

suite('chart/byDayLoader: a big team (150 owners)', () => {
  let server: FakeWeComServer;
  const stores = storePerTest();

  suiteSetup(async () => {
    server = await startServer({ ownerCount: 150 });
  });
  suiteTeardown(() => server.close());
  setup(() => {
    server.setFaults({});
    server.resetCounts();
  });

  function load(range: DayRange, extra: Partial<ByDayLoadRequest> = {}, onStored?: () => void) {
    const { client } = makeClient(server);
    const deps = {
      client,
      store: stores.get(),
      scope: scopeOfServer(server),
      now: () => FIXED_NOW,
      onStored,
    };
    return loadByDay(deps, { owners: server.owners, range, perOwner: false, refresh: false, ...extra });
  }
  const statisticCalls = (): number => server.counts()[WECOM_PATHS.statistic] ?? 0;
  const byDayCalls = (): number => server.counts()[WECOM_PATHS.byDay] ?? 0;
  const coverage = (range: DayRange) =>
    stores.get().coverage(scopeOfServer(server), { ...range, owners: server.owners });

  test('90 days as a sum: fetched as sums (6 calls), shown exact, listed unstored, and not in the store', async () => {
    const range = lastNDays(90, FIXED_NOW);
    let stored = 0;
    const data = await load(range, {}, () => stored++);
    // Syncing the atoms would take 180 statistic calls; the sums take 3 windows × 2 owner batches.
    assert.equal(byDayCalls(), 6);
    assert.equal(statisticCalls(), 0);
    assert.deepEqual(data.unstoredDays, listDays(range));
    assert.deepEqual(data.missingDays, []);
    assert.equal(data.cachedDays, 0);
    assert.equal(data.yesterdayFetchedAt, FIXED_NOW);
    assertExact(server, server.owners, data);
    assert.deepEqual(await coverage(range), []);
    assert.equal(stored, 0);

    server.resetCounts();
    await load(range);
    assert.equal(byDayCalls(), 6, 'nothing was stored, so a reload asks again');
  });

  test('the cost threshold: 30 days (60 statistic calls) are synced; the stored days then cost nothing', async () => {
    const month = lastNDays(30, FIXED_NOW);
    const synced = await load(month);
    assert.equal(statisticCalls(), 60);
    assert.equal(byDayCalls(), 0);
    assert.deepEqual(synced.unstoredDays, []);
    assert.equal((await coverage(month)).length, 150 * 30);

    // One more day, and the stored 30 cost nothing: 1 day × 2 batches = 2 calls, well under 60.
    server.resetCounts();
    const more = lastNDays(31, FIXED_NOW);
    const grown = await load(more);
    assert.equal(statisticCalls(), 2);
    assert.deepEqual(grown.unstoredDays, []);
    assert.equal(grown.cachedDays, 30);
    assertExact(server, server.owners, grown);
  });

  test('31 missing days as a sum are fetched as sums; stored days come from the store', async () => {
    const week = lastNDays(7, FIXED_NOW);
    await load(week);
    assert.equal(statisticCalls(), 14);

    server.resetCounts();
    const range = { from: addDays(week.from, -31), to: week.to };
    const data = await load(range);
    // 31 missing days: 62 statistic calls against 2 windows × 2 batches of sums.
    assert.equal(statisticCalls(), 0);
    assert.equal(byDayCalls(), 4);
    const older = { from: range.from, to: addDays(week.from, -1) };
    assert.deepEqual(data.unstoredDays, listDays(older));
    assert.equal(data.cachedDays, 7);
    assert.equal(data.yesterdayFetchedAt, FIXED_NOW);
    assertExact(server, server.owners, data);
    assert.deepEqual(await coverage(older), []);
  });

  test('compare always syncs atoms, even where the sum would be fetched directly', async () => {
    const range = lastNDays(40, FIXED_NOW);
    const data = await load(range, { perOwner: true });
    assert.equal(statisticCalls(), 80);
    assert.equal(byDayCalls(), 0);
    assert.deepEqual(data.unstoredDays, []);
    assert.equal((await coverage(range)).length, 150 * 40);
    assert.equal(data.perOwner?.length, 150);
    const owner = server.owners[17];
    const line = data.perOwner?.find((p) => p.owner === owner)?.series;
    data.days.forEach((day, i) => assert.deepEqual(line?.[i], server.statsFor(owner, day), day));
    assertExact(server, server.owners, data);
  });
});
