/**
 * The chart's loader against each of the fake server's reply faults: a fault that persists fails
 * the load (or leaves the days it concerns missing) and caches nothing partial; a fault that
 * happens once is retried away and every day is exact and cached.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadByDay } from '../../../src/extension/chart/byDayLoader';
import { ClosedDayCache } from '../../../src/extension/chart/closedDayCache';
import type { FakeWeComServer } from '../../../src/demo/fakeServer';
import type { ReplyFault } from '../../../src/demo/replyFaults';
import { lastNDays, listDays } from '../../../src/shared/days';
import { WeComError } from '../../../src/wecom/errors';
import { dayTruth, FIXED_NOW, fixedClock, makeClient, rejectionOf, startServer } from '../wecom/support';
import { testScope } from './loaderSupport';

/** Faults that make a by-day reply unusable as a whole (the kinds that apply to by-day). */
const UNUSABLE: readonly { readonly name: string; readonly fault: ReplyFault }[] = [
  { name: 'no items', fault: { kind: 'missingItems' } },
  { name: 'a negative figure', fault: { kind: 'figure', field: 'msg_total', value: -2 } },
  { name: 'a fractional figure', fault: { kind: 'figure', field: 'msg_total', value: 2.5 } },
  { name: 'a huge figure', fault: { kind: 'figure', field: 'msg_total', value: 1e300 } },
  { name: 'a figure past 2^53', fault: { kind: 'figure', field: 'msg_total', json: '9007199254740993' } },
  { name: 'a body cut off', fault: { kind: 'truncate' } },
];

suite('chart/byDayLoader: every reply fault of the fake server', () => {
  let server: FakeWeComServer;
  let dir: string;
  const range = lastNDays(14, FIXED_NOW);

  suiteSetup(async () => {
    server = await startServer({ ownerCount: 150 });
  });
  suiteTeardown(() => server.close());
  setup(async () => {
    server.setFaults({});
    server.resetCounts();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'wecom-faults-'));
  });
  teardown(() => fs.rm(dir, { recursive: true, force: true }));

  function deps() {
    const { client } = makeClient(server, { maxAttempts: 2 });
    const cache = new ClosedDayCache(dir, { now: fixedClock });
    return { client, cache, scope: testScope(server), now: fixedClock };
  }

  const load = (d: ReturnType<typeof deps>, refresh = false) =>
    loadByDay(d, { owners: 'all', range, perOwner: false, refresh });

  for (const { name, fault } of UNUSABLE) {
    test(`${name}, every time: the load fails with a clear error and nothing is cached`, async () => {
      server.setFaults({ replyFaults: [{ ...fault, endpoint: 'byDay', ownerInBatch: server.owners[120] }] });
      const d = deps();
      const err = await rejectionOf(load(d));
      assert.ok(err instanceof WeComError && err.kind === 'malformed', String(err));
      assert.match(err.message, /statistic_group_by_day/);
      const cached = await d.cache.lookup(d.scope, 'all', listDays(range));
      assert.equal(cached.size, 0, 'no day of a failed load is cached');
    });

    test(`${name}, once: retried, every day exact and cached`, async () => {
      server.setFaults({ replyFaults: [{ ...fault, endpoint: 'byDay', times: 1 }] });
      const d = deps();
      const data = await load(d);
      assert.deepEqual(data.missingDays, []);
      data.days.forEach((day, i) =>
        assert.deepEqual(data.total[i], dayTruth(server, server.owners, day), day),
      );
      const cached = await d.cache.lookup(d.scope, 'all', listDays(range));
      assert.equal(cached.size, listDays(range).length);
    });
  }

  test('a day one batch leaves out every time: missing, not cached; the next load asks only for it', async () => {
    const dropped = listDays(range)[5];
    server.setFaults({ replyFaults: [{ kind: 'dropDay', day: dropped, ownerInBatch: server.owners[120] }] });
    const d = deps();
    const first = await load(d);
    assert.deepEqual(first.missingDays, [dropped]);
    const cached = await d.cache.lookup(d.scope, 'all', listDays(range));
    assert.equal(cached.has(dropped), false);
    assert.equal(cached.size, listDays(range).length - 1);

    server.setFaults({});
    server.resetCounts();
    const second = await load(d);
    assert.deepEqual(second.missingDays, []);
    const byDayBodies = server.requests().filter((r) => r.path.endsWith('statistic_group_by_day'));
    assert.ok(byDayBodies.length > 0);
    for (const r of byDayBodies) {
      const body = r.body as { day_begin_time: number; day_end_time: number };
      assert.equal(body.day_begin_time, body.day_end_time, 'only the missing day is asked again');
    }
    second.days.forEach((day, i) =>
      assert.deepEqual(second.total[i], dayTruth(server, server.owners, day), day),
    );
  });

  test('a dripping body past the deadline fails the load as a timeout; nothing cached', async () => {
    server.setFaults({ replyFaults: [{ kind: 'drip', bytesPerSecond: 20, endpoint: 'byDay' }] });
    const { client } = makeClient(server, { timeoutMs: 1000, maxAttempts: 2 });
    const d = { ...deps(), client };
    const err = await rejectionOf(load(d));
    assert.ok(err instanceof WeComError && err.kind === 'timeout', String(err));
    assert.equal((await d.cache.lookup(d.scope, 'all', listDays(range))).size, 0);
  });

  test('45033 at one call in flight: 90 days over 150 owners load whole and exact', async () => {
    server.setFaults({ maxConcurrent: 1 });
    server.setLatency(3);
    const d = { ...deps(), client: makeClient(server, { concurrency: 4 }).client };
    const long = lastNDays(90, FIXED_NOW);
    const data = await loadByDay(d, { owners: 'all', range: long, perOwner: false, refresh: false });
    assert.deepEqual(data.missingDays, []);
    data.days.forEach((day, i) => assert.deepEqual(data.total[i], dayTruth(server, server.owners, day), day));
    assert.ok(server.requests().some((r) => r.errcode === 45033));
    server.setLatency(0);
  });
});
