import * as assert from 'node:assert/strict';
import { WeComError } from '../../../src/wecom/errors';
import { ConcurrencyLimiter } from '../../../src/wecom/limiter';
import { matchesNoProxy, proxyForUrl } from '../../../src/wecom/proxy';
import { backoffDelayMs, isRetryable, sleep, type BackoffPolicy } from '../../../src/wecom/retry';
import { chunk, runAll } from '../../../src/wecom/tasks';
import { rejectionOf } from './support';

const api = (errcode: number): WeComError => new WeComError({ kind: 'api', endpoint: '/x', errcode });

suite('wecom/retry: what is retried and how long to wait', () => {
  test('retryable: -1, 45009, 45033, HTTP 5xx, network, timeout; nothing else', () => {
    for (const code of [-1, 45009, 45033]) {
      assert.ok(isRetryable(api(code)), String(code));
    }
    for (const code of [40001, 40013, 40014, 42001, 48002, 60020, 81013, 600018, 40058]) {
      assert.ok(!isRetryable(api(code)), String(code));
    }
    assert.ok(isRetryable(new WeComError({ kind: 'http', endpoint: '/x', status: 503 })));
    assert.ok(!isRetryable(new WeComError({ kind: 'http', endpoint: '/x', status: 404 })));
    assert.ok(isRetryable(new WeComError({ kind: 'network', endpoint: '/x' })));
    assert.ok(isRetryable(new WeComError({ kind: 'timeout', endpoint: '/x' })));
    assert.ok(!isRetryable(new WeComError({ kind: 'aborted', endpoint: '/x' })));
    assert.ok(!isRetryable(new Error('plain')));
  });

  test('exponential backoff with equal jitter, capped; 45009 waits the rate-limit window', () => {
    const policy = (r: number): BackoffPolicy => ({
      baseMs: 100,
      capMs: 1000,
      rateLimitMs: 60_000,
      random: () => r,
    });
    const busy = api(-1);
    assert.equal(backoffDelayMs(1, busy, policy(0)), 50);
    assert.equal(backoffDelayMs(1, busy, policy(0.999)), 99);
    assert.equal(backoffDelayMs(2, busy, policy(0)), 100);
    assert.equal(backoffDelayMs(3, busy, policy(0)), 200);
    assert.equal(backoffDelayMs(10, busy, policy(0.999)), 999);
    assert.equal(backoffDelayMs(1, api(45009), policy(0)), 60_000);
    assert.ok(backoffDelayMs(1, api(45009), policy(0.5)) > 60_000);
  });

  test('sleep rejects with kind aborted when the signal fires', async () => {
    const controller = new AbortController();
    const pending = sleep(60_000, controller.signal);
    controller.abort();
    const err = await rejectionOf(pending);
    assert.ok(err instanceof WeComError && err.kind === 'aborted');
    await sleep(1);
  });
});

suite('wecom/limiter: one concurrency limit for all calls', () => {
  test('never more than the limit in flight, and every task runs', async () => {
    const limiter = new ConcurrencyLimiter(3);
    let running = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limiter.run(async () => {
          running++;
          peak = Math.max(peak, running);
          await sleep(2);
          running--;
          return i;
        }),
      ),
    );
    assert.equal(peak, 3);
    assert.deepEqual(
      results,
      Array.from({ length: 20 }, (_, i) => i),
    );
    assert.equal(limiter.inFlight, 0);
  });

  test('a queued task whose signal fires leaves the queue without running', async () => {
    const limiter = new ConcurrencyLimiter(1);
    let release: () => void = () => undefined;
    const first = limiter.run(() => new Promise<void>((r) => (release = r)));
    const controller = new AbortController();
    let ran = false;
    const queued = limiter.run(async () => {
      ran = true;
    }, controller.signal);
    assert.equal(limiter.waiting, 1);
    controller.abort();
    const err = await rejectionOf(queued);
    assert.ok(err instanceof WeComError && err.kind === 'aborted');
    assert.equal(limiter.waiting, 0);
    release();
    await first;
    await limiter.run(async () => undefined);
    assert.equal(ran, false);
    assert.equal(limiter.inFlight, 0);
  });

  test('a failing task frees its slot; invalid limits are refused', async () => {
    const limiter = new ConcurrencyLimiter(1);
    await rejectionOf(limiter.run(() => Promise.reject(new Error('x'))));
    assert.equal(await limiter.run(async () => 7), 7);
    assert.throws(() => new ConcurrencyLimiter(0), RangeError);
  });
});

suite('wecom/tasks: all-or-nothing runs', () => {
  test('the first failure rejects the run and aborts the other tasks', async () => {
    const signals: AbortSignal[] = [];
    const err = await rejectionOf(
      runAll(
        [
          (s) => {
            signals.push(s);
            return sleep(60_000, s);
          },
          async (s) => {
            signals.push(s);
            throw new Error('first failure');
          },
        ],
        undefined,
      ),
    );
    assert.equal((err as Error).message, 'first failure');
    assert.ok(signals.every((s) => s.aborted));
  });

  test('chunk splits into batches of at most n', () => {
    assert.deepEqual(chunk([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
    assert.deepEqual(chunk([], 100), []);
    assert.deepEqual(
      chunk(Array.from({ length: 250 }), 100).map((c) => c.length),
      [100, 100, 50],
    );
  });
});

suite('wecom/proxy: explicit option, HTTPS_PROXY and NO_PROXY', () => {
  const base = 'https://qyapi.weixin.qq.com';

  test('an explicit proxy wins over the environment', () => {
    assert.equal(
      proxyForUrl(base, 'http://corp-proxy:3128', { HTTPS_PROXY: 'http://other:1' }),
      'http://corp-proxy:3128',
    );
    // Without a scheme, `corp-proxy:` would otherwise read as a URL scheme (and connect to localhost).
    assert.equal(proxyForUrl(base, ' corp-proxy:3128 ', {}), 'http://corp-proxy:3128');
  });

  test('HTTPS_PROXY for https, HTTP_PROXY for http, lower case first, scheme added', () => {
    assert.equal(proxyForUrl(base, undefined, { HTTPS_PROXY: 'http://p:8080' }), 'http://p:8080');
    assert.equal(
      proxyForUrl(base, undefined, { https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:2' }),
      'http://lower:1',
    );
    assert.equal(proxyForUrl(base, undefined, { HTTP_PROXY: 'http://p:8080' }), undefined);
    assert.equal(proxyForUrl('http://relay.example', undefined, { HTTP_PROXY: 'p:3128' }), 'http://p:3128');
    assert.equal(proxyForUrl(base, undefined, { ALL_PROXY: 'http://all:1' }), 'http://all:1');
    assert.equal(proxyForUrl(base, undefined, {}), undefined);
  });

  test('NO_PROXY entries: exact host, domain suffix, leading dot or star, port, and *', () => {
    const env = (no: string): Record<string, string> => ({ HTTPS_PROXY: 'http://p:1', NO_PROXY: no });
    assert.equal(proxyForUrl(base, undefined, env('qq.com')), undefined);
    assert.equal(proxyForUrl(base, undefined, env('.weixin.qq.com')), undefined);
    assert.equal(proxyForUrl(base, undefined, env('*.qq.com')), undefined);
    assert.equal(proxyForUrl(base, undefined, env('example.com, qyapi.weixin.qq.com')), undefined);
    assert.equal(proxyForUrl(base, undefined, env('*')), undefined);
    assert.equal(proxyForUrl(base, undefined, env('xqq.com')), 'http://p:1');
    assert.equal(proxyForUrl(base, undefined, env('qyapi.weixin.qq.com:8443')), 'http://p:1');
    assert.ok(matchesNoProxy('qyapi.weixin.qq.com', 443, 'qyapi.weixin.qq.com:443'));
  });

  test('loopback targets go direct even with a proxy in the environment', () => {
    assert.equal(proxyForUrl('http://127.0.0.1:4000', undefined, { HTTP_PROXY: 'http://p:1' }), undefined);
    assert.equal(proxyForUrl('http://localhost:4000', undefined, { HTTP_PROXY: 'http://p:1' }), undefined);
  });
});
