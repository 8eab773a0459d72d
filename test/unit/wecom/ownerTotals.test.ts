import * as assert from 'node:assert/strict';
import type { FakeWeComServer } from '../../../src/demo/fakeServer';
import { addDays, dayStartTs } from '../../../src/shared/days';
import { METRIC_KEYS, METRICS } from '../../../src/shared/metrics';
import { WeComError } from '../../../src/wecom/errors';
import type { CallProgress } from '../../../src/wecom/types';
import {
  bodiesOf,
  fakeServerPerSuite,
  makeClient,
  ownerRangeTruth,
  rejectionOf,
  startServer,
  yesterday,
} from './support';
import { WECOM_PATHS } from '../../../src/shared/wecomApi';

suite('wecom/getOwnerTotals', () => {
  let server: FakeWeComServer;
  const day = yesterday();
  fakeServerPerSuite({ ownerCount: 250 }, (started) => (server = started));

  test('250 follow users: 3 batches of ≤100, merged rows equal the ground truth field by field', async () => {
    const { client } = makeClient(server);
    const progress: CallProgress[] = [];
    const rows = await client.getOwnerTotals({ from: day, to: day }, { onProgress: (p) => progress.push(p) });
    assert.equal(server.counts()[WECOM_PATHS.followUsers], 1);
    const bodies = bodiesOf(server, WECOM_PATHS.statistic);
    assert.equal(bodies.length, 3);
    const sent = bodies.map((b) => (b.owner_filter as { userid_list: string[] }).userid_list);
    assert.deepEqual(
      sent.map((l) => l.length),
      [100, 100, 50],
    );
    assert.deepEqual(sent.flat().sort(), [...server.owners].sort(), 'every owner sent exactly once');
    for (const body of bodies) {
      assert.equal(body.day_begin_time, dayStartTs(day));
      assert.equal(body.day_end_time, dayStartTs(day));
      assert.equal(body.limit, 1000);
      assert.equal(body.order_by, 2, 'default sort: total groups (server order 2)');
      assert.equal(body.order_asc, 0);
    }
    assert.equal(rows.length, 250);
    for (const row of rows) {
      assert.deepEqual(row.data, ownerRangeTruth(server, row.owner, day, day), row.owner);
    }
    assert.deepEqual(progress.at(-1), { done: 4, total: 4 });
    assert.ok(progress.every((p) => p.done <= p.total));
  });

  test('a 7-day range: flows summed over the days, "as of" figures of the last day (as the fake defines)', async () => {
    const { client } = makeClient(server);
    const from = addDays(day, -6);
    const owners = server.owners.slice(0, 40);
    const rows = await client.getOwnerTotals({ from, to: day, owners });
    assert.equal(rows.length, 40);
    for (const row of rows) {
      assert.deepEqual(row.data, ownerRangeTruth(server, row.owner, from, day), row.owner);
    }
  });

  for (const key of METRIC_KEYS) {
    for (const ascending of [false, true]) {
      test(`sorted by ${key} ${ascending ? 'ascending' : 'descending'}, ties by owner id`, async () => {
        const { client } = makeClient(server);
        const rows = await client.getOwnerTotals({ from: day, to: day, sortBy: key, ascending });
        assert.equal(rows.length, 250);
        for (let i = 1; i < rows.length; i++) {
          const [a, b] = [rows[i - 1], rows[i]];
          assert.ok(a.data && b.data, 'every known owner is returned');
          const diff = (b.data[key] - a.data[key]) * (ascending ? 1 : -1);
          assert.ok(diff > 0 || (diff === 0 && a.owner < b.owner), `${a.owner} before ${b.owner}`);
        }
        const order = METRICS[key].serverOrderBy;
        for (const body of bodiesOf(server, WECOM_PATHS.statistic)) {
          assert.equal(body.order_by, order, 'server order only for figures 1–4');
          assert.equal(body.order_asc, order === undefined ? undefined : ascending ? 1 : 0);
        }
      });
    }
  }

  test('paging: with small pages every page is read until next_offset reaches total', async () => {
    const { client } = makeClient(server, {}, { pageLimit: 7 });
    const owners = server.owners.slice(0, 130);
    const rows = await client.getOwnerTotals({ from: day, to: day, owners, sortBy: 'new_member_cnt' });
    const bodies = bodiesOf(server, WECOM_PATHS.statistic);
    // 100 owners → 15 pages, 30 owners → 5 pages.
    assert.equal(bodies.length, 20);
    assert.deepEqual(
      bodies
        .map((b) => b.offset)
        .sort((a, b) => Number(a) - Number(b))
        .slice(0, 4),
      [0, 0, 7, 7],
    );
    assert.equal(rows.length, 130);
    assert.equal(new Set(rows.map((r) => r.owner)).size, 130);
    for (const row of rows) {
      assert.equal(row.absent, undefined);
      assert.deepEqual(row.data, ownerRangeTruth(server, row.owner, day, day));
    }
  });

  test('duplicate owners are sent once; unknown ids among known ones come back absent, without figures', async () => {
    const { client } = makeClient(server);
    const owners = ['zhangsan', 'lisi', 'zhangsan', 'no-such-user', 'lisi'];
    const rows = await client.getOwnerTotals({
      from: day,
      to: day,
      owners,
      sortBy: 'msg_total',
      ascending: true,
    });
    const sent = (bodiesOf(server, WECOM_PATHS.statistic)[0].owner_filter as { userid_list: string[] })
      .userid_list;
    assert.deepEqual(sent, ['zhangsan', 'lisi', 'no-such-user']);
    assert.equal(rows.length, 3);
    const ghost = rows.find((r) => r.owner === 'no-such-user');
    assert.ok(ghost);
    assert.deepEqual(ghost, { owner: 'no-such-user', absent: true });
    assert.equal(rows[rows.length - 1], ghost, 'absent owners sort last, even ascending');
    assert.equal(server.counts()[WECOM_PATHS.followUsers], undefined, 'given owners: no follow-user call');
  });

  test('an empty owner id, a bad sort key, or a range over 30 days is rejected before any request', async () => {
    const { client } = makeClient(server);
    for (const request of [
      { from: day, to: day, owners: ['zhangsan', ''] },
      { from: day, to: day, owners: ['  '] },
      { from: addDays(day, -30), to: day },
      { from: day, to: day, sortBy: 'nonsense' as never },
    ]) {
      const err = await rejectionOf(client.getOwnerTotals(request));
      assert.ok(err instanceof WeComError && err.kind === 'input', String(err));
      assert.ok(err.hint.zh.length > 0);
    }
    assert.deepEqual(server.counts(), {});
  });

  test('bad dates are rejected before any request, with the window in the message', async () => {
    const { client } = makeClient(server);
    const today = addDays(day, 1);
    for (const [from, to] of [
      [today, today],
      [addDays(day, -200), addDays(day, -190)],
      [day, addDays(day, -3)],
      ['2026-02-30', day],
      ['yesterday', day],
    ]) {
      const err = await rejectionOf(client.getOwnerTotals({ from, to }));
      assert.ok(err instanceof WeComError, String(err));
      assert.equal(err.kind, 'input');
      assert.equal(err.errcode, undefined);
    }
    const err = await rejectionOf(client.getOwnerTotals({ from: today, to: today }));
    assert.ok(
      err instanceof WeComError && err.message.includes(day),
      err instanceof Error ? err.message : '',
    );
    assert.deepEqual(server.counts(), {});
  });

  test('no owners given and an empty follow-user list: empty result, no statistic call', async () => {
    const empty = await startServer({ ownerCount: 0 });
    try {
      const { client } = makeClient(empty);
      assert.deepEqual(await client.getOwnerTotals({ from: day, to: day }), []);
      assert.equal(empty.counts()[WECOM_PATHS.statistic], undefined);
    } finally {
      await empty.close();
    }
  });
});
