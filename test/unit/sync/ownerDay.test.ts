import * as assert from 'node:assert/strict';
import type { FakeWeComServer } from '../../../src/demo/fakeServer';
import { cstYesterday, isProvisional } from '../../../src/shared/days';
import { WECOM_PATHS } from '../../../src/shared/wecomApi';
import { isReusable } from '../../../src/sync/freshness';
import { ownerDayFromStore } from '../../../src/sync/ownerDay';
import { forEachEngine } from '../store/harness';
import { makeClient, startServer } from '../wecom/support';
import { scopeOf, storePerTest } from './support';

/** A CST wall-clock time as ms since the epoch. */
function cst(localTime: string): number {
  return Date.parse(`${localTime}+08:00`);
}

suite('sync/freshness: a stored day shown without a call', () => {
  const day = '2026-03-09';
  test('final: always', () => {
    assert.equal(
      isReusable({ day, fetchedAt: cst('2026-03-10T10:05:00'), final: true }, cst('2027-01-01T00:00:00')),
      true,
    );
  });
  test('provisional: within the hour and before 10:00 CST the next day, not after', () => {
    const at = cst('2026-03-10T09:30:00');
    const stored = { day, fetchedAt: at, final: false };
    assert.equal(isReusable(stored, cst('2026-03-10T09:59:00')), true);
    assert.equal(
      isReusable(stored, cst('2026-03-10T10:01:00')),
      false,
      'past the cut-off one fetch makes it final',
    );
    const early = { day, fetchedAt: cst('2026-03-10T00:01:00'), final: false };
    assert.equal(isReusable(early, cst('2026-03-10T00:59:00')), true);
    assert.equal(isReusable(early, cst('2026-03-10T01:02:00')), false, 'older than an hour');
    assert.equal(isReusable({ day, final: false }, cst('2026-03-10T09:00:00')), false, 'no fetch time');
    assert.equal(
      isReusable(stored, cst('2026-03-10T09:00:00')),
      false,
      'fetched "later" than now: clock moved back',
    );
  });
});

forEachEngine('sync/ownerDay: the owners view’s day from the store', (engine) => {
  let server: FakeWeComServer;
  let now = 0;
  const clock = (): number => now;
  const stores = storePerTest(engine);
  suiteSetup(async () => {
    server = await startServer({ ownerCount: 6, now: clock });
  });
  suiteTeardown(() => server.close());

  const statisticCalls = (): number => server.counts()[WECOM_PATHS.statistic] ?? 0;

  async function load(refresh = false) {
    const { client } = makeClient(server, { now: clock });
    const day = cstYesterday(now);
    return ownerDayFromStore(client, stores.get(), scopeOf(server), server.owners, day, {
      now: clock,
      refresh,
    });
  }

  test('09:59 provisional, reused at 10:00 minus a minute; past 10:00 CST fetched once and final, then free', async () => {
    now = cst('2026-03-10T09:50:00');
    server.resetCounts();
    const early = await load();
    assert.equal(early.calls, 1);
    assert.equal(isProvisional('2026-03-09', early.fetchedAt), true);
    early.totals.forEach((row) => assert.deepEqual(row.data, server.statsFor(row.owner, '2026-03-09')));

    now = cst('2026-03-10T09:59:00');
    assert.equal((await load()).calls, 0, 'fetched 9 minutes ago, before the cut-off');

    now = cst('2026-03-10T10:01:00');
    const after = await load();
    assert.equal(after.calls, 1, 'past the cut-off the provisional copy is not reused');
    assert.equal(after.fetchedAt, now);
    assert.equal(isProvisional('2026-03-09', after.fetchedAt), false);

    now = cst('2026-03-10T23:30:00');
    server.resetCounts();
    assert.equal((await load()).calls, 0, 'final: a plain load asks nothing');
    assert.equal(statisticCalls(), 0);
    const late = await load(true);
    assert.equal(late.calls, 1, 'final: Refresh asks again, as the chart does');
    assert.equal(statisticCalls(), 1);
  });

  test('an owner WeCom does not know is stored absent and shown absent', async () => {
    now = cst('2026-03-11T02:00:00');
    const { client } = makeClient(server, { now: clock });
    const day = cstYesterday(now);
    const result = await ownerDayFromStore(
      client,
      stores.get(),
      scopeOf(server),
      [server.owners[0], 'nosuchuser'],
      day,
      { now: clock },
    );
    assert.deepEqual(result.totals[1], { owner: 'nosuchuser', absent: true });
    assert.deepEqual(result.totals[0].data, server.statsFor(server.owners[0], day));
  });
  test('a figure WeCom revised comes back with the value it replaced and when', async () => {
    now = cst('2026-03-12T09:00:00');
    const day = cstYesterday(now);
    const owner = server.owners[0];
    const stored = server.statsFor(owner, day);
    const earlier = { ...stored, msg_total: stored.msg_total - 7 };
    await stores
      .get()
      .putAtoms(scopeOf(server), [{ day, owner, fetchedAt: cst('2026-03-12T08:00:00'), data: earlier }]);
    const result = await load(true);
    assert.equal(result.calls, 1, 'provisional: Refresh asks again');
    const revisions = result.revisions.get(owner);
    assert.equal(revisions?.length, 1);
    assert.equal(revisions?.[0].data?.msg_total, stored.msg_total - 7);
    assert.equal(revisions?.[0].replacedAt, now);
    assert.equal(result.revisions.has(server.owners[1]), false, 'owners never revised have none');
  });
});
