/**
 * The by-day chart in a real extension host against a fake WeCom server started here: the
 * command opens a webview panel whose script asks the host for figures; we count what reached
 * the server (windows, batches), prove a reopen costs nothing, and that closing cancels.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { FakeWeComServer } from '../../src/demo/fakeServer';
import { SHOW_BY_DAY_CHART_COMMAND, type ChartTestProbe } from '../../src/extension/chart/registration';
import type { OwnerTreeElement } from '../../src/extension/contracts';
import { addDays, dayStartTs, lastNDays, splitRange } from '../../src/shared/days';
import { subjectKey } from '../../src/shared/chartState';
import { WECOM_PATHS } from '../../src/shared/wecomApi';
import { closeCharts, owner, probe, startSignedInFake, until } from './support/chartHost';
import { getApi, releaseHost } from './support/wecomHost';

interface ByDayBody {
  readonly day_begin_time: number;
  readonly day_end_time: number;
  readonly owner_filter?: { readonly userid_list: string[] };
}

/** Waits for the next settled load of `subject` after `seen` earlier ones. */
async function nextLoad(subject: string, seen: number): Promise<ChartTestProbe['loads'][number]> {
  return until(
    `a load of ${subject}`,
    async () => (await probe()).loads.filter((l) => l.subject === subject)[seen],
  );
}

suite('By-day chart panel (extension host)', function () {
  this.timeout(60_000);
  let fake: FakeWeComServer;

  suiteSetup(async () => {
    fake = await startSignedInFake(await getApi(), { ownerCount: 10, seed: 11 });
  });
  suiteTeardown(async () => {
    await closeCharts().catch(() => undefined);
    await releaseHost(fake);
  });
  teardown(async () => {
    fake.setLatency(0);
    await closeCharts();
  });

  function byDayBodies(): ByDayBody[] {
    return fake
      .requests()
      .filter((r) => r.path === WECOM_PATHS.byDay)
      .map((r) => r.body as ByDayBody);
  }

  test('an owner: one 30-day window for that owner; the webview draws; a reopen costs zero requests', async () => {
    const id = fake.owners[0];
    assert.ok(fake.ownerNames[id], 'the first fake owner has a display name');
    const subject = subjectKey({ kind: 'owners', owners: [id] });
    fake.resetCounts();
    await vscode.commands.executeCommand(SHOW_BY_DAY_CHART_COMMAND, owner(id), [owner(id)]);
    const load = await nextLoad(subject, 0);
    assert.strictEqual(load.outcome, 'ok');
    const range = lastNDays(30);
    // The two latest days are in the history already (every owner's yesterday from the tree, the
    // day before from the status bar's change): the other 28 days are asked.
    assert.strictEqual(load.cachedDays, 2);
    assert.deepStrictEqual(byDayBodies(), [
      {
        day_begin_time: dayStartTs(range.from),
        day_end_time: dayStartTs(addDays(range.to, -2)),
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
    await vscode.commands.executeCommand(SHOW_BY_DAY_CHART_COMMAND, owner(id));
    assert.strictEqual((await probe()).panels.length, 1);

    await closeCharts();
    fake.resetCounts();
    await vscode.commands.executeCommand(SHOW_BY_DAY_CHART_COMMAND, owner(id));
    const again = await nextLoad(subject, 1);
    assert.strictEqual(again.outcome, 'ok');
    assert.strictEqual(again.cachedDays, 30);
    assert.strictEqual(fake.counts()[WECOM_PATHS.byDay] ?? 0, 0, 'reopening asked the server again');
  });

  test('three selected owners, 180 days, one line each: 6 windows per owner, each day not yet stored asked once', async () => {
    const ids = fake.owners.slice(3, 6);
    const subject = subjectKey({ kind: 'owners', owners: ids });
    fake.resetCounts();
    await vscode.commands.executeCommand(SHOW_BY_DAY_CHART_COMMAND, owner(ids[1]), ids.map(owner), {
      range: { kind: 'preset', days: 180 },
      mode: 'compare',
    });
    const load = await nextLoad(subject, 0);
    assert.strictEqual(load.outcome, 'ok');
    // The two latest days came with the tree and the status bar: each owner's other 178 days.
    const all = lastNDays(180);
    const windows = splitRange({ from: all.from, to: addDays(all.to, -2) });
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
    // The title names the owners (VS Code has no tab tooltip for a webview panel).
    const title = (await probe()).panels[0].title;
    assert.match(title, /^By day: /);
    for (const id of ids) {
      assert.ok(title.includes(fake.ownerNames[id] ?? id), `${title} names ${id}`);
    }
  });

  test('closing the panel cancels the in-flight fetch: the remaining windows are never asked', async () => {
    const subject = subjectKey({ kind: 'all' });
    fake.setLatency(1500);
    fake.resetCounts();
    await vscode.commands.executeCommand(
      SHOW_BY_DAY_CHART_COMMAND,
      { kind: 'summary' } satisfies OwnerTreeElement,
      undefined,
      {
        range: { kind: 'preset', days: 180 },
      },
    );
    await until('the first by-day request', async () => (fake.counts()[WECOM_PATHS.byDay] ?? 0) > 0);
    await closeCharts();
    const load = await nextLoad(subject, 0);
    assert.strictEqual(load.outcome, 'aborted');
    const asked = fake.counts()[WECOM_PATHS.byDay] ?? 0;
    // Long enough for every in-flight request to have been answered and any follow-up sent.
    await new Promise((resolve) => setTimeout(resolve, 3500));
    assert.strictEqual(fake.counts()[WECOM_PATHS.byDay] ?? 0, asked);
    assert.ok(asked < splitRange(lastNDays(180)).length, `asked ${asked} windows`);
  });
});
