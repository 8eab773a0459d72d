/**
 * "Open Heatmap and Rankings" in a real extension host on demo data: the command with the
 * contract's arguments (owners, figure, tab) opens one panel whose webview asks the host; the
 * figures it showed (read through the test probe) are the owners asked for, in the drawn order,
 * yesterday's column equal to the tree's figures, and the rankings rank only those owners.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { INSIGHTS_TEST_PROBE_COMMAND } from '../../src/extension/insights/registration';
import type { InsightsTestProbe } from '../../src/extension/insights/insightsTypes';
import { INSIGHTS_VIEW_TYPE, OPEN_INSIGHTS_COMMAND } from '../../src/shared/insightsProtocol';
import type { WeComGroupStatsApi } from '../../src/extension/testApi';
import { until } from './support/chartHost';
import { closePanelsAndReset, startDemo } from './support/demoPanels';
import { figuresFromRows } from './support/wecomHost';

async function probe(): Promise<InsightsTestProbe> {
  return (await vscode.commands.executeCommand<InsightsTestProbe>(
    INSIGHTS_TEST_PROBE_COMMAND,
  )) as InsightsTestProbe;
}

suite('Heatmap and rankings panel (extension host, demo data)', function () {
  this.timeout(90_000);
  let api: WeComGroupStatsApi;

  suiteSetup(async () => {
    api = await startDemo();
  });
  suiteTeardown(async () => {
    await closePanelsAndReset(INSIGHTS_VIEW_TYPE);
  });

  test('the heatmap of five owners: their rows, drawn, yesterday’s column as the tree says', async () => {
    const owners = api
      .rows()
      .filter((r) => r.kind === 'owner')
      .slice(0, 5)
      .map((r) => r.owner as string);
    await vscode.commands.executeCommand(OPEN_INSIGHTS_COMMAND, {
      owners,
      metric: 'member_total',
      tab: 'heatmap',
    });
    const loads = await until('a heatmap load', async () =>
      (await probe()).loads.find((l) => l.tab === 'heatmap'),
    );
    assert.strictEqual(loads.outcome, 'ok');
    const draw = await until('the heatmap drawn', async () =>
      (await probe()).draws.find((d) => d.tab === 'heatmap'),
    );
    assert.deepStrictEqual([draw.rows, draw.cells], [5, 5 * 30]);
    const panel = (await probe()).panels[0];
    assert.match(panel.title, /^Heatmap and rankings: /);
    assert.strictEqual(panel.state.metric, 'member_total');
    const data = panel.heatmap;
    assert.ok(data, 'the panel showed a heatmap');
    assert.strictEqual(data.days.length, 30);
    assert.deepStrictEqual(data.rows.map((r) => r.owner.id).sort(), [...owners].sort());
    // Sorted by the figure, highest first: as-of, the value on the last present day.
    const order = data.rows.map((r) => r.sortValue ?? -1);
    assert.deepStrictEqual(
      order,
      [...order].sort((a, b) => b - a),
    );
    const yesterday = data.days.length - 1;
    for (const row of data.rows) {
      const tree = figuresFromRows(api.figures(row.owner.id));
      assert.strictEqual(row.values[yesterday], tree.member_total, row.owner.id);
      assert.strictEqual(row.cells.length, 30);
      assert.ok(!row.cells.includes('m'), `${row.owner.id}: every day stored (${row.cells})`);
    }
    assert.deepStrictEqual(data.missingDays, []);
  });

  test('the rankings tab, opened through the same command: only those owners, ranks 1…n with movements', async () => {
    const owners = api
      .rows()
      .filter((r) => r.kind === 'owner')
      .slice(0, 5)
      .map((r) => r.owner as string);
    const before = (await probe()).loads.filter((l) => l.tab === 'rankings').length;
    await vscode.commands.executeCommand(OPEN_INSIGHTS_COMMAND, {
      owners,
      metric: 'new_member_cnt',
      tab: 'rankings',
    });
    await until(
      'a rankings load',
      async () => (await probe()).loads.filter((l) => l.tab === 'rankings').length > before,
    );
    const panel = (await probe()).panels;
    assert.strictEqual(panel.length, 1, 'one panel, restarted with the new arguments');
    const data = await until('the rankings shown', async () => (await probe()).panels[0]?.rankings);
    assert.strictEqual(data.metric, 'new_member_cnt');
    assert.strictEqual(data.ranked, 5);
    assert.deepStrictEqual(
      data.top.map((i) => i.rank),
      [1, 2, 3, 4, 5],
    );
    const values = data.top.map((i) => i.value);
    assert.deepStrictEqual(
      values,
      [...values].sort((a, b) => b - a),
    );
    assert.ok(data.top.every((i) => owners.includes(i.owner.id)));
    assert.ok(data.top.every((i) => /^(↑\d+|↓\d+|=|new)$/.test(i.movement)));
    assert.deepStrictEqual(
      data.bottom.map((i) => i.owner.id),
      [...data.top].reverse().map((i) => i.owner.id),
    );
  });

  test('a bad argument is refused with a sentence; no panel restarts', async () => {
    const loads = (await probe()).loads.length;
    await vscode.commands.executeCommand(OPEN_INSIGHTS_COMMAND, { metric: 'nonsense' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.strictEqual((await probe()).loads.length, loads);
    assert.ok(
      api.logLines().some((line) => /bad argument: "metric" must be one of the eight figures/.test(line)),
    );
  });
});
