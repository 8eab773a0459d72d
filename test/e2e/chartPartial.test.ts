/**
 * End to end (installed .vsix, code-server + Chromium): WeCom leaves two days out of one owner
 * batch's replies (the fake server behind test/support/wecomProxy.ts). The "All owners" chart
 * draws the complete days, names the missing ones with Retry (in the panel and inside the chart,
 * so a PNG says it too), marks them in the table, and Retry makes the chart whole once WeCom
 * answers. Screenshot: test-results/screenshots/chart-missing-days.png.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { FrameLocator } from 'playwright-core';
import { startFakeWeComServer, type FakeWeComServer } from '../../src/demo/fakeServer';
import { addDays, cstYesterday, dayStartTs } from '../../src/shared/days';
import { WECOM_PATHS } from '../../src/shared/wecomApi';
import { ownersOfBody, startWeComProxy, withoutDay, type WeComProxy } from '../support/wecomProxy';
import { signInWithFake } from './chartSteps';
import { Workbench } from './harness';

async function waitForState(frame: FrameLocator, state: string, timeoutMs = 30_000): Promise<void> {
  await frame.locator(`body[data-state="${state}"]`).waitFor({ state: 'attached', timeout: timeoutMs });
}

suite('E2E: by-day chart with days WeCom did not report for every owner', function () {
  this.timeout(240_000);
  let fake: FakeWeComServer;
  let proxy: WeComProxy;
  let wb: Workbench;
  let folder: string;
  const yesterday = cstYesterday();
  const dropped = [addDays(yesterday, -9), addDays(yesterday, -4)];

  suiteSetup(async () => {
    // 250 owners: their atoms for 29 days would cost 87 calls against 3 for the team's sums, so
    // "All owners" is fetched as sums from statistic_group_by_day, where the dropped days show.
    fake = await startFakeWeComServer({ ownerCount: 250, seed: 12 });
    proxy = await startWeComProxy(fake.url);
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'wecom-chart-partial-e2e-'));
    wb = await Workbench.start({
      folder,
      settings: { 'wecomGroupStats.apiBaseUrl': proxy.url, 'workbench.colorTheme': 'Default Light Modern' },
    });
    await signInWithFake(wb, fake);
  });
  suiteTeardown(async () => {
    await wb?.close();
    await proxy?.close();
    await fake?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  test('missing days: complete days drawn, the days named with Retry; Retry makes it whole', async () => {
    const secondBatch = fake.owners[120]; // the follow-user list in order: owners 100…199
    const drop = dropped.map((day) => withoutDay(dayStartTs(day)));
    proxy.setRule((req) =>
      req.path === WECOM_PATHS.byDay && ownersOfBody(req.body).includes(secondBatch)
        ? { transform: (reply) => drop.reduce((r, f) => f(r as Record<string, unknown>), reply as unknown) }
        : undefined,
    );
    const allOwners = await wb.quickPickRow('WeCom: Show By-Day Chart', 'All owners');
    await allOwners.click();
    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.tab', { hasText: 'By day: all owners' }).first().waitFor({ state: 'visible' });
    const frame = wb.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
    await waitForState(frame, 'ready');

    const notice = frame.locator('.notice.missing');
    assert.strictEqual(
      await notice.locator('p').innerText(),
      `WeCom did not report ${dropped[0]}, ${dropped[1]} for every owner: not shown.`,
    );
    assert.strictEqual(await notice.locator('button[data-name="retry-missing"]').isVisible(), true);
    assert.strictEqual(await frame.locator('.chart-box').isVisible(), true, 'the complete days are drawn');
    await wb.screenshot('chart-missing-days');

    await frame.locator('button[data-name="table"]').click();
    const cell = frame.locator(`tr[data-day="${dropped[1]}"] td`).first();
    assert.strictEqual(await cell.innerText(), '—');
    assert.strictEqual(await cell.getAttribute('title'), 'not reported by WeCom for every owner');
    const before = frame.locator(`tr[data-day="${addDays(dropped[1], -1)}"] td`).first();
    assert.notStrictEqual(await before.getAttribute('data-value'), null, 'the day before has figures');
    await wb.screenshot('chart-missing-days-table');

    // WeCom answers whole again: Retry asks again and the notice goes away.
    proxy.setRule(undefined);
    await notice.locator('button[data-name="retry-missing"]').click();
    await frame.locator('.notice.missing').waitFor({ state: 'detached', timeout: 30_000 });
    await waitForState(frame, 'ready');
    assert.notStrictEqual(await cell.getAttribute('data-value'), null);
  });
});
