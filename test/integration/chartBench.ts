/**
 * The chart benchmark, run inside a real extension host by scripts/bench-chart.js (not part of the
 * integration suite: the file name does not end in .test). It times "command → the webview reports
 * that Chart.js has drawn" for 180 days × 8 owners (one line each), cold (every day fetched from a
 * fake server started here) and warm (reopened: every day from the closed-day cache).
 */
import { randomBytes } from 'crypto';
import { performance } from 'perf_hooks';
import * as vscode from 'vscode';
import { startFakeWeComServer } from '../../src/demo/fakeServer';
import { SHOW_BY_DAY_CHART_COMMAND } from '../../src/extension/chart/registration';
import { subjectKey } from '../../src/shared/chartState';
import { WECOM_PATHS } from '../../src/shared/wecomApi';
import { chartTabs, probe } from './support/chartHost';
import { getApi, releaseHost, resetHostTo, setupCredentials, waitForState } from './support/wecomHost';

const SERIES = 8;
const DAYS = 180;

/** Closes the chart panels without waiting for the host (the next measurement opens another subject). */
async function closeCharts(): Promise<void> {
  await vscode.window.tabGroups.close(chartTabs());
}

/** Runs the command and waits (polling every 5 ms) until the webview reports the full drawing. */
interface Timing {
  readonly totalMs: number;
  /** Panel created → webview script ready, → by-day answered, → drawn (host clock). */
  readonly readyMs: number;
  readonly fetchedMs: number;
  readonly fetchMs: number;
  readonly drawnMs: number;
}

async function timeToDrawn(owners: readonly string[]): Promise<Timing> {
  const subject = subjectKey({ kind: 'owners', owners });
  const before = (await probe()).draws.filter((d) => d.subject === subject).length;
  const elements = owners.map((owner) => ({ kind: 'owner', owner }));
  const started = performance.now();
  await vscode.commands.executeCommand(SHOW_BY_DAY_CHART_COMMAND, elements[0], elements, {
    range: { kind: 'preset', days: DAYS },
    mode: 'compare',
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    const draws = (await probe()).draws.filter((d) => d.subject === subject && d.series === SERIES);
    const last = draws[draws.length - 1];
    if (draws.length > before && last.points === SERIES * DAYS) {
      const totalMs = performance.now() - started;
      const loads = (await probe()).loads.filter((l) => l.subject === subject && l.outcome === 'ok');
      const load = loads[loads.length - 1];
      return {
        totalMs,
        readyMs: last.readyMs,
        fetchedMs: load.sinceOpenMs,
        fetchMs: load.fetchMs,
        drawnMs: last.sinceOpenMs,
      };
    }
    const failed = (await probe()).loads.find((l) => l.subject === subject && l.outcome !== 'ok');
    if (failed) {
      throw new Error(`the chart load failed: ${failed.outcome}`);
    }
    if (Date.now() > deadline) {
      throw new Error('timed out waiting for the chart to be drawn');
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export async function run(): Promise<void> {
  const api = await getApi();
  const fake = await startFakeWeComServer({
    ownerCount: 40,
    seed: 21,
    corpId: `ww${randomBytes(8).toString('hex')}`,
  });
  try {
    await resetHostTo(fake);
    if (!(await setupCredentials(fake.corpId, fake.corpSecret))) {
      throw new Error('could not set up credentials against the fake server');
    }
    await waitForState(api, 'ready');
    const report = (name: string, t: Timing, requests: number): void =>
      console.log(
        `[bench-chart] ${name}: ${t.totalMs.toFixed(0)} ms, ${requests} by-day requests ` +
          `(after open: script ready ${t.readyMs} ms, figures ready ${t.fetchedMs} ms [fetch ${t.fetchMs} ms], drawn ${t.drawnMs} ms)`,
      );

    const sets = [0, 1, 2].map((i) => fake.owners.slice(i * SERIES, (i + 1) * SERIES));
    fake.resetCounts();
    report(
      'cold (no cache, 0 ms server latency)',
      await timeToDrawn(sets[0]),
      fake.counts()[WECOM_PATHS.byDay] ?? 0,
    );
    await closeCharts();
    fake.resetCounts();
    report(
      'warm (reopened, every day cached)',
      await timeToDrawn(sets[0]),
      fake.counts()[WECOM_PATHS.byDay] ?? 0,
    );
    await closeCharts();
    fake.setLatency(100);
    fake.resetCounts();
    report(
      'cold (no cache, 100 ms server latency)',
      await timeToDrawn(sets[1]),
      fake.counts()[WECOM_PATHS.byDay] ?? 0,
    );
    await closeCharts();
    fake.setLatency(0);
  } finally {
    await closeCharts();
    await releaseHost(fake);
  }
}
