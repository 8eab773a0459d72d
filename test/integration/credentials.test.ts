/**
 * Credentials inside the real extension host: every command is registered; Set up credentials
 * verifies against a fake WeCom server before saving; wrong values save nothing; the secret
 * reaches neither settings, the log nor global state.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { startFakeWeComServer, type FakeWeComServer } from '../../src/demo/fakeServer';
import { COMMANDS } from '../../src/extension/commands/commandIds';
import { SETTING_KEYS, SETTINGS_SECTION } from '../../src/extension/settings';
import type { WeComGroupStatsApi } from '../../src/extension/testApi';
import {
  getApi,
  lastMessage,
  releaseHost,
  resetHostTo,
  setupCredentials,
  waitForState,
} from './support/wecomHost';
import { WECOM_PATHS } from '../../src/shared/wecomApi';
import { cstYesterday, dayStartTs } from '../../src/shared/days';

const OWN_COMMANDS = [
  'setupCredentials',
  'clearCredentials',
  'startDemo',
  'stopDemo',
  'refresh',
  'cancelLoad',
  'sort',
  'filter',
  'clearFilter',
  'showLog',
  'openSettings',
  'importOwnerNames',
].map((name) => `wecomGroupStats.${name}`);

suite('Credentials', () => {
  let api: WeComGroupStatsApi;
  let fake: FakeWeComServer;

  suiteSetup(async () => {
    api = await getApi();
    fake = await startFakeWeComServer({ ownerCount: 12, seed: 7 });
  });
  suiteTeardown(() => releaseHost(fake));
  setup(async () => {
    await resetHostTo(fake);
  });

  test('every command of the extension is registered', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    const missing = OWN_COMMANDS.filter((id) => !all.has(id));
    assert.deepStrictEqual(missing, []);
  });

  test('with nothing configured the view is in the unconfigured state', async () => {
    await waitForState(api, 'unconfigured');
    assert.strictEqual(await api.mode(), undefined);
    assert.deepStrictEqual(api.rows(), []);
  });

  test('set up, verify, load, clear: a round trip through SecretStorage', async () => {
    fake.resetCounts();
    assert.strictEqual(await setupCredentials(fake.corpId, fake.corpSecret), true);
    assert.strictEqual(
      vscode.workspace.getConfiguration(SETTINGS_SECTION).inspect('corpId')?.globalValue,
      fake.corpId,
    );
    assert.strictEqual(await api.mode(), 'real');
    assert.match(lastMessage(api).text, /verified and saved/);
    await waitForState(api, 'ready');
    assert.strictEqual(api.rows().length, 1 + fake.owners.length);
    assert.strictEqual(fake.counts()[WECOM_PATHS.token], 1, 'one token, reused for the load');
    // Saving fires two change events (secret, corp ID); they lead to one load, not two.
    // (The status bar's day-over-day change asks for the day before: not counted here.)
    const yesterdayStart = dayStartTs(cstYesterday());
    const forYesterday = fake
      .requests()
      .filter(
        (r) =>
          r.path === WECOM_PATHS.statistic &&
          (r.body as { day_begin_time?: number } | undefined)?.day_begin_time === yesterdayStart,
      );
    assert.strictEqual(forYesterday.length, 1);

    assert.strictEqual(await vscode.commands.executeCommand(COMMANDS.clearCredentials), true);
    assert.strictEqual(await api.mode(), undefined);
    await waitForState(api, 'unconfigured');
    assert.deepStrictEqual(api.rows(), []);
  });

  test('a wrong secret is rejected with errcode 40001 and nothing is saved', async () => {
    assert.strictEqual(await setupCredentials(fake.corpId, 'not-the-right-secret-000'), false);
    const message = lastMessage(api);
    assert.strictEqual(message.severity, 'error');
    // One sentence (the full advice is in the log), Retry asks again, Show Log.
    assert.match(
      message.text,
      /^Credentials not saved: WeCom rejected the secret \(.*\) \(errcode 40001\)\.$/,
    );
    assert.deepStrictEqual([...message.buttons], ['Retry', 'Show Log']);
    assert.ok(api.logLines().some((line) => line.includes("Enter the app's current secret again")));
    assert.strictEqual(
      vscode.workspace.getConfiguration(SETTINGS_SECTION).inspect('corpId')?.globalValue,
      undefined,
    );
    assert.strictEqual(await api.mode(), undefined);
  });

  test('an unknown corp ID is rejected with errcode 40013 and nothing is saved', async () => {
    assert.strictEqual(await setupCredentials('ww-unknown-corp', fake.corpSecret), false);
    assert.strictEqual(
      lastMessage(api).text,
      'Credentials not saved: WeCom does not know this corp ID (errcode 40013).',
    );
    assert.strictEqual(
      vscode.workspace.getConfiguration(SETTINGS_SECTION).inspect('corpId')?.globalValue,
      undefined,
    );
  });

  test('a corp ID with spaces is refused before any request', async () => {
    fake.resetCounts();
    assert.strictEqual(await setupCredentials('ww 123', fake.corpSecret), false);
    assert.match(lastMessage(api).text, /no spaces/);
    assert.strictEqual(fake.counts()[WECOM_PATHS.token] ?? 0, 0);
  });

  test('the secret never reaches settings, the log or global state', async () => {
    const wrong = 'wrong-secret-that-must-not-leak-1234';
    await setupCredentials(fake.corpId, wrong);
    assert.strictEqual(await setupCredentials(fake.corpId, fake.corpSecret), true);
    await waitForState(api, 'ready');
    await vscode.commands.executeCommand(COMMANDS.refresh);
    await api.whenIdle();

    const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
    const settingsText = JSON.stringify(SETTING_KEYS.map((name) => config.inspect(name)));
    const logText = api.logLines().join('\n');
    const stateText = JSON.stringify(api.globalState());
    const messagesText = JSON.stringify(api.messages());
    for (const secret of [fake.corpSecret, wrong]) {
      assert.ok(!settingsText.includes(secret), 'secret in settings');
      assert.ok(!logText.includes(secret), 'secret in the log');
      assert.ok(!stateText.includes(secret), 'secret in global state');
      assert.ok(!messagesText.includes(secret), 'secret in a notification');
    }
    assert.ok(!/access_token=(?!\*)/.test(logText), 'token in the log');
    // The log does record each request with endpoint and errcode.
    assert.ok(logText.includes(WECOM_PATHS.statistic), logText);
    assert.match(logText, /errcode 0/);
    assert.match(logText, /errcode 40001/);
  });
});
