/**
 * End to end, the owners tree as an operator reads it at the default ~300 px side bar (issue 12):
 * the sorted figure first in every row, the sort said in the view's message, user IDs found by the
 * tree's own find, a filter that follows typing, a filtered summary whose chart has exactly the
 * filtered owners, and progress in the view while loading. English and Simplified Chinese.
 * Screenshots: test-results/screenshots/owners-tree-*.png.
 */
import * as assert from 'assert';
import { startFakeWeComServer, type FakeWeComServer } from '../../src/demo/fakeServer';
import { cstYesterday } from '../../src/shared/days';
import { METRICS, type MetricKey } from '../../src/shared/metrics';
import { Workbench, type TreeRow } from './harness';
import { ownerIdOf, ownerRows, pickExactItem, treeMessage } from './owners-steps';

const SIDEBAR_PX = 300;
const INLINE_CHART = '.actions .action-label[aria-label*="by-day chart" i]';

/** Every owner row's description starts with that owner's `metric` for `day` and its short name. */
function assertSortedFigureFirst(
  rows: TreeRow[],
  fake: FakeWeComServer,
  metric: MetricKey,
  unit: (value: string) => string,
): void {
  const day = cstYesterday();
  for (const row of ownerRows(rows)) {
    const value = fake.statsFor(ownerIdOf(row), day)[metric].toLocaleString('en-US');
    assert.ok(row.description.startsWith(`${unit(value)} · `), `${row.label}: "${row.description}"`);
  }
}

suite('E2E: the owners tree at a 300 px side bar', function () {
  this.timeout(240_000);
  let fake: FakeWeComServer;
  let wb: Workbench;

  suiteSetup(async () => {
    fake = await startFakeWeComServer({ ownerCount: 12, seed: 5 });
    wb = await Workbench.start({
      settings: { 'wecomGroupStats.apiBaseUrl': fake.url, 'wecomGroupStats.ownerNames': fake.ownerNames },
    });
    await wb.runCommand('WeCom: Set Up Credentials');
    await wb.fillInput(fake.corpId);
    await wb.fillPassword(fake.corpSecret);
    await wb.waitForNotification(/verified and saved/);
    // Cleared so no toast covers the tree in the screenshots.
    await wb.runCommand('Notifications: Clear All Notifications');
    await wb.clickActivity('WeCom');
    await wb.setSidebarWidth(SIDEBAR_PX);
    await wb.waitForTreeRows((rows) => ownerRows(rows).length === fake.owners.length);
  });
  suiteTeardown(async () => {
    await wb?.close();
    await fake?.close();
  });

  test('the sorted figure is the first figure in each row, and the message says the sort', async () => {
    // The message is written once the rows are loaded: wait for it, then read the rows.
    await treeMessage(wb)
      .filter({ hasText: /^Sorted by Total groups, largest first\. Synced \d\d:\d\d CST\.$/ })
      .waitFor();
    assertSortedFigureFirst(await wb.treeRows(), fake, 'chat_total', (n) => `${n} groups`);

    await wb.runCommand('WeCom: Sort Owners…');
    await pickExactItem(wb, 'Total messages');
    await wb.pickItem('Descending (largest first)');
    await treeMessage(wb).filter({ hasText: 'Sorted by Total messages, largest first.' }).waitFor();
    const rows = await wb.waitForTreeRows((all) =>
      ownerRows(all).every((row) => / msgs · /.test(row.description)),
    );
    assertSortedFigureFirst(rows, fake, 'msg_total', (n) => `${n} msgs`);
    // The user ID is in the label next to the name: "张三 · zhangsan".
    assert.ok(
      ownerRows(rows).some((row) => row.label === `${fake.ownerNames.zhangsan} · zhangsan`),
      rows.map((row) => row.label).join(' | '),
    );
    await wb.screenshot('owners-tree-01-sorted-by-messages');
  });

  test("the tree's own find matches a user ID", async () => {
    await wb.treeRow(/^All owners/).click();
    await wb.page.keyboard.press('Control+Alt+KeyF');
    await wb.page.keyboard.type('zhangsan', { delay: 30 });
    const match = wb.treeRow(/zhangsan/).locator('.label-name .highlight');
    await match.first().waitFor({ state: 'visible', timeout: 10_000 });
    await wb.screenshot('owners-tree-02-tree-find-user-id');
    await wb.page.keyboard.press('Escape');
  });

  test('Filter owners… follows typing; Escape restores; the filtered summary charts the filtered owners', async () => {
    const needle = 'zhang';
    const matching = fake.owners.filter((owner) => owner.includes(needle));
    assert.deepStrictEqual(matching, ['zhangsan', 'zhangwei']);

    await wb.runCommand('WeCom: Filter Owners…');
    const input = wb.page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible' });
    await wb.page.keyboard.type(needle, { delay: 60 });
    // Nothing accepted yet: the tree already shows the matches.
    let rows = await wb.waitForTreeRows((all) => ownerRows(all).length === matching.length);
    assert.ok(await input.isVisible(), 'the filter box is still open');
    assert.match(rows[0].label, /^Filtered owners \(2 of 12\)$/);
    await wb.screenshot('owners-tree-03-filter-while-typing');
    await wb.page.keyboard.press('Escape');
    await wb.waitForTreeRows((all) => ownerRows(all).length === fake.owners.length);

    await wb.runCommand('WeCom: Filter Owners…');
    await input.waitFor({ state: 'visible' });
    await wb.page.keyboard.type(needle, { delay: 30 });
    await wb.page.keyboard.press('Enter');
    rows = await wb.waitForTreeRows((all) => ownerRows(all).length === matching.length);
    assert.deepStrictEqual(ownerRows(rows).map(ownerIdOf).sort(), matching);
    await treeMessage(wb)
      .filter({
        hasText:
          /^Owners matching "zhang" \(2 of 12\), sorted by [\w ]+, (largest|smallest) first\. Synced \d\d:\d\d CST\.$/,
      })
      .waitFor();

    const summary = wb.treeRow(/^Filtered owners/);
    await wb.clickRowAction(summary, INLINE_CHART);
    // Drawn and ready (data-drawn counts the draws; it starts at 0).
    await wb
      .webviewFrame()
      .locator('body[data-state="ready"][data-drawn]:not([data-drawn="0"])')
      .waitFor({ state: 'attached', timeout: 30_000 });
    const tab = await wb.page.locator('.tab', { hasText: 'By day:' }).first().innerText();
    const names = matching.map((owner) => fake.ownerNames[owner]);
    assert.ok(
      names.every((name) => tab.includes(name)) && !/all owners/i.test(tab),
      `the chart's title names the filtered owners: ${tab}`,
    );
    // The cards show yesterday: the sum of the filtered owners, as the summary row says.
    const day = cstYesterday();
    const card = await wb.webviewFrame().locator('.card[data-metric="msg_total"] .card-value').innerText();
    const expected = matching.reduce((sum, owner) => sum + fake.statsFor(owner, day).msg_total, 0);
    assert.strictEqual(Number(card.replace(/\D/g, '')), expected, `card ${card}`);
    await wb.screenshot('owners-tree-04-filtered-summary-chart');
  });

  test('Refresh shows progress in the view', async () => {
    fake.setLatency(3000);
    try {
      await wb.runCommand('WeCom: Refresh');
      const progress = wb.page.locator('[id="workbench.parts.sidebar"] .monaco-progress-container.active');
      await progress.first().waitFor({ state: 'visible', timeout: 5_000 });
      await wb.screenshot('owners-tree-05-refresh-progress');
      await progress.first().waitFor({ state: 'hidden', timeout: 20_000 });
    } finally {
      fake.setLatency(0);
    }
  });

  test('a day WeCom reports again with other figures: the figure reads (revised)', async () => {
    // Yesterday's statistic now says 999 groups for the reply's first owner: Refresh asks again,
    // stores the new value and keeps the old one as a revision.
    fake.setFaults({
      replyFaults: [{ kind: 'figure', field: 'chat_total', value: 999, endpoint: 'statistic' }],
    });
    const faulted = (row: TreeRow): boolean => / · 999 groups · |^999 groups · /.test(row.description);
    try {
      // Every owner in view (an earlier test may have left a filter).
      await wb.runCommand('WeCom: Clear Filter');
      await wb.runCommand('WeCom: Refresh');
      const rows = await wb.waitForTreeRows((all) => ownerRows(all).some(faulted));
      const revised = ownerRows(rows).find(faulted);
      assert.ok(revised);
      const before = fake.statsFor(ownerIdOf(revised), cstYesterday()).chat_total;
      assert.notStrictEqual(before, 999);
      await wb.treeRow(revised.label).click();
      // Its figure rows (the summary row above has its own "Total groups").
      const isRevised = (row: TreeRow): boolean =>
        row.level === 2 && row.label === 'Total groups' && /revised/.test(row.description);
      const figures = await wb.waitForTreeRows((all) => all.some(isRevised));
      assert.deepStrictEqual(
        figures.filter(isRevised).map((row) => row.description),
        ['999 (revised)'],
      );
      await wb.screenshot('owners-tree-06-revised-figure');
    } finally {
      fake.setFaults({});
    }
  });
});

suite('E2E: the owners tree in Simplified Chinese at a 300 px side bar', function () {
  this.timeout(180_000);
  let wb: Workbench;

  suiteSetup(async () => {
    wb = await Workbench.start({ locale: 'zh-cn', env: { WECOM_GROUP_STATS_DEMO: '1' } });
  });
  suiteTeardown(async () => {
    await wb?.close();
  });

  test('sorted by messages: each row starts with its message count, the message says the sort', async () => {
    await wb.clickActivity('企业微信');
    await wb.setSidebarWidth(SIDEBAR_PX);
    await wb.waitForTreeRows((all) => all.length > 5 && all[0].label.startsWith('全部群主'));
    await wb.runCommand('企业微信: 群主排序…');
    await pickExactItem(wb, METRICS.msg_total.label.zh);
    await wb.pickItem('降序（大的在前）');
    await treeMessage(wb)
      .filter({ hasText: `按${METRICS.msg_total.label.zh}排序，大的在前。` })
      .waitFor();
    const rows = await wb.waitForTreeRows((all) =>
      ownerRows(all).every((row) => /^[\d,]+ 条消息 · [\d,]+ 个群 · /.test(row.description)),
    );
    assert.ok(ownerRows(rows).some((row) => row.label === '张三 · zhangsan'));
    await wb.screenshot('owners-tree-zh-01-sorted-by-messages');
  });
});
