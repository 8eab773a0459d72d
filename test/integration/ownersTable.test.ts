/**
 * The owners table in a real extension host, on demo data: opened by its command, it shows the
 * tree's owners and day, its totals equal the tree's summary row (also under the tree's filter),
 * the webview itself reports the same totals and draws only a window of rows, and it follows the
 * tree when the tree reloads another day.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/extension/commands/commandIds';
import {
  OPEN_OWNERS_TABLE_COMMAND,
  OWNERS_TABLE_TEST_PROBE_COMMAND,
  type OwnersTableProbe,
} from '../../src/extension/ownersTable/registration';
import type { WeComGroupStatsApi } from '../../src/extension/testApi';
import { addDays, cstYesterday } from '../../src/shared/days';
import { OWNERS_TABLE_VIEW_TYPE } from '../../src/shared/ownersTableProtocol';
import { until } from './support/chartHost';
import { closePanelsAndReset, panelTabs, startDemo } from './support/demoPanels';
import { figuresFromRows, waitForState } from './support/wecomHost';

async function probe(): Promise<OwnersTableProbe | undefined> {
  return vscode.commands.executeCommand<OwnersTableProbe | undefined>(OWNERS_TABLE_TEST_PROBE_COMMAND);
}

/** The tree's owner ids in its order (the summary row first is skipped). */
function treeOwners(api: WeComGroupStatsApi): string[] {
  return api
    .rows()
    .filter((row) => row.kind === 'owner')
    .map((row) => row.owner ?? '');
}

/** Waits until the webview has drawn `owners` rows with these totals. */
async function renderedWith(owners: number, totals: object): Promise<OwnersTableProbe> {
  return until(`the table drawn with ${owners} owners`, async () => {
    const p = await probe();
    const rendered = p?.rendered;
    return rendered?.shown === owners && JSON.stringify(rendered.totals) === JSON.stringify(totals)
      ? p
      : undefined;
  });
}

suite('Owners table', () => {
  let api: WeComGroupStatsApi;

  suiteSetup(async () => {
    api = await startDemo();
  });
  suiteTeardown(async () => {
    api.setNow(undefined);
    await closePanelsAndReset(OWNERS_TABLE_VIEW_TYPE);
  });

  test("opened by its command: the tree's owners, and totals equal to the tree's summary row", async () => {
    await vscode.commands.executeCommand(OPEN_OWNERS_TABLE_COMMAND);
    const summary = figuresFromRows(api.figures(undefined));
    const owners = treeOwners(api);
    assert.ok(owners.length >= 10, `demo owners: ${owners.length}`);
    const shown = await renderedWith(owners.length, summary);
    assert.strictEqual(panelTabs(OWNERS_TABLE_VIEW_TYPE).length, 1);
    assert.match(shown.title, new RegExp(cstYesterday(api.now())));
    assert.deepStrictEqual(shown.view?.totals.data, summary, 'the host model agrees with the tree');
    assert.deepStrictEqual(
      [...(shown.view?.rows.map((row) => row.owner) ?? [])].sort(),
      [...owners].sort(),
      'one row per owner of the tree',
    );
    // The default sort is the tree's default (total groups, largest first): the same order.
    assert.deepStrictEqual(shown.rendered?.firstOwners, owners.slice(0, 20));
    assert.ok((shown.rendered?.domRows ?? 0) > 0 && (shown.rendered?.domRows ?? 0) <= owners.length);
    // Opening again reveals the same panel.
    await vscode.commands.executeCommand(OPEN_OWNERS_TABLE_COMMAND);
    assert.strictEqual(panelTabs(OWNERS_TABLE_VIEW_TYPE).length, 1);
  });

  test("the tree's filter narrows the table, and its totals stay the summary row's", async () => {
    const all = treeOwners(api);
    const needle = all[0].slice(0, 3);
    await vscode.commands.executeCommand(COMMANDS.filter, needle);
    const filtered = treeOwners(api);
    assert.ok(filtered.length < all.length || filtered.length === all.length);
    const summary = figuresFromRows(api.figures(undefined));
    const shown = await renderedWith(filtered.length, summary);
    assert.deepStrictEqual(
      [...(shown.view?.rows.map((row) => row.owner) ?? [])].sort(),
      [...filtered].sort(),
    );
    await vscode.commands.executeCommand(COMMANDS.clearFilter);
    await renderedWith(all.length, figuresFromRows(api.figures(undefined)));
  });

  test('when the tree reloads another day, the open table follows', async () => {
    const yesterday = cstYesterday(api.now());
    api.setNow(api.now() + 86_400_000);
    await vscode.commands.executeCommand(COMMANDS.refresh);
    await waitForState(api, 'ready');
    const next = addDays(yesterday, 1);
    const summary = figuresFromRows(api.figures(undefined));
    const shown = await renderedWith(treeOwners(api).length, summary);
    assert.match(shown.title, new RegExp(next));
    // The day before is the previous day of the tree: stored by the first load, so a change is known.
    assert.ok(shown.view?.totals.change, 'the day before is in the history store: the totals show a change');
  });
});
