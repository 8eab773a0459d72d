/** Shared setup of the client tests: a fake server on loopback and a client with fast backoff. */
import * as assert from 'node:assert/strict';
import { addDays, cstYesterday, listDays, type CstDay } from '../../../src/shared/days';
import { addStats, emptyStats, METRIC_KEYS, METRICS, type GroupChatStats } from '../../../src/shared/metrics';
import {
  startFakeWeComServer,
  type FakeWeComServer,
  type FakeWeComServerOptions,
} from '../../../src/demo/fakeServer';
import { WeComClient, type WeComClientDeps } from '../../../src/wecom/client';
import type { ByDayResult, OwnerTotals, RequestLogEntry, WeComClientOptions } from '../../../src/wecom/types';

/** Distinctive, so a leak is found by a plain substring search. */
export const TEST_SECRET = 'S3CRET-do-not-leak-7f1c9e2a4b6d8f0e1a3c5e7b9d';
export const TEST_CORP = 'ww1234test5678';

/** 2026-11-27 10:00 CST: a fixed "now" for server and client, so "yesterday" never moves mid-test. */
export const FIXED_NOW = Date.UTC(2026, 10, 27, 2, 0, 0);
export const fixedClock = (): number => FIXED_NOW;

export function startServer(options: FakeWeComServerOptions = {}): Promise<FakeWeComServer> {
  return startFakeWeComServer({ corpId: TEST_CORP, corpSecret: TEST_SECRET, now: fixedClock, ...options });
}

/**
 * A fake server for the enclosing suite: started once, closed at the end, and its faults, latency
 * and counters cleared before each test. `onStart` hands it to the suite's own variable.
 */
export function fakeServerPerSuite(
  options: FakeWeComServerOptions,
  onStart: (server: FakeWeComServer) => void,
): void {
  let server: FakeWeComServer | undefined;
  suiteSetup(async () => {
    server = await startServer(options);
    onStart(server);
  });
  suiteTeardown(() => server?.close());
  setup(() => {
    server?.setFaults({});
    server?.setLatency(0);
    server?.resetCounts();
  });
}

export interface TestClient {
  readonly client: WeComClient;
  readonly logs: RequestLogEntry[];
}

export function makeClient(
  server: FakeWeComServer,
  options: Partial<WeComClientOptions> = {},
  deps: WeComClientDeps = {},
): TestClient {
  const logs: RequestLogEntry[] = [];
  const client = new WeComClient(
    {
      corpId: server.corpId,
      corpSecret: server.corpSecret,
      baseUrl: server.url,
      backoffBaseMs: 5,
      rateLimitBackoffMs: 50,
      timeoutMs: 5000,
      now: fixedClock,
      onRequestLog: (entry) => logs.push(entry),
      ...options,
    },
    { env: {}, ...deps },
  );
  return { client, logs };
}

/** Ground truth of one owner over a range as the fake's `statistic` defines it: flows summed, stocks of the last day. */
export function ownerRangeTruth(
  server: FakeWeComServer,
  owner: string,
  from: CstDay,
  to: CstDay,
): GroupChatStats {
  const result = server.statsFor(owner, to);
  for (const day of listDays({ from, to: addDays(to, -1) })) {
    const data = server.statsFor(owner, day);
    for (const key of METRIC_KEYS) {
      if (METRICS[key].kind === 'flow') {
        result[key] += data[key];
      }
    }
  }
  return result;
}

/** Sum over owners of one day: what by-day must return for that owner set. */
export function dayTruth(server: FakeWeComServer, owners: readonly string[], day: CstDay): GroupChatStats {
  const sum = emptyStats();
  for (const owner of owners) {
    addStats(sum, server.statsFor(owner, day));
  }
  return sum;
}

export function yesterday(clock: () => number = fixedClock): CstDay {
  return cstYesterday(clock());
}

/** Bodies of the POSTs the fake received on `path`. */
export function bodiesOf(server: FakeWeComServer, path: string): Record<string, unknown>[] {
  return server
    .requests()
    .filter((r) => r.path === path)
    .map((r) => r.body as Record<string, unknown>);
}

/** Resolves with the rejection of `promise`, failing if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err: unknown) {
    return err;
  }
  throw new Error('expected the promise to reject');
}

/** A by-day result is whole (`days` days, none missing) and every day is exact for its owners. */
export function assertByDayTruth(server: FakeWeComServer, result: ByDayResult, days: number): void {
  assert.deepEqual(result.missingDays, []);
  assert.equal(result.total.length, days);
  for (const day of result.total) {
    assert.deepEqual(day.data, dayTruth(server, result.owners, day.date), day.date);
  }
}

/** Every row is one owner, once, with exactly the fake's figures for that day. */
export function assertTotalsTruth(server: FakeWeComServer, rows: readonly OwnerTotals[], day: CstDay): void {
  assert.equal(new Set(rows.map((r) => r.owner)).size, rows.length, 'each owner once');
  for (const row of rows) {
    assert.deepEqual(row.data, ownerRangeTruth(server, row.owner, day, day), row.owner);
  }
}
