/**
 * End to end, from the installed .vsix in a real VS Code (code-server + Chromium): open the
 * WeCom view, set up credentials by typing them into the real prompts, see the owners with
 * their totals, sort and filter them. Screenshots go to test-results/screenshots/owners-*.png.
 */
import * as assert from 'assert';
import { startFakeWeComServer, type FakeWeComServer } from '../../src/demo/fakeServer';
import { cstYesterday } from '../../src/shared/days';
import { compareByFigure, type MetricKey } from '../../src/shared/metrics';
import { Workbench } from './harness';
import { ownerRows, widenSideBar } from './owners-steps';

function ordered(fake: FakeWeComServer, metric: MetricKey, ascending: boolean): string[] {
  const day = cstYesterday();
  // The view's own comparator (unit-tested in test/unit/shared/metrics.test.ts), ties by id.
  return [...fake.owners].sort(
    (a, b) =>
      compareByFigure(fake.statsFor(a, day)[metric], fake.statsFor(b, day)[metric], ascending) ||
      (a < b ? -1 : a > b ? 1 : 0),
  );
}

suite('E2E: Group Owners from the installed .vsix', function () {
  this.timeout(180_000);
  let fake: FakeWeComServer;
  let wb: Workbench;

  suiteSetup(async () => {
    fake = await startFakeWeComServer({ ownerCount: 12, seed: 5 });
    wb = await Workbench.start({ settings: { 'wecomGroupStats.apiBaseUrl': fake.url } });
  });
  suiteTeardown(async () => {
    await wb?.close();
    await fake?.close();
  });

  test('welcome, set up credentials by typing, owners with totals, sort, filter', async () => {
    const day = cstYesterday();
    await wb.clickActivity('WeCom');
    await widenSideBar(wb, 620);
    const setupButton = wb.page.locator('[id="workbench.parts.sidebar"] .welcome-view-content a', {
      hasText: 'Set up credentials',
    });
    await setupButton.first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.ok(
      await wb.page
        .locator('[id="workbench.parts.sidebar"] .welcome-view-content a', { hasText: 'Try with demo data' })
        .isVisible(),
    );
    await wb.screenshot('owners-01-welcome');

    // A mistyped secret first: nothing is saved, and the toast says what to do.
    await wb.runCommand('WeCom: Set Up Credentials');
    await wb.inputMessage(/Corp ID/);
    await wb.fillInput(fake.corpId);
    await wb.inputMessage(/Secret of the self-built app/);
    await wb.fillPassword('mistyped-secret-0000');
    const refused = await wb.waitForNotification(/Credentials not saved/);
    assert.match(refused, /40001/);
    assert.ok(!refused.includes('mistyped-secret-0000'));
    await wb.screenshot('owners-02a-wrong-secret');
    // Dismiss it (as a user would) so the later screenshots are not covered by a stale toast.
    await wb.page.locator('.notifications-toasts .codicon-notifications-clear').first().click();

    await wb.runCommand('WeCom: Set Up Credentials');
    await wb.inputMessage(/Corp ID/);
    await wb.fillInput(fake.corpId);
    await wb.inputMessage(/Secret of the self-built app/);
    await wb.screenshot('owners-02-secret-prompt');
    await wb.fillPassword(fake.corpSecret);
    await wb.waitForNotification(/verified and saved/);

    const byGroups = ordered(fake, 'chat_total', false);
    const rows = await wb.waitForTreeRows((all) => ownerRows(all).length === fake.owners.length);
    await wb.screenshot('owners-03-owners');
    const summary = rows.find((row) => row.label.startsWith('All owners'));
    assert.ok(summary, JSON.stringify(rows));
    // Real clock (installed .vsix): before 10:00 CST yesterday is marked provisional.
    assert.match(summary.description, new RegExp(` · as of ${day} CST( \\(provisional\\))?$`));
    const shown = ownerRows(rows);
    assert.deepStrictEqual(
      shown.map((row) => row.label),
      byGroups,
    );
    const top = fake.statsFor(byGroups[0], day);
    assert.ok(
      shown[0].description.startsWith(
        `${top.chat_total.toLocaleString('en-US')} groups · ${top.member_total.toLocaleString('en-US')} members`,
      ),
      shown[0].description,
    );

    await wb.runCommand('WeCom: Sort Owners…');
    await wb.pickItem('Total members');
    await wb.pickItem('Ascending (smallest first)');
    const byMembers = ordered(fake, 'member_total', true);
    await wb.waitForTreeRows(
      (all) => ownerRows(all)[0]?.label === byMembers[0] && ownerRows(all).length === byMembers.length,
    );
    assert.deepStrictEqual(
      ownerRows(await wb.treeRows()).map((row) => row.label),
      byMembers,
    );
    await wb.screenshot('owners-04-sorted-by-members');

    const needle = fake.owners[2].slice(0, 4);
    const matching = byMembers.filter((owner) => owner.toLowerCase().includes(needle.toLowerCase()));
    await wb.runCommand('WeCom: Filter Owners…');
    await wb.fillInput(needle.toUpperCase());
    const filtered = await wb.waitForTreeRows((all) => ownerRows(all).length === matching.length);
    assert.deepStrictEqual(
      ownerRows(filtered).map((row) => row.label),
      matching,
    );
    assert.ok(filtered.some((row) => row.label.startsWith('Filtered owners')));
    await wb.treeRow(matching[0]).click();
    await wb.page.keyboard.press('ArrowRight'); // expand: one row per figure
    await wb.waitForTreeRows((all) => all.some((row) => row.level === 2 && row.label === 'Total groups'));
    await wb.screenshot('owners-05-filtered-expanded');
  });
});
