import * as assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { startFakeWeComServer } from '../../../src/demo/fakeServer';
import { runInProcess } from './cliHarness';
import type { CliResult } from './cliHarness';
import {
  DAY,
  askedOwners,
  assertRefused,
  figures,
  now,
  startWeComStub,
  statisticReply,
  stubEnv,
} from './cliStubs';
import type { Stub, StubReply, StubRequest } from './cliStubs';

const FAST_BACKOFF_MS = 2;
const OWNERS_JSON = ['owners', '--owners', 'lisi,wangwu', '--format', 'json'];

/** Headers promise the whole body (content-length), half of it is sent, then the socket dies. */
function cutOff(req: StubRequest): StubReply {
  const body = JSON.stringify(statisticReply(askedOwners(req)).json);
  return {
    respond: (res: ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.write(body.slice(0, Math.floor(body.length / 2)));
      setTimeout(() => res.socket?.destroy(), 20);
    },
  };
}

/** One byte per second, forever (until the client gives up and the socket closes). */
function drip(): StubReply {
  return {
    respond: (res: ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 1000);
      res.write('{');
      res.on('close', () => clearInterval(timer));
    },
  };
}

/** An 11 MB body (10 MB is the client's cap), sent in 1 MB chunks as fast as it is read. */
function oversized(): StubReply {
  return {
    respond: (res: ServerResponse) => {
      res.on('error', () => undefined);
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const more = (): void => {
        while (sent < 11 && !res.destroyed) {
          sent++;
          if (!res.write(chunk)) {
            res.once('drain', more);
            return;
          }
        }
        res.end();
      };
      more();
    },
  };
}

suite('cli: transport faults (cut off, dripping, oversized, HTTP 500) through the CLI', function () {
  this.timeout(20_000);
  const stubs: Stub[] = [];
  async function cli(handler: (req: StubRequest) => StubReply, argv: string[]): Promise<CliResult> {
    const stub = await startWeComStub(handler);
    stubs.push(stub);
    return runInProcess(argv, stubEnv(stub), now, FAST_BACKOFF_MS);
  }
  teardown(async () => {
    await Promise.all(stubs.splice(0).map((s) => s.close()));
  });

  test('a reply cut off mid-body says "was cut off", never "could not reach" (exit 1)', async () => {
    const r = await cli(cutOff, OWNERS_JSON);
    assertRefused(r, /The reply to groupchat\/statistic was cut off/);
    assert.doesNotMatch(r.stderr, /could not reach/i);
  });

  test('cut off on the first call only: the retry recovers, exit 0 with the exact figures', async () => {
    let calls = 0;
    const r = await cli(
      (req) => (++calls === 1 ? cutOff(req) : statisticReply(askedOwners(req))),
      OWNERS_JSON,
    );
    assert.equal(r.code, 0, r.stderr);
    assert.equal(calls, 2);
    const json = JSON.parse(r.stdout) as { items: Array<{ owner: string; data: unknown }> };
    assert.deepEqual(
      json.items.map((i) => [i.owner, i.data]),
      [
        ['wangwu', figures(2)],
        ['lisi', figures(1)],
      ],
    );
  });

  test('a body dripping 1 byte/s with --timeout 1500 ends within seconds and points at --timeout', async () => {
    const started = Date.now();
    const r = await cli(drip, [...OWNERS_JSON, '--timeout', '1500']);
    const elapsed = Date.now() - started;
    assertRefused(r, /did not answer in time/);
    assert.match(r.stderr, /raise the request timeout \(--timeout MS\)/);
    assert.match(r.stderr, /within 1500 ms/);
    assert.ok(elapsed < 10_000, `took ${elapsed} ms`);
  });

  test('an oversized body (> 10 MB) is refused at once, not retried (exit 1)', async () => {
    let calls = 0;
    const r = await cli(() => {
      calls++;
      return oversized();
    }, OWNERS_JSON);
    assertRefused(r, /far larger than WeCom's replies are/);
    assert.equal(calls, 1);
  });

  test('an always-500 server: "HTTP 500" appears exactly once in the line (exit 1)', async () => {
    const server = await startFakeWeComServer({ now });
    try {
      server.setFaults({ http500EveryNth: 1 });
      const env = {
        WECOM_CORP_ID: server.corpId,
        WECOM_CORP_SECRET: server.corpSecret,
        WECOM_API_BASE: server.url,
      };
      const r = await runInProcess(['owners', '--date', DAY], env, now, FAST_BACKOFF_MS);
      assertRefused(r, /HTTP 500/);
      assert.equal(r.stderr.split('HTTP 500').length - 1, 1, r.stderr);
    } finally {
      await server.close();
    }
  });
});
