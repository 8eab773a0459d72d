/**
 * The loader tells the webview when yesterday's figures were fetched (from the server just now, or
 * when the cached copy was), so the cards can mark them provisional before 10:00 CST.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadByDay } from '../../../src/extension/chart/byDayLoader';
import { ClosedDayCache } from '../../../src/extension/chart/closedDayCache';
import type { FakeWeComServer } from '../../../src/demo/fakeServer';
import { addDays, cstYesterday, isProvisional, lastNDays, type DayRange } from '../../../src/shared/days';
import type { ChartSubject } from '../../../src/shared/chartState';
import { makeClient, startServer } from '../wecom/support';
import { ownersOf, testScope } from './loaderSupport';
import { WECOM_PATHS } from '../../../src/shared/wecomApi';

/** 2026-11-27 at `hour:minute` CST. */
function cst(hour: number, minute = 0): number {
  return Date.UTC(2026, 10, 27, hour - 8, minute);
}

suite('chart/byDayLoader: when yesterday was fetched', () => {
  let server: FakeWeComServer;
  let dir: string;
  let now: number;
  const clock = (): number => now;

  suiteSetup(async () => {
    server = await startServer({ ownerCount: 6, now: clock });
  });
  suiteTeardown(() => server.close());
  setup(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'wecom-provisional-'));
  });
  teardown(() => fs.rm(dir, { recursive: true, force: true }));

  function load(subject: ChartSubject, range: DayRange, perOwner = false) {
    const cache = new ClosedDayCache(dir, { now: clock });
    const { client } = makeClient(server, { now: clock });
    const deps = { client, cache, scope: testScope(server), now: clock };
    return loadByDay(deps, { owners: ownersOf(subject), range, perOwner, refresh: false });
  }

  test('fetched at 08:00 CST: provisional; the cached copy keeps that time; a fetch after 10:00 is final', async () => {
    const subject: ChartSubject = { kind: 'owners', owners: [server.owners[0]] };
    now = cst(8);
    const first = await load(subject, lastNDays(7, now));
    assert.equal(first.yesterdayFetchedAt, cst(8));
    assert.equal(isProvisional(cstYesterday(now), first.yesterdayFetchedAt), true);

    // 30 minutes later the cached yesterday is reused: it still carries its 08:00 fetch time.
    now = cst(8, 30);
    server.resetCounts();
    const cached = await load(subject, lastNDays(7, now));
    assert.equal(server.counts()[WECOM_PATHS.byDay] ?? 0, 0);
    assert.equal(cached.yesterdayFetchedAt, cst(8));

    // After 10:00 (and the hour-long reuse) yesterday is fetched again, and final.
    now = cst(10, 5);
    const later = await load(subject, lastNDays(7, now));
    assert.equal(later.yesterdayFetchedAt, cst(10, 5));
    assert.equal(isProvisional(cstYesterday(now), later.yesterdayFetchedAt), false);
  });

  test('compare: the sum is as provisional as its earliest-fetched owner; no time when the range ends earlier', async () => {
    const [a, b] = server.owners;
    now = cst(7);
    await load({ kind: 'owners', owners: [a] }, lastNDays(7, now));
    now = cst(7, 40);
    const both = await load({ kind: 'owners', owners: [a, b] }, lastNDays(7, now), true);
    assert.equal(both.yesterdayFetchedAt, cst(7));

    const yesterday = cstYesterday(now);
    const older = await load(
      { kind: 'owners', owners: [a] },
      { from: addDays(yesterday, -6), to: addDays(yesterday, -1) },
    );
    assert.equal(older.yesterdayFetchedAt, undefined);
  });
});
