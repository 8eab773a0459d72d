/**
 * End to end, from the installed .vsix in code-server + Chromium: open the by-day chart from the
 * owners tree, switch figure and range, read the table view and compare it with the fake server,
 * export CSV through the real save dialog, compare several owners (odd ids stay text), and
 * screenshot the chart in a light and a dark theme (test-results/screenshots/chart-*.png).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startFakeWeComServer, type FakeWeComServer } from '../../src/demo/fakeServer';
import { addDays, cstYesterday, lastNDays, listDays } from '../../src/shared/days';
import { Workbench } from './harness';
import { canvasColours, readTable, setColorTheme, waitForDraw, signInWithFake } from './chartSteps';
import { saveAs } from './saveDialog';

/** The title of the panel for owners 1, 7 and 11 names them all (any order). */
const THREE_OWNERS_TITLE = /^By day: (?=.*lisi)(?=.*a<b>&c)(?=.*Zhou "Jie", Sales)/;
const INLINE_ACTION = '.actions .action-label[aria-label*="by-day chart" i]';

suite('E2E: by-day chart from the installed .vsix', function () {
  this.timeout(240_000);
  let fake: FakeWeComServer;
  let wb: Workbench;
  let folder: string;
  const cspViolations: string[] = [];

  suiteSetup(async () => {
    fake = await startFakeWeComServer({ ownerCount: 12, seed: 9 });
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'wecom-chart-e2e-'));
    wb = await Workbench.start({
      folder,
      settings: { 'wecomGroupStats.apiBaseUrl': fake.url, 'workbench.colorTheme': 'Default Light Modern' },
    });
    // A CSP violation inside the webview (e.g. an inline style from Chart.js) is logged to the console.
    wb.page.on('console', (message) => {
      if (/Content Security Policy|Refused to (apply|load|execute)/i.test(message.text())) {
        cspViolations.push(message.text());
      }
    });
    await signInWithFake(wb, fake);
    await wb.clickActivity('WeCom');
    await wb.waitForTreeRows((rows) => rows.some((row) => row.label === fake.owners[0]));
  });
  teardown(() => {
    assert.deepStrictEqual(cspViolations, [], 'the webview ran without CSP violations');
  });
  suiteTeardown(async () => {
    await wb?.close();
    await fake?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  test('open from the tree, switch figure and range, table equals the server, export CSV, light and dark', async () => {
    const owner = fake.owners[0];
    const row = wb.treeRow(owner);
    await wb.clickRowAction(row, INLINE_ACTION);
    const frame = wb.webviewFrame();
    let drawn = await waitForDraw(frame, 0).catch(async (error: unknown) => {
      await wb.screenshot('chart-00-failed-open');
      throw error;
    });
    assert.ok((await canvasColours(frame)) > 3, 'the canvas has a drawn chart');
    // Under the cards, the four inferred figures, each labelled as inferred with its formula.
    const inferred = frame.locator('.inferred li');
    assert.strictEqual(await inferred.count(), 4);
    const members = inferred.first();
    assert.strictEqual(await members.locator('.inferred-label').innerText(), 'Members who left (inferred)');
    assert.match(await members.locator('.inferred-value').innerText(), /^-?[\d,]+$/);
    assert.strictEqual(
      await members.locator('.inferred-formula').innerText(),
      '= new_member_cnt − Δ member_total',
    );
    const tab = wb.page.locator('.tab', { hasText: 'By day:' });
    assert.match(await tab.first().innerText(), new RegExp(`By day: ${owner}`));
    await wb.screenshot('chart-01-light-30-days');

    await frame.locator('select#metric').selectOption('member_total');
    drawn = await waitForDraw(frame, drawn);
    await frame.locator('button[data-name="last7"]').click();
    drawn = await waitForDraw(frame, drawn);
    assert.strictEqual(await frame.locator('button[data-name="last7"]').getAttribute('aria-pressed'), 'true');

    await frame.locator('button[data-name="table"]').click();
    drawn = await waitForDraw(frame, drawn);
    const table = await readTable(frame);
    assert.deepStrictEqual(table.header, ['Date (CST)', owner]);
    const days = listDays(lastNDays(7)).reverse();
    assert.deepStrictEqual(
      table.rows,
      days.map((day) => [day, String(fake.statsFor(owner, day).member_total)]),
    );
    // Cards: the latest day's figures.
    const cardValue = await frame.locator('.card[data-metric="chat_total"] .card-value').innerText();
    assert.strictEqual(Number(cardValue.replace(/\D/g, '')), fake.statsFor(owner, days[0]).chat_total);
    // The cards: a list of real buttons (the list item is a wrapper, not the button).
    const cards = frame.locator('.cards[role="list"] > [role="listitem"] > button.card');
    assert.strictEqual(await cards.count(), 8);
    assert.strictEqual(await frame.locator('button.card[role]').count(), 0);
    assert.strictEqual(
      await frame.locator('button.card[data-metric="member_total"]').getAttribute('aria-pressed'),
      'true',
    );
    await wb.screenshot('chart-02-light-table');

    // Export CSV through code-server's save dialog (a quick-input path box).
    const target = path.join(folder, 'by-day-export.csv');
    await frame.locator('button[data-name="export-csv"]').click();
    await saveAs(wb, target, '.csv');
    await wb.waitForNotification(/Saved .*by-day-export\.csv/);
    const csv = fs
      .readFileSync(target, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.strictEqual(csv.length, 1 + 7);
    assert.ok(csv[0].startsWith('date,New groups (new_chat_cnt),Total groups (chat_total)'), csv[0]);
    assert.ok(csv[0].endsWith(',note'), csv[0]);
    const stats = fake.statsFor(owner, days[6]);
    assert.strictEqual(
      csv[1],
      [
        days[6],
        stats.new_chat_cnt,
        stats.chat_total,
        stats.chat_has_msg,
        stats.new_member_cnt,
        stats.member_total,
        stats.member_has_msg,
        stats.msg_total,
        stats.migrate_trainee_chat_cnt,
        '', // note: empty, the day is whole
      ].join(','),
    );

    // Back to the chart, then a dark theme: the chart redraws with the theme's colours.
    await frame.locator('button[data-name="chart"]').click();
    drawn = await waitForDraw(frame, drawn);
    await frame.locator('button[data-name="last30"]').click();
    drawn = await waitForDraw(frame, drawn);
    await wb.screenshot('chart-03-light-members-30-days');
    await wb.runCommand('Preferences: Color Theme');
    await wb.page.locator('.quick-input-widget input.input').fill('Default Dark Modern');
    await wb.pickItem('Default Dark Modern');
    await waitForDraw(frame, drawn);
    assert.strictEqual(await frame.locator('body.vscode-dark').count(), 1, 'the webview got the dark theme');
    assert.ok((await canvasColours(frame)) > 3);
    await wb.screenshot('chart-04-dark-members-30-days');
  });

  test('several owners: one line each, odd ids rendered as text, the same numbers in the table', async () => {
    const owners = [fake.owners[1], fake.owners[7], fake.owners[11]]; // lisi, a<b>&c, Zhou "Jie", Sales
    const tab = wb.page.locator('.tab', { hasText: THREE_OWNERS_TITLE }).first();
    await wb.clickRowActionUntil(wb.treeRow(owners[2]), INLINE_ACTION, tab, {
      select: async () => {
        await wb.treeRow(owners[0]).click();
        for (const id of owners.slice(1)) {
          await wb.treeRow(id).click({ modifiers: ['Control'] });
        }
      },
    });
    const frame = wb.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
    let drawn = await waitForDraw(frame, 0);
    // The sum stored each owner's days, so one line each costs nothing more.
    await frame.locator('button[data-name="compare"]').click();
    drawn = await waitForDraw(frame, drawn);
    await wb.screenshot('chart-05-dark-compare');
    // 60 older days are new work: slow the server down to see the progress the host reports.
    fake.setLatency(700);
    await frame.locator('button[data-name="last90"]').click();
    const progress = frame.locator('.status.loading p', { hasText: / of \d+ requests/ });
    await progress.waitFor({ timeout: 15_000 });
    await wb.screenshot('chart-05-dark-compare-loading');
    fake.setLatency(0);
    drawn = await waitForDraw(frame, drawn);
    await frame.locator('button[data-name="last30"]').click();
    drawn = await waitForDraw(frame, drawn);
    await frame.locator('button[data-name="table"]').click();
    await waitForDraw(frame, drawn);
    const table = await readTable(frame);
    const sorted = [...owners].sort();
    assert.deepStrictEqual(table.header, ['Date (CST)', ...sorted]);
    const day = lastNDays(30).to;
    assert.deepStrictEqual(table.rows[0], [
      day,
      ...sorted.map((id) => String(fake.statsFor(id, day).chat_total)),
    ]);
    // No markup from an owner id reached the DOM.
    assert.strictEqual(await frame.locator('b').count(), 0);
    await wb.screenshot('chart-06-dark-compare-table');
  });

  test('custom range checked inline, error with Retry, Export PNG, restored after reload, high contrast', async () => {
    const frame = wb.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
    let drawn = await waitForDraw(frame, 0);
    const yesterday = cstYesterday();
    await frame.locator('button[data-name="custom"]').click();
    await frame.locator('#range-from').fill(addDays(yesterday, -200));
    await frame.locator('#range-to').fill(yesterday);
    await frame.locator('form.custom-range button[type="submit"]').click();
    const reason = await frame.locator('#range-error').innerText();
    assert.match(reason, /WeCom keeps only the last 180 days/);
    // ISO text inputs (not the browser's locale date input), marked invalid with the reason.
    assert.strictEqual(await frame.locator('#range-from').getAttribute('type'), 'text');
    assert.strictEqual(await frame.locator('#range-from').getAttribute('placeholder'), 'YYYY-MM-DD');
    assert.strictEqual(await frame.locator('#range-from').getAttribute('aria-invalid'), 'true');
    await wb.screenshot('chart-07-custom-range-rejected');

    // Typed with slashes, submitted with Enter: taken as the ISO day.
    await frame.locator('#range-from').fill(addDays(yesterday, -9).replace(/-/g, '/'));
    await frame.locator('#range-to').fill(addDays(yesterday, -3));
    await frame.locator('#range-to').press('Enter');
    drawn = await waitForDraw(frame, drawn);
    assert.strictEqual(await frame.locator('#range-from').inputValue(), addDays(yesterday, -9));
    assert.strictEqual(await frame.locator('#range-from').getAttribute('aria-invalid'), null);
    const table = await readTable(frame);
    assert.deepStrictEqual(
      table.rows.map((row) => row[0]),
      listDays({ from: addDays(yesterday, -9), to: addDays(yesterday, -3) }).reverse(),
    );

    // The server refuses this machine's IP: the panel says what happened and offers Retry.
    fake.setFaults({ rejectFromIp: '203.0.113.9' });
    await frame.locator('button[data-name="refresh"]').click();
    await frame.locator('body[data-state="error"]').waitFor({ timeout: 30_000 });
    const message = await frame.locator('.error-message').innerText();
    assert.match(message, /203\.0\.113\.9/);
    await wb.screenshot('chart-08-error-with-retry');
    fake.setFaults({});
    await frame.locator('button[data-name="retry"]').click();
    drawn = await waitForDraw(frame, drawn);

    await frame.locator('button[data-name="chart"]').click();
    drawn = await waitForDraw(frame, drawn);
    // "Start at zero" is on by default; off zooms in on the values, and a reload keeps it off.
    const zero = frame.locator('button[data-name="zero"]');
    assert.strictEqual(await zero.getAttribute('aria-pressed'), 'true');
    await zero.click();
    drawn = await waitForDraw(frame, drawn);
    assert.strictEqual(await zero.getAttribute('aria-pressed'), 'false');
    await wb.screenshot('chart-08b-not-from-zero');
    const png = path.join(folder, 'by-day-chart.png');
    await frame.locator('button[data-name="export-png"]').click();
    await saveAs(wb, png, '.png');
    await wb.waitForNotification(/Saved .*by-day-chart\.png/);
    const bytes = fs.readFileSync(png);
    assert.deepStrictEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.ok(bytes.length > 5000, `PNG of ${bytes.length} bytes`);

    // A reload restores the panel (serializer + saved UI state), with its custom range. Only this
    // chart stays open, so the one restored webview is this panel's.
    const otherTab = wb.page.locator('.tab', { hasText: 'By day: zhangsan' }).first();
    await otherTab.hover();
    await otherTab.locator('.tab-actions .action-label').first().click();
    await otherTab.waitFor({ state: 'detached' });
    // Through the workbench (not page.reload), which saves editor and webview state before reloading.
    await wb.runCommand('Developer: Reload Window');
    await wb.page
      .locator('.tab', { hasText: THREE_OWNERS_TITLE })
      .first()
      .waitFor({ state: 'visible', timeout: 60_000 });
    const restored = wb.webviewFrame();
    drawn = await waitForDraw(restored, 0, 60_000);
    assert.strictEqual(
      await restored.locator('button[data-name="custom"]').getAttribute('aria-pressed'),
      'true',
    );
    assert.strictEqual(
      await restored.locator('button[data-name="compare"]').getAttribute('aria-pressed'),
      'true',
    );
    assert.strictEqual(
      await restored.locator('button[data-name="zero"]').getAttribute('aria-pressed'),
      'false',
    );

    await setColorTheme(wb, 'Dark High Contrast');
    await waitForDraw(restored, drawn);
    await wb.screenshot('chart-09-high-contrast');
  });

  test('from the palette: pick "All owners", the sum of every owner', async () => {
    const allOwners = await wb.quickPickRow('WeCom: Show By-Day Chart', 'All owners');
    await allOwners.click();
    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.tab', { hasText: 'By day: all owners' }).first().waitFor({ state: 'visible' });
    const frame = wb.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
    const drawn = await waitForDraw(frame, 0);
    await frame.locator('button[data-name="table"]').click();
    await waitForDraw(frame, drawn);
    const table = await readTable(frame);
    assert.deepStrictEqual(table.header, ['Date (CST)', 'All owners']);
    const yesterday = cstYesterday();
    const sum = fake.owners.reduce((total, id) => total + fake.statsFor(id, yesterday).chat_total, 0);
    assert.deepStrictEqual(table.rows[0], [yesterday, String(sum)]);
    await wb.screenshot('chart-10-all-owners-table');
  });
});
