/**
 * End to end, the owners table (issue 12) as an operator opens it at a 300 px side bar, on demo
 * data: from the summary row's inline action, its totals equal the tree's summary row; sorting
 * by a header button (click, then Enter); the filter follows typing and the totals follow the
 * filter. English in light, dark and high contrast; Simplified Chinese from the view title.
 * Screenshots: test-results/screenshots/owners-table-*.png.
 */
import * as assert from 'assert';
import type { FrameLocator } from 'playwright-core';
import { METRIC_KEYS, METRICS, type GroupChatStats, type MetricKey } from '../../src/shared/metrics';
import { Workbench } from './harness';
import { ownerRows } from './owners-steps';

const SIDEBAR_PX = 300;
const HAN = /[\u4e00-\u9fff]/;

/** Waits until the table webview has drawn the owners. */
async function waitForTable(frame: FrameLocator, timeoutMs = 30_000): Promise<void> {
  await frame.locator('body[data-state="ready"] tr.totals').waitFor({ state: 'visible', timeout: timeoutMs });
}

/** The figures of the table's totals row, in METRIC_KEYS order. */
async function tableTotals(frame: FrameLocator): Promise<number[]> {
  return frame
    .locator('tr.totals td')
    .evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-value'))));
}

/** One figure of each drawn owner row, top to bottom (NaN for an owner WeCom did not return). */
async function columnValues(frame: FrameLocator, metric: MetricKey): Promise<number[]> {
  const index = METRIC_KEYS.indexOf(metric);
  return frame.locator('tbody tr.owner').evaluateAll(
    (rows, i) =>
      rows.map((row) => {
        const value = row.querySelectorAll('td')[i].getAttribute('data-value');
        return value === null ? NaN : Number(value);
      }),
    index,
  );
}

/** The tree's summary figures, read from the figure rows under the expanded summary row. */
async function treeSummary(wb: Workbench, label: (metric: MetricKey) => string): Promise<number[]> {
  const rows = await wb.waitForTreeRows(
    (all) => all.filter((row) => row.level === 2).length === METRIC_KEYS.length,
  );
  const figures = {} as GroupChatStats;
  for (const key of METRIC_KEYS) {
    const row = rows.find((r) => r.level === 2 && r.label === label(key));
    assert.ok(row, `figure row ${label(key)}`);
    figures[key] = Number(row.description.replace(/[^\d]/g, ''));
  }
  return METRIC_KEYS.map((key) => figures[key]);
}

/** Picks a colour theme; the quick pick is opened again when a focus change (the webview) closed it. */
async function pickTheme(wb: Workbench, theme: string): Promise<void> {
  const row = wb.page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row')
    .filter({ hasText: theme })
    .first();
  for (let attempt = 1; ; attempt++) {
    await wb.runCommand('Preferences: Color Theme');
    await wb.page.locator('.quick-input-widget input.input').fill(theme);
    const shown = await row
      .waitFor({ state: 'visible', timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (shown) {
      await row.click();
      return;
    }
    if (attempt >= 4) {
      await wb.screenshot(`owners-table-theme-picker-failed`);
      throw new Error(`the colour theme "${theme}" could not be picked`);
    }
    await wb.page.keyboard.press('Escape');
  }
}

suite('E2E: the owners table at a 300 px side bar (English)', function () {
  this.timeout(240_000);
  let wb: Workbench;
  let frame: FrameLocator;

  suiteSetup(async () => {
    wb = await Workbench.start({
      env: { WECOM_GROUP_STATS_DEMO: '1' },
      settings: { 'workbench.colorTheme': 'Default Light Modern' },
    });
    await wb.clickActivity('WeCom');
    await wb.setSidebarWidth(SIDEBAR_PX);
    await wb.waitForTreeRows((rows) => ownerRows(rows).length >= 10 && /^All owners/.test(rows[0].label));
  });
  suiteTeardown(async () => {
    await wb?.close();
  });

  test("opened from the summary row: the table's totals equal the tree's summary row", async () => {
    const summaryRow = wb.treeRow(/^All owners/);
    await summaryRow.click(); // expands it: its figure rows are the summary's figures
    const summary = await treeSummary(wb, (key) => METRICS[key].label.en);
    await wb.clickRowAction(summaryRow, '.actions .action-label[aria-label*="Owners Table" i]');
    frame = wb.webviewFrame();
    await waitForTable(frame);
    assert.deepStrictEqual(await tableTotals(frame), summary);
    // The tree draws only the rows in view: its summary row says how many owners there are.
    const owners = (await wb.treeRows())[0].label.match(/\((\d+)\)/)?.[1];
    assert.strictEqual(await frame.locator('body').getAttribute('data-rows'), owners);
    // Header buttons are real buttons named by what they sort.
    await frame.getByRole('button', { name: 'Sort by messages' }).waitFor();
    await wb.screenshot('owners-table-01-light-from-summary-row', {});
  });

  test('sorting by a column: a click sorts largest first, Enter on the same button smallest first', async () => {
    const button = frame.locator('button[data-column="msg_total"]');
    await button.click();
    await frame.locator('th[aria-sort="descending"] button[data-column="msg_total"]').waitFor();
    const down = await columnValues(frame, 'msg_total');
    assert.ok(down.length > 3);
    assert.deepStrictEqual(
      down,
      [...down].sort((a, b) => b - a),
      'largest first',
    );
    await button.focus();
    await button.press('Enter');
    await frame.locator('th[aria-sort="ascending"] button[data-column="msg_total"]').waitFor();
    const up = await columnValues(frame, 'msg_total');
    assert.deepStrictEqual(
      up.filter((n) => !Number.isNaN(n)),
      [...up.filter((n) => !Number.isNaN(n))].sort((a, b) => a - b),
    );
    await wb.screenshot('owners-table-02-light-sorted-by-messages');
  });

  test('the filter follows typing; the totals are the sum of the owners shown', async () => {
    const input = frame.locator('input[type="search"]');
    await input.click();
    await input.pressSequentially('zh', { delay: 50 });
    await frame.locator('body[data-rows]').waitFor();
    const ids = await frame
      .locator('tbody tr.owner')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-owner') ?? ''));
    const names = await frame.locator('tbody tr.owner th .name').allInnerTexts();
    assert.ok(ids.length > 0 && ids.length < 30, `matching owners: ${ids.join(', ')}`);
    ids.forEach((id, i) => assert.ok(`${id}\n${names[i]}`.toLowerCase().includes('zh'), id));
    const totals = await tableTotals(frame);
    for (const [i, key] of METRIC_KEYS.entries()) {
      const sum = (await columnValues(frame, key)).filter((n) => !Number.isNaN(n)).reduce((a, b) => a + b, 0);
      assert.strictEqual(totals[i], sum, `${key}: totals row equals the shown owners' sum`);
    }
    await wb.screenshot('owners-table-03-light-filtered');
    await input.fill('');
  });

  test('dark and high-contrast themes', async () => {
    await pickTheme(wb, 'Default Dark Modern');
    await frame.locator('body.vscode-dark').waitFor();
    await waitForTable(frame);
    await wb.screenshot('owners-table-04-dark');
    await pickTheme(wb, 'Dark High Contrast');
    await frame.locator('body.vscode-high-contrast').waitFor();
    await wb.screenshot('owners-table-05-high-contrast');
  });
});

suite('E2E: the owners table in Simplified Chinese', function () {
  this.timeout(240_000);
  let wb: Workbench;

  suiteSetup(async () => {
    wb = await Workbench.start({
      locale: 'zh-cn',
      env: { WECOM_GROUP_STATS_DEMO: '1' },
      settings: { 'workbench.colorTheme': 'Default Light Modern' },
    });
  });
  suiteTeardown(async () => {
    await wb?.close();
  });

  test("opened from the view title: Chinese headers and totals equal to the tree's summary", async () => {
    await wb.clickActivity('企业微信');
    await wb.setSidebarWidth(SIDEBAR_PX);
    await wb.waitForTreeRows((rows) => rows.length > 5 && rows[0].label.startsWith('全部群主'));
    await wb.treeRow(/^全部群主/).click();
    const summary = await treeSummary(wb, (key) => METRICS[key].label.zh);
    await wb.page
      .locator('[id="workbench.parts.sidebar"] .action-label[aria-label*="打开群主数据表"]')
      .first()
      .click();
    const frame = wb.webviewFrame();
    await waitForTable(frame);
    assert.deepStrictEqual(await tableTotals(frame), summary);
    const headers = await frame.locator('thead tr.headers button').allInnerTexts();
    assert.ok(
      headers.every((text) => HAN.test(text)),
      headers.join(' | '),
    );
    assert.match(
      (await frame.locator('button[data-column="msg_total"]').getAttribute('title')) ?? '',
      /截至当天客户群消息总数[\s\S]*文档未说明/,
    );
    await wb.screenshot('owners-table-06-zh-light');
    await pickTheme(wb, 'Light High Contrast');
    await frame.locator('body.vscode-high-contrast-light').waitFor();
    await wb.screenshot('owners-table-07-zh-high-contrast-light');
  });
});
