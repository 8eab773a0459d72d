/**
 * The chart's new figures in a real extension host, on a pinned clock (08:00 CST, so yesterday is
 * provisional whatever the hour the suite runs at): a week view draws one point per ISO week the
 * range meets and no average line (averages are of days); a day view with the 7-day average draws
 * a second line; the host reports yesterday as provisional; and a provisional day fetched again
 * with other figures comes back as a revised day (the store keeps the earlier value).
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { periodsCovering } from '../../src/analysis/periods';
import type { FakeWeComServer } from '../../src/demo/fakeServer';
import { SHOW_BY_DAY_CHART_COMMAND, type ChartTestProbe } from '../../src/extension/chart/registration';
import type { WeComGroupStatsApi } from '../../src/extension/testApi';
import { subjectKey } from '../../src/shared/chartState';
import { dayStartTs, lastNDays } from '../../src/shared/days';
import { WECOM_PATHS } from '../../src/shared/wecomApi';
import { ownersOfBody, type WeComProxy } from '../support/wecomProxy';
import { closeCharts, owner, probe, startProxiedSignedInFake, until } from './support/chartHost';
import { getApi, resetHost } from './support/wecomHost';

function cst(localTime: string): number {
  return Date.parse(`${localTime}+08:00`);
}

/** How many loads and draws of `subject` the host has seen so far (other suites may chart the same ids). */
async function seenOf(subject: string): Promise<{ loads: number; draws: number }> {
  const p = await probe();
  return {
    loads: p.loads.filter((l) => l.subject === subject).length,
    draws: p.draws.filter((d) => d.subject === subject).length,
  };
}

async function loadOf(subject: string, seen: number): Promise<ChartTestProbe['loads'][number]> {
  return until(
    `load ${seen} of ${subject}`,
    async () => (await probe()).loads.filter((l) => l.subject === subject)[seen],
  );
}

async function drawOf(subject: string, seen: number): Promise<ChartTestProbe['draws'][number]> {
  return until(
    `draw ${seen} of ${subject}`,
    async () => (await probe()).draws.filter((d) => d.subject === subject)[seen],
  );
}

suite('By-day chart: weeks, the 7-day average, provisional and revised days (extension host)', function () {
  this.timeout(90_000);
  let api: WeComGroupStatsApi;
  let fake: FakeWeComServer;
  let proxy: WeComProxy;
  let pinned = cst('2026-03-10T08:00:00');

  suiteSetup(async () => {
    api = await getApi();
    api.setNow(pinned);
    ({ fake, proxy } = await startProxiedSignedInFake(api, { ownerCount: 4, seed: 23, now: () => pinned }));
  });
  suiteTeardown(async () => {
    await closeCharts().catch(() => undefined);
    api.setNow(undefined);
    await resetHost();
    await proxy.close();
    await fake.close();
  });
  teardown(async () => {
    proxy.setRule(undefined);
    await closeCharts();
  });

  test('weeks: one point per ISO week the 30 days meet, no average line; yesterday reported provisional', async () => {
    const id = fake.owners[0];
    const subject = subjectKey({ kind: 'owners', owners: [id] });
    const seen = await seenOf(subject);
    await vscode.commands.executeCommand(SHOW_BY_DAY_CHART_COMMAND, owner(id), [owner(id)], {
      range: { kind: 'preset', days: 30 },
      granularity: 'week',
      movingAverage: true,
    });
    const load = await loadOf(subject, seen.loads);
    assert.strictEqual(load.outcome, 'ok');
    assert.strictEqual(load.provisionalDays, 1, 'yesterday, fetched at 08:00 CST, may still change');
    assert.strictEqual(load.revisedDays, 0);
    const weeks = periodsCovering(lastNDays(30, pinned), 'week').length;
    assert.ok(weeks === 5 || weeks === 6, `${weeks} weeks`);
    const draw = await drawOf(subject, seen.draws);
    assert.deepStrictEqual([draw.series, draw.points], [1, weeks]);
    assert.strictEqual((await probe()).panels[0].state.granularity, 'week');
  });

  test('days with the 7-day average: a second line; a provisional day fetched again with new figures is revised', async () => {
    const id = fake.owners[1];
    const subject = subjectKey({ kind: 'owners', owners: [id] });
    const options = { range: { kind: 'preset', days: 30 }, movingAverage: true };
    const seen = await seenOf(subject);
    await vscode.commands.executeCommand(SHOW_BY_DAY_CHART_COMMAND, owner(id), [owner(id)], options);
    assert.strictEqual((await loadOf(subject, seen.loads)).revisedDays, 0);
    const draw = await drawOf(subject, seen.draws);
    assert.deepStrictEqual([draw.series, draw.points], [2, 2 * 30]);
    await closeCharts();

    // 90 minutes later (still before 10:00 CST) yesterday is asked again, and WeCom has changed it.
    const yesterday = lastNDays(1, pinned).to;
    const statTime = dayStartTs(yesterday);
    // Whichever way the planner asks (the owner's by-day series, or every owner's statistic of the day).
    const bump = (data: Record<string, number>) => ({ ...data, chat_total: data.chat_total + 7 });
    proxy.setRule((request) => {
      if (request.path === WECOM_PATHS.byDay && ownersOfBody(request.body).includes(id)) {
        return {
          transform: (reply) => ({
            ...reply,
            items: (reply.items as { stat_time: number; data: Record<string, number> }[]).map((item) =>
              item.stat_time === statTime ? { ...item, data: bump(item.data) } : item,
            ),
          }),
        };
      }
      const day = (request.body as { day_begin_time?: number } | undefined)?.day_begin_time;
      if (request.path === WECOM_PATHS.statistic && day === statTime) {
        return {
          transform: (reply) => ({
            ...reply,
            items: (reply.items as { owner: string; data: Record<string, number> }[]).map((item) =>
              item.owner === id ? { ...item, data: bump(item.data) } : item,
            ),
          }),
        };
      }
      return undefined;
    });
    pinned += 90 * 60_000;
    api.setNow(pinned);
    await vscode.commands.executeCommand(SHOW_BY_DAY_CHART_COMMAND, owner(id), [owner(id)], options);
    const again = await loadOf(subject, seen.loads + 1);
    assert.strictEqual(again.outcome, 'ok');
    assert.strictEqual(again.revisedDays, 1, 'yesterday is marked revised');
  });
});
