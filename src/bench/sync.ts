/**
 * `node dist/bench-sync.js`: a backfill of D days × N owners (default 30 × 500) from the fake
 * WeCom server with 80 ms latency into a fresh store: calls made against the plan's floor, and the
 * wall time against the round-trip bound ⌈calls / concurrency⌉ × latency (target ≤ 1.3×). Every
 * stored atom is checked against the fake's ground truth. Options: --days, --owners, --latency,
 * --concurrency, --store PATH|postgres://… (default: a temp file).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { startFakeWeComServer } from '../demo/fakeServer';
import { lastNDays, listDays } from '../shared/days';
import { METRIC_KEYS } from '../shared/metrics';
import { WECOM_PATHS } from '../shared/wecomApi';
import { openHistoryStore } from '../store/open';
import { scopeFor } from '../sync/scope';
import { planSync, runSync } from '../sync/sync';
import { WeComClient } from '../wecom/client';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      days: { type: 'string', default: '30' },
      owners: { type: 'string', default: '500' },
      latency: { type: 'string', default: '80' },
      concurrency: { type: 'string', default: '4' },
      store: { type: 'string' },
    },
    strict: true,
  });
  const [days, ownerCount, latencyMs, concurrency] = [
    values.days,
    values.owners,
    values.latency,
    values.concurrency,
  ].map(Number);
  const tmp =
    values.store === undefined ? fs.mkdtempSync(path.join(os.tmpdir(), 'wecom-bench-sync-')) : undefined;
  const location = values.store ?? path.join(tmp as string, 'history.db');
  const server = await startFakeWeComServer({ ownerCount, latencyMs });
  const store = await openHistoryStore(location, { password: process.env.PGPASSWORD });
  try {
    const client = new WeComClient({
      corpId: server.corpId,
      corpSecret: server.corpSecret,
      baseUrl: server.url,
      concurrency,
    });
    const scope = scopeFor({
      apiBaseUrl: `${server.url}#bench-${Date.now()}`,
      corpId: server.corpId,
      corpSecret: server.corpSecret,
    });
    const owners = await client.listFollowUsers();
    const wanted = listDays(lastNDays(days));
    const plan = await planSync(store, scope, { days: wanted, owners, nowMs: Date.now() });
    // The floor: every (day, owner) is missing, so by day it is ⌈owners / 100⌉ calls a day.
    const floor = Math.min(days * Math.ceil(ownerCount / 100), ownerCount * Math.ceil(days / 30));
    server.resetCounts();
    const started = performance.now();
    const result = await runSync(client, store, scope, plan, {
      now: Date.now,
      parallelUnits: concurrency * 2,
    });
    const wallMs = performance.now() - started;
    const made = (server.counts()[WECOM_PATHS.statistic] ?? 0) + (server.counts()[WECOM_PATHS.byDay] ?? 0);
    const boundMs = Math.ceil(made / concurrency) * latencyMs;
    const atoms = await store.getAtoms(scope, { from: wanted[0], to: wanted[wanted.length - 1] });
    const wrong = atoms.filter((a) =>
      METRIC_KEYS.some((k) => a.data?.[k] !== server.statsFor(a.owner, a.day)[k]),
    );
    const lines = [
      `Backfill ${days} days × ${ownerCount} owners into the ${store.engine} store, fake server at ${latencyMs} ms, concurrency ${concurrency}`,
      `  plan:        ${plan.kind}, ${plan.calls} calls (floor ${floor}; the other way ${plan.otherCalls})`,
      `  calls made:  ${made} (counted by the fake server)${made === floor ? ' = floor' : ' ≠ FLOOR'}`,
      `  wall time:   ${(wallMs / 1000).toFixed(2)} s; bound ⌈${made}/${concurrency}⌉ × ${latencyMs} ms = ${(boundMs / 1000).toFixed(2)} s; ratio ${(wallMs / boundMs).toFixed(2)} (target ≤ 1.30)`,
      `  stored:      ${result.atoms} atoms (${atoms.length} read back, ${wrong.length} differing from the ground truth)`,
    ];
    console.log(lines.join('\n'));
    if (made !== floor || wrong.length > 0 || atoms.length !== days * ownerCount) {
      process.exitCode = 1;
    }
  } finally {
    await store.close();
    await server.close();
    if (tmp) {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
}

main().catch((err: unknown) => {
  console.error(`bench-sync: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
