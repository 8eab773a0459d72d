import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ClosedDayCache, seriesKey } from '../../../src/extension/chart/closedDayCache';
import { addDays, allowedWindow, cstYesterday, dayStartTs, finalAfterMs } from '../../../src/shared/days';
import { emptyStats, type GroupChatStats } from '../../../src/shared/metrics';

const REAL = {
  mode: 'real',
  apiBaseUrl: 'https://qyapi.weixin.qq.com',
  corpId: 'ww-real',
  secretHash: 'a1b2',
} as const;
const DEMO = { ...REAL, mode: 'demo' } as const;
const HOUR = 3600_000;

function figures(n: number): GroupChatStats {
  return { ...emptyStats(), chat_total: n, msg_total: n * 10 };
}

suite('chart/closedDayCache', () => {
  let dir: string;
  let now: number;
  const clock = (): number => now;

  setup(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'wecom-cache-'));
    now = Date.UTC(2026, 10, 27, 2, 0, 0); // 10:00 CST
  });
  teardown(() => fs.rm(dir, { recursive: true, force: true }));

  test('closed days persist across instances; scopes and owner sets are separate', async () => {
    const day = addDays(cstYesterday(now), -3);
    await new ClosedDayCache(dir, { now: clock }).store(REAL, ['b', 'a'], [{ date: day, data: figures(7) }]);
    const reopened = new ClosedDayCache(dir, { now: clock });
    assert.deepEqual((await reopened.lookup(REAL, ['a', 'b'], [day])).get(day), figures(7));
    assert.equal((await reopened.lookup(DEMO, ['a', 'b'], [day])).size, 0, 'demo never reads real figures');
    assert.equal((await reopened.lookup({ ...REAL, corpId: 'other' }, ['a', 'b'], [day])).size, 0);
    assert.equal((await reopened.lookup(REAL, ['a'], [day])).size, 0);
    assert.equal((await reopened.lookup(REAL, 'all', [day])).size, 0);
    assert.notEqual(seriesKey(REAL, 'all'), seriesKey(REAL, ['*all*']));
  });

  test("two servers or two apps of one corp never see each other's days (base URL, secret hash)", async () => {
    const day = addDays(cstYesterday(now), -3);
    const relay = { ...REAL, apiBaseUrl: 'https://relay.example.com' };
    const otherApp = { ...REAL, secretHash: 'c3d4' };
    const cache = new ClosedDayCache(dir, { now: clock });
    await cache.store(REAL, ['a'], [{ date: day, data: figures(1) }]);
    await cache.store(relay, ['a'], [{ date: day, data: figures(2) }]);
    await cache.store(otherApp, 'all', [{ date: day, data: figures(3) }]);
    const reopened = new ClosedDayCache(dir, { now: clock });
    assert.deepEqual((await reopened.lookup(REAL, ['a'], [day])).get(day), figures(1));
    assert.deepEqual((await reopened.lookup(relay, ['a'], [day])).get(day), figures(2));
    assert.equal((await reopened.lookup(otherApp, ['a'], [day])).size, 0);
    assert.equal((await reopened.lookup(REAL, 'all', [day])).size, 0);
    assert.equal((await reopened.lookup(relay, 'all', [day])).size, 0);
    assert.deepEqual((await reopened.lookup(otherApp, 'all', [day])).get(day), figures(3));
    assert.equal(await reopened.oldestDay(otherApp, ['a']), undefined);
  });

  test('each day is stored with the time its reply arrived (the default is now)', async () => {
    const [d1, d2] = [addDays(cstYesterday(now), -3), addDays(cstYesterday(now), -2)];
    const cache = new ClosedDayCache(dir, { now: clock });
    await cache.store(
      REAL,
      ['a'],
      [
        { date: d1, data: figures(1), fetchedAt: now - 5000 },
        { date: d2, data: figures(2) },
      ],
    );
    assert.equal(await cache.fetchedAt(REAL, ['a'], d1), now - 5000);
    assert.equal(await cache.fetchedAt(REAL, ['a'], d2), now);
  });

  test('yesterday is reused for an hour, then asked again', async () => {
    const cache = new ClosedDayCache(dir, { now: clock });
    const yesterday = cstYesterday(now);
    await cache.store(REAL, ['a'], [{ date: yesterday, data: figures(1) }]);
    now += HOUR - 1000;
    assert.equal((await cache.lookup(REAL, ['a'], [yesterday])).size, 1);
    now += 2000;
    assert.equal((await cache.lookup(REAL, ['a'], [yesterday])).size, 0);
  });

  test('a day fetched before 10:00 CST the next day is not final; after that it is', async () => {
    const day = '2026-11-26';
    // Fetched at 09:00 CST on the 27th: provisional.
    now = finalAfterMs(day) - HOUR;
    assert.equal(now, (dayStartTs('2026-11-27') + 9 * 3600) * 1000);
    const cache = new ClosedDayCache(dir, { now: clock });
    await cache.store(REAL, ['a'], [{ date: day, data: figures(1) }]);
    now += 2 * 24 * HOUR; // two days later the day is closed, but this copy was provisional
    assert.equal((await cache.lookup(REAL, ['a'], [day])).size, 0);
    await cache.store(REAL, ['a'], [{ date: day, data: figures(2) }]);
    now += 30 * 24 * HOUR;
    assert.deepEqual((await cache.lookup(REAL, ['a'], [day])).get(day), figures(2));
  });

  test('today is never stored; days the server dropped are still served', async () => {
    const cache = new ClosedDayCache(dir, { now: clock });
    const today = addDays(cstYesterday(now), 1);
    const old = addDays(cstYesterday(now), -10);
    await cache.store(REAL, 'all', [
      { date: today, data: figures(9) },
      { date: old, data: figures(3) },
    ]);
    assert.equal((await cache.lookup(REAL, 'all', [today])).size, 0);
    now += 200 * 24 * HOUR;
    assert.ok(old < allowedWindow(now).from);
    assert.deepEqual((await cache.lookup(REAL, 'all', [old])).get(old), figures(3));
    assert.equal(await cache.oldestDay(REAL, 'all'), old);
  });

  test('bounded: days per series and series files', async () => {
    const cache = new ClosedDayCache(dir, { now: clock, maxDaysPerSeries: 5, maxSeries: 3 });
    const end = addDays(cstYesterday(now), -1);
    const days = Array.from({ length: 8 }, (_, i) => addDays(end, -i));
    await cache.store(
      REAL,
      ['a'],
      days.map((date, i) => ({ date, data: figures(i) })),
    );
    assert.equal((await cache.lookup(REAL, ['a'], days)).size, 5);
    assert.equal(await cache.oldestDay(REAL, ['a']), days[4]);
    for (const owner of ['b', 'c', 'd', 'e']) {
      await cache.store(REAL, [owner], [{ date: end, data: figures(1) }]);
    }
    const files = (await fs.readdir(dir)).filter((n) => n.endsWith('.json'));
    assert.equal(files.length, 3);
  });

  test('pruning other series does not lose days of concurrent writes to a kept one', async () => {
    const days = [1, 2, 3, 4, 5, 6].map((n) => addDays(cstYesterday(now), -n));
    // Like one chart load: one store per 30-day window into the same series, each starting while
    // earlier writes (and the pruning after them) are under way; spaced differently per round.
    for (let spacing = 0; spacing < 20; spacing++) {
      const roundDir = path.join(dir, String(spacing));
      const cache = new ClosedDayCache(roundDir, { now: clock, maxSeries: 1 });
      await cache.store(REAL, ['old'], [{ date: days[0], data: figures(1) }]);
      const stores: Promise<void>[] = [];
      for (const [i, day] of days.entries()) {
        stores.push(cache.store(REAL, ['kept'], [{ date: day, data: figures(i) }]));
        for (let tick = 0; tick < spacing; tick++) {
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      await Promise.all(stores);
      const reopened = new ClosedDayCache(roundDir, { now: clock });
      const kept = await reopened.lookup(REAL, ['kept'], days);
      assert.deepEqual([...kept.keys()].sort(), [...days].sort(), `spacing ${spacing}`);
    }
  });

  test('a corrupt file reads as empty and is replaced', async () => {
    const cache = new ClosedDayCache(dir, { now: clock });
    const day = addDays(cstYesterday(now), -2);
    await cache.store(REAL, ['a'], [{ date: day, data: figures(1) }]);
    const [file] = await fs.readdir(dir);
    await fs.writeFile(path.join(dir, file), '{"key": 1, "days": [');
    const fresh = new ClosedDayCache(dir, { now: clock });
    assert.equal((await fresh.lookup(REAL, ['a'], [day])).size, 0);
    await fresh.store(REAL, ['a'], [{ date: day, data: figures(4) }]);
    assert.deepEqual(
      (await new ClosedDayCache(dir, { now: clock }).lookup(REAL, ['a'], [day])).get(day),
      figures(4),
    );
  });
});
