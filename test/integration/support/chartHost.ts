/**
 * Shared steps of the chart's extension-host suites and its benchmark: the test probe, the chart
 * tabs, and a fake WeCom server the host is signed in to.
 */
import * as assert from 'assert';
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import {
  startFakeWeComServer,
  type FakeWeComServer,
  type FakeWeComServerOptions,
} from '../../../src/demo/fakeServer';
import { CHART_TEST_PROBE_COMMAND, type ChartTestProbe } from '../../../src/extension/chart/registration';
import type { OwnerTreeElement } from '../../../src/extension/contracts';
import type { WeComGroupStatsApi } from '../../../src/extension/testApi';
import { CHART_VIEW_TYPE } from '../../../src/shared/protocol';
import { startWeComProxy, type WeComProxy } from '../../support/wecomProxy';
import { resetHost, resetHostTo, setSetting, setupCredentials, waitForState } from './wecomHost';

/** What the chart feature reports to tests (registered only in ExtensionMode.Test). */
export async function probe(): Promise<ChartTestProbe> {
  return (await vscode.commands.executeCommand<ChartTestProbe>(CHART_TEST_PROBE_COMMAND)) as ChartTestProbe;
}

/** Polls the async `check` until it returns a value (not undefined/false); fails with `what` after a deadline. */
export async function until<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The open tabs of chart panels. */
export function chartTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter(
      (tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(CHART_VIEW_TYPE),
    );
}

/** Closes every chart panel and waits until the host has disposed them. */
export async function closeCharts(): Promise<void> {
  await vscode.window.tabGroups.close(chartTabs());
  await until('chart panels closed', async () => (await probe()).panels.length === 0);
}

/** An owner row of the tree, as the chart command receives it. */
export function owner(id: string): OwnerTreeElement {
  return { kind: 'owner', owner: id };
}

/**
 * A fake server with a corp of its own, so no other suite's cached days can answer for it, and
 * the host signed in to it with its owner names set.
 */
export async function startSignedInFake(
  api: WeComGroupStatsApi,
  options: { readonly ownerCount: number; readonly seed: number },
): Promise<FakeWeComServer> {
  const fake = await startFakeWeComServer({ ...options, corpId: `ww${randomBytes(8).toString('hex')}` });
  await resetHostTo(fake);
  await setSetting('ownerNames', fake.ownerNames);
  assert.ok(await setupCredentials(fake.corpId, fake.corpSecret));
  await waitForState(api, 'ready');
  return fake;
}

/**
 * A fake server with a corp of its own behind a rewriting proxy (test/support/wecomProxy.ts), and
 * the host signed in through the proxy.
 */
export async function startProxiedSignedInFake(
  api: WeComGroupStatsApi,
  options: FakeWeComServerOptions,
): Promise<{ readonly fake: FakeWeComServer; readonly proxy: WeComProxy }> {
  const fake = await startFakeWeComServer({ ...options, corpId: `ww${randomBytes(8).toString('hex')}` });
  const proxy = await startWeComProxy(fake.url);
  await resetHost();
  await setSetting('apiBaseUrl', proxy.url);
  assert.ok(await setupCredentials(fake.corpId, fake.corpSecret));
  await waitForState(api, 'ready');
  return { fake, proxy };
}
