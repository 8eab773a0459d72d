/**
 * Never partial data as whole: the loader against the real fake server behind a proxy that makes
 * it misbehave. A day one owner batch leaves out is missing (not zero, not cached, asked again
 * next time); a malformed reply fails the load and caches nothing; each day keeps the time its own
 * reply arrived; the first failure of a multi-window load stops the sibling windows.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadByDay, type ByDayLoadRequest } from '../../../src/extension/chart/byDayLoader';
import { ClosedDayCache } from '../../../src/extension/chart/closedDayCache';
import type { FakeWeComServer } from '../../../src/demo/fakeServer';
import { addDays, dayStartTs, lastNDays, listDays } from '../../../src/shared/days';
import { WeComError } from '../../../src/wecom/errors';
import { ownersOfBody, startWeComProxy, withoutDay, type WeComProxy } from '../../support/wecomProxy';
import { dayTruth, FIXED_NOW, makeClient, startServer } from '../wecom/support';
import { testScope } from './loaderSupport';
import { WECOM_PATHS } from '../../../src/shared/wecomApi';

suite('chart/byDayLoader: partial and failed replies', () => {
  let server: FakeWeComServer;
  let proxy: WeComProxy;
  let dir: string;
  let now: number;
  const clock = (): number => now;

  suiteSetup(async () => {
    server = await startServer({ ownerCount: 150, now: clock });
    proxy = await startWeComProxy(server.url);
  });
  suiteTeardown(async () => {
    await proxy.close();
    await server.close();
  });
  setup(async () => {
    now = FIXED_NOW;
    proxy.setRule(undefined);
    proxy.requests.length = 0;
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'wecom-partial-'));
  });
  teardown(() => fs.rm(dir, { recursive: true, force: true }));

  function deps(options: { concurrency?: number; cacheNow?: () => number } = {}) {
    const { client } = makeClient(server, {
      baseUrl: proxy.url,
      now: clock,
      concurrency: options.concurrency,
    });
    const cache = new ClosedDayCache(dir, { now: options.cacheNow ?? clock });
    return { client, cache, scope: testScope({ url: proxy.url, corpId: server.corpId }), now: clock };
  }

  function request(extra: Partial<ByDayLoadRequest> = {}): ByDayLoadRequest {
    return { owners: server.owners, range: lastNDays(7, now), perOwner: false, refresh: false, ...extra };
  }

  const byDay = (): number => proxy.requests.filter((r) => r.path === WECOM_PATHS.byDay).length;

  test('150 owners, the second batch leaves out a day every time: that day is missing, not cached, asked again; the rest exact', async () => {
    const range = lastNDays(7, now);
    const dropped = addDays(range.to, -3);
    const second = server.owners[120]; // batches of 100: owners 100…149 are the second batch
    proxy.setRule((req) =>
      req.path === WECOM_PATHS.byDay && ownersOfBody(req.body).includes(second)
        ? { transform: withoutDay(dayStartTs(dropped)) }
        : undefined,
    );
    const d = deps();
    const data = await loadByDay(d, request());
    assert.deepEqual(data.missingDays, [dropped]);
    data.days.forEach((day, i) => {
      if (day === dropped) {
        assert.equal(
          data.total[i],
          null,
          'a missing day has no figures: not zeros, not the first batch alone',
        );
      } else {
        assert.deepEqual(data.total[i], dayTruth(server, server.owners, day), day);
      }
    });
    assert.equal((await d.cache.lookup(d.scope, server.owners, [dropped])).size, 0, 'never cached');
    assert.equal((await d.cache.lookup(d.scope, server.owners, data.days)).size, 6);

    // The next load asks only for the missing day (both batches), and gets it once WeCom has it.
    proxy.setRule(undefined);
    proxy.requests.length = 0;
    const again = await loadByDay(d, request());
    const asked = proxy.requests.filter((r) => r.path === WECOM_PATHS.byDay);
    assert.equal(asked.length, 2, 'one request per owner batch');
    for (const r of asked) {
      const body = r.body as { day_begin_time: number; day_end_time: number };
      assert.deepEqual([body.day_begin_time, body.day_end_time], [dayStartTs(dropped), dayStartTs(dropped)]);
    }
    assert.deepEqual(again.missingDays, []);
    assert.equal(again.cachedDays, 6);
    again.days.forEach((day, i) =>
      assert.deepEqual(again.total[i], dayTruth(server, server.owners, day), day),
    );
  });

  test('compare mode: an owner whose reply leaves out a day makes that day missing in the sum, only for that owner’s line', async () => {
    const owners = server.owners.slice(0, 3);
    const range = lastNDays(7, now);
    const dropped = addDays(range.to, -1);
    proxy.setRule((req) =>
      req.path === WECOM_PATHS.byDay && ownersOfBody(req.body)[0] === owners[1]
        ? { transform: withoutDay(dayStartTs(dropped)) }
        : undefined,
    );
    const data = await loadByDay(deps(), request({ owners, perOwner: true }));
    assert.deepEqual(data.missingDays, [dropped]);
    const i = data.days.indexOf(dropped);
    assert.equal(data.total[i], null);
    const lines = new Map(data.perOwner?.map((p) => [p.owner, p.series]));
    assert.equal(lines.get(owners[1])?.[i], null);
    assert.deepEqual(lines.get(owners[0])?.[i], server.statsFor(owners[0], dropped));
  });

  test('a malformed reply (after the client’s retries) fails the load, and nothing is cached', async () => {
    proxy.setRule((req) =>
      req.path === WECOM_PATHS.byDay ? { reply: { errcode: 0, errmsg: 'ok' } } : undefined,
    );
    const d = deps();
    const err = await loadByDay(d, request()).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof WeComError, String(err));
    assert.equal(err.kind, 'malformed');
    assert.ok(byDay() > 2, `retried (${byDay()} requests)`);
    const days = listDays(lastNDays(7, now));
    assert.equal((await d.cache.lookup(d.scope, server.owners, days)).size, 0);
    assert.equal(await d.cache.oldestDay(d.scope, server.owners), undefined);
  });

  test('each day keeps the time its own reply arrived, not when the load ended', async () => {
    const owner = [server.owners[7]];
    // Each by-day reply arrives one minute after the previous one; the cache's clock says the load
    // ended an hour later.
    proxy.setRule((req) => {
      if (req.path === WECOM_PATHS.byDay) {
        now += 60_000;
      }
      return undefined;
    });
    const ended = FIXED_NOW + 3600_000;
    const d = deps({ concurrency: 1, cacheNow: () => ended });
    const range = lastNDays(60, FIXED_NOW);
    const data = await loadByDay(d, request({ owners: owner, range }));
    const fetched = await Promise.all(data.days.map((day) => d.cache.fetchedAt(d.scope, owner, day)));
    const times = [...new Set(fetched)].sort();
    assert.deepEqual(times, [FIXED_NOW + 60_000, FIXED_NOW + 120_000], 'two windows, two reply times');
    assert.ok(!fetched.includes(ended));
    const yesterdayIndex = data.days.indexOf(range.to);
    assert.equal(data.yesterdayFetchedAt, fetched[yesterdayIndex]);
  });

  test('the first failure of a multi-window load aborts the sibling windows: nothing reaches the server after it', async () => {
    let failed = false;
    proxy.setRule((req) => {
      if (req.path !== WECOM_PATHS.byDay) {
        return undefined;
      }
      if (!failed) {
        failed = true;
        // A non-retryable API error (no privilege).
        return { reply: { errcode: 60011, errmsg: 'no privilege to access/modify contact/party/agent' } };
      }
      return { delayMs: 150 };
    });
    const d = deps({ concurrency: 2 });
    await assert.rejects(loadByDay(d, request({ owners: [server.owners[3]], range: lastNDays(180, now) })));
    const rejectedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 800));
    const after = proxy.requests.filter((r) => r.path === WECOM_PATHS.byDay && r.at >= rejectedAt);
    assert.equal(after.length, 0, `${after.length} of 6 windows were asked after the failure`);
    // The failing window and the one already in flight beside it (concurrency 2): no others.
    assert.ok(byDay() <= 2, `asked ${byDay()} of 6 windows`);
  });
});
