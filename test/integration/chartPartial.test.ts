/**
 * The by-day chart in a real extension host against a misbehaving WeCom: the fake server behind a
 * proxy (test/support/wecomProxy.ts) that leaves a day out of one owner batch, answers malformed
 * replies, or answers slowly. What the webview shows is read from its `shown` reports (state,
 * notices in words, Retry). Also: "All owners" is the `owners` setting when set, a sum of more
 * than 1,000 owners draws, and compare mode of 13 owners says it is capped.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { FakeWeComServer } from '../../src/demo/fakeServer';
import {
  CHART_TEST_TIMING_COMMAND,
  SHOW_BY_DAY_CHART_COMMAND,
  type ChartTestProbe,
} from '../../src/extension/chart/registration';
import type { OwnerTreeElement } from '../../src/extension/contracts';
import { addDays, dayStartTs, lastNDays } from '../../src/shared/days';
import { subjectKey, type ChartSubject } from '../../src/shared/chartState';
import { WECOM_PATHS } from '../../src/shared/wecomApi';
import { ownersOfBody, withoutDay, type WeComProxy } from '../support/wecomProxy';
import { closeCharts, owner, probe, startProxiedSignedInFake, until } from './support/chartHost';
import { getApi, resetHost, setSetting, waitForState } from './support/wecomHost';

const SUMMARY: OwnerTreeElement = { kind: 'summary' };

type Shown = ChartTestProbe['shown'][number];

/** The first `shown` report of `subject` after `seen` earlier ones that satisfies `ok`. */
async function shownWhere(subject: ChartSubject, seen: number, ok: (s: Shown) => boolean): Promise<Shown> {
  const key = subjectKey(subject);
  return until(`the chart of ${key} to show what was expected`, async () =>
    (await probe()).shown
      .filter((s) => s.subject === key)
      .slice(seen)
      .find(ok),
  );
}

async function shownCount(subject: ChartSubject): Promise<number> {
  const key = subjectKey(subject);
  return (await probe()).shown.filter((s) => s.subject === key).length;
}

suite('By-day chart: partial data, subjects and caps (extension host)', function () {
  this.timeout(90_000);
  let fake: FakeWeComServer;
  let proxy: WeComProxy;

  suiteSetup(async () => {
    // 1,100 owners: "All owners" takes 11 owner batches of 100 per window.
    ({ fake, proxy } = await startProxiedSignedInFake(await getApi(), { ownerCount: 1100, seed: 31 }));
  });
  suiteTeardown(async () => {
    await closeCharts().catch(() => undefined);
    await vscode.commands.executeCommand(CHART_TEST_TIMING_COMMAND, {});
    await resetHost();
    await proxy.close();
    await fake.close();
  });
  setup(() => {
    proxy.setRule(undefined);
    proxy.requests.length = 0;
  });
  teardown(async () => {
    proxy.setRule(undefined);
    await closeCharts();
  });

  const byDayRequests = () => proxy.requests.filter((r) => r.path === WECOM_PATHS.byDay);

  test('a day one owner batch leaves out: complete days drawn, the day named with Retry; reopened, whole', async () => {
    const range = lastNDays(30);
    const dropped = addDays(range.to, -4);
    const inSecondBatch = fake.owners[150]; // the follow-user list in its order: batch 2 is 100…199
    proxy.setRule((req) =>
      req.path === WECOM_PATHS.byDay && ownersOfBody(req.body).includes(inSecondBatch)
        ? { transform: withoutDay(dayStartTs(dropped)) }
        : undefined,
    );
    const subject: ChartSubject = { kind: 'all' };
    await vscode.commands.executeCommand(SHOW_BY_DAY_CHART_COMMAND, SUMMARY);
    const shown = await shownWhere(subject, 0, (s) => s.state !== 'loading');
    assert.strictEqual(shown.state, 'ready');
    assert.ok(
      shown.notices.includes(`WeCom did not report ${dropped} for every owner: not shown.`),
      JSON.stringify(shown.notices),
    );
    assert.strictEqual(shown.retry, true);
    // 1,100 owners × 28 days as atoms would be 308 calls against 11 for the sums: shown, not kept.
    const unstored = (n: number): string =>
      `Not kept in the history: ${n} day(s) were fetched as totals, since keeping every owner’s figures costs many more calls. Backfill History keeps them.`;
    // The dropped day is missing, not among the days shown.
    assert.ok(shown.notices.includes(unstored(27)), JSON.stringify(shown.notices));
    const draw = await until('the webview drew', async () =>
      (await probe()).draws.find((d) => d.subject === subjectKey(subject)),
    );
    assert.deepStrictEqual([draw.series, draw.points], [1, 30]);

    // WeCom has the day again: a reopen is whole (the sums were not kept, so they are asked again).
    proxy.setRule(undefined);
    await closeCharts();
    proxy.requests.length = 0;
    const seen = await shownCount(subject);
    await vscode.commands.executeCommand(SHOW_BY_DAY_CHART_COMMAND, SUMMARY);
    const whole = await shownWhere(subject, seen, (s) => s.state !== 'loading');
    assert.strictEqual(whole.state, 'ready');
    assert.deepStrictEqual(whole.notices, [unstored(28)]);
    const asked = byDayRequests();
    assert.strictEqual(asked.length, 11, 'one request per owner batch');
    for (const r of asked) {
      const body = r.body as { day_begin_time: number; day_end_time: number };
      // The two latest days are in the history (the tree's and the status bar's): the 28 before.
      assert.deepStrictEqual(
        [body.day_begin_time, body.day_end_time],
        [dayStartTs(range.from), dayStartTs(addDays(range.to, -2))],
      );
    }
  });

  test('malformed replies after the client retries: the error is shown with Retry, no spinner left', async () => {
    proxy.setRule((req) =>
      req.path === WECOM_PATHS.byDay ? { reply: { errcode: 0, errmsg: 'ok' } } : undefined,
    );
    const id = fake.owners[4];
    const subject: ChartSubject = { kind: 'owners', owners: [id] };
    await vscode.commands.executeCommand(SHOW_BY_DAY_CHART_COMMAND, owner(id), [owner(id)]);
    const shown = await shownWhere(subject, 0, (s) => s.state !== 'loading');
    assert.strictEqual(shown.state, 'error');
    assert.strictEqual(shown.retry, true);
    assert.ok(shown.notices.length >= 2, JSON.stringify(shown.notices));
    assert.ok(byDayRequests().length > 1, 'the client retried before giving up');
  });

  test('"All owners" is the owners setting when it is set, as in the tree', async () => {
    const chosen = [fake.owners[9], fake.owners[2], fake.owners[5]];
    await setSetting('owners', chosen);
    try {
      await waitForState(await getApi(), 'ready');
      proxy.requests.length = 0;
      const subject: ChartSubject = { kind: 'all' };
      const seen = await shownCount(subject);
      await vscode.commands.executeCommand(SHOW_BY_DAY_CHART_COMMAND, SUMMARY, undefined, {
        range: { kind: 'preset', days: 7 },
      });
      await shownWhere(subject, seen, (s) => s.state === 'ready');
      // Three owners' 6 days not yet stored: one by-day request per owner is the cheaper plan.
      const asked = byDayRequests();
      assert.strictEqual(asked.length, 3);
      assert.deepStrictEqual(asked.flatMap((r) => ownersOfBody(r.body)).sort(), [...chosen].sort());
      assert.ok(
        !proxy.requests.some((r) => r.path === WECOM_PATHS.followUsers),
        'the follow-user list is not asked',
      );
    } finally {
      await setSetting('owners', undefined);
    }
  });

  test('a sum of 1,050 selected owners draws (more than 1,000 used to leave the panel "starting")', async () => {
    const ids = fake.owners.slice(0, 1050);
    const subject: ChartSubject = { kind: 'owners', owners: ids };
    // 30 days: 28 not stored, whose atoms (308 calls) would cost far more than the sums (11).
    await vscode.commands.executeCommand(SHOW_BY_DAY_CHART_COMMAND, owner(ids[0]), ids.map(owner), {
      range: { kind: 'preset', days: 30 },
    });
    const shown = await shownWhere(subject, 0, (s) => s.state !== 'loading');
    assert.strictEqual(shown.state, 'ready');
    const draw = await until('the webview drew', async () =>
      (await probe()).draws.find((d) => d.subject === subjectKey(subject)),
    );
    assert.deepStrictEqual([draw.series, draw.points], [1, 30]);
    assert.strictEqual(byDayRequests().length, 11, '1,050 owners in batches of 100');
    assert.match((await probe()).panels[0].title, /^By day: [^,]+, [^,]+ and 1048 more$/);
  });

  test('compare mode of 13 owners says it shows at most 12, and draws their sum', async () => {
    const ids = fake.owners.slice(20, 33);
    const subject: ChartSubject = { kind: 'owners', owners: ids };
    await vscode.commands.executeCommand(SHOW_BY_DAY_CHART_COMMAND, owner(ids[0]), ids.map(owner), {
      range: { kind: 'preset', days: 7 },
      mode: 'compare',
    });
    const shown = await shownWhere(subject, 0, (s) => s.state === 'ready');
    assert.ok(
      shown.notices.includes(
        'One line per owner shows at most 12 owners; 13 are selected. Showing their sum instead.',
      ),
      JSON.stringify(shown.notices),
    );
    const draw = await until('the webview drew', async () =>
      (await probe()).draws.find((d) => d.subject === subjectKey(subject)),
    );
    assert.strictEqual(draw.series, 1);
    // Their sum from atoms: the 5 days before the two stored ones (the tree's yesterday, the
    // status bar's day before), one statistic call each.
    assert.strictEqual(byDayRequests().length, 0);
    assert.strictEqual(proxy.requests.filter((r) => r.path === WECOM_PATHS.statistic).length, 5);
  });

  test('a load longer than the webview would wait in silence succeeds: the host heartbeat keeps it waiting', async () => {
    // Heartbeat 200 ms: the webview gives up after 1 s of silence. Every by-day reply takes 2.5 s.
    await vscode.commands.executeCommand(CHART_TEST_TIMING_COMMAND, { heartbeatMs: 200 });
    proxy.setRule((req) => (req.path === WECOM_PATHS.byDay ? { delayMs: 2500 } : undefined));
    try {
      const id = fake.owners[6];
      const subject: ChartSubject = { kind: 'owners', owners: [id] };
      await vscode.commands.executeCommand(SHOW_BY_DAY_CHART_COMMAND, owner(id), [owner(id)]);
      const shown = await shownWhere(subject, 0, (s) => s.state !== 'loading');
      assert.strictEqual(shown.state, 'ready', JSON.stringify(shown.notices));
      const load = (await probe()).loads.find((l) => l.subject === subjectKey(subject));
      assert.ok(load && load.fetchMs >= 2500, `fetch took ${load?.fetchMs} ms`);
    } finally {
      await vscode.commands.executeCommand(CHART_TEST_TIMING_COMMAND, {});
    }
  });
});
