import * as assert from 'node:assert/strict';
import type { FakeWeComServer } from '../../../src/demo/fakeServer';
import { lastNDays } from '../../../src/shared/days';
import { WeComError } from '../../../src/wecom/errors';
import { TokenCache, type IssuedToken } from '../../../src/wecom/tokens';
import {
  dayTruth,
  fakeServerPerSuite,
  FIXED_NOW,
  fixedClock,
  makeClient,
  rejectionOf,
  startServer,
  TEST_CORP,
} from './support';
import { WECOM_PATHS } from '../../../src/shared/wecomApi';

suite('wecom/tokens: TokenCache on its own', () => {
  const now = (): number => 1_000_000;

  function deferredFetcher(): {
    fetch: (signal: AbortSignal) => Promise<IssuedToken>;
    calls: AbortSignal[];
    resolve: (t: IssuedToken) => void;
  } {
    const calls: AbortSignal[] = [];
    let resolve: (t: IssuedToken) => void = () => undefined;
    return {
      calls,
      fetch: (signal) => {
        calls.push(signal);
        return new Promise((r) => (resolve = r));
      },
      resolve: (t) => resolve(t),
    };
  }

  test('keys hold a hash of the secret, never the secret; different secrets give different keys', () => {
    const key = TokenCache.keyFor('https://x', 'ww1', 'my-very-secret-value');
    assert.ok(!key.includes('my-very-secret-value'));
    assert.notEqual(key, TokenCache.keyFor('https://x', 'ww1', 'another-secret-value'));
    assert.notEqual(key, TokenCache.keyFor('https://x', 'ww2', 'my-very-secret-value'));
    assert.equal(key, TokenCache.keyFor('https://x', 'ww1', 'my-very-secret-value'));
  });

  test('concurrent callers share one fetch; an aborting caller leaves, the others still get the token', async () => {
    const cache = new TokenCache();
    const f = deferredFetcher();
    const quitter = new AbortController();
    const waiting = [1, 2, 3].map(() => cache.get('k', f.fetch, { now }));
    const leaving = cache.get('k', f.fetch, { now, signal: quitter.signal });
    quitter.abort();
    const left = await rejectionOf(leaving);
    assert.ok(left instanceof WeComError && left.kind === 'aborted');
    assert.equal(f.calls.length, 1);
    assert.equal(f.calls[0].aborted, false, 'others still wait: the fetch goes on');
    f.resolve({ token: 'tok-1', expiresInSec: 7200 });
    assert.deepEqual(await Promise.all(waiting), ['tok-1', 'tok-1', 'tok-1']);
    assert.equal(await cache.get('k', f.fetch, { now }), 'tok-1');
    assert.equal(f.calls.length, 1, 'cached');
  });

  test('when every waiter aborts, the fetch is cancelled and a later caller starts a new one', async () => {
    const cache = new TokenCache();
    const f = deferredFetcher();
    const a = new AbortController();
    const p = cache.get('k', f.fetch, { now, signal: a.signal });
    a.abort();
    await rejectionOf(p);
    assert.equal(f.calls[0].aborted, true);
    const next = cache.get('k', f.fetch, { now });
    assert.equal(f.calls.length, 2);
    f.resolve({ token: 'tok-2', expiresInSec: 7200 });
    assert.equal(await next, 'tok-2');
  });

  test('refreshes shortly before expires_in; invalidate drops only the failing token; failures are not cached', async () => {
    let clock = 0;
    const cache = new TokenCache();
    let n = 0;
    const fetch = async (): Promise<IssuedToken> => ({ token: `t${++n}`, expiresInSec: 7200 });
    assert.equal(await cache.get('k', fetch, { now: () => clock }), 't1');
    clock = 6800_000;
    assert.equal(await cache.get('k', fetch, { now: () => clock }), 't1');
    clock = 6901_000; // inside the 300 s margin
    assert.equal(await cache.get('k', fetch, { now: () => clock }), 't2');
    cache.invalidate('k', 't1');
    assert.equal(
      await cache.get('k', fetch, { now: () => clock }),
      't2',
      'an old token failing does not drop the new one',
    );
    cache.invalidate('k', 't2');
    assert.equal(await cache.get('k', fetch, { now: () => clock }), 't3');
    const failing = (): Promise<IssuedToken> => Promise.reject(new Error('boom'));
    const cache2 = new TokenCache();
    await rejectionOf(cache2.get('k', failing, { now }));
    assert.equal(await cache2.get('k', fetch, { now }), 't4');
  });
});

suite('wecom/tokens: against the fake server', () => {
  let server: FakeWeComServer;
  fakeServerPerSuite({ ownerCount: 30 }, (started) => (server = started));

  test('20 concurrent calls on a fresh client make exactly one gettoken', async () => {
    server.setLatency(30);
    const { client } = makeClient(server, { concurrency: 20 });
    const results = await Promise.all(Array.from({ length: 20 }, () => client.listFollowUsers()));
    assert.equal(server.counts()[WECOM_PATHS.token], 1);
    assert.equal(server.counts()[WECOM_PATHS.followUsers], 20);
    for (const owners of results) {
      assert.deepEqual(owners, server.owners);
    }
    await client.listFollowUsers();
    assert.equal(server.counts()[WECOM_PATHS.token], 1, 'the token is cached');
  });

  test('a wrong secret (40001) is never retried: exactly one gettoken, and no API call', async () => {
    const { client } = makeClient(server, { corpSecret: 'wrong-secret-value-123456', maxAttempts: 5 });
    const err = await rejectionOf(client.listFollowUsers());
    assert.ok(err instanceof WeComError);
    assert.equal(err.kind, 'api');
    assert.equal(err.errcode, 40001);
    assert.equal(err.endpoint, WECOM_PATHS.token);
    assert.match(err.hint.en, /secret/i);
    assert.equal(server.counts()[WECOM_PATHS.token], 1);
    assert.equal(server.counts()[WECOM_PATHS.followUsers], undefined);
  });

  test('verifyCredentials asks gettoken every time and reports a wrong corp ID as 40013', async () => {
    const { client } = makeClient(server);
    await client.verifyCredentials();
    await client.verifyCredentials();
    assert.equal(server.counts()[WECOM_PATHS.token], 2);
    const bad = makeClient(server, { corpId: 'ww-not-this-corp' }).client;
    const err = await rejectionOf(bad.verifyCredentials());
    assert.ok(err instanceof WeComError && err.errcode === 40013, String(err));
    assert.match(err.hint.zh, /企业 ID/);
    assert.equal(TEST_CORP, server.corpId);
  });

  test('tokens expiring mid-run (42001) are refreshed once and no day is lost or counted twice', async () => {
    server.setLatency(5);
    const { client } = makeClient(server, { concurrency: 3 });
    const range = lastNDays(90, FIXED_NOW);
    let expired = false;
    const result = await client.getByDay(
      { ...range, owners: server.owners.slice(0, 12), perOwner: true },
      {
        onProgress: ({ done }) => {
          if (done === 20 && !expired) {
            expired = true;
            server.expireAllTokens();
          }
        },
      },
    );
    assert.ok(expired);
    const replies = server.requests().filter((r) => r.path === WECOM_PATHS.byDay);
    assert.ok(
      replies.some((r) => r.errcode === 42001),
      'some calls met the expired token',
    );
    assert.equal(server.counts()[WECOM_PATHS.token], 2, 'one fetch at start, one refresh');
    assert.equal(replies.filter((r) => r.errcode === 0).length, 3 * 12);
    assert.equal(result.total.length, 90);
    for (const day of result.total) {
      assert.deepEqual(day.data, dayTruth(server, server.owners.slice(0, 12), day.date), day.date);
    }
  });

  test('proactive refresh before expiry on the clock: no call ever meets 42001', async () => {
    let clock = FIXED_NOW;
    const ttlServer = await startServer({ now: () => clock, tokenTtlSeconds: 1000 });
    try {
      const { client } = makeClient(ttlServer, { now: () => clock });
      await client.listFollowUsers();
      clock += 950_000; // past 1000 s − 10 % margin
      await client.listFollowUsers();
      clock += 2_000_000;
      await client.listFollowUsers();
      assert.ok(ttlServer.requests().every((r) => r.errcode === 0));
      assert.equal(ttlServer.counts()[WECOM_PATHS.token], 3);
    } finally {
      await ttlServer.close();
    }
    assert.equal(fixedClock(), FIXED_NOW);
  });
});
