/** Tiny raw-HTTP helpers for the fake server's tests (no client library: the wire is under test). */
import * as http from 'node:http';
import { startFakeWeComServer } from '../../../src/demo/fakeServer';
import type { FakeWeComServer, FakeWeComServerOptions } from '../../../src/demo/fakeServer';
import { WECOM_PATHS } from '../../../src/shared/wecomApi';

/** 2026-06-15 12:00 CST: today is 2026-06-15, yesterday 2026-06-14. */
export const FIXED_NOW = Date.UTC(2026, 5, 15, 4, 0, 0);

export interface WireReply {
  readonly status: number;
  readonly json: { errcode: number; errmsg: string; [key: string]: unknown };
}

export async function getJson(server: FakeWeComServer, pathAndQuery: string): Promise<WireReply> {
  const res = await fetch(server.url + pathAndQuery);
  return { status: res.status, json: (await res.json()) as WireReply['json'] };
}

export async function postJson(
  server: FakeWeComServer,
  path: string,
  token: string,
  body: unknown,
): Promise<WireReply> {
  const res = await fetch(`${server.url}${path}?access_token=${encodeURIComponent(token)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as WireReply['json'] };
}

/** POSTs and resolves at the response headers: the body is left to the test, byte by byte. */
export function rawPost(
  server: FakeWeComServer,
  path: string,
  token: string,
  body: unknown,
): Promise<http.IncomingMessage> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(`${server.url}${path}?access_token=${encodeURIComponent(token)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      agent: false, // one connection per call, so destroying it cannot affect another test
    });
    req.once('response', resolve);
    req.once('error', reject);
    req.end(payload);
  });
}

export async function fetchToken(server: FakeWeComServer): Promise<string> {
  const reply = await getJson(
    server,
    `${WECOM_PATHS.token}?corpid=${encodeURIComponent(server.corpId)}&corpsecret=${encodeURIComponent(server.corpSecret)}`,
  );
  if (reply.json.errcode !== 0) {
    throw new Error(`gettoken failed: ${reply.json.errcode}`);
  }
  return reply.json.access_token as string;
}

/** A server with a settable clock, started per test suite. */
export interface ClockedServer {
  server: FakeWeComServer;
  clock: { now: number };
}

export async function startClocked(
  options: FakeWeComServerOptions = {},
  nowMs = FIXED_NOW,
): Promise<ClockedServer> {
  const clock = { now: nowMs };
  const server = await startFakeWeComServer({ now: () => clock.now, ...options });
  return { server, clock };
}
