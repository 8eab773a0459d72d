/**
 * The chart panel's state in a real extension host: a revived panel takes the UI state the webview
 * saved with `setState`, and its title follows the ownerNames setting while it is open.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { FakeWeComServer } from '../../src/demo/fakeServer';
import { CHART_TEST_REVIVE_COMMAND, SHOW_BY_DAY_CHART_COMMAND } from '../../src/extension/chart/registration';
import { addDays, cstYesterday, dayStartTs } from '../../src/shared/days';
import type { ChartUiState } from '../../src/shared/chartState';
import { defaultUiState, subjectKey } from '../../src/shared/chartState';
import { WECOM_PATHS } from '../../src/shared/wecomApi';
import { closeCharts, owner, probe, startSignedInFake, until } from './support/chartHost';
import { getApi, releaseHost, setSetting } from './support/wecomHost';

suite('By-day chart panel: restored state and live title (extension host)', function () {
  this.timeout(60_000);
  let fake: FakeWeComServer;

  suiteSetup(async () => {
    fake = await startSignedInFake(await getApi(), { ownerCount: 6, seed: 21 });
  });
  suiteTeardown(async () => {
    await closeCharts().catch(() => undefined);
    await releaseHost(fake);
  });
  teardown(() => closeCharts());

  test('a revived panel takes the state the webview saved: its range, view and subject', async () => {
    const id = fake.owners[2];
    const subject = { kind: 'owners', owners: [id] } as const;
    const yesterday = cstYesterday();
    const saved: ChartUiState = {
      ...defaultUiState(subject),
      range: { kind: 'custom', from: addDays(yesterday, -12), to: addDays(yesterday, -4) },
      view: 'table',
    };
    const key = subjectKey(subject);
    fake.resetCounts();
    // What the serializer is handed after a reload: the webview's last `setState`.
    await vscode.commands.executeCommand(CHART_TEST_REVIVE_COMMAND, saved);
    const revived = await until('the revived panel', async () => (await probe()).panels[0]);
    assert.deepStrictEqual(revived.state.range, saved.range);
    assert.strictEqual(revived.state.view, 'table');
    assert.strictEqual(revived.title, `By day: ${fake.ownerNames[id]}`);
    // The revived webview asked for the restored range: 9 days, one line (not the default 30 days).
    const draw = await until('the revived webview drew', async () =>
      (await probe()).draws.find((d) => d.subject === key),
    );
    assert.deepStrictEqual([draw.series, draw.points], [1, 9]);
    const from = saved.range.kind === 'custom' ? saved.range.from : '';
    for (const request of fake.requests().filter((r) => r.path === WECOM_PATHS.byDay)) {
      const body = request.body as { day_begin_time: number };
      assert.ok(body.day_begin_time >= dayStartTs(from), 'no request outside the restored range');
    }
  });

  test('the title follows the ownerNames setting while the panel is open', async () => {
    const id = fake.owners[1];
    await vscode.commands.executeCommand(SHOW_BY_DAY_CHART_COMMAND, owner(id), [owner(id)]);
    await until(
      'the panel',
      async () => (await probe()).panels[0]?.title === `By day: ${fake.ownerNames[id]}`,
    );
    try {
      await setSetting('ownerNames', { ...fake.ownerNames, [id]: 'Renamed <&> "owner"' });
      const renamed = await until('the new title', async () =>
        (await probe()).panels.find((p) => p.title === 'By day: Renamed <&> "owner"'),
      );
      assert.ok(renamed);
      await setSetting('ownerNames', {});
      await until('the id as title', async () =>
        (await probe()).panels.find((p) => p.title === `By day: ${id}`),
      );
    } finally {
      await setSetting('ownerNames', fake.ownerNames);
    }
  });
});
