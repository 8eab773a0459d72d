/**
 * The benchmark's workloads, each done two ways against the fake server: the shared client
 * (≤100-owner batches, 30-day windows, concurrency N) and the naive way (one owner per request,
 * sequential). Request counts come from the fake server, not from the client.
 */
import { startFakeWeComServer } from '../demo/fakeServer';
import type { FakeWeComServer } from '../demo/fakeServer';
import { cstYesterday, lastNDays, splitRange } from '../shared/days';
import type { DayRange } from '../shared/days';
import { METRIC_KEYS, addStats, emptyStats } from '../shared/metrics';
import type { GroupChatStats } from '../shared/metrics';
import { WeComClient } from '../wecom/client';

export interface BenchSettings {
  readonly latencyMs: number;
  readonly concurrency: number;
  /** Naive runs longer than this many requests are measured on a sample and extrapolated. */
  readonly naiveSample: number;
}

export interface Measurement {
  readonly method: string;
  readonly requests: number;
  readonly wallMs: number;
  readonly lowerBoundMs: number;
  /** Set when the figures are extrapolated from a measured sample of this many requests. */
  readonly sampledRequests?: number;
  /** Whether the result matched the fake server's ground truth; undefined when not checked. */
  readonly verified?: boolean;
}

export interface WorkloadResult {
  readonly name: string;
  readonly batched: Measurement;
  readonly naive: Measurement;
}

function totalRequests(server: FakeWeComServer): number {
  return Object.values(server.counts()).reduce((sum, n) => sum + n, 0);
}

/** Loads and JIT-warms the client and server code so the first measured workload is not penalized. */
export async function warmUp(): Promise<void> {
  const server = await startFakeWeComServer({ ownerCount: 150 });
  try {
    const day = cstYesterday();
    await newClient(server, 4).getOwnerTotals({ from: day, to: day });
    await newClient(server, 4).getByDay(lastNDays(40));
  } finally {
    await server.close();
  }
}

function newClient(server: FakeWeComServer, concurrency: number): WeComClient {
  return new WeComClient({
    corpId: server.corpId,
    corpSecret: server.corpSecret,
    baseUrl: server.url,
    concurrency,
  });
}

/**
 * Rounds of requests × latency: gettoken and the follow-user list each take a round of their own
 * (everything else needs their answers), then the remaining requests run `concurrency` at a time.
 */
function batchedLowerBound(requests: number, s: BenchSettings): number {
  const sequentialFirst = 2;
  return (sequentialFirst + Math.ceil(Math.max(0, requests - sequentialFirst) / s.concurrency)) * s.latencyMs;
}

/** Latest totals (yesterday) for every follow user. */
export async function ownerTotalsWorkload(ownerCount: number, s: BenchSettings): Promise<WorkloadResult> {
  const server = await startFakeWeComServer({ ownerCount, latencyMs: s.latencyMs });
  try {
    const day = cstYesterday();
    const range = { from: day, to: day };
    let started = performance.now();
    const rows = await newClient(server, s.concurrency).getOwnerTotals(range);
    const wallMs = performance.now() - started;
    const requests = totalRequests(server);
    const batched: Measurement = {
      method: `client, ≤100 owners/request, concurrency ${s.concurrency}`,
      requests,
      wallMs,
      lowerBoundMs: batchedLowerBound(requests, s),
      verified:
        rows.length === ownerCount &&
        rows.every((r) => r.data !== undefined && sameStats(r.data, server.statsFor(r.owner, day))),
    };

    server.resetCounts();
    const naiveClient = newClient(server, 1);
    started = performance.now();
    const owners = await naiveClient.listFollowUsers(); // gettoken + the follow-user list
    const setupMs = performance.now() - started;
    const sample = owners.slice(0, Math.min(owners.length, s.naiveSample));
    let sampleCorrect = true;
    started = performance.now();
    for (const owner of sample) {
      const [row] = await naiveClient.getOwnerTotals({ ...range, owners: [owner] });
      sampleCorrect &&= row.data !== undefined && sameStats(row.data, server.statsFor(owner, day));
    }
    const sampleMs = performance.now() - started;
    return {
      name: `owners' totals, yesterday, ${ownerCount.toLocaleString('en-US')} owners`,
      batched,
      naive: naive(setupMs, sampleMs, sample.length, owners.length, totalRequests(server), sampleCorrect, s),
    };
  } finally {
    await server.close();
  }
}

/** A by-day series over `days` days, summed over all follow users. */
export async function byDayWorkload(
  ownerCount: number,
  days: number,
  s: BenchSettings,
): Promise<WorkloadResult> {
  const server = await startFakeWeComServer({ ownerCount, latencyMs: s.latencyMs });
  try {
    const range: DayRange = lastNDays(days);
    let started = performance.now();
    const result = await newClient(server, s.concurrency).getByDay(range);
    const wallMs = performance.now() - started;
    const requests = totalRequests(server);
    const batched: Measurement = {
      method: `client, 30-day windows × ≤100 owners, concurrency ${s.concurrency}`,
      requests,
      wallMs,
      lowerBoundMs: batchedLowerBound(requests, s),
      verified:
        result.total.length === days &&
        result.total.every((d) => sameStats(d.data, sumOver(server, server.owners, d.date))),
    };

    // Naive: one request per owner and 30-day window, sequential (windows are unavoidable).
    server.resetCounts();
    const naiveClient = newClient(server, 1);
    started = performance.now();
    const owners = await naiveClient.listFollowUsers();
    const setupMs = performance.now() - started;
    const jobs = splitRange(range).flatMap((window) => owners.map((owner) => ({ window, owner })));
    const sample = jobs.slice(0, Math.min(jobs.length, s.naiveSample));
    started = performance.now();
    for (const job of sample) {
      await naiveClient.getByDay({ ...job.window, owners: [job.owner] });
    }
    const sampleMs = performance.now() - started;
    return {
      name: `by-day series, ${days} days, ${ownerCount.toLocaleString('en-US')} owners summed`,
      batched,
      naive: naive(setupMs, sampleMs, sample.length, jobs.length, totalRequests(server), undefined, s),
    };
  } finally {
    await server.close();
  }
}

function sameStats(a: GroupChatStats, b: GroupChatStats): boolean {
  return METRIC_KEYS.every((key) => a[key] === b[key]);
}

function sumOver(server: FakeWeComServer, owners: readonly string[], day: string): GroupChatStats {
  const total = emptyStats();
  owners.forEach((o) => addStats(total, server.statsFor(o, day)));
  return total;
}

/** Naive figures: measured setup + per-request time of the sample × all requests when sampled. */
function naive(
  setupMs: number,
  sampleMs: number,
  sampled: number,
  needed: number,
  measuredRequests: number,
  verified: boolean | undefined,
  s: BenchSettings,
): Measurement {
  const setupRequests = measuredRequests - sampled;
  const requests = setupRequests + needed;
  const extrapolated = sampled < needed;
  return {
    method: 'naive: 1 owner/request, sequential',
    requests,
    wallMs: setupMs + (sampleMs / Math.max(1, sampled)) * needed,
    lowerBoundMs: requests * s.latencyMs,
    sampledRequests: extrapolated ? sampled : undefined,
    verified,
  };
}
