/**
 * End to end, at the default ~300 px side bar, on demo data: the Rankings group of the owners tree
 * first says which days the history lacks, the Backfill command (its call count asked first) fills
 * them, then the group ranks the top and bottom five owners with their movement; its tooltip
 * explains the figure from the glossary. English and Simplified Chinese.
 * Screenshots: test-results/screenshots/owners-rankings-*.png.
 */
import * as assert from 'assert';
import { FIGURE_MEANINGS } from '../../src/shared/glossary';
import { Workbench, type TreeRow } from './harness';

const SIDEBAR_PX = 300;

interface Words {
  readonly locale?: 'zh-cn';
  readonly container: string;
  readonly summary: RegExp;
  readonly backfill: string;
  readonly offer: RegExp;
  readonly button: string;
  readonly filled: RegExp;
  readonly rankings: string;
  readonly missing: RegExp;
  readonly ranked: RegExp;
  readonly top: string;
  readonly bottom: string;
  readonly movement: RegExp;
  readonly definition: string;
}

const ENGLISH: Words = {
  container: 'WeCom',
  summary: /^All owners/,
  backfill: 'WeCom: Backfill History',
  offer: /^Backfill \d+ days for 30 owners: [\d,]+ calls/,
  button: 'Backfill',
  filled: /^History filled/,
  rankings: 'Rankings',
  missing: /^\d+ of 14 days not in the history$/,
  ranked: /^Total groups, last 7 days$/,
  top: 'Top 5',
  bottom: 'Bottom 5',
  movement: /^(↑\d+|↓\d+|=|new) \S/,
  definition: FIGURE_MEANINGS.chat_total.definition.en,
};

const CHINESE: Words = {
  locale: 'zh-cn',
  container: '企业微信',
  summary: /^全部群主/,
  backfill: '企业微信: 回填历史数据',
  offer: /^回填 30 位群主的 \d+ 天数据/,
  button: '回填',
  filled: /^历史数据回填完成/,
  rankings: '排行榜',
  missing: /^14 天中有 \d+ 天不在历史数据中$/,
  ranked: /^客户群总数，最近 7 天$/,
  top: '前 5 名',
  bottom: '后 5 名',
  movement: /^(↑\d+|↓\d+|=|新) \S/,
  definition: FIGURE_MEANINGS.chat_total.definition.zh,
};

function rankingsRow(rows: TreeRow[], words: Words): TreeRow | undefined {
  return rows.find((row) => row.level === 1 && row.label === words.rankings);
}

for (const words of [ENGLISH, CHINESE]) {
  const lang = words.locale ? 'zh' : 'en';
  suite(`E2E: the Rankings group of the owners tree (${lang}, 300 px side bar)`, function () {
    this.timeout(300_000);
    let wb: Workbench;

    suiteSetup(async () => {
      wb = await Workbench.start({ locale: words.locale, env: { WECOM_GROUP_STATS_DEMO: '1' } });
    });
    suiteTeardown(async () => {
      await wb?.close();
    });

    test('missing days are named; after the backfill the top and bottom five, with the definition', async () => {
      await wb.clickActivity(words.container);
      await wb.setSidebarWidth(SIDEBAR_PX);
      await wb.waitForTreeRows((all) => all.length > 5 && words.summary.test(all[0].label));
      const before = await wb.waitForTreeRows((all) =>
        words.missing.test(rankingsRow(all, words)?.description ?? ''),
      );
      assert.strictEqual(before[1].label, words.rankings, 'the group is right below the summary row');

      await wb.runCommand(words.backfill);
      await wb.waitForNotification(words.offer);
      await wb.page
        .locator('.notification-toast .monaco-button', { hasText: new RegExp(`^${words.button}$`) })
        .first()
        .click();
      await wb.waitForNotification(words.filled, 180_000);
      await wb.runCommand('Notifications: Clear All Notifications');

      await wb.waitForTreeRows((all) => words.ranked.test(rankingsRow(all, words)?.description ?? ''));
      await wb.treeRow(new RegExp(`^${words.rankings}$`)).click();
      const rows = await wb.waitForTreeRows(
        (all) =>
          all.filter((row) => row.level === 3).length === 10 && all.some((row) => row.label === words.bottom),
      );
      assert.ok(rows.some((row) => row.level === 2 && row.label === words.top));
      for (const row of rows.filter((r) => r.level === 3)) {
        assert.match(row.label, words.movement, row.label);
        assert.match(row.description, lang === 'zh' ? /^[\d,]+ 个群$/ : /^[\d,]+ groups$/, row.description);
      }

      // The group's tooltip explains the figure (hovers in headless Chromium may need a nudge).
      const hover = wb.page.locator('.monaco-hover, .workbench-hover');
      for (let attempt = 0; attempt < 4 && !(await hover.first().isVisible()); attempt++) {
        await wb.treeRow(new RegExp(`^${words.rankings}$`)).hover();
        await wb.page.mouse.move(120 + attempt * 10, 120, { steps: 3 });
        await wb.treeRow(new RegExp(`^${words.rankings}$`)).hover();
        await hover
          .first()
          .waitFor({ state: 'visible', timeout: 4_000 })
          .catch(() => undefined);
      }
      assert.ok(
        (await hover.first().innerText()).includes(words.definition),
        'the tooltip gives the definition',
      );
      await wb.screenshot(`owners-rankings-${lang}-01-ranked-with-tooltip`, { keepPointer: true });
    });
  });
}
