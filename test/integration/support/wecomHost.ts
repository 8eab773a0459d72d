/**
 * Shared steps of the owners/credentials/demo integration suites: reach the extension's test
 * API, point settings at a fake WeCom server, wait for the view, reset state between tests.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { FakeWeComServer } from '../../../src/demo/fakeServer';
import { COMMANDS } from '../../../src/extension/commands/commandIds';
import { SETTING_KEYS, SETTINGS_SECTION } from '../../../src/extension/settings';
import type { WeComGroupStatsApi, TreeRowSnapshot } from '../../../src/extension/testApi';
import { cstToday } from '../../../src/shared/days';
import { emptyStats, METRIC_KEYS, type GroupChatStats } from '../../../src/shared/metrics';

export const EXTENSION_ID = 'wecom-group-stats.wecom-group-stats';

export async function getApi(): Promise<WeComGroupStatsApi> {
  const extension = vscode.extensions.getExtension<WeComGroupStatsApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
  const api = await extension.activate();
  // activate returns the test API only in ExtensionMode.Test (extensionTestsPath set).
  assert.ok(api, 'the extension returned no test API: is it running in ExtensionMode.Test?');
  return api;
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace
    .getConfiguration(SETTINGS_SECTION)
    .update(key, value, vscode.ConfigurationTarget.Global);
}

/** Polls until `check` returns a value (not undefined/false); fails with `what` after a deadline. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false,
  timeoutMs = 15000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the view has settled in `state` (after any load triggered by events). */
export async function waitForState(api: WeComGroupStatsApi, state: string): Promise<void> {
  await waitFor(`view state ${state} (now ${api.state()})`, () => api.state() === state);
  await api.whenIdle();
  assert.strictEqual(api.state(), state);
}

/** Sets up credentials through the command's argument seam; returns whether they were saved. */
export async function setupCredentials(corpId: string, secret: string): Promise<boolean> {
  return (await vscode.commands.executeCommand(COMMANDS.setupCredentials, { corpId, secret })) === true;
}

/** Brings the extension back to "nothing configured". */
export async function resetHost(): Promise<void> {
  await vscode.commands.executeCommand(COMMANDS.stopDemo);
  await vscode.commands.executeCommand(COMMANDS.clearFilter);
  await vscode.commands.executeCommand(COMMANDS.sort, { metric: 'chat_total', ascending: false });
  await vscode.commands.executeCommand(COMMANDS.clearCredentials);
  for (const key of SETTING_KEYS) {
    await setSetting(key, undefined);
  }
}

/**
 * 09:00 CST of today (CST): yesterday is provisional then, so a refresh asks WeCom again. Suites
 * that test loads and their failures pin the host here, so they do not depend on the hour they
 * run at (after 10:00 CST yesterday's stored figures are final and a refresh needs no call).
 */
export function morningCst(nowMs: number = Date.now()): number {
  return Date.parse(`${cstToday(nowMs)}T09:00:00+08:00`);
}

/** "Nothing configured", with the extension pointed at `fake`. */
export async function resetHostTo(fake: FakeWeComServer): Promise<void> {
  await resetHost();
  await setSetting('apiBaseUrl', fake.url);
}

/** The extension connected to `fake` with its credentials, the tree loaded ("ready"). */
export async function connectTo(api: WeComGroupStatsApi, fake: FakeWeComServer): Promise<void> {
  await resetHostTo(fake);
  assert.ok(await setupCredentials(fake.corpId, fake.corpSecret));
  await waitForState(api, 'ready');
}

/** A suite's end: nothing configured, and its fake server closed. */
export async function releaseHost(fake: FakeWeComServer): Promise<void> {
  await resetHost();
  await fake.close();
}

/** Reads the 8 figures back from the figure rows under a row (descriptions are formatted numbers). */
export function figuresFromRows(rows: readonly TreeRowSnapshot[]): GroupChatStats {
  const stats = emptyStats();
  for (const row of rows) {
    assert.ok(
      row.metric && (METRIC_KEYS as readonly string[]).includes(row.metric),
      `figure row ${row.label}`,
    );
    stats[row.metric as keyof GroupChatStats] = Number(row.description.replace(/[^\d-]/g, ''));
  }
  return stats;
}

export function lastMessage(api: WeComGroupStatsApi): {
  severity: string;
  text: string;
  buttons: readonly string[];
} {
  const messages = api.messages();
  assert.ok(messages.length > 0, 'no notification was shown');
  return messages[messages.length - 1];
}
