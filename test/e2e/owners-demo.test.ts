/**
 * End to end, the README's demo route: code-server started with WECOM_GROUP_STATS_DEMO=1 and the
 * installed .vsix shows demo owners (with display names) as soon as the WeCom view opens; the
 * status-bar item leaves demo mode. Screenshots: test-results/screenshots/owners-demo-*.png.
 */
import * as assert from 'assert';
import { Workbench } from './harness';
import { widenSideBar } from './owners-steps';

suite('E2E: demo mode from the installed .vsix', function () {
  this.timeout(180_000);
  let wb: Workbench;

  suiteSetup(async () => {
    wb = await Workbench.start({ env: { WECOM_GROUP_STATS_DEMO: '1' } });
  });
  suiteTeardown(async () => {
    await wb?.close();
  });

  test('demo owners appear, with names; the status bar item leaves demo mode', async () => {
    await wb.clickActivity('WeCom');
    await widenSideBar(wb, 620);
    const rows = await wb.waitForTreeRows((all) => all.length > 10 && all[0].label.startsWith('All owners'));
    assert.ok(
      rows.some((row) => /[\u4e00-\u9fff]/.test(row.label)),
      `some demo owners have Chinese names: ${rows.map((r) => r.label).join(', ')}`,
    );
    assert.match(rows[0].description, /as of \d{4}-\d{2}-\d{2} CST/);
    const status = wb.page.locator('.statusbar-item', { hasText: 'WeCom demo' });
    await status.first().waitFor({ state: 'visible' });
    // The tooltip is a nicety for the screenshot; hovers in headless Chromium are not reliable.
    await wb.treeRow(/^All owners/).hover();
    await wb.page.mouse.move(200, 90, { steps: 4 });
    await wb.page
      .locator('.monaco-hover, .workbench-hover')
      .first()
      .waitFor({ state: 'visible', timeout: 5_000 })
      .catch(() => undefined);
    await wb.screenshot('owners-demo-01-tree-and-tooltip');

    await status.first().click();
    await wb.answerDialog('Leave Demo Mode');
    const welcome = wb.page.locator('[id="workbench.parts.sidebar"] .welcome-view-content a', {
      hasText: 'Try with demo data',
    });
    await welcome.first().waitFor({ state: 'visible', timeout: 20_000 });
    assert.strictEqual(await status.count(), 0, 'the demo status item is gone');
    await wb.screenshot('owners-demo-02-left-demo');
  });
});
