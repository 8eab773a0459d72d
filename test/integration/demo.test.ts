/**
 * Demo mode inside the extension host: the built-in fake server starts on a loopback port, the
 * tree shows its data through the same client, the real credentials are left alone, and
 * leaving demo mode stops the server.
 */
import * as assert from 'assert';
import * as http from 'http';
import * as vscode from 'vscode';
import { startFakeWeComServer, type FakeWeComServer } from '../../src/demo/fakeServer';
import { COMMANDS } from '../../src/extension/commands/commandIds';
import { SETTINGS_SECTION } from '../../src/extension/settings';
import { WECOM_PATHS } from '../../src/shared/wecomApi';
import type { WeComGroupStatsApi } from '../../src/extension/testApi';
import {
  getApi,
  releaseHost,
  resetHost,
  setSetting,
  setupCredentials,
  waitForState,
} from './support/wecomHost';

function reachable(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(`${url}${WECOM_PATHS.token}`, (res) => {
      res.resume();
      resolve(true);
    });
    request.on('error', () => resolve(false));
  });
}

suite('Demo mode', () => {
  let api: WeComGroupStatsApi;
  let fake: FakeWeComServer;

  suiteSetup(async () => {
    api = await getApi();
    fake = await startFakeWeComServer({ ownerCount: 5 });
  });
  suiteTeardown(() => releaseHost(fake));
  setup(() => resetHost());

  test('Try with demo data shows demo owners; Leave demo mode stops the server', async () => {
    assert.strictEqual(await vscode.commands.executeCommand(COMMANDS.startDemo), true);
    assert.strictEqual(await api.mode(), 'demo');
    const url = api.demoServerUrl();
    assert.ok(url && /^http:\/\/127\.0\.0\.1:\d+$/.test(url), url);
    await waitForState(api, 'ready');
    const owners = api.rows().slice(1);
    assert.ok(owners.length >= 10, `demo owners: ${owners.length}`);
    assert.ok(
      owners.some((r) => r.label !== r.owner),
      'demo owners carry display names',
    );
    assert.ok(await reachable(url));

    await vscode.commands.executeCommand(COMMANDS.stopDemo);
    assert.strictEqual(await api.mode(), undefined);
    assert.strictEqual(api.demoServerUrl(), undefined);
    await waitForState(api, 'unconfigured');
    assert.strictEqual(await reachable(url), false, 'the demo server is stopped');
  });

  test('Leave demo mode while the demo server is still starting leaves demo mode off', async () => {
    const started = vscode.commands.executeCommand(COMMANDS.startDemo);
    await vscode.commands.executeCommand(COMMANDS.stopDemo);
    await started;
    assert.strictEqual(api.demoServerUrl(), undefined);
    assert.strictEqual(await api.mode(), undefined);
    await waitForState(api, 'unconfigured');
  });

  test('demo mode leaves the real credentials alone', async () => {
    await setSetting('apiBaseUrl', fake.url);
    assert.ok(await setupCredentials(fake.corpId, fake.corpSecret));
    await waitForState(api, 'ready');
    assert.strictEqual(api.rows().length, 1 + fake.owners.length);

    await vscode.commands.executeCommand(COMMANDS.startDemo);
    await waitForState(api, 'ready');
    assert.strictEqual(await api.mode(), 'demo');
    assert.notStrictEqual(api.rows().length, 1 + fake.owners.length);
    assert.strictEqual(
      vscode.workspace.getConfiguration(SETTINGS_SECTION).inspect('corpId')?.globalValue,
      fake.corpId,
    );

    await vscode.commands.executeCommand(COMMANDS.stopDemo);
    assert.strictEqual(await api.mode(), 'real');
    await waitForState(api, 'ready');
    assert.strictEqual(api.rows().length, 1 + fake.owners.length);
  });
});
