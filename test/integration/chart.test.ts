/**
 * The by-day chart in a real extension host against a fake WeCom server started here: the
 * command opens a webview panel whose script asks the host for figures; we count what reached
 * the server (windows, batches), prove a reopen costs nothing, and that closing cancels.
 */
import * as assert from 'assert';
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { startFakeWeComServer, type FakeWeComServer } from '../../src/demo/fakeServer';
import type { ChartTestProbe } from '../../src/extension/chart/registration';
import type { OwnerTreeElement } from '../../src/extension/contracts';
import type { WeComGroupStatsApi } from '../../src/extension/testApi';
import { dayStartTs, lastNDays, splitRange } from '../../src/shared/days';
import { CHART_VIEW_TYPE, subjectKey } from '../../src/shared/protocol';
import { getApi, resetHost, setSetting, setupCredentials, waitForState } from './support/wecomHost';

const SHOW = 'wecomGroupStats.showByDayChart';
const PROBE = 'wecomGroupStats.chart.testProbe';
const BY_DAY = '/cgi-bin/externalcontact/groupchat/statistic_group_by_day';

interface ByDayBody {
  readonly day_begin_time: number;
  readonly day_end_time: number;
  readonly owner_filter?: { readonly userid_list: string[] };
}

async function probe(): Promise<ChartTestProbe> {
  return (await vscode.commands.executeCommand<ChartTestProbe>(PROBE)) as ChartTestProbe;
}

async function until<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
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

/** Waits for the next settled load of `subject` after `seen` earlier ones. */
async function nextLoad(subject: string, seen: number): Promise<ChartTestProbe['loads'][number]> {
  return until(
    `a load of ${subject}`,
    async () => (await probe()).loads.filter((l) => l.subject === subject)[seen],
  );
}

function chartTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter(
      (tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(CHART_VIEW_TYPE),
    );
}

async function closeCharts(): Promise<void> {
  await vscode.window.tabGroups.close(chartTabs());
  await until('chart panels closed', async () => (await probe()).panels.length === 0);
}

function owner(id: string): OwnerTreeElement {
  return { kind: 'owner', owner: id };
}

suite('By-day chart panel (extension host)', function () {
  this.timeout(60_000);
  let api: WeComGroupStatsApi;
  let fake: FakeWeComServer;

  suiteSetup(async () => {
    api = await getApi();
    // A corp of its own, so no other suite's cached days can answer for this one.
    fake = await startFakeWeComServer({
      ownerCount: 10,
      seed: 11,
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
  teardown(async () => {
    fake.setLatency(0);
    await closeCharts();
  });

  function byDayBodies(): ByDayBody[] {
    return fake
      .requests()
      .filter((r) => r.path === BY_DAY)
      .map((r) => r.body as ByDayBody);
  }

  test('an owner: one 30-day window for that owner; the webview draws; a reopen costs zero requests', async () => {
    const id = fake.owners[0];
    assert.ok(fake.ownerNames[id], 'the first fake owner has a display name');
    const subject = subjectKey({ kind: 'owners', owners: [id] });
    fake.resetCounts();
    await vscode.commands.executeCommand(SHOW, owner(id), [owner(id)]);
    const load = await nextLoad(subject, 0);
    assert.strictEqual(load.outcome, 'ok');
    const range = lastNDays(30);
    assert.deepStrictEqual(byDayBodies(), [
      {
        day_begin_time: dayStartTs(range.from),
        day_end_time: dayStartTs(range.to),
        owner_filter: { userid_list: [id] },
      },
    ]);
    const draw = await until('the webview drew', async () =>
      (await probe()).draws.find((d) => d.subject === subject),
    );
    assert.deepStrictEqual([draw.series, draw.points], [1, 30]);
    const panels = (await probe()).panels;
    assert.strictEqual(panels.length, 1);
    assert.strictEqual(panels[0].title, `By day: ${fake.ownerNames[id]}`);

    // Same subject again: the open panel is revealed, nothing is fetched.
    await vscode.commands.executeCommand(SHOW, owner(id));
    assert.strictEqual((await probe()).panels.length, 1);

    await closeCharts();
    fake.resetCounts();
    await vscode.commands.executeCommand(SHOW, owner(id));
    const again = await nextLoad(subject, 1);
    assert.strictEqual(again.outcome, 'ok');
    assert.strictEqual(again.cachedDays, 30);
    assert.strictEqual(fake.counts()[BY_DAY] ?? 0, 0, 'reopening asked the server again');
  });

  test('three selected owners, 180 days, one line each: 6 windows per owner, each day asked once', async () => {
    const ids = fake.owners.slice(3, 6);
    const subject = subjectKey({ kind: 'owners', owners: ids });
    fake.resetCounts();
    await vscode.commands.executeCommand(SHOW, owner(ids[1]), ids.map(owner), {
      range: { kind: 'preset', days: 180 },
      mode: 'compare',
    });
    const load = await nextLoad(subject, 0);
    assert.strictEqual(load.outcome, 'ok');
    const windows = splitRange(lastNDays(180));
    const bodies = byDayBodies();
    assert.strictEqual(bodies.length, ids.length * windows.length);
    for (const id of ids) {
      const mine = bodies.filter(
        (b) => b.owner_filter?.userid_list.length === 1 && b.owner_filter.userid_list[0] === id,
      );
      assert.deepStrictEqual(
        mine.map((b) => [b.day_begin_time, b.day_end_time]).sort((a, b) => a[0] - b[0]),
        windows.map((w) => [dayStartTs(w.from), dayStartTs(w.to)]),
        id,
      );
    }
    const draw = await until('the webview drew', async () =>
      (await probe()).draws.find((d) => d.subject === subject),
    );
    assert.deepStrictEqual([draw.series, draw.points], [3, 3 * 180]);
    assert.strictEqual((await probe()).panels[0].title, 'By day: 3 owners');
  });

  test('closing the panel cancels the in-flight fetch: the remaining windows are never asked', async () => {
    const subject = subjectKey({ kind: 'all' });
    fake.setLatency(1500);
    fake.resetCounts();
    await vscode.commands.executeCommand(SHOW, { kind: 'summary' } satisfies OwnerTreeElement, undefined, {
      range: { kind: 'preset', days: 180 },
    });
    await until('the first by-day request', async () => (fake.counts()[BY_DAY] ?? 0) > 0);
    await closeCharts();
    const load = await nextLoad(subject, 0);
    assert.strictEqual(load.outcome, 'aborted');
    const asked = fake.counts()[BY_DAY] ?? 0;
    // Long enough for every in-flight request to have been answered and any follow-up sent.
    await new Promise((resolve) => setTimeout(resolve, 3500));
    assert.strictEqual(fake.counts()[BY_DAY] ?? 0, asked);
    assert.ok(asked < splitRange(lastNDays(180)).length, `asked ${asked} windows`);
  });
});
