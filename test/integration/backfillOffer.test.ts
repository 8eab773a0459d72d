/**
 * The first-use backfill offer inside the real extension host (issue 10): the question names the
 * call budget; [Not now] is not asked again for that corp; [Backfill] stores WeCom's 180 days; a
 * cancelled backfill keeps what it stored and the next one plans only the rest. The offer is off
 * under tests except here (a seam switch), and the answers come through the seam.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { startFakeWeComServer, type FakeWeComServer } from '../../src/demo/fakeServer';
import { COMMANDS } from '../../src/extension/commands/commandIds';
import { BACKFILL_COMMAND } from '../../src/extension/history/historySync';
import type { WeComGroupStatsApi } from '../../src/extension/testApi';
import { connectTo, getApi, resetHost, setupCredentials, waitFor } from './support/wecomHost';

const cst = (localTime: string) => Date.parse(`${localTime}+08:00`);
const OFFER = /^Backfill (\d+) days for 9 owners: (\d+) calls, about \d+ (s|min) at 4 in flight\./;

suite('History: the first-use backfill offer', function () {
  // A backfill of 180 days takes a few seconds alone; on a loaded machine, several times that.
  this.timeout(90_000);
  let api: WeComGroupStatsApi;
  const fakes: FakeWeComServer[] = [];
  const pinned = cst('2026-03-10T12:00:00');

  async function connectToNew(seed: number, latencyMs = 0): Promise<FakeWeComServer> {
    const fake = await startFakeWeComServer({ ownerCount: 9, seed, now: () => pinned, latencyMs });
    fakes.push(fake);
    await connectTo(api, fake);
    await api.whenBackfillIdle();
    return fake;
  }
  const offers = () => api.messages().filter((m) => OFFER.test(m.text));

  suiteSetup(async () => {
    api = await getApi();
    api.setNow(pinned);
  });
  suiteTeardown(async () => {
    api.setBackfillOffer(false);
    api.setNow(undefined);
    await resetHost();
    await Promise.all(fakes.map((fake) => fake.close()));
  });

  test('[Not now]: the budget was shown, nothing is backfilled, and the corp is not asked again', async () => {
    api.setBackfillOffer(true);
    api.answerNextQuestion('Not now');
    const before = offers().length;
    await connectToNew(41);
    const asked = offers().slice(before);
    assert.strictEqual(asked.length, 1, 'asked once');
    assert.deepStrictEqual(asked[0].buttons, ['Backfill', 'Not now']);
    const [, days, calls] = OFFER.exec(asked[0].text) ?? [];
    // The days the history lacks of WeCom's 180: the tree's day (and the status bar's) are stored.
    assert.ok(Number(days) >= 170 && Number(days) <= 180, asked[0].text);
    // 9 owners: one statistic_group_by_day series of ⌈180/30⌉ calls each beats a call per day.
    assert.ok(Number(calls) > 0 && Number(calls) <= 9 * 6, asked[0].text);
    assert.ok(((await api.historyDays())?.count ?? 0) < 10, 'nothing backfilled');

    await vscode.commands.executeCommand(COMMANDS.refresh);
    await api.whenIdle();
    await api.whenBackfillIdle();
    assert.strictEqual(offers().length, before + 1, 'not offered again for this corp');
  });

  test('[Backfill]: the days are stored and nothing is left to plan', async () => {
    api.answerNextQuestion('Backfill');
    const before = offers().length;
    await connectToNew(42);
    assert.strictEqual(offers().length, before + 1);
    const stored = await api.historyDays();
    assert.ok(stored && stored.count >= 179, JSON.stringify(stored));
    assert.strictEqual(await api.backfillPlanCalls(), 0);
    assert.match(api.messages()[api.messages().length - 1].text, /^History filled: /);
  });

  test('a cancelled backfill keeps what it stored; the next one plans only the rest', async () => {
    api.setBackfillOffer(false);
    await connectToNew(43, 150);
    const full = await api.backfillPlanCalls();
    assert.ok(full > 0);
    api.answerNextQuestion('Backfill');
    const run = vscode.commands.executeCommand(BACKFILL_COMMAND);
    let left = full;
    await waitFor(
      'part of the backfill stored',
      () => {
        void api.backfillPlanCalls().then((calls) => (left = calls));
        return left < full;
      },
      60_000,
    );
    api.cancelBackfill();
    await run;
    await api.whenBackfillIdle();
    assert.match(api.messages()[api.messages().length - 1].text, /^Backfill stopped\./);
    const rest = await api.backfillPlanCalls();
    assert.ok(rest > 0 && rest < full, `the plan shrank from ${full} to ${rest}`);

    api.answerNextQuestion('Backfill');
    await vscode.commands.executeCommand(BACKFILL_COMMAND);
    await api.whenBackfillIdle();
    assert.strictEqual(await api.backfillPlanCalls(), 0, 'resumed and finished');
  });
  test('a secret stored during a backfill does not close the store under it', async () => {
    const fake = await connectToNew(44, 150);
    api.answerNextQuestion('Backfill');
    const run = vscode.commands.executeCommand(BACKFILL_COMMAND);
    const full = await api.backfillPlanCalls();
    // The same WeCom secret stored again: a secret change, but not the history password's.
    assert.ok(await setupCredentials(fake.corpId, fake.corpSecret));
    await run;
    await api.whenBackfillIdle();
    const last = api.messages()[api.messages().length - 1];
    assert.match(last.text, /^History filled: /, `${last.text} (plan was ${full} calls)`);
    assert.strictEqual(await api.backfillPlanCalls(), 0);
  });
});
