/**
 * The heatmap and rankings loader against the fake server and a real embedded store: the call
 * count is asked first above the chart's threshold (no call made), "stored only" never calls,
 * a fetch fills the store, the heatmap reads exactly what the server said, a stopped fetch keeps
 * what it stored, and the rankings match the analysis module's over the stored atoms.
 */
import * as assert from 'node:assert/strict';
import type { FakeWeComServer } from '../../../src/demo/fakeServer';
import { rankOwners, rankRange } from '../../../src/analysis/rank';
import { heatmapRange } from '../../../src/analysis/heatmap';
import {
  CONFIRM_CALLS,
  fetchMissing,
  readHeatmap,
  readRankings,
} from '../../../src/extension/insights/insightsLoader';
import { addDays, lastNDays, listDays } from '../../../src/shared/days';
import { WECOM_PATHS } from '../../../src/shared/wecomApi';
import { FIXED_NOW, makeClient, startServer } from '../wecom/support';
import { scopeOfServer, storePerTest } from '../chart/loaderSupport';

suite('insights loader against the fake server and a real store', () => {
  let server: FakeWeComServer;
  const clock = (): number => FIXED_NOW;
  const stores = storePerTest();

  suiteSetup(async () => {
    server = await startServer({ ownerCount: 12, now: clock });
  });
  suiteTeardown(() => server.close());
  setup(() => {
    server.setFaults({});
    server.setLatency(0);
    server.resetCounts();
  });

  function source() {
    const { client } = makeClient(server, { now: clock });
    return { store: stores.get(), scope: scopeOfServer(server), client, now: clock };
  }
  const calls = (): number =>
    (server.counts()[WECOM_PATHS.statistic] ?? 0) + (server.counts()[WECOM_PATHS.byDay] ?? 0);

  test('above the threshold the count is asked first and nothing is called; "no" never calls', async () => {
    // 12 owners × 180 days: the cheaper way is 12 × 6 windows, 72 calls.
    const range = heatmapRange(lastNDays(180, FIXED_NOW));
    const ask = await fetchMissing(source(), range, server.owners, { choice: 'ask' });
    assert.ok('kind' in ask && ask.kind === 'confirm', JSON.stringify(ask));
    assert.ok(ask.calls > CONFIRM_CALLS, `${ask.calls} calls`);
    assert.equal(ask.owners, 12);
    const none = await fetchMissing(source(), range, server.owners, { choice: 'no' });
    assert.deepEqual(none, { calls: 0, stopped: false });
    assert.equal(calls(), 0);
  });

  test('a fetch fills the store; the heatmap reads the server’s figures; a second load costs nothing', async () => {
    const range = lastNDays(7, FIXED_NOW);
    const owners = server.owners.slice(0, 5);
    const first = await fetchMissing(source(), heatmapRange(range), owners, { choice: 'ask' });
    // The cheaper way: one statistic_group_by_day call per owner (8 days fit one window).
    assert.deepEqual(first, { calls: 5, stopped: false });
    const again = await fetchMissing(source(), heatmapRange(range), owners, { choice: 'ask' });
    assert.deepEqual(again, { calls: 0, stopped: false });
    const matrix = await readHeatmap(stores.get(), scopeOfServer(server), {
      range,
      owners,
      metric: 'member_total',
      sortBy: 'member_total',
      ascending: false,
    });
    assert.deepEqual(matrix.missingDays, []);
    for (const row of matrix.rows) {
      const truth = listDays(range).map((day) => server.statsFor(row.owner, day).member_total);
      assert.deepEqual(row.values, truth, row.owner);
      const before = server.statsFor(row.owner, addDays(range.from, -1)).member_total;
      assert.equal(row.changes[0], truth[0] - before);
    }
    const order = matrix.rows.map((r) => r.sortValue as number);
    assert.deepEqual(
      order,
      [...order].sort((a, b) => b - a),
    );
  });

  test('a stopped fetch keeps what it stored and says it stopped', async () => {
    const range = lastNDays(30, FIXED_NOW);
    const controller = new AbortController();
    server.setLatency(50);
    const stopped = await fetchMissing(source(), range, server.owners, {
      choice: 'yes',
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done >= 3) {
          controller.abort();
        }
      },
    });
    assert.ok(!('kind' in stopped) && stopped.stopped, JSON.stringify(stopped));
    const matrix = await readHeatmap(stores.get(), scopeOfServer(server), {
      range,
      owners: server.owners,
      metric: 'chat_total',
      sortBy: 'chat_total',
      ascending: false,
    });
    // One call per owner: the owners fetched before the stop have every day, the others none.
    const whole = matrix.rows.filter((r) => !r.cells.includes('m')).length;
    assert.ok(whole >= 3 && whole < 12, `${whole} owners stored`);
    assert.deepEqual(matrix.missingDays, listDays(range));
  });

  test('rankings: as the analysis module ranks the stored atoms; top and bottom lists; no gaps', async () => {
    const range = lastNDays(7, FIXED_NOW);
    await fetchMissing(source(), rankRange(range), server.owners, { choice: 'yes' });
    const read = await readRankings(stores.get(), scopeOfServer(server), {
      metric: 'new_member_cnt',
      range,
      owners: server.owners,
      topN: 3,
    });
    const atoms = await stores.get().getAtoms(scopeOfServer(server), rankRange(range));
    const expected = rankOwners(atoms, { metric: 'new_member_cnt', range, owners: server.owners });
    assert.deepEqual(read.top, expected.slice(0, 3));
    assert.deepEqual(read.bottom, expected.slice(-3).reverse());
    assert.equal(read.ranked, 12);
    assert.deepEqual(read.previous, { from: addDays(range.from, -7), to: addDays(range.from, -1) });
    assert.deepEqual([read.missingDays, read.provisionalDays], [[], []]);
  });
});
