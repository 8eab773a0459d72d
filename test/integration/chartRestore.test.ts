/**
 * The chart panel's host-side state in a real extension host: a revived panel takes the host's
 * copy of its latest UI state over an older one the webview saved, and its title follows the
 * ownerNames setting while it is open.
 */
import * as assert from 'assert';
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { startFakeWeComServer, type FakeWeComServer } from '../../src/demo/fakeServer';
import type { ChartTestProbe } from '../../src/extension/chart/registration';
import type { OwnerTreeElement } from '../../src/extension/contracts';
import { addDays, cstYesterday, dayStartTs } from '../../src/shared/days';
import type { ChartUiState, RangeChoice } from '../../src/shared/protocol';
import { CHART_VIEW_TYPE, defaultUiState, subjectKey } from '../../src/shared/protocol';
import { getApi, resetHost, setSetting, setupCredentials, waitForState } from './support/wecomHost';

const SHOW = 'wecomGroupStats.showByDayChart';
const PROBE = 'wecomGroupStats.chart.testProbe';
const REVIVE = 'wecomGroupStats.chart.testRevive';
const BY_DAY = '/cgi-bin/externalcontact/groupchat/statistic_group_by_day';

async function probe(): Promise<ChartTestProbe> {
  return (await vscode.commands.executeCommand<ChartTestProbe>(PROBE)) as ChartTestProbe;
}

async function until<T>(what: string, check: () => Promise<T | undefined | false>): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function closeCharts(): Promise<void> {
  const tabs = vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter(
      (tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(CHART_VIEW_TYPE),
    );
  await vscode.window.tabGroups.close(tabs);
  await until('chart panels closed', async () => (await probe()).panels.length === 0);
}

function owner(id: string): OwnerTreeElement {
  return { kind: 'owner', owner: id };
}

suite('By-day chart panel: restored state and live title (extension host)', function () {
  this.timeout(60_000);
  let fake: FakeWeComServer;

  suiteSetup(async () => {
    const api = await getApi();
    fake = await startFakeWeComServer({
      ownerCount: 6,
      seed: 21,
      corpId: `ww${randomBytes(8).toString('hex')}`,
    });
    await resetHost();
    await setSetting('apiBaseUrl', fake.url);
    await setSetting('ownerNames', fake.ownerNames);
    assert.ok(await setupCredentials(fake.corpId, fake.corpSecret));
    await waitForState(api, 'ready');
  });
  suiteTeardown(async () => {
    await closeCharts().catch(() => undefined);
    await resetHost();
    await fake.close();
  });
  teardown(() => closeCharts());

  test('a revived panel uses the host copy of its latest range, not an older state the webview saved', async () => {
    const id = fake.owners[2];
    const subject = { kind: 'owners', owners: [id] } as const;
    const yesterday = cstYesterday();
    const latest: RangeChoice = { kind: 'custom', from: addDays(yesterday, -12), to: addDays(yesterday, -4) };
    await vscode.commands.executeCommand(SHOW, owner(id), [owner(id)], { range: latest, view: 'table' });
    await until('the panel opened with the custom range', async () => {
      const panel = (await probe()).panels[0];
      return panel?.state.range.kind === 'custom';
    });
    const key = subjectKey(subject);
    await until('the first draw', async () => (await probe()).draws.some((d) => d.subject === key));

    // What a browser reload may hand the serializer: the webview's older, default state.
    const stale: ChartUiState = defaultUiState(subject);
    const drawsBefore = (await probe()).draws.length;
    fake.resetCounts();
    await vscode.commands.executeCommand(REVIVE, stale);
    const revived = await until('the revived panel', async () => (await probe()).panels[0]);
    assert.deepStrictEqual(revived.state.range, latest);
    assert.strictEqual(revived.state.view, 'table');
    assert.strictEqual(revived.title, `By day: ${fake.ownerNames[id]}`);
    // The revived webview asked for the restored range: 9 days, one line (not the stale 30 days).
    const draw = await until('the revived webview drew', async () =>
      (await probe()).draws.slice(drawsBefore).find((d) => d.subject === key),
    );
    assert.deepStrictEqual([draw.series, draw.points], [1, 9]);
    const asked = fake.requests().filter((r) => r.path === BY_DAY);
    for (const request of asked) {
      const body = request.body as { day_begin_time: number };
      assert.ok(body.day_begin_time >= dayStartTs(latest.from), 'no request outside the restored range');
    }
  });

  test('the title follows the ownerNames setting while the panel is open', async () => {
    const id = fake.owners[1];
    await vscode.commands.executeCommand(SHOW, owner(id), [owner(id)]);
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
