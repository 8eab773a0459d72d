/**
 * Error paths end in a notification that says what to do, with buttons that do it, and the view
 * says so too: wrong secret, server down, IP not trusted (60020), bad settings.
 */
import * as assert from 'assert';
import * as net from 'net';
import * as vscode from 'vscode';
import { startFakeWeComServer, type FakeWeComServer } from '../../src/demo/fakeServer';
import { COMMANDS } from '../../src/extension/commands/commandIds';
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
  morningCst,
} from './support/wecomHost';

/** A loopback port with nothing listening (bound, then released). */
async function closedPortUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

suite('Error paths', () => {
  let api: WeComGroupStatsApi;
  let fake: FakeWeComServer;

  suiteSetup(async () => {
    api = await getApi();
    // Yesterday provisional whatever the hour: a refresh then asks WeCom (and meets its failures).
    api.setNow(morningCst());
  });
  suiteTeardown(() => api.setNow(undefined));
  setup(async () => {
    fake = await startFakeWeComServer({ ownerCount: 6 });
    await resetHostTo(fake);
  });
  teardown(() => releaseHost(fake));

  test('60020: the message shows the IP and explains trusted IPs and the proxy setting', async () => {
    fake.setFaults({ rejectFromIp: '203.0.113.7' });
    assert.strictEqual(await setupCredentials(fake.corpId, fake.corpSecret), false);
    const message = lastMessage(api);
    assert.match(message.text, /203\.0\.113\.7/);
    assert.match(message.text, /60020/);
    assert.match(message.text, /trusted IPs/);
    // The proxy is the fix on this side; Open settings leads to it.
    assert.match(message.text, /the proxy setting/);
    assert.strictEqual(message.text.split('203.0.113.7').length, 2, 'the hint is said once');
    assert.deepStrictEqual([...message.buttons], ['Open Settings', 'Show Log']);
    assert.strictEqual(
      vscode.workspace.getConfiguration(SETTINGS_SECTION).inspect('corpId')?.globalValue,
      undefined,
    );
  });

  test('server not reachable during setup: check the API base URL and proxy; nothing saved', async () => {
    const url = await closedPortUrl();
    await setSetting('apiBaseUrl', url);
    assert.strictEqual(await setupCredentials(fake.corpId, fake.corpSecret), false);
    const message = lastMessage(api);
    assert.match(message.text, /^Credentials not saved\. Could not reach 127\.0\.0\.1:\d+\./);
    assert.match(message.text, /the API base URL and the proxy/);
    assert.strictEqual(message.text.match(/Could not reach/g)?.length, 1, 'said once, not wrapped twice');
    assert.ok(message.buttons.includes('Open Settings'));
    assert.strictEqual(await api.mode(), undefined);
  });

  test('server going down after setup: the load fails with Retry, the rows stay, the view says why', async () => {
    assert.ok(await setupCredentials(fake.corpId, fake.corpSecret));
    await waitForState(api, 'ready');
    const rowsBefore = api.rows().length;
    await fake.close();
    await vscode.commands.executeCommand(COMMANDS.refresh);
    await waitForState(api, 'error');
    const message = lastMessage(api);
    assert.match(message.text, /^Could not load the group owners\./);
    assert.deepStrictEqual([...message.buttons], ['Retry', 'Open Settings', 'Show Log']);
    assert.strictEqual(api.rows().length, rowsBefore, 'previous rows stay');
    assert.match(api.view().message ?? '', /Could not reach/);
    fake = await startFakeWeComServer({ ownerCount: 6 }); // for teardown
  });

  test('a secret that stops working shows 40001 in one sentence with Retry, Set Up Credentials and Show Log', async () => {
    assert.ok(await setupCredentials(fake.corpId, fake.corpSecret));
    await waitForState(api, 'ready');
    // Another server with the same corp ID but a different secret: the stored one is now wrong.
    const other = await startFakeWeComServer({
      ownerCount: 6,
      corpSecret: 'a-different-secret-000000000000',
    });
    try {
      await setSetting('apiBaseUrl', other.url);
      await waitForState(api, 'error');
      const message = lastMessage(api);
      assert.match(
        message.text,
        /^Could not load the group owners: WeCom rejected the secret .*\(errcode 40001\)\.$/,
      );
      assert.deepStrictEqual([...message.buttons], ['Retry', 'Set Up Credentials', 'Show Log']);
      assert.deepStrictEqual(api.rows(), [], 'rows of another server are not kept');
    } finally {
      await other.close();
    }
  });

  test('bad settings are reported by name', async () => {
    await setSetting('concurrency', 99);
    const warning = await waitFor('a settings warning', () =>
      api.messages().find((m) => m.severity === 'warning' && m.text.includes('wecomGroupStats.concurrency')),
    );
    assert.match(warning.text, /from 1 to 16/);
    assert.ok(warning.buttons.includes('Open Settings'));
  });
});
