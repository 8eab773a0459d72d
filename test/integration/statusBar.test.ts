/**
 * The status-bar summary and Import Owner Names inside the real extension host: the item shows the
 * team's figure for yesterday (the fake server's sum) with the change from the day before, the
 * provisional marker follows the pinned clock, the setting picks the figure or hides it; a CSV of
 * names merges into the ownerNames setting, and a bad file is refused with a reason.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { startFakeWeComServer, type FakeWeComServer } from '../../src/demo/fakeServer';
import { COMMANDS } from '../../src/extension/commands/commandIds';
import { SETTINGS_SECTION } from '../../src/extension/settings';
import type { WeComGroupStatsApi } from '../../src/extension/testApi';
import { addDays, cstYesterday } from '../../src/shared/days';
import { addStats, emptyStats, type GroupChatStats } from '../../src/shared/metrics';
import {
  getApi,
  lastMessage,
  releaseHost,
  resetHostTo,
  setSetting,
  setupCredentials,
  waitFor,
  waitForState,
} from './support/wecomHost';

const cst = (localTime: string) => Date.parse(`${localTime}+08:00`);
const number = (n: number) => n.toLocaleString('en-US');
const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${number(Math.abs(n))}`;

suite('Status bar summary and Import Owner Names', () => {
  let api: WeComGroupStatsApi;
  let fake: FakeWeComServer;
  let pinned = cst('2026-03-10T09:30:00');
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'wecom-status-'));

  function teamTotal(day: string): GroupChatStats {
    const total = emptyStats();
    for (const owner of fake.owners) {
      addStats(total, fake.statsFor(owner, day));
    }
    return total;
  }

  suiteSetup(async () => {
    api = await getApi();
    api.setNow(pinned);
    fake = await startFakeWeComServer({ ownerCount: 7, seed: 21, now: () => pinned });
    await resetHostTo(fake);
    assert.ok(await setupCredentials(fake.corpId, fake.corpSecret));
    await waitForState(api, 'ready');
  });
  suiteTeardown(async () => {
    await setSetting('statusBar.metric', undefined);
    api.setNow(undefined);
    await releaseHost(fake);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  test("the team's yesterday total with the day-over-day change, provisional before 10:00 CST", async () => {
    const yesterday = cstYesterday(pinned);
    const today = teamTotal(yesterday);
    const before = teamTotal(addDays(yesterday, -1));
    const expected = `$(organization) ${number(today.chat_total)} groups ${signed(today.chat_total - before.chat_total)} (prov.)`;
    const shown = await waitFor('the change from the day before', () => {
      const item = api.statusBar();
      return item.visible && item.text === expected && item;
    });
    // The tooltip has all eight figures with their changes; the accessible label says it in words.
    assert.ok(
      shown.tooltip.includes(
        `| ${number(today.msg_total)} | ${signed(today.msg_total - before.msg_total)} |`,
      ),
      shown.tooltip,
    );
    assert.ok(shown.tooltip.includes('Members who sent messages'), shown.tooltip);
    assert.match(shown.tooltip, /provisional/);
    assert.match(shown.accessibilityLabel, new RegExp(`^WeCom, all owners, ${yesterday} CST: Total groups `));

    // After 10:00 CST the same day is final: no marker.
    pinned = cst('2026-03-10T10:30:00');
    api.setNow(pinned);
    await vscode.commands.executeCommand(COMMANDS.refresh);
    await api.whenIdle();
    await waitFor('no provisional marker', () => !api.statusBar().text.includes('(prov.)'));
  });

  test('the setting picks the figure, or hides the item', async () => {
    const day = cstYesterday(pinned);
    await setSetting('statusBar.metric', 'msg_total');
    const messages = teamTotal(day).msg_total;
    await waitFor('messages in the status bar', () =>
      api.statusBar().text.startsWith(`$(organization) ${number(messages)} messages `),
    );
    await setSetting('statusBar.metric', 'hidden');
    await waitFor('the item hidden', () => !api.statusBar().visible);
    await setSetting('statusBar.metric', undefined);
    await waitFor('the item back', () => api.statusBar().visible);
  });

  test('Import Owner Names merges a CSV into the ownerNames setting', async () => {
    const [first, second] = fake.owners;
    await setSetting('ownerNames', { keepme: 'Kept' });
    const csv = path.join(folder, 'members.csv');
    fs.writeFileSync(csv, `\ufeff姓名,账号,部门\n测试甲,${first},销售\n"Yi, B",${second},\n`);
    const count = await vscode.commands.executeCommand(COMMANDS.importOwnerNames, vscode.Uri.file(csv));
    assert.strictEqual(count, 2);
    assert.deepStrictEqual(vscode.workspace.getConfiguration(SETTINGS_SECTION).get('ownerNames'), {
      keepme: 'Kept',
      [first]: '测试甲',
      [second]: 'Yi, B',
    });
    assert.match(lastMessage(api).text, /^Imported 2 owner names \(2 new, 0 changed\)/);
    await waitFor('the tree shows the imported name', () =>
      api.rows().some((row) => row.label.startsWith('测试甲 · ')),
    );

    const bad = path.join(folder, 'bad.csv');
    fs.writeFileSync(bad, 'zhangsan,张三\nlisi\n');
    const refused = await vscode.commands.executeCommand(COMMANDS.importOwnerNames, vscode.Uri.file(bad));
    assert.strictEqual(refused, undefined);
    const message = lastMessage(api);
    assert.strictEqual(message.severity, 'error');
    assert.match(message.text, /^Owner names not imported: Line 2 has no name column/);
    await setSetting('ownerNames', undefined);
  });
});
