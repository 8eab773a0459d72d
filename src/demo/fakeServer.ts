/**
 * A fake WeCom server on 127.0.0.1 implementing gettoken, get_follow_user_list and the two
 * group-chat statistics endpoints as documented, with deterministic data and injectable faults.
 * Used by tests, the CLI's and the extension's demo mode, and the benchmark.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CstDay } from '../shared/days';
import { emptyStats } from '../shared/metrics';
import type { GroupChatStats } from '../shared/metrics';
import { WECOM_PATHS } from '../shared/wecomApi';
import { DemoDataset } from './dataset';
import { FaultInjector } from './faults';
import type { FakeFaults } from './faults';
import { makeOwners, ownsNoGroups } from './owners';
import { errorReply, ok } from './replies';
import type { ApiReply } from './replies';
import type { FaultEndpoint } from './replyFaults';
import { isPlainDelivery, writeReply } from './replyWriter';
import type { BodyWrite, Delivery } from './replyWriter';
import { byDayBody, statisticBody } from './statsReplies';
import { parseStatsQuery } from './statsQuery';
import { TokenStore } from './tokens';

export const DEMO_CORP_ID = 'ww0000demo0000001';
export const DEMO_CORP_SECRET = 'demo-secret-not-real-0000000000000000000000';

export interface FakeWeComServerOptions {
  /** 0 = a random free port (default); always binds 127.0.0.1. */
  port?: number;
  corpId?: string;
  corpSecret?: string;
  /** Default 30. */
  ownerCount?: number;
  /** Deterministic data for a given seed (default 1). */
  seed?: number;
  /** Default 7200. */
  tokenTtlSeconds?: number;
  /** Added to every reply (default 0). */
  latencyMs?: number;
  /** Clock in ms: decides "today" (CST) and token expiry; default Date.now. */
  now?: () => number;
  faults?: FakeFaults;
}

export interface FakeRequestRecord {
  readonly path: string;
  readonly body?: unknown;
  /** What the server answered: -2 for an injected HTTP 500, -3 for an unknown path (HTTP 404). */
  readonly errcode: number;
  /**
   * The fault injected into this call, when one was: 'busy', 'http500', 'rateLimit', 'maxConcurrent',
   * 'rejectFromIp', 'tokenExpiresAfterCalls', or the reply fault kinds applied joined by '+' ('figure+drip').
   */
  readonly fault?: string;
}

export interface FakeWeComServer {
  readonly url: string;
  readonly port: number;
  readonly corpId: string;
  readonly corpSecret: string;
  readonly owners: readonly string[];
  readonly ownerNames: Readonly<Record<string, string>>;
  /** Ground truth: one owner's figures on one CST day (what by-day returns for that owner alone). */
  statsFor(owner: string, day: CstDay): GroupChatStats;
  /** Requests per path since start or the last resetCounts(). */
  counts(): Record<string, number>;
  requests(): readonly FakeRequestRecord[];
  resetCounts(): void;
  /** Every token issued so far answers 42001 from now on. */
  expireAllTokens(): void;
  /** Replaces all faults and resets their counters; throws on an invalid fault (the old ones then stay). */
  setFaults(faults: FakeFaults): void;
  /** Bodies still being written slowly or in pieces (drip, oversize, truncate); 0 once clients have left. */
  bodiesInProgress(): number;
  setLatency(ms: number): void;
  close(): Promise<void>;
}

/** Keeps memory bounded when the standalone server runs for long. */
const MAX_RECORDS = 100_000;
const MAX_BODY_BYTES = 1 << 20;

interface Reply {
  readonly status: number;
  readonly body: ApiReply | { errcode: number; errmsg: string };
  readonly fault?: string;
}

const ENDPOINTS: ReadonlyMap<string, FaultEndpoint> = new Map(
  (Object.keys(WECOM_PATHS) as FaultEndpoint[]).map((key) => [WECOM_PATHS[key], key]),
);

export async function startFakeWeComServer(options: FakeWeComServerOptions = {}): Promise<FakeWeComServer> {
  const now = options.now ?? Date.now;
  const corpId = options.corpId ?? DEMO_CORP_ID;
  const corpSecret = options.corpSecret ?? DEMO_CORP_SECRET;
  const directory = makeOwners(options.ownerCount ?? 30);
  const ownerIndex = new Map(directory.owners.map((owner, i) => [owner, i]));
  const dataset = new DemoDataset(options.seed ?? 1, (owner) => ownsNoGroups(ownerIndex.get(owner) ?? 0));
  const tokens = new TokenStore(options.tokenTtlSeconds ?? 7200, now);
  const faults = new FaultInjector(now);
  const setFaults = (next: FakeFaults): void => {
    faults.set(next);
    tokens.setCallLimit(next.tokenExpiresAfterCalls ?? 0);
  };
  setFaults(options.faults ?? {});
  let latencyMs = options.latencyMs ?? 0;
  let counts: Record<string, number> = {};
  let records: FakeRequestRecord[] = [];
  let inFlight = 0;
  const timers = new Set<NodeJS.Timeout>();
  const writes = new Set<BodyWrite>();

  function answer(path: string, url: URL, method: string, body: unknown): Reply {
    const rejected = faults.ipRejection();
    if (rejected) {
      return { status: 200, body: rejected, fault: 'rejectFromIp' };
    }
    if (path === WECOM_PATHS.token) {
      return { status: 200, body: getToken(url) };
    }
    const known = Object.values(WECOM_PATHS) as string[];
    if (!known.includes(path)) {
      return { status: 404, body: { errcode: -3, errmsg: `no such endpoint: ${path}` } };
    }
    const fault = faults.onApiCall(inFlight);
    if (fault?.kind === 'http500') {
      return {
        status: 500,
        body: { errcode: -2, errmsg: 'internal server error (injected)' },
        fault: fault.label,
      };
    }
    if (fault) {
      return { status: 200, body: fault.reply, fault: fault.label };
    }
    const token = url.searchParams.get('access_token');
    const tokenState = tokens.check(token);
    if (tokenState !== 0) {
      const usedUp = tokenState === 42001 && tokens.expiredByCallLimit(token);
      return {
        status: 200,
        body: errorReply(tokenState, now()),
        fault: usedUp ? 'tokenExpiresAfterCalls' : undefined,
      };
    }
    if (path === WECOM_PATHS.followUsers) {
      return { status: 200, body: ok({ follow_user: [...directory.owners] }) };
    }
    if (method !== 'POST') {
      return { status: 200, body: errorReply(40058, now(), 'this endpoint requires POST') };
    }
    const query = parseStatsQuery(body, { nowMs: now(), owners: directory.owners });
    if ('errcode' in query) {
      return { status: 200, body: errorReply(query.errcode, now(), query.detail) };
    }
    const reply = path === WECOM_PATHS.statistic ? statisticBody(dataset, query) : byDayBody(dataset, query);
    return { status: 200, body: ok({ ...reply }) };
  }

  function getToken(url: URL): ApiReply {
    const id = url.searchParams.get('corpid');
    const secret = url.searchParams.get('corpsecret');
    if (!id) {
      return errorReply(41002, now());
    }
    if (!secret) {
      return errorReply(41004, now());
    }
    if (id !== corpId) {
      return errorReply(40013, now());
    }
    if (secret !== corpSecret) {
      // Like WeCom: the reply never echoes the secret that was sent.
      return errorReply(40001, now());
    }
    const { token, expiresIn } = tokens.issue();
    return ok({ access_token: token, expires_in: expiresIn });
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
      }
    });
    req.on('end', () => {
      inFlight += 1;
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = url.pathname;
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = text.length > 0 ? JSON.parse(text) : undefined;
      } catch {
        // Not JSON: the statistics endpoints then answer 40058 (body is not a JSON object).
        body = undefined;
      }
      const reply = answer(path, url, req.method ?? 'GET', body);
      let payload: string;
      let delivery: Delivery = {};
      let fault = reply.fault;
      const endpoint = ENDPOINTS.get(path);
      if (endpoint && reply.body.errcode === 0 && !faults.replyFaults.empty) {
        const shaped = faults.replyFaults.shape(endpoint, body, reply.body);
        payload = shaped.payload;
        delivery = shaped.delivery;
        fault = shaped.applied.length > 0 ? shaped.applied.join('+') : fault;
      } else {
        payload = JSON.stringify(reply.body);
      }
      counts[path] = (counts[path] ?? 0) + 1;
      if (records.length < MAX_RECORDS) {
        records.push({ path, body, errcode: reply.body.errcode, ...(fault === undefined ? {} : { fault }) });
      }
      const send = (): void => {
        inFlight -= 1;
        if (!isPlainDelivery(delivery)) {
          const write = writeReply(res, reply.status, payload, delivery, () => writes.delete(write));
          writes.add(write);
          return;
        }
        res.writeHead(reply.status, {
          'content-type': 'application/json; charset=UTF-8',
          'content-length': Buffer.byteLength(payload),
        });
        res.end(payload);
      };
      if (latencyMs > 0) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          send();
        }, latencyMs);
        timers.add(timer);
      } else {
        send();
      }
    });
  });

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    corpId,
    corpSecret,
    owners: directory.owners,
    ownerNames: directory.names,
    // Unknown owners own nothing (the endpoints ignore them too).
    statsFor: (owner, day) => (ownerIndex.has(owner) ? dataset.statsFor(owner, day) : emptyStats()),
    counts: () => ({ ...counts }),
    requests: () => records,
    resetCounts: () => {
      counts = {};
      records = [];
    },
    expireAllTokens: () => tokens.expireAll(),
    setFaults,
    bodiesInProgress: () => writes.size,
    setLatency: (ms) => {
      latencyMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) {
          clearTimeout(timer);
        }
        timers.clear();
        for (const write of writes) {
          write.stop();
        }
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
