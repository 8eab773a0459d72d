/**
 * End to end (installed .vsix, code-server + Chromium): the chart's explicit empty state for an
 * owner who owns no groups, when yesterday's cards were fetched, and a panel restored with its
 * latest custom range after a browser-level reload (`page.reload()`, not the workbench's
 * Reload Window). Screenshots: test-results/screenshots/chart-empty.png, chart-after-browser-reload.png.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { FrameLocator } from 'playwright-core';
import { startFakeWeComServer, type FakeWeComServer } from '../../src/demo/fakeServer';
import { addDays, cstYesterday, isProvisional } from '../../src/shared/days';
import { signInWithFake } from './chartSteps';
import { Workbench } from './harness';

const INLINE_ACTION = '.actions .action-label[aria-label*="by-day chart" i]';

/** Waits until the webview's body reports `state` (ready / empty / error). */
async function waitForState(frame: FrameLocator, state: string, timeoutMs = 30_000): Promise<void> {
  await frame.locator(`body[data-state="${state}"]`).waitFor({ state: 'attached', timeout: timeoutMs });
}

suite('E2E: by-day chart states (empty, fetched time, browser reload)', function () {
  this.timeout(240_000);
  let fake: FakeWeComServer;
  let wb: Workbench;
  let folder: string;

  suiteSetup(async () => {
    fake = await startFakeWeComServer({ ownerCount: 12, seed: 9 });
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'wecom-chart-states-e2e-'));
    wb = await Workbench.start({
      folder,
      settings: { 'wecomGroupStats.apiBaseUrl': fake.url, 'workbench.colorTheme': 'Default Light Modern' },
    });
    await signInWithFake(wb, fake);
    await wb.clickActivity('WeCom');
    await wb.waitForTreeRows((rows) => rows.some((row) => row.label === fake.owners[5]));
  });
  suiteTeardown(async () => {
    await wb?.close();
    await fake?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  async function openFromTree(owner: string): Promise<FrameLocator> {
    const tab = wb.page.locator('.tab', { hasText: `By day: ${owner}` }).first();
    await wb.clickRowActionUntil(wb.treeRow(owner), INLINE_ACTION, tab);
    return wb.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  }

  test('an owner with no groups: an explicit "no data for that range" state, no chart, no cards', async () => {
    const owner = fake.owners[5]; // index 5: owns no groups (all figures zero every day)
    assert.strictEqual(fake.statsFor(owner, cstYesterday()).chat_total, 0);
    const frame = await openFromTree(owner);
    await waitForState(frame, 'empty');
    assert.strictEqual(await frame.locator('.empty-title').innerText(), 'No data for that range.');
    assert.match(await frame.locator('.status.empty').innerText(), /only zeros/);
    assert.strictEqual(await frame.locator('.chart-box').isHidden(), true, 'no empty chart is drawn');
    assert.strictEqual(await frame.locator('.cards-box').isHidden(), true);
    assert.strictEqual(await frame.locator('button[data-name="export-csv"]').isDisabled(), true);
    // The controls stay usable: another range is still empty, and says so again.
    await frame.locator('button[data-name="last90"]').click();
    await waitForState(frame, 'empty');
    assert.strictEqual(
      await frame.locator('button[data-name="last90"]').getAttribute('aria-pressed'),
      'true',
    );
    await wb.screenshot('chart-empty');
  });

  test('cards say when yesterday was fetched; a browser reload restores the latest custom range', async () => {
    const owner = fake.owners[0];
    const frame = await openFromTree(owner);
    await waitForState(frame, 'ready');
    const fetched = await frame.locator('.cards-fetched').innerText();
    const provisional = isProvisional(cstYesterday(), Date.now());
    assert.match(
      fetched,
      provisional ? /^Fetched at \d\d:\d\d CST, before 10:00 CST/ : /^Fetched at \d\d:\d\d CST$/,
    );
    assert.strictEqual(
      await frame.locator('.cards-section').getAttribute('data-provisional'),
      String(provisional),
    );
    await wb.screenshot('chart-cards-fetched');

    const yesterday = cstYesterday();
    const [from, to] = [addDays(yesterday, -20), addDays(yesterday, -6)];
    await frame.locator('button[data-name="custom"]').click();
    await frame.locator('#range-from').fill(from);
    await frame.locator('#range-to').fill(to);
    await frame.locator('form.custom-range button[type="submit"]').click();
    await frame
      .locator('body[data-state="loading"]')
      .waitFor({ state: 'attached' })
      .catch(() => undefined);
    await waitForState(frame, 'ready');

    // The workbench (VS Code for the web) writes its open editors to the browser's storage on a
    // 5 s flush timer, and a browser reload gives it no reliable chance to do so at unload. Give
    // the timer time to run (with margin for a loaded CI machine), so the tab itself is restored;
    // what is under test is the range it comes back with.
    await wb.page.waitForTimeout(12_000);
    // A browser-level reload: the workbench gets no chance to save anything on purpose.
    await wb.page.reload();
    await wb.page
      .locator('.tab', { hasText: `By day: ${owner}` })
      .first()
      .waitFor({ state: 'visible', timeout: 60_000 });
    const restored = wb.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
    await waitForState(restored, 'ready', 60_000);
    assert.strictEqual(
      await restored.locator('button[data-name="custom"]').getAttribute('aria-pressed'),
      'true',
    );
    assert.deepStrictEqual(
      [await restored.locator('#range-from').inputValue(), await restored.locator('#range-to').inputValue()],
      [from, to],
    );
    await wb.screenshot('chart-after-browser-reload');
  });
});
