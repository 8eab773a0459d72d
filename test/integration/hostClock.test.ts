/**
 * Time is an input: with the host's clock pinned (test API `setNow`, Test mode only) and the fake
 * server on the same clock, "yesterday" and the provisional marker follow the pinned time on both
 * sides of 10:00 CST and of midnight CST, whatever the hour the suite runs at.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { startFakeWeComServer, type FakeWeComServer } from '../../src/demo/fakeServer';
import { COMMANDS } from '../../src/extension/commands/commandIds';
import type { WeComGroupStatsApi } from '../../src/extension/testApi';
import { addStats, emptyStats } from '../../src/shared/metrics';
import {
  figuresFromRows,
  getApi,
  releaseHost,
  resetHostTo,
  setupCredentials,
  waitForState,
} from './support/wecomHost';

/** A CST wall-clock time as ms since epoch. */
function cst(localTime: string): number {
  return Date.parse(`${localTime}+08:00`);
}

const PROVISIONAL_NOTE = "Yesterday's figures may still change until about 10:00 CST.";

const CASES = [
  { at: '2026-03-10T09:59:00', yesterday: '2026-03-09', provisional: true },
  { at: '2026-03-10T10:01:00', yesterday: '2026-03-09', provisional: false },
  { at: '2026-03-10T23:59:00', yesterday: '2026-03-09', provisional: false },
  { at: '2026-03-11T00:01:00', yesterday: '2026-03-10', provisional: true },
] as const;

suite('Host clock: yesterday and provisional follow the pinned time', () => {
  let api: WeComGroupStatsApi;
  let fake: FakeWeComServer;
  let pinned = cst(CASES[0].at);

  suiteSetup(async () => {
    api = await getApi();
    api.setNow(pinned);
    fake = await startFakeWeComServer({ ownerCount: 6, seed: 17, now: () => pinned });
    await resetHostTo(fake);
    assert.ok(await setupCredentials(fake.corpId, fake.corpSecret));
    await waitForState(api, 'ready');
  });
  suiteTeardown(async () => {
    api.setNow(undefined);
    await releaseHost(fake);
  });

  for (const { at, yesterday, provisional } of CASES) {
    test(`at ${at} CST yesterday is ${yesterday}, ${provisional ? 'provisional' : 'final'}`, async () => {
      pinned = cst(at);
      api.setNow(pinned);
      assert.strictEqual(api.now(), pinned);
      await vscode.commands.executeCommand(COMMANDS.refresh);
      await api.whenIdle();
      assert.strictEqual(api.state(), 'ready');

      const [summary, ...owners] = api.rows();
      const asOf = provisional ? `as of ${yesterday} CST (provisional)` : `as of ${yesterday} CST`;
      assert.ok(summary.description.endsWith(` · ${asOf}`), summary.description);
      assert.strictEqual(summary.tooltip.includes(PROVISIONAL_NOTE), provisional, summary.tooltip);
      assert.ok(summary.tooltip.includes(`\n${asOf}\n`), summary.tooltip);

      // The tree's figures are the server's for that day, per owner and summed.
      const total = emptyStats();
      for (const owner of fake.owners) {
        addStats(total, fake.statsFor(owner, yesterday));
      }
      assert.deepStrictEqual(figuresFromRows(api.figures(undefined)), total);
      const first = owners[0];
      assert.ok(first.owner, 'an owner row');
      assert.deepStrictEqual(
        figuresFromRows(api.figures(first.owner)),
        fake.statsFor(first.owner, yesterday),
      );
      assert.ok(first.tooltip.includes(`\n${asOf}\n`), first.tooltip);
    });
  }
});
