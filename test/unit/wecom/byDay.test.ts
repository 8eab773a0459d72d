import * as assert from 'node:assert/strict';
import type { FakeWeComServer } from '../../../src/demo/fakeServer';
import { addStats, emptyStats } from '../../../src/shared/metrics';
import { allowedWindow, dayFromTs, dayStartTs, listDays, splitRange } from '../../../src/shared/days';
import { WeComError } from '../../../src/wecom/errors';
import type { CallProgress } from '../../../src/wecom/types';
import { bodiesOf, dayTruth, fakeServerPerSuite, FIXED_NOW, makeClient, rejectionOf } from './support';
import { WECOM_PATHS } from '../../../src/shared/wecomApi';

suite('wecom/getByDay', () => {
  let server: FakeWeComServer;
  const window = allowedWindow(FIXED_NOW);
  fakeServerPerSuite({ ownerCount: 250 }, (started) => (server = started));

  test('180 days × 250 owners: 6 windows × 3 batches, each day once, every field summed across batches', async () => {
    const { client } = makeClient(server);
    const progress: CallProgress[] = [];
    const result = await client.getByDay({ ...window }, { onProgress: (p) => progress.push(p) });
    assert.equal(server.counts()[WECOM_PATHS.followUsers], 1);
    const bodies = bodiesOf(server, WECOM_PATHS.byDay);
    assert.equal(bodies.length, 18);
    const windows = splitRange(window);
    assert.equal(windows.length, 6);
    for (const w of windows) {
      const inWindow = bodies.filter((b) => b.day_begin_time === dayStartTs(w.from));
      assert.equal(inWindow.length, 3, w.from);
      for (const b of inWindow) {
        assert.equal(b.day_end_time, dayStartTs(w.to));
      }
      const owners = inWindow.flatMap((b) => (b.owner_filter as { userid_list: string[] }).userid_list);
      assert.deepEqual([...owners].sort(), [...server.owners].sort());
    }
    assert.deepEqual(result.owners, server.owners);
    assert.deepEqual(
      result.total.map((d) => d.date),
      listDays(window),
    );
    for (const day of result.total) {
      assert.equal(day.statTime, dayStartTs(day.date));
      assert.equal(dayFromTs(day.statTime), day.date);
      assert.deepEqual(day.data, dayTruth(server, server.owners, day.date), day.date);
    }
    assert.equal(result.perOwner, undefined);
    assert.deepEqual(progress.at(-1), { done: 19, total: 19 });
  });

  test('per owner: one request per owner and window; the total equals the sum of the series', async () => {
    const { client } = makeClient(server);
    const owners = ['zhangsan', 'lisi', 'a<b>&c', 'hu jun', 'wangfang'];
    const range = { from: window.from, to: listDays(window)[44] };
    const result = await client.getByDay({ ...range, owners, perOwner: true });
    assert.equal(server.counts()[WECOM_PATHS.byDay], 2 * owners.length);
    assert.ok(
      bodiesOf(server, WECOM_PATHS.byDay).every(
        (b) => (b.owner_filter as { userid_list: string[] }).userid_list.length === 1,
      ),
    );
    const series = result.perOwner;
    assert.ok(series);
    assert.deepEqual(Object.keys(series).sort(), [...owners].sort());
    for (const owner of owners) {
      assert.equal(series[owner].length, 45);
      for (const d of series[owner]) {
        assert.deepEqual(d.data, server.statsFor(owner, d.date), `${owner} ${d.date}`);
      }
    }
    // The same owner set fetched as one batch must agree with the per-owner sum.
    server.resetCounts();
    const batched = await client.getByDay({ ...range, owners });
    assert.equal(server.counts()[WECOM_PATHS.byDay], 2);
    assert.equal(batched.total.length, 45);
    batched.total.forEach((day, i) => {
      const sum = emptyStats();
      for (const owner of owners) {
        addStats(sum, series[owner][i].data);
      }
      assert.deepEqual(day.data, sum, day.date);
      assert.deepEqual(result.total[i], day);
    });
  });

  test('a single day and a range over the full window edge', async () => {
    const { client } = makeClient(server);
    const one = await client.getByDay({ from: window.to, to: window.to, owners: ['zhangsan'] });
    assert.equal(one.total.length, 1);
    assert.deepEqual(one.total[0].data, server.statsFor('zhangsan', window.to));
  });

  test('ranges outside the window, inverted, or with an empty owner id make no request', async () => {
    const { client } = makeClient(server);
    const before = listDays({ from: '2026-01-01', to: '2026-01-02' });
    for (const request of [
      { from: before[0], to: window.to },
      { from: window.to, to: window.from },
      { from: window.from, to: '2026-11-27' },
      { from: window.from, to: window.to, owners: [''] },
    ]) {
      const err = await rejectionOf(client.getByDay(request));
      assert.ok(err instanceof WeComError && err.kind === 'input', String(err));
    }
    assert.deepEqual(server.counts(), {});
  });

  test('an empty owner list gives no days and sends nothing', async () => {
    const { client } = makeClient(server);
    const result = await client.getByDay({ ...window, owners: [] });
    assert.deepEqual(result.total, []);
    assert.deepEqual(server.counts(), {});
  });
});
