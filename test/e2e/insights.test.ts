/**
 * End to end, from the installed .vsix in demo mode: "WeCom: Open Heatmap and Rankings" from the
 * palette draws the owners × days heatmap; a hover and the keyboard read a cell out; the table
 * equivalent pages the same rows; Enter opens the owner's by-day chart; the rankings list the top
 * and bottom owners with their movement; CSV export writes what is shown. Light, dark and
 * Simplified Chinese. Screenshots: test-results/screenshots/insights-*.png.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { FrameLocator } from 'playwright-core';
import { canvasColours } from './canvas';
import { setColorTheme } from './chartSteps';
import { Workbench } from './harness';
import { saveAs } from './saveDialog';

const HAN = /[\u4e00-\u9fff]/;

/** Waits until the panel has drawn `tab` more than `after` times and is ready; returns the count. */
async function waitForDraw(
  frame: FrameLocator,
  tab: string,
  after: number,
  timeoutMs = 60_000,
): Promise<number> {
  const body = frame.locator('body');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const drawn = Number((await body.getAttribute('data-drawn').catch(() => null)) ?? '0');
    const state = await body.getAttribute('data-state').catch(() => null);
    const shownTab = await body.getAttribute('data-tab').catch(() => null);
    if (drawn > after && state === 'ready' && shownTab === tab) {
      return drawn;
    }
    if (state === 'error') {
      throw new Error(`the panel shows an error: ${await frame.locator('.status').innerText()}`);
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for a ${tab} draw after ${after} (state ${state}, drawn ${drawn})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function openInsights(wb: Workbench, title: string, tabTitle: RegExp): Promise<FrameLocator> {
  await wb.runCommand(title);
  await wb.page.locator('.tab', { hasText: tabTitle }).first().waitFor({ state: 'visible' });
  return wb.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

suite('E2E: heatmap and rankings (demo mode)', function () {
  this.timeout(300_000);
  let wb: Workbench;
  let folder: string;
  const cspViolations: string[] = [];

  suiteSetup(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'wecom-insights-e2e-'));
    wb = await Workbench.start({
      folder,
      env: { WECOM_GROUP_STATS_DEMO: '1' },
      settings: { 'workbench.colorTheme': 'Default Light Modern' },
    });
    // A CSP violation inside the webview (an inline style, a script) is logged to the console.
    wb.page.on('console', (message) => {
      if (/Content Security Policy|Refused to (apply|load|execute)/i.test(message.text())) {
        cspViolations.push(message.text());
      }
    });
    await wb.clickActivity('WeCom');
    await wb.waitForTreeRows((rows) => rows.length > 10 && rows[0].label.startsWith('All owners'));
  });
  teardown(() => {
    assert.deepStrictEqual(cspViolations, [], 'the webview ran without CSP violations');
  });
  suiteTeardown(async () => {
    await wb?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  test('the heatmap: drawn, read out by pointer and keys, a table of the same rows, Enter opens the chart', async () => {
    const frame = await openInsights(wb, 'WeCom: Open Heatmap and Rankings', /Heatmap and rankings/);
    let drawn = await waitForDraw(frame, 'heatmap', 0);
    assert.ok((await canvasColours(frame, '.heatmap-region canvas')) > 8, 'the heatmap has many shades');
    assert.strictEqual(
      await frame.locator('button[data-name="range-30"]').getAttribute('aria-pressed'),
      'true',
    );
    const legend = await frame.locator('.legend').innerText();
    assert.match(legend, /Not stored/);
    assert.match(legend, /Not returned by WeCom/);
    await wb.screenshot('insights-01-heatmap-light');

    // The pointer over a cell: the readout names the day, the owner and the value.
    const box = await frame.locator('.heatmap-region canvas').boundingBox();
    assert.ok(box, 'the canvas is on screen');
    await wb.page.mouse.move(box.x + box.width - 20, box.y + 28 + 18 * 2 + 9);
    const readout = frame.locator('#heatmap-readout');
    await readout.filter({ hasText: /\(CST\) · .+ · Total groups: \d+/ }).waitFor({ timeout: 10_000 });
    await wb.screenshot('insights-02-heatmap-hover-tooltip', { keepPointer: true });

    // Keys: the region takes focus, arrows move the highlighted cell, the readout follows.
    await frame.locator('.heatmap-region').focus();
    await wb.page.keyboard.press('End');
    const before = await readout.innerText();
    await wb.page.keyboard.press('ArrowDown');
    await wb.page.keyboard.press('ArrowLeft');
    await readout.filter({ hasNotText: before }).waitFor({ timeout: 10_000 });
    const after = await readout.innerText();
    assert.match(after, /^\d{4}-\d{2}-\d{2} \(CST\) · /);
    await wb.screenshot('insights-03-heatmap-keyboard', { keepPointer: true });

    // Colour by change: a diverging scale, the legend says fall and rise.
    await frame.locator('button[data-name="colour-change"]').click();
    drawn = await waitForDraw(frame, 'heatmap', drawn);
    assert.match(await frame.locator('.legend').innerText(), /Fall[\s\S]*Rise/);
    await wb.screenshot('insights-04-heatmap-change');

    // The table equivalent: the same owners in the same order, paged.
    await frame.locator('button[data-name="view-table"]').click();
    drawn = await waitForDraw(frame, 'heatmap', drawn);
    const rows = frame.locator('.heatmap-table tbody tr');
    assert.ok((await rows.count()) > 5 && (await rows.count()) <= 25);
    assert.strictEqual(await frame.locator('.heatmap-table thead th').count(), 31, 'owner + 30 days');
    await wb.screenshot('insights-05-heatmap-table');
    await frame.locator('button[data-name="view-chart"]').click();
    drawn = await waitForDraw(frame, 'heatmap', drawn);

    // Export CSV of what is shown (the changes, in the drawn order).
    const csv = path.join(folder, 'heatmap.csv');
    await frame.locator('button[data-name="export-csv"]').click();
    await saveAs(wb, csv, '.csv');
    await wb.waitForNotification(/Saved .*heatmap\.csv/);
    const lines = fs.readFileSync(csv, 'utf8').split('\r\n');
    assert.match(lines[0], /^owner,name,\d{4}-\d{2}-\d{2},/);
    assert.strictEqual(lines[0].split(',').length, 32);

    // Export PNG: the drawn heatmap with its title (figure, owners, CST range) as metadata.
    const png = path.join(folder, 'heatmap.png');
    await frame.locator('button[data-name="export-png"]').click();
    await saveAs(wb, png, '.png');
    await wb.waitForNotification(/Saved .*heatmap\.png/);
    const bytes = fs.readFileSync(png);
    assert.deepStrictEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    assert.match(
      bytes.toString('utf8'),
      /Total groups · 30 owners · \d{4}-\d{2}-\d{2} … \d{4}-\d{2}-\d{2} \(CST\)/,
    );

    // 180 days: the history lacks most of them; the call count is asked first. Stored figures
    // only: the days not stored are drawn hatched, and the panel says the range is incomplete.
    await frame.locator('button[data-name="range-180"]').click();
    await frame.locator('.status.confirm').waitFor({ timeout: 30_000 });
    assert.match(await frame.locator('.status.confirm').innerText(), /takes \d+ calls/);
    await wb.screenshot('insights-06a-confirm-fetch');
    await frame.locator('button[data-name="stored-only"]').click();
    drawn = await waitForDraw(frame, 'heatmap', drawn);
    assert.match(await frame.locator('.notice.missing').innerText(), /Incomplete: nothing stored/);
    await wb.screenshot('insights-06b-stored-only-missing-hatched');
    await frame.locator('button[data-name="range-30"]').click();
    await waitForDraw(frame, 'heatmap', drawn);

    // Enter on the highlighted cell opens that owner's by-day chart.
    await frame.locator('.heatmap-region').focus();
    await wb.page.keyboard.press('Enter');
    await wb.page
      .locator('.tab', { hasText: /^By day: / })
      .first()
      .waitFor({ state: 'visible', timeout: 20_000 });
    await wb.screenshot('insights-06-owner-chart-opened');
  });

  test('the rankings: top and bottom owners with their movement; then a dark theme', async () => {
    const frame = await openInsights(wb, 'WeCom: Open Heatmap and Rankings', /Heatmap and rankings/);
    await frame.locator('button[data-name="tab-rankings"]').click();
    let drawn = await waitForDraw(frame, 'rankings', 0);
    const top = frame.locator('table[data-list="top"] tbody tr');
    assert.strictEqual(await top.count(), 10);
    const movements = await frame.locator('table[data-list="top"] td.movement').allInnerTexts();
    assert.ok(
      movements.every((m) => /^(↑\d+|↓\d+|=|new)$/.test(m)),
      movements.join(' '),
    );
    assert.strictEqual(
      await frame.locator('table[data-list="top"] tbody tr').first().getAttribute('data-rank'),
      '1',
    );
    await wb.screenshot('insights-07-rankings-light');

    await frame.locator('#period').selectOption('week');
    drawn = await waitForDraw(frame, 'rankings', drawn);
    assert.match(await frame.locator('.rank-range').innerText(), /\d{4}-\d{2}-\d{2} … \d{4}-\d{2}-\d{2}/);

    await wb.runCommand('Preferences: Color Theme');
    await wb.page.locator('.quick-input-widget input.input').fill('Default Dark Modern');
    await wb.pickItem('Default Dark Modern');
    await frame.locator('body.vscode-dark').waitFor({ timeout: 20_000 });
    await wb.screenshot('insights-08-rankings-dark');
    await frame.locator('button[data-name="tab-heatmap"]').click();
    await waitForDraw(frame, 'heatmap', drawn);
    assert.ok((await canvasColours(frame, '.heatmap-region canvas')) > 8);
    await wb.screenshot('insights-09-heatmap-dark');

    await setColorTheme(wb, 'Dark High Contrast');
    await frame.locator('body.vscode-high-contrast').waitFor({ timeout: 20_000 });
    await frame.locator('.heatmap-region').focus();
    await wb.page.keyboard.press('ArrowDown');
    await wb.screenshot('insights-09b-heatmap-high-contrast', { keepPointer: true });
  });
});

suite('E2E: heatmap and rankings in Simplified Chinese', function () {
  this.timeout(240_000);
  let wb: Workbench;

  suiteSetup(async () => {
    wb = await Workbench.start({ locale: 'zh-cn', env: { WECOM_GROUP_STATS_DEMO: '1' } });
    await wb.clickActivity('企业微信');
    await wb.waitForTreeRows((rows) => rows.length > 10);
  });
  suiteTeardown(async () => {
    await wb?.close();
  });

  test('the command, the tabs, the legend and the rankings are Chinese', async () => {
    const frame = await openInsights(wb, '企业微信: 打开热力图和排行榜', /热力图和排行榜/);
    const drawn = await waitForDraw(frame, 'heatmap', 0);
    assert.match(await frame.locator('.legend').innerText(), /未保存/);
    const english = (await frame.locator('button:visible, label:visible').allInnerTexts()).filter(
      (t) => /[A-Za-z]{3,}/.test(t) && !HAN.test(t),
    );
    assert.deepStrictEqual(english, []);
    await wb.screenshot('insights-10-heatmap-zh');
    await frame.locator('button[data-name="tab-rankings"]').click();
    await waitForDraw(frame, 'rankings', drawn);
    assert.match(await frame.locator('table[data-list="top"] caption').innerText(), /前 10 名/);
    await wb.screenshot('insights-11-rankings-zh');
  });
});
