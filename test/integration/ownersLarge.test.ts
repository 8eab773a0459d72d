/**
 * A corp with 5,000 group owners: the client batches the owner filter, and the view shows every
 * owner with the right figures, sorts and filters them, while the real tree renders it.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { startFakeWeComServer, type FakeWeComServer } from '../../src/demo/fakeServer';
import { COMMANDS } from '../../src/extension/commands/commandIds';
import type { WeComGroupStatsApi } from '../../src/extension/testApi';
import { cstYesterday } from '../../src/shared/days';
import { addStats, emptyStats } from '../../src/shared/metrics';
import {
  figuresFromRows,
  getApi,
  releaseHost,
  resetHostTo,
  setupCredentials,
  waitForState,
} from './support/wecomHost';

const OWNER_COUNT = 5000;

suite('Group Owners tree with 5,000 owners', () => {
  let api: WeComGroupStatsApi;
  let fake: FakeWeComServer;

  suiteSetup(async function () {
    this.timeout(60_000);
    api = await getApi();
    fake = await startFakeWeComServer({ ownerCount: OWNER_COUNT, seed: 11 });
    await resetHostTo(fake);
    await vscode.commands.executeCommand('wecomGroupStats.owners.focus');
    assert.ok(await setupCredentials(fake.corpId, fake.corpSecret));
    await waitForState(api, 'ready');
  });
  suiteTeardown(() => releaseHost(fake));

  test('every owner is shown once, and the summary is their sum', () => {
    const day = cstYesterday();
    const rows = api.rows();
    assert.strictEqual(rows.length, 1 + OWNER_COUNT);
    assert.strictEqual(new Set(rows.slice(1).map((r) => r.owner)).size, OWNER_COUNT);
    const total = emptyStats();
    for (const owner of fake.owners) {
      addStats(total, fake.statsFor(owner, day));
    }
    assert.deepStrictEqual(figuresFromRows(api.figures(undefined)), total);
    const last = fake.owners[OWNER_COUNT - 1];
    assert.deepStrictEqual(figuresFromRows(api.figures(last)), fake.statsFor(last, day));
  });

  test('sorting and filtering 5,000 rows', async () => {
    await vscode.commands.executeCommand(COMMANDS.sort, {
      metric: 'member_total',
      ascending: true,
    });
    const values = api
      .rows()
      .slice(1)
      .map((r) => figuresFromRows(api.figures(r.owner)).member_total);
    for (let i = 1; i < values.length; i++) {
      assert.ok(values[i - 1] <= values[i], `ascending at ${i}`);
    }
    const needle = fake.owners[4321];
    await vscode.commands.executeCommand(COMMANDS.filter, needle);
    const shown = api
      .rows()
      .slice(1)
      .map((r) => r.owner);
    assert.ok(shown.includes(needle));
    assert.ok(shown.every((o) => (o as string).toLowerCase().includes(needle.toLowerCase())));
    await vscode.commands.executeCommand(COMMANDS.clearFilter);
    assert.strictEqual(api.rows().length, 1 + OWNER_COUNT);
  });
});
