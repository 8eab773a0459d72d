import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { contiguousRuns, loadByDay, type ByDayLoadRequest } from '../../../src/extension/chart/byDayLoader';
import { ClosedDayCache } from '../../../src/extension/chart/closedDayCache';
import type { FakeWeComServer } from '../../../src/demo/fakeServer';
import { addDays, allowedWindow, lastNDays, listDays, type DayRange } from '../../../src/shared/days';
import type { ChartSubject } from '../../../src/shared/chartState';
import { bodiesOf, dayTruth, FIXED_NOW, makeClient, startServer } from '../wecom/support';
import { ownersOf, testScope } from './loaderSupport';
import { WECOM_PATHS } from '../../../src/shared/wecomApi';

const DAY_MS = 86400_000;

suite('chart/byDayLoader against the fake server', () => {
  let server: FakeWeComServer;
  let dir: string;
  let now: number;
  const clock = (): number => now;

  suiteSetup(async () => {
    server = await startServer({ ownerCount: 12, now: clock });
  });
  suiteTeardown(() => server.close());
  setup(async () => {
    now = FIXED_NOW;
    server.setFaults({});
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'wecom-loader-'));
  });
  teardown(() => fs.rm(dir, { recursive: true, force: true }));

  function loader(cache = new ClosedDayCache(dir, { now: clock })) {
    const { client } = makeClient(server, { now: clock });
    const deps = { client, cache, scope: testScope(server), now: clock };
    return (subject: ChartSubject, range: DayRange, extra: Partial<ByDayLoadRequest> = {}) =>
      loadByDay(deps, { owners: ownersOf(subject), range, perOwner: false, refresh: false, ...extra });
  }

  function byDayCalls(): number {
    return server.counts()[WECOM_PATHS.byDay] ?? 0;
  }

  test('contiguous runs of missing days', () => {
    assert.deepEqual(contiguousRuns(['2026-11-03', '2026-11-01', '2026-11-02', '2026-11-05']), [
      { from: '2026-11-01', to: '2026-11-03' },
      { from: '2026-11-05', to: '2026-11-05' },
    ]);
    assert.deepEqual(contiguousRuns([]), []);
  });

  test('first open fetches the window; reopening costs zero requests; widening asks only for missing days', async () => {
    const owners = server.owners.slice(0, 3);
    const subject: ChartSubject = { kind: 'owners', owners };
    const load = loader();
    server.resetCounts();
    const first = await load(subject, lastNDays(30, now));
    assert.equal(byDayCalls(), 1);
    assert.equal(first.cachedDays, 0);
    first.days.forEach((day, i) => assert.deepEqual(first.total[i], dayTruth(server, owners, day), day));

    server.resetCounts();
    const again = await loader()(subject, lastNDays(30, now)); // a new cache instance: read from disk
    assert.equal(byDayCalls(), 0);
    assert.equal(again.cachedDays, 30);
    assert.deepEqual(again.total, first.total);

    server.resetCounts();
    const wide = await load(subject, lastNDays(90, now));
    // 60 missing days in one contiguous run: two 30-day windows, nothing re-asked.
    const bodies = bodiesOf(server, WECOM_PATHS.byDay);
    assert.equal(bodies.length, 2);
    const asked = bodies.flatMap((b) =>
      listDays({ from: dayFromBody(b.day_begin_time), to: dayFromBody(b.day_end_time) }),
    );
    assert.equal(asked.length, 60);
    assert.ok(asked.every((d) => d < lastNDays(30, now).from));
    assert.equal(wide.cachedDays, 30);
    wide.days.forEach((day, i) => assert.deepEqual(wide.total[i], dayTruth(server, owners, day), day));
  });

  test('a cache that cannot be written still answers the figures and reports the write error', async () => {
    const blocker = path.join(dir, 'not-a-folder');
    await fs.writeFile(blocker, '');
    const errors: unknown[] = [];
    const { client } = makeClient(server, { now: clock });
    const owners = server.owners.slice(0, 2);
    const data = await loadByDay(
      {
        client,
        cache: new ClosedDayCache(path.join(blocker, 'cache'), { now: clock }),
        scope: testScope(server),
        now: clock,
        onCacheError: (err) => errors.push(err),
      },
      { owners, range: lastNDays(7, now), perOwner: false, refresh: false },
    );
    data.days.forEach((day, i) => assert.deepEqual(data.total[i], dayTruth(server, owners, day), day));
    assert.equal(errors.length, 1);
  });

  test('compare: one series per owner, total = their sum, cached per owner', async () => {
    const owners = server.owners.slice(3, 6);
    const load = loader();
    server.resetCounts();
    const result = await load({ kind: 'owners', owners }, lastNDays(7, now), { perOwner: true });
    assert.equal(byDayCalls(), 3);
    assert.deepEqual(
      result.perOwner?.map((p) => p.owner),
      [...owners].sort(),
    );
    for (const { owner, series } of result.perOwner ?? []) {
      result.days.forEach((day, i) => assert.deepEqual(series[i], server.statsFor(owner, day)));
    }
    result.days.forEach((day, i) => assert.deepEqual(result.total[i], dayTruth(server, owners, day)));
    server.resetCounts();
    const single = await load({ kind: 'owners', owners: [owners[1]] }, lastNDays(7, now));
    assert.equal(byDayCalls(), 0, 'a single owner of a compared set is already cached');
    assert.deepEqual(single.total, result.perOwner?.find((p) => p.owner === owners[1])?.series);
  });

  test('refresh bypasses the cache; yesterday is asked again after an hour', async () => {
    const subject: ChartSubject = { kind: 'all' };
    const load = loader();
    await load(subject, lastNDays(7, now));
    server.resetCounts();
    await load(subject, lastNDays(7, now), { refresh: true });
    assert.equal(byDayCalls(), 1);
    server.resetCounts();
    now += 61 * 60_000;
    await load(subject, lastNDays(7, now));
    const bodies = bodiesOf(server, WECOM_PATHS.byDay);
    assert.equal(bodies.length, 1);
    assert.equal(bodies[0].day_begin_time, bodies[0].day_end_time, 'only yesterday');
  });

  test('history older than 180 days comes from the cache only; unknown old days are reported', async () => {
    const owners = server.owners.slice(6, 7);
    const subject: ChartSubject = { kind: 'owners', owners };
    const load = loader();
    const range = lastNDays(30, now);
    await load(subject, range);
    now += 170 * DAY_MS; // the first 20 of those days have left the server's window
    const window = allowedWindow(now);
    assert.ok(range.from < window.from && range.to >= window.from);
    server.resetCounts();
    const later = await load(subject, { from: addDays(range.from, -5), to: range.to });
    assert.equal(byDayCalls(), 0);
    assert.equal(later.unavailableDays, 5);
    assert.equal(later.total.filter((d) => d === null).length, 5);
    later.days
      .slice(5)
      .forEach((day, i) => assert.deepEqual(later.total[i + 5], server.statsFor(owners[0], day)));
  });

  test('a load cancelled mid-way keeps the windows that arrived: the next open asks only for the rest', async () => {
    const owners = server.owners.slice(8, 9);
    const subject: ChartSubject = { kind: 'owners', owners };
    const { client } = makeClient(server, { now: clock, concurrency: 2 });
    const cache = new ClosedDayCache(dir, { now: clock });
    const deps = { client, cache, scope: testScope(server), now: clock };
    const request = {
      owners: ownersOf(subject),
      range: lastNDays(180, now),
      perOwner: false,
      refresh: false,
    };
    server.setLatency(100);
    try {
      const controller = new AbortController();
      server.resetCounts();
      await assert.rejects(
        loadByDay(deps, request, {
          signal: controller.signal,
          onProgress: (p) => {
            if (p.done >= 2) {
              controller.abort();
            }
          },
        }),
      );
      await new Promise((r) => setTimeout(r, 300));
      const first = byDayCalls();
      server.resetCounts();
      const result = await loadByDay(deps, request);
      assert.ok(result.cachedDays >= 60, `cached ${result.cachedDays} days`);
      assert.equal(byDayCalls(), 6 - result.cachedDays / 30, 'only the windows not yet cached');
      assert.ok(first + byDayCalls() < 12);
      result.days.forEach((day, i) => assert.deepEqual(result.total[i], server.statsFor(owners[0], day)));
    } finally {
      server.setLatency(0);
    }
  });

  test('an aborted load rejects and stops asking', async () => {
    server.setLatency(200);
    try {
      const controller = new AbortController();
      const { client } = makeClient(server, { now: clock });
      const cache = new ClosedDayCache(dir, { now: clock });
      server.resetCounts();
      const pending = loadByDay(
        { client, cache, scope: testScope(server), now: clock },
        {
          owners: server.owners.slice(0, 8),
          range: lastNDays(180, now),
          perOwner: true,
          refresh: false,
        },
        { signal: controller.signal },
      );
      setTimeout(() => controller.abort(), 300);
      await assert.rejects(pending);
      // Requests written just before the abort may still be on their way to the server (same process).
      await new Promise((r) => setTimeout(r, 250));
      const asked = byDayCalls();
      await new Promise((r) => setTimeout(r, 600));
      assert.ok(asked < 48, `asked ${asked} of 48`);
      assert.equal(byDayCalls(), asked, 'no requests after the abort settled');
    } finally {
      server.setLatency(0);
    }
  });
});

function dayFromBody(ts: unknown): string {
  return new Date((Number(ts) + 8 * 3600) * 1000).toISOString().slice(0, 10);
}
