/**
 * Where requests (and so the secret) go is the user's choice only: apiBaseUrl, proxy and
 * allowInsecureHttp are application-scoped, so a workspace's .vscode/settings.json cannot redirect
 * them; plain http:// to a remote host is refused with a message that says why and how to allow it.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { startFakeWeComServer, type FakeWeComServer } from '../../src/demo/fakeServer';
import { SETTINGS_SECTION } from '../../src/extension/settings';
import type { WeComGroupStatsApi } from '../../src/extension/testApi';
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

const EVIL = 'http://127.0.0.1:9/not-the-user-choice';

function workspaceSettingsFile(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration run opens a folder');
  return path.join(folder.uri.fsPath, '.vscode', 'settings.json');
}

suite('Settings: application scope and plain http', () => {
  let api: WeComGroupStatsApi;
  let fake: FakeWeComServer;

  suiteSetup(async () => {
    api = await getApi();
    fake = await startFakeWeComServer({ ownerCount: 5, seed: 23 });
    await resetHostTo(fake);
    assert.ok(await setupCredentials(fake.corpId, fake.corpSecret));
    await waitForState(api, 'ready');
  });
  suiteTeardown(async () => {
    fs.rmSync(path.dirname(workspaceSettingsFile()), { recursive: true, force: true });
    await releaseHost(fake);
  });

  test('a workspace apiBaseUrl or proxy is not used; a workspace owners list is', async () => {
    const file = workspaceSettingsFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const chosen = fake.owners[1];
    fs.writeFileSync(
      file,
      JSON.stringify({
        [`${SETTINGS_SECTION}.apiBaseUrl`]: EVIL,
        [`${SETTINGS_SECTION}.proxy`]: 'http://127.0.0.1:9',
        [`${SETTINGS_SECTION}.allowInsecureHttp`]: true,
        [`${SETTINGS_SECTION}.owners`]: [chosen],
      }),
    );
    const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration(SETTINGS_SECTION);
    // The window-scoped owners value proves the file was read…
    await waitFor('the workspace settings file is read', () => config().inspect('owners')?.workspaceValue);
    await waitFor('the tree shows the workspace owner', () => api.rows().length === 2);
    await api.whenIdle();
    // …while the application-scoped values are the user's (or the defaults).
    for (const key of ['apiBaseUrl', 'proxy', 'allowInsecureHttp']) {
      const inspected = config().inspect(key);
      assert.strictEqual(inspected?.workspaceValue, undefined, `${key}: ${JSON.stringify(inspected)}`);
    }
    assert.strictEqual(config().inspect('apiBaseUrl')?.globalValue, fake.url);
    assert.strictEqual(config().get('apiBaseUrl'), fake.url);
    assert.strictEqual(api.state(), 'ready', api.view().message);
    assert.deepStrictEqual(
      api.rows().map((r) => r.owner),
      [undefined, chosen],
    );
    fs.rmSync(file);
    await waitFor('all owners again', () => api.rows().length === 1 + fake.owners.length);
  });

  test('plain http:// to a remote host is refused with the reason; allowing it lets the request go', async () => {
    const relay = 'http://wecom-relay.invalid:8080';
    await setSetting('apiBaseUrl', relay);
    await waitForState(api, 'error');
    const refused = lastMessage(api);
    assert.strictEqual(refused.severity, 'error');
    assert.match(
      refused.text,
      /^Could not load the group owners\. The API base URL http:\/\/wecom-relay\.invalid:8080 uses plain http:\/\//,
    );
    assert.match(refused.text, /wecomGroupStats\.allowInsecureHttp/);
    assert.ok(refused.buttons.includes('Open Settings'), refused.buttons.join());
    assert.strictEqual(api.view().message, refused.text);
    assert.ok(!api.logLines().some((line) => /\n\s+at /.test(line)), 'no stack in the log');

    // Set up credentials says the same, instead of failing the command.
    assert.strictEqual(await setupCredentials(fake.corpId, fake.corpSecret), false);
    assert.match(lastMessage(api).text, /^Credentials not saved\. The API base URL .* plain http:\/\//);

    // Allowed deliberately: the request is made (and fails: the relay does not exist).
    await setSetting('allowInsecureHttp', true);
    await waitFor(
      'a network failure',
      () => /Could not reach wecom-relay\.invalid/.test(lastMessage(api).text),
      20000,
    );
    await setSetting('allowInsecureHttp', undefined);

    // Loopback http (the fake server, the demo server) needs no permission.
    await setSetting('apiBaseUrl', fake.url);
    await waitForState(api, 'ready');
  });
});
