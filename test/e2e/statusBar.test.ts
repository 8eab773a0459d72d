/**
 * End to end, from the installed .vsix: the status-bar summary shows the team's figure for
 * yesterday (the fake server's sum) with the change from the day before; its click opens the
 * chart of all owners, whose PNG export carries a title above the plot (read back: size and
 * metadata); the WeCom demo item asks before leaving demo mode. Screenshots:
 * test-results/screenshots/status-*.png, and the exported PNG as status-export.png.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startFakeWeComServer, type FakeWeComServer } from '../../src/demo/fakeServer';
import { readPngInfo } from '../../src/extension/chart/pngText';
import { addDays, cstYesterday } from '../../src/shared/days';
import { addStats, emptyStats } from '../../src/shared/metrics';
import { SCREENSHOT_DIR, Workbench } from './harness';
import { widenSideBar } from './owners-steps';
import { saveAs } from './saveDialog';

/** The little of the DOM used in page functions (the test tsconfig has no DOM lib). */
interface PageCanvas {
  readonly width: number;
  readonly height: number;
}

const number = (n: number) => n.toLocaleString('en-US');
const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${number(Math.abs(n))}`;

suite('E2E: status bar summary and demo item', function () {
  this.timeout(240_000);
  let fake: FakeWeComServer;
  let wb: Workbench;
  let folder: string;

  suiteSetup(async () => {
    fake = await startFakeWeComServer({ ownerCount: 12, seed: 13 });
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'wecom-status-e2e-'));
    wb = await Workbench.start({ folder, settings: { 'wecomGroupStats.apiBaseUrl': fake.url } });
  });
  suiteTeardown(async () => {
    await wb?.close();
    await fake?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  test("the team's yesterday figure with its change; click opens the chart; the PNG has a title", async () => {
    await wb.runCommand('WeCom: Set Up Credentials');
    await wb.fillInput(fake.corpId);
    await wb.fillPassword(fake.corpSecret);
    await wb.waitForNotification(/verified and saved/);
    await wb.clickActivity('WeCom');
    await widenSideBar(wb, 300);

    const day = cstYesterday();
    const [today, before] = [day, addDays(day, -1)].map((d) => {
      const total = emptyStats();
      fake.owners.forEach((owner) => addStats(total, fake.statsFor(owner, d)));
      return total;
    });
    const expected = `${number(today.chat_total)} groups ${signed(today.chat_total - before.chat_total)}`;
    const status = wb.page.locator('.statusbar-item', { hasText: expected }).first();
    await status.waitFor({ state: 'visible', timeout: 30_000 });
    // Real clock (installed .vsix): before 10:00 CST yesterday is marked provisional.
    const provisional = / \(prov\.\)$/;
    assert.strictEqual((await status.innerText()).trim().replace(provisional, ''), expected);
    await status.hover();
    await wb.page
      .locator('.monaco-hover, .workbench-hover')
      .first()
      .waitFor({ state: 'visible', timeout: 5_000 })
      .catch(() => undefined);
    await wb.screenshot('status-01-item-and-tooltip', { keepPointer: true });

    await status.click();
    await wb.page.locator('.tab', { hasText: 'By day: all owners' }).first().waitFor({ timeout: 30_000 });
    const frame = wb.webviewFrame();
    await frame.locator('body[data-state="ready"][data-drawn]').waitFor({ timeout: 30_000 });
    await wb.screenshot('status-02-chart-from-status-bar');
    const canvas = await frame.locator('canvas').evaluate((c) => ({
      width: (c as unknown as PageCanvas).width,
      height: (c as unknown as PageCanvas).height,
    }));

    const png = path.join(folder, 'status-export.png');
    await frame.locator('button[data-name="export-png"]').click();
    await saveAs(wb, png, '.png');
    await wb.waitForNotification(/Saved .*status-export\.png/);
    const toast = wb.page.locator('.notifications-toasts .notification-list-item', {
      hasText: 'status-export.png',
    });
    const buttons = await toast.first().locator('.monaco-button').allInnerTexts();
    assert.deepStrictEqual(
      buttons.map((b) => b.trim()),
      ['Open', 'Reveal in Explorer View'],
    );
    await wb.screenshot('status-03-saved-with-actions');

    const info = readPngInfo(fs.readFileSync(png));
    assert.strictEqual(info.width, canvas.width, 'as wide as the plot');
    assert.ok(
      info.height > canvas.height + 20,
      `taller than the plot (${info.height} vs ${canvas.height}): a title`,
    );
    assert.match(
      info.texts.Title ?? '',
      new RegExp(`^Total groups · All owners · \\d{4}-\\d{2}-\\d{2} … ${day} \\(CST\\)`),
    );
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    fs.copyFileSync(png, path.join(SCREENSHOT_DIR, 'status-export.png'));
  });

  test('the WeCom demo item asks before leaving demo mode', async () => {
    await wb.runCommand('WeCom: Try with Demo Data');
    const demo = wb.page.locator('.statusbar-item', { hasText: 'WeCom demo' }).first();
    await demo.waitFor({ state: 'visible', timeout: 30_000 });
    const dialog = wb.page.locator('.monaco-dialog-box');
    await demo.click();
    await dialog.waitFor({ state: 'visible' });
    assert.match(await dialog.innerText(), /Leave demo mode\?/);
    await wb.screenshot('status-04-leave-demo-asks');
    await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.ok(await demo.isVisible(), 'Cancel keeps demo mode');

    await demo.click();
    await wb.answerDialog('Leave Demo Mode');
    await demo.waitFor({ state: 'detached', timeout: 20_000 });
  });
});
