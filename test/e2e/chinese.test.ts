/**
 * End to end in Simplified Chinese: code-server with a generated zh-cn language pack (see
 * languagePack.ts) and the installed .vsix in demo mode. Our manifest strings (package.nls.zh-cn),
 * runtime strings (l10n bundle) and the chart webview's labels (from the host) must all be
 * Chinese. Screenshots: test-results/screenshots/zh-*.png.
 */
import * as assert from 'assert';
import type { FrameLocator } from 'playwright-core';
import { METRICS, METRIC_GROUPS, METRIC_KEYS } from '../../src/shared/metrics';
import { Workbench } from './harness';
import { widenSideBar } from './owners-steps';

const HAN = /[\u4e00-\u9fff]/;

/** Waits until the chart webview has drawn at least once and is ready (or throws on its error). */
async function waitForReady(frame: FrameLocator, timeoutMs = 30_000): Promise<void> {
  const body = frame.locator('body');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await body.getAttribute('data-state').catch(() => null);
    const drawn = Number((await body.getAttribute('data-drawn').catch(() => null)) ?? '0');
    if (state === 'ready' && drawn > 0) {
      return;
    }
    if (state === 'error' || Date.now() > deadline) {
      const status = await frame
        .locator('.status')
        .innerText()
        .catch(() => '');
      throw new Error(`the chart is not ready (state ${state}): ${status}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Visible texts of the webview's buttons and labels that have no Chinese character. */
async function englishControlTexts(frame: FrameLocator): Promise<string[]> {
  const texts = await frame.locator('button:visible, label:visible, legend:visible').allInnerTexts();
  return texts.map((text) => text.trim()).filter((text) => /[A-Za-z]{3,}/.test(text) && !HAN.test(text));
}

suite('E2E: Simplified Chinese UI (zh-cn language pack, demo mode)', function () {
  this.timeout(180_000);
  let wb: Workbench;

  suiteSetup(async () => {
    wb = await Workbench.start({ locale: 'zh-cn', env: { WECOM_GROUP_STATS_DEMO: '1' } });
  });
  suiteTeardown(async () => {
    await wb?.close();
  });

  test('the workbench runs in zh-cn; view, tree and status bar show our Chinese strings', async () => {
    const language = await wb.page.evaluate(
      () => (globalThis as { _VSCODE_NLS_LANGUAGE?: string })._VSCODE_NLS_LANGUAGE,
    );
    assert.strictEqual(language, 'zh-cn', 'the server resolved the display language to zh-cn');

    // The view container title comes from package.nls.zh-cn.json.
    await wb.clickActivity('企业微信');
    await widenSideBar(wb, 640);
    // The summary row and its description come from the l10n bundle: proof that vscode.env.language is zh-cn.
    const rows = await wb.waitForTreeRows((all) => all.length > 5 && all[0].label.startsWith('全部群主'));
    assert.match(rows[0].label, /^全部群主（\d+）$/);
    // The installed .vsix runs on the real clock: before 10:00 CST yesterday is still provisional
    // (integration tests pin the clock on both sides of 10:00 and of midnight).
    assert.match(
      rows[0].description,
      /^[\d,]+ 个群 · [\d,]+ 人 · 新增 [\d,]+ 人 · 截至 \d{4}-\d{2}-\d{2}（北京时间(，数据可能仍会更新)?）$/,
    );
    const owner = rows.find(
      (row) => row.level === 1 && row !== rows[0] && /个群 · .*人/.test(row.description),
    );
    assert.ok(
      owner,
      `an owner row with Chinese units: ${rows.map((r) => `${r.label} ${r.description}`).join(' | ')}`,
    );
    assert.match(owner.description, /(^|· )[\d,]+ 个群 · [\d,]+ 人 · 新增 [\d,]+ 人$/);
    // One view in the container: its (hidden) pane header still names it, and the title bar shows it.
    const header = wb.page.locator('[id="workbench.parts.sidebar"] .pane-header[aria-label^="群主"]');
    await header.first().waitFor({ state: 'attached' });
    const title = await wb.page
      .locator('[id="workbench.parts.sidebar"] .composite.title')
      .first()
      .innerText();
    assert.match(title, /企业微信/);
    const status = wb.page.locator('.statusbar-item', { hasText: '企业微信演示' });
    await status.first().waitFor({ state: 'visible' });
    assert.strictEqual(await wb.page.locator('.statusbar-item', { hasText: 'WeCom demo' }).count(), 0);
    await wb.screenshot('zh-01-tree');
  });

  test('sorting by a Chinese figure name: the quick picks are Chinese', async () => {
    await wb.runCommand('企业微信: 群主排序…');
    const title = wb.page.locator('.quick-input-widget .quick-input-title');
    await title.filter({ hasText: '群主排序依据' }).first().waitFor({ state: 'visible' });
    await wb.screenshot('zh-01b-sort-pick');
    await wb.pickItem(METRICS.msg_total.label.zh);
    await title
      .filter({ hasText: `按${METRICS.msg_total.label.zh}排序` })
      .first()
      .waitFor({ state: 'visible' });
    await wb.pickItem('升序（小的在前）');
    // The smallest message count first: the view title's description names the new order.
    const header = wb.page.locator(
      `[id="workbench.parts.sidebar"] .pane-header[aria-label*="${METRICS.msg_total.label.zh}"]`,
    );
    await header.first().waitFor({ state: 'attached' });
  });

  test('palette command by its Chinese title; the chart shows Chinese figures and controls', async () => {
    const allOwners = await wb.quickPickRow('企业微信: 显示按天趋势图', '全部群主');
    await wb.screenshot('zh-02-pick-owners');
    await allOwners.click();
    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.tab', { hasText: '按天趋势：全部群主' }).first().waitFor({ state: 'visible' });
    const frame = wb.webviewFrame();
    await waitForReady(frame);

    // Figure names and their groups are the zh labels of src/shared/metrics.ts.
    const options = await frame.locator('select#metric option').allInnerTexts();
    assert.deepStrictEqual(
      options.map((text) => text.trim()).sort(),
      METRIC_KEYS.map((key) => METRICS[key].label.zh).sort(),
    );
    const groups = await frame
      .locator('select#metric optgroup')
      .evaluateAll((elements) => elements.map((element) => element.getAttribute('label')));
    assert.deepStrictEqual(
      groups.sort(),
      Object.values(METRIC_GROUPS)
        .map((group) => group.zh)
        .sort(),
    );
    for (const [name, text] of [
      ['last7', '最近 7 天'],
      ['custom', '自定义'],
      ['chart', '图表'],
      ['table', '表格'],
      ['export-csv', '导出 CSV'],
      ['refresh', '刷新'],
    ]) {
      assert.strictEqual((await frame.locator(`button[data-name="${name}"]`).innerText()).trim(), text);
    }
    assert.deepStrictEqual(await englishControlTexts(frame), [], 'no English button or label text');
    // The cards cover the range (flows totalled over it); as-of figures are yesterday's.
    assert.match(
      await frame.locator('.cards-section h2').innerText(),
      /^\d{4}-\d{2}-\d{2} … \d{4}-\d{2}-\d{2}（北京时间）/,
    );
    assert.match(
      await frame.locator('.card[data-metric="chat_total"] .card-basis').innerText(),
      /^昨天 · 较 \d{4}-\d{2}-\d{2} /,
    );
    // Hovering the chart shows a tooltip titled with the day in Beijing time (drawn on the canvas).
    const canvas = await frame.locator('canvas').boundingBox();
    if (canvas) {
      await wb.page.mouse.move(canvas.x + canvas.width * 0.6, canvas.y + canvas.height / 2, { steps: 4 });
    }
    await wb.screenshot('zh-03-chart', { keepPointer: true });

    await frame.locator('button[data-name="table"]').click();
    const headerCells = frame.locator('table.figures thead th');
    await headerCells.first().waitFor({ state: 'visible' });
    assert.deepStrictEqual(await headerCells.allInnerTexts(), ['日期（北京时间）', '全部群主']);
    const caption = await frame.locator('table.figures caption').innerText();
    assert.match(caption, /^客户群总数 · \d{4}-\d{2}-\d{2} … \d{4}-\d{2}-\d{2}（北京时间）$/);
    await wb.screenshot('zh-04-table');
  });

  test('leaving demo mode shows the Chinese welcome view', async () => {
    await wb.page.locator('.statusbar-item', { hasText: '企业微信演示' }).first().click();
    await wb.answerDialog('退出演示模式');
    const welcome = wb.page.locator('[id="workbench.parts.sidebar"] .welcome-view-content');
    await welcome.locator('a', { hasText: '使用演示数据试用' }).first().waitFor({ state: 'visible' });
    const text = await welcome.first().innerText();
    assert.match(text, /设置凭据/);
    assert.ok(!/Set up credentials|Try with demo data/.test(text), text);
    await wb.screenshot('zh-05-welcome');
  });
});
