/**
 * End to end (installed .vsix, code-server + Chromium, a 300 px side bar): twelve owners in one
 * line each (twelve colours told apart in light, dark and both high contrast themes), the week
 * view with incomplete weeks marked, the 7-day average, cards over the range and per owner, the
 * glossary and insights links, then the same panel in Simplified Chinese. Screenshots:
 * test-results/screenshots/periods-*.png.
 */
import * as assert from 'assert';
import type { FrameLocator } from 'playwright-core';
import { startFakeWeComServer, type FakeWeComServer } from '../../src/demo/fakeServer';
import { lastNDays } from '../../src/shared/days';
import { periodsCovering } from '../../src/analysis/periods';
import {
  canvasColours,
  chartScreenshot,
  readTable,
  setColorTheme,
  waitForDraw,
  signInWithFake,
} from './chartSteps';
import { Workbench } from './harness';
import { ownerRows } from './owners-steps';

/** The little of the DOM these page functions use (the test tsconfig has no DOM lib). */
interface PageBox {
  getBoundingClientRect(): { readonly right: number; readonly width: number };
  querySelectorAll(selector: string): ArrayLike<PageBox>;
}

const INLINE_ACTION = '.actions .action-label[aria-label*="by-day chart" i]';
const SIDEBAR = 300;

/**
 * Selects the first to the last owner row (click, shift-click) and opens their chart from the
 * last row's inline action; waits for a tab whose title says how many more owners it holds.
 */
async function openOwnersChart(
  wb: Workbench,
  first: string,
  last: string,
  action: string,
): Promise<FrameLocator> {
  const tab = wb.page.locator('.tab', { hasText: /and \d+ more|等另外 \d+ 位/ }).first();
  await wb.clickRowActionUntil(wb.treeRow(last), action, tab, {
    select: async () => {
      await wb.treeRow(first).click();
      await wb.treeRow(last).click({ modifiers: ['Shift'] });
    },
  });
  return wb.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

suite('E2E: the chart by week, the 7-day average, twelve owners in every theme', function () {
  this.timeout(300_000);
  let fake: FakeWeComServer;
  let wb: Workbench;

  suiteSetup(async () => {
    fake = await startFakeWeComServer({ ownerCount: 12, seed: 9 });
    wb = await Workbench.start({
      settings: { 'wecomGroupStats.apiBaseUrl': fake.url, 'workbench.colorTheme': 'Default Light Modern' },
    });
    await signInWithFake(wb, fake);
    await wb.clickActivity('WeCom');
    await wb.waitForTreeRows((rows) => rows.filter((row) => row.level === 1).length >= 13);
    await wb.setSidebarWidth(SIDEBAR);
  });
  suiteTeardown(async () => {
    await wb?.close();
    await fake?.close();
  });

  test('twelve owners, one line each: per-owner cards, distinct colours, week view, average, themes', async () => {
    const rows = ownerRows(await wb.treeRows());
    assert.strictEqual(rows.length, 12);
    const frame = await openOwnersChart(wb, rows[0].label, rows[11].label, INLINE_ACTION);
    let drawn = await waitForDraw(frame, 0);
    // The tab names the first owners and how many more (the title is the tab's tooltip too).
    const tab = await wb.page
      .locator('.tab', { hasText: /and 10 more/ })
      .first()
      .innerText();
    assert.match(tab, /^By day: .+, .+ and 10 more$/);

    await frame.locator('button[data-name="compare"]').click();
    drawn = await waitForDraw(frame, drawn);
    // One card per owner for the chosen figure, each a real button in a list item, named by owner.
    const ownerCards = frame.locator('.cards[role="list"] > [role="listitem"] > button.owner-card');
    assert.strictEqual(await ownerCards.count(), 12);
    assert.strictEqual(await frame.locator('button.card[role]').count(), 0);
    assert.match(await frame.locator('.cards-section h2').innerText(), /^Total groups per owner · /);
    const swatches = await frame
      .locator('.card-swatch')
      .evaluateAll((els) =>
        els.map((el) => (el as unknown as { style: { backgroundColor: string } }).style.backgroundColor),
      );
    assert.strictEqual(new Set(swatches).size, 12, `twelve colours: ${swatches.join(' ')}`);
    assert.ok((await canvasColours(frame)) > 12);
    await chartScreenshot(wb, 'periods-01-light-12-owners');
    await chartScreenshot(wb, 'periods-01b-light-12-owners-chart', frame);

    // A card hides its owner's line, and shows it again.
    await ownerCards.first().click();
    drawn = await waitForDraw(frame, drawn);
    assert.strictEqual(await ownerCards.first().getAttribute('aria-pressed'), 'false');
    await ownerCards.first().click();
    drawn = await waitForDraw(frame, drawn);

    await setColorTheme(wb, 'Default Dark Modern');
    drawn = await waitForDraw(frame, drawn);
    await chartScreenshot(wb, 'periods-02-dark-12-owners', frame);
    await setColorTheme(wb, 'Dark High Contrast');
    drawn = await waitForDraw(frame, drawn);
    await chartScreenshot(wb, 'periods-03-hc-dark-12-owners', frame);
    await setColorTheme(wb, 'Light High Contrast');
    drawn = await waitForDraw(frame, drawn);
    const hcSwatches = await frame
      .locator('.card-swatch')
      .evaluateAll((els) =>
        els.map((el) => (el as unknown as { style: { backgroundColor: string } }).style.backgroundColor),
      );
    assert.strictEqual(new Set(hcSwatches).size, 12, 'twelve colours in light high contrast');
    assert.notDeepStrictEqual(hcSwatches, swatches, 'high contrast has its own palette');
    await chartScreenshot(wb, 'periods-04-hc-light-12-owners', frame);
    await setColorTheme(wb, 'Default Light Modern');
    drawn = await waitForDraw(frame, drawn);

    // Back to their sum: the week view, one point per ISO week the 30 days meet.
    await frame.locator('button[data-name="sum"]').click();
    drawn = await waitForDraw(frame, drawn);
    await frame.locator('button[data-name="week"]').click();
    drawn = await waitForDraw(frame, drawn);
    assert.strictEqual(await frame.locator('button[data-name="week"]').getAttribute('aria-pressed'), 'true');
    assert.strictEqual(
      await frame.locator('button[data-name="average"]').isDisabled(),
      true,
      'no average of weeks',
    );
    assert.match(await frame.locator('.cards-section h2').innerText(), /^\d{4}-W\d\d · /);
    // The latest week against the week before (whole: its id; else the same weekdays), which the
    // 30 days hold: a signed change with its percentage.
    assert.match(
      await frame.locator('.card[data-metric="chat_total"]').innerText(),
      /[+−±]\d[\d,]* (\([+−±][\d.]+%\) )?vs\. (\d{4}-W\d\d|\d{4}-\d\d-\d\d … \d{4}-\d\d-\d\d)/,
    );
    await chartScreenshot(wb, 'periods-05-light-week');
    await frame.locator('button[data-name="table"]').click();
    drawn = await waitForDraw(frame, drawn);
    const weeks = periodsCovering(lastNDays(30), 'week');
    const table = await readTable(frame);
    assert.deepStrictEqual(
      table.rows.map((row) => row[0]),
      weeks.map((w) => w.id).reverse(),
    );
    // The first week reaches before the range: marked incomplete, never passed off as whole.
    const oldest = frame.locator('table.figures tbody tr').last();
    assert.strictEqual(await oldest.getAttribute('data-complete'), 'false');
    assert.match(await oldest.locator('th').innerText(), /\(incomplete\)/);
    await chartScreenshot(wb, 'periods-06-light-week-table', frame);

    // Days again, with the 7-day average: a second, dashed line and its own legend entry.
    await frame.locator('button[data-name="day"]').click();
    drawn = await waitForDraw(frame, drawn);
    await frame.locator('button[data-name="average"]').click();
    drawn = await waitForDraw(frame, drawn);
    assert.strictEqual(
      await frame.locator('button[data-name="average"]').getAttribute('aria-pressed'),
      'true',
    );
    const withAverage = await readTable(frame);
    assert.deepStrictEqual(withAverage.header.slice(-1), ['7-day average']);
    assert.strictEqual(withAverage.rows.length, 30);
    await frame.locator('button[data-name="chart"]').click();
    await waitForDraw(frame, drawn);
    // Cards over the range: a flow's total over the 30 days, an as-of figure's last value.
    assert.match(
      await frame.locator('.card[data-metric="new_chat_cnt"] .card-basis').innerText(),
      /^Total over 30 days$/,
    );
    assert.match(
      await frame.locator('.card[data-metric="chat_total"] .card-basis').innerText(),
      /^Yesterday · \+?−?±?\d+ since \d{4}-\d\d-\d\d$/,
    );
    assert.match(
      await frame.locator('.card[data-metric="chat_total"]').innerText(),
      /vs\. same day last week/,
    );
    // Against the 30 days before: compared when the history holds them, else it says (once, under
    // the heading, when no card can be compared) which days it lacks.
    assert.match(
      await frame.locator('.cards-section').innerText(),
      /vs\. previous 30 days|No comparison with \d{4}-\d\d-\d\d … \d{4}-\d\d-\d\d: \d+ day\(s\) not in the history/,
    );
    await chartScreenshot(wb, 'periods-07-light-average', frame);

    // Rankings under the chart: the twelve owners by the figure over the 30 days, the top and the
    // bottom five, each with its rank over the 30 days before and the movement.
    const rankings = frame.locator('section.chart-rankings[data-state="ready"]');
    await rankings.waitFor({ timeout: 20_000 });
    const values = (list: string): Promise<number[]> =>
      rankings
        .locator(`table[data-list="${list}"] td[data-value]`)
        .evaluateAll((els) =>
          els.map((el) => Number((el as unknown as { dataset: { value: string } }).dataset.value)),
        );
    const top = await values('top');
    const bottom = await values('bottom');
    assert.strictEqual(top.length, 5);
    assert.strictEqual(bottom.length, 5);
    assert.deepStrictEqual(
      top,
      [...top].sort((a, b) => b - a),
      'top five, highest first',
    );
    assert.deepStrictEqual(
      bottom,
      [...bottom].sort((a, b) => a - b),
      'bottom five, lowest first',
    );
    assert.ok(top[0] >= bottom[0]);
    assert.match(
      await rankings.locator('.rank-range').innerText(),
      /^Total groups · \d{4}-\d\d-\d\d … \d{4}-\d\d-\d\d \(CST\) · Previous rank: \d{4}-\d\d-\d\d … /,
    );
    await rankings.scrollIntoViewIfNeeded();
    await chartScreenshot(wb, 'periods-07b-light-rankings', frame);

    // A narrow panel (a wide side bar): the toolbar's groups wrap as wholes, no button runs past the edge.
    await wb.setSidebarWidth(900);
    // The webview lays out again after the resize: wait until it is narrow, not for a fixed time.
    await frame.locator('body').evaluate(
      (b) =>
        new Promise<void>((resolve) => {
          const check = (): void => {
            if ((b as unknown as PageBox).getBoundingClientRect().width < 560) {
              resolve();
            } else {
              setTimeout(check, 50);
            }
          };
          check();
        }),
    );
    const overflow = await frame.locator('.toolbar').evaluate((toolbar) => {
      const right = (toolbar as unknown as PageBox).getBoundingClientRect().right;
      const groups = Array.from((toolbar as unknown as PageBox).querySelectorAll('.tool-group button'));
      return groups.filter((g) => g.getBoundingClientRect().right > right + 1).length;
    });
    assert.strictEqual(overflow, 0, 'every toolbar button fits the panel');
    const panelWidth = await frame
      .locator('body')
      .evaluate((b) => (b as unknown as PageBox).getBoundingClientRect().width);
    assert.ok(panelWidth < 560, `the panel is narrow (${panelWidth} px)`);
    await chartScreenshot(wb, 'periods-08-light-narrow-panel');
  });
});

suite('E2E: the chart by week and with the average in Simplified Chinese (demo mode)', function () {
  this.timeout(240_000);
  let wb: Workbench;

  suiteSetup(async () => {
    wb = await Workbench.start({ locale: 'zh-cn', env: { WECOM_GROUP_STATS_DEMO: '1' } });
    await wb.clickActivity('企业微信');
    await wb.waitForTreeRows((rows) => rows.filter((row) => row.level === 1).length > 12);
    await wb.setSidebarWidth(SIDEBAR);
  });
  suiteTeardown(async () => {
    await wb?.close();
  });

  test('twelve owners: per-owner cards, the week view and the average, light and dark, in Chinese', async () => {
    const rows = ownerRows(await wb.treeRows());
    const frame = await openOwnersChart(
      wb,
      rows[0].label,
      rows[11].label,
      '.actions .action-label[aria-label*="按天"]',
    );
    assert.match(
      await wb.page
        .locator('.tab', { hasText: /等另外 10 位/ })
        .first()
        .innerText(),
      /^按天趋势：/,
    );
    let drawn = await waitForDraw(frame, 0);
    await frame.locator('button[data-name="compare"]').click();
    drawn = await waitForDraw(frame, drawn);
    assert.strictEqual(await frame.locator('button.owner-card').count(), 12);
    assert.match(await frame.locator('.cards-section h2').innerText(), /^各群主的客户群总数 · /);
    await chartScreenshot(wb, 'periods-zh-01-light-12-owners');
    await frame.locator('button[data-name="sum"]').click();
    drawn = await waitForDraw(frame, drawn);
    await frame.locator('button[data-name="week"]').click();
    drawn = await waitForDraw(frame, drawn);
    assert.strictEqual((await frame.locator('button[data-name="week"]').innerText()).trim(), '周');
    await chartScreenshot(wb, 'periods-zh-02-light-week');
    await frame.locator('button[data-name="day"]').click();
    drawn = await waitForDraw(frame, drawn);
    await frame.locator('button[data-name="average"]').click();
    drawn = await waitForDraw(frame, drawn);
    assert.strictEqual((await frame.locator('button[data-name="average"]').innerText()).trim(), '7 日均值');
    assert.match(
      await frame.locator('.card[data-metric="new_chat_cnt"] .card-basis').innerText(),
      /^30 天合计$/,
    );
    await setColorTheme(wb, 'Default Dark Modern');
    await waitForDraw(frame, drawn);
    await chartScreenshot(wb, 'periods-zh-03-dark-average', frame);
  });
});
