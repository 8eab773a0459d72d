/**
 * Bodies that never end, bodies too large to hold, bodies cut off, and WeCom refusing concurrent
 * calls: the client ends each attempt at its deadline, bounds memory, and adapts its concurrency.
 */
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { lastNDays } from '../../../src/shared/days';
import { ConcurrencyLimiter } from '../../../src/wecom/limiter';
import { WeComError } from '../../../src/wecom/errors';
import { WeComClient } from '../../../src/wecom/client';
import { assertByDayTruth, FIXED_NOW, fixedClock, makeClient, rejectionOf, startServer } from './support';
import { WECOM_PATHS } from '../../../src/shared/wecomApi';

const TOKEN_REPLY = JSON.stringify({ errcode: 0, access_token: 'tok-deadline-test-0000', expires_in: 7200 });

interface RawServer {
  readonly url: string;
  /** Requests to anything but gettoken. */
  calls: number;
  close(): Promise<void>;
}

/** A server whose API replies are written by `reply` on the raw response (drip, cut, pad…). */
async function rawServer(reply: (res: http.ServerResponse) => void): Promise<RawServer> {
  const sockets = new Set<import('node:net').Socket>();
  const state = { calls: 0 };
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url?.startsWith(WECOM_PATHS.token)) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(TOKEN_REPLY);
        return;
      }
      state.calls++;
      reply(res);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    get calls() {
      return state.calls;
    },
    set calls(n: number) {
      state.calls = n;
    },
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}

function clientFor(
  url: string,
  options: { timeoutMs?: number; maxAttempts?: number; maxReplyBytes?: number },
) {
  return new WeComClient({
    corpId: 'ww-deadline',
    corpSecret: 'deadline-secret-0000000000',
    baseUrl: url,
    backoffBaseMs: 5,
    now: fixedClock,
    ...options,
  });
}

suite('wecom/deadlines: the whole reply within the deadline, bounded in size', () => {
  const servers: RawServer[] = [];
  teardown(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  test('a body dripping one byte a second ends at the attempt deadline, not at an idle timeout', async () => {
    const timers = new Set<NodeJS.Timeout>();
    const server = await rawServer((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const body = JSON.stringify({ errcode: 0, follow_user: ['a'] });
      let i = 0;
      const timer = setInterval(() => {
        if (res.destroyed || i >= body.length) {
          clearInterval(timer);
          timers.delete(timer);
          res.end();
          return;
        }
        res.write(body[i++]);
      }, 200);
      timers.add(timer);
    });
    servers.push(server);
    const started = Date.now();
    const err = await rejectionOf(
      clientFor(server.url, { timeoutMs: 1000, maxAttempts: 4 }).listFollowUsers(),
    );
    const elapsed = Date.now() - started;
    timers.forEach((t) => clearInterval(t));
    assert.ok(err instanceof WeComError && err.kind === 'timeout', String(err));
    assert.match(err.errmsg, /no complete reply within 1000 ms/);
    assert.equal(server.calls, 2, 'a timeout is retried once, not maxAttempts - 1 times');
    // Two attempts of 1 s each plus a short backoff; the drip alone would take 8 s.
    assert.ok(elapsed < 4000, `took ${elapsed} ms`);
  });

  test('a reply larger than maxReplyBytes is refused while it streams, and not retried', async () => {
    const server = await rawServer((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"errcode":0,"follow_user":["a"],"padding":"');
      const chunk = 'x'.repeat(64 * 1024);
      // 4 MB in all: far past the 1 MB cap set below.
      for (let i = 0; i < 64; i++) {
        res.write(chunk);
      }
      res.end('"}');
    });
    servers.push(server);
    const err = await rejectionOf(clientFor(server.url, { maxReplyBytes: 1024 * 1024 }).listFollowUsers());
    assert.ok(
      err instanceof WeComError && err.kind === 'malformed' && err.reason === 'tooLarge',
      String(err),
    );
    assert.match(err.message, /far larger than WeCom's replies/);
    assert.equal(server.calls, 1);
  });

  test('a reply cut off mid-body is "cut off" (retried), never "could not reach"', async () => {
    const server = await rawServer((res) => {
      const body = JSON.stringify({ errcode: 0, follow_user: ['a', 'b', 'c'] });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
      res.write(body.slice(0, 10));
      setTimeout(() => res.socket?.destroy(), 20);
    });
    servers.push(server);
    const err = await rejectionOf(clientFor(server.url, { maxAttempts: 3 }).listFollowUsers());
    assert.ok(err instanceof WeComError && err.kind === 'malformed' && err.reason === 'cutOff', String(err));
    assert.match(err.message, /was cut off/);
    assert.doesNotMatch(err.message, /could not reach/i);
    assert.equal(server.calls, 3);
  });

  test("the caller's abort is 'aborted', not a timeout", async () => {
    const server = await rawServer((res) => {
      setTimeout(() => res.end(), 5000).unref();
    });
    servers.push(server);
    const controller = new AbortController();
    const run = clientFor(server.url, { timeoutMs: 3000 }).listFollowUsers({ signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const err = await rejectionOf(run);
    assert.ok(err instanceof WeComError && err.kind === 'aborted', String(err));
  });
});

suite('wecom/limiter: adapts to WeCom allowing fewer calls in flight', () => {
  test('reduce halves the limit down to 1; successes grow it back, never past the maximum', () => {
    const limiter = new ConcurrencyLimiter(8);
    limiter.reduce();
    assert.equal(limiter.limit, 4);
    limiter.reduce();
    limiter.reduce();
    limiter.reduce();
    assert.equal(limiter.limit, 1);
    for (let i = 0; i < 4; i++) {
      limiter.succeeded();
    }
    assert.equal(limiter.limit, 2, '4 successes at limit 1 add one slot');
    for (let i = 0; i < 1000; i++) {
      limiter.succeeded();
    }
    assert.equal(limiter.limit, 8);
  });

  test('after a reduction, no more than the new limit run at once; growth releases waiters', async () => {
    const limiter = new ConcurrencyLimiter(4);
    const releases: (() => void)[] = [];
    let running = 0;
    let peak = 0;
    const task = (): Promise<void> =>
      limiter.run(
        () =>
          new Promise<void>((resolve) => {
            running++;
            peak = Math.max(peak, running);
            releases.push(() => {
              running--;
              resolve();
            });
          }),
      );
    const first = [task(), task(), task(), task()];
    await new Promise((r) => setImmediate(r));
    assert.equal(running, 4);
    limiter.reduce(); // 2
    limiter.reduce(); // 1
    const later = [task(), task(), task()];
    peak = 0;
    // Finish the four that were running: only one waiter may start, as the limit is 1 now.
    releases.splice(0, 4).forEach((release) => release());
    await Promise.all(first);
    await new Promise((r) => setImmediate(r));
    assert.equal(running, 1);
    for (let i = 0; i < 4; i++) {
      limiter.succeeded();
    }
    await new Promise((r) => setImmediate(r));
    assert.equal(running, 2, 'the grown slot is handed to a waiter at once');
    while (releases.length > 0) {
      releases.splice(0).forEach((release) => release());
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(later);
    assert.ok(peak <= 2, `peak ${peak}`);
  });

  test('a 180-day by-day over 137 owners completes exactly against a server allowing one call in flight', async () => {
    const server = await startServer({ ownerCount: 137, latencyMs: 5, faults: { maxConcurrent: 1 } });
    try {
      // Default attempts (4): a 45033 beside other calls lowers the limit instead of spending one.
      const { client } = makeClient(server, { concurrency: 4, maxAttempts: undefined });
      const result = await client.getByDay(lastNDays(180, FIXED_NOW));
      assertByDayTruth(server, result, 180);
      assert.deepEqual(result.missingDays, []);
      const refused = server.requests().filter((r) => r.errcode === 45033).length;
      assert.ok(refused >= 1, 'the server did refuse concurrent calls');
      const byDayOk = server.requests().filter((r) => r.path === WECOM_PATHS.byDay && r.errcode === 0).length;
      assert.equal(byDayOk, 12, '6 windows × 2 owner batches, each answered once');
    } finally {
      await server.close();
    }
  });
});
