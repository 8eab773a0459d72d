import * as assert from 'node:assert/strict';
import type { FakeWeComServer } from '../../../src/demo/fakeServer';
import { lastNDays } from '../../../src/shared/days';
import { WeComError } from '../../../src/wecom/errors';
import {
  assertByDayTruth,
  assertTotalsTruth,
  fakeServerPerSuite,
  FIXED_NOW,
  makeClient,
  rejectionOf,
  startServer,
  yesterday,
} from './support';
import { WECOM_PATHS } from '../../../src/shared/wecomApi';

suite('wecom/retries: injected faults', () => {
  let server: FakeWeComServer;
  fakeServerPerSuite({ ownerCount: 250 }, (started) => (server = started));

  test('errcode -1 on every 3rd call is retried; by-day sums neither lose nor double-count', async () => {
    server.setFaults({ busyEveryNth: 3 });
    const { client, logs } = makeClient(server);
    const range = lastNDays(60, FIXED_NOW);
    const result = await client.getByDay({ ...range, owners: server.owners });
    assertByDayTruth(server, result, 60);
    const byDay = server.requests().filter((r) => r.path === WECOM_PATHS.byDay);
    assert.ok(
      byDay.some((r) => r.errcode === -1),
      'faults were injected',
    );
    assert.equal(
      byDay.filter((r) => r.errcode === 0).length,
      2 * 3,
      '2 windows × 3 batches answered once each',
    );
    assert.ok(logs.some((l) => l.errcode === -1 && l.attempt === 1));
    assert.ok(logs.some((l) => l.errcode === 0 && l.attempt === 2));
  });

  test('HTTP 500 on every 2nd call is retried; owner totals match the ground truth row by row', async () => {
    server.setFaults({ http500EveryNth: 2 });
    const { client, logs } = makeClient(server);
    const day = yesterday();
    const rows = await client.getOwnerTotals({ from: day, to: day });
    assert.equal(rows.length, 250);
    assertTotalsTruth(server, rows, day);
    assert.ok(logs.some((l) => l.status === 500 && l.errcode === undefined));
    assert.ok(server.requests().some((r) => r.errcode === -2));
  });

  test('HTTP 500 on every call gives up after maxAttempts with an http error', async () => {
    server.setFaults({ http500EveryNth: 1 });
    const { client } = makeClient(server, { maxAttempts: 3 });
    const err = await rejectionOf(client.listFollowUsers());
    assert.ok(err instanceof WeComError);
    assert.equal(err.kind, 'http');
    assert.equal(err.status, 500);
    assert.equal(server.counts()[WECOM_PATHS.followUsers], 3);
  });

  test('45009 (frequency limit) backs off for rateLimitBackoffMs, then succeeds with whole data', async () => {
    // The fake counts calls of the last second on its real clock, so the back-off must outlast it.
    const limited = await startServer({ ownerCount: 250, now: Date.now, faults: { rateLimitPerSecond: 2 } });
    try {
      const day = yesterday(Date.now);
      const { client, logs } = makeClient(limited, {
        now: Date.now,
        rateLimitBackoffMs: 1100,
        backoffBaseMs: 20,
      });
      const rows = await client.getOwnerTotals({ from: day, to: day });
      assert.equal(rows.length, 250);
      assertTotalsTruth(limited, rows, day);
      assert.ok(
        logs.some((l) => l.errcode === 45009),
        'the limit was hit',
      );
      const ok = limited.requests().filter((r) => r.path === WECOM_PATHS.statistic && r.errcode === 0);
      assert.equal(ok.length, 3);
    } finally {
      await limited.close();
    }
  });

  test('45033 (too many concurrent calls) is retried until the data is whole', async () => {
    server.setFaults({ maxConcurrent: 2 });
    server.setLatency(15);
    const { client } = makeClient(server, { concurrency: 6, maxAttempts: 10 });
    const result = await client.getByDay({
      ...lastNDays(30, FIXED_NOW),
      owners: server.owners,
      perOwner: false,
    });
    assertByDayTruth(server, result, 30);
    assert.ok(server.requests().some((r) => r.errcode === 45033));
  });

  test('the concurrency limit holds across operations running at once on one client', async () => {
    server.setFaults({ maxConcurrent: 3 });
    server.setLatency(10);
    const { client } = makeClient(server, { concurrency: 3, maxAttempts: 1 });
    const day = yesterday();
    const [byDay, totals] = await Promise.all([
      client.getByDay({ ...lastNDays(90, FIXED_NOW), owners: server.owners.slice(0, 8), perOwner: true }),
      client.getOwnerTotals({ from: day, to: day }),
      client.listFollowUsers(),
    ]);
    assert.equal(byDay.total.length, 90);
    assert.equal(totals.length, 250);
    assert.ok(
      server.requests().every((r) => r.errcode !== 45033),
      'never more than 3 requests in flight',
    );
  });

  test('an error that is not retryable (81013) fails at once with the owners named', async () => {
    const { client } = makeClient(server);
    const day = yesterday();
    const err = await rejectionOf(
      client.getOwnerTotals({ from: day, to: day, owners: ['nobody-1', 'nobody-2'] }),
    );
    assert.ok(err instanceof WeComError);
    assert.equal(err.errcode, 81013);
    assert.match(err.hint.en, /"nobody-1", "nobody-2"/);
    assert.equal(server.counts()[WECOM_PATHS.statistic], 1);
  });

  test('60020 shows the IP from errmsg in both languages', async () => {
    server.setFaults({ rejectFromIp: '203.0.113.77' });
    const { client } = makeClient(server);
    const err = await rejectionOf(client.verifyCredentials());
    assert.ok(err instanceof WeComError);
    assert.equal(err.errcode, 60020);
    assert.match(err.hint.en, /203\.0\.113\.77/);
    assert.match(err.hint.zh, /203\.0\.113\.77/);
    assert.equal(server.counts()[WECOM_PATHS.token], 1);
  });
});

suite('wecom/cancellation', () => {
  let server: FakeWeComServer;
  fakeServerPerSuite({ ownerCount: 250 }, (started) => (server = started));

  test('aborting mid-run rejects with kind aborted and no request is sent afterwards', async () => {
    server.setLatency(20);
    const { client } = makeClient(server, { concurrency: 2 });
    const controller = new AbortController();
    let seenAtAbort = -1;
    const run = client.getByDay(
      { ...lastNDays(180, FIXED_NOW), owners: server.owners, perOwner: true },
      {
        signal: controller.signal,
        onProgress: ({ done }) => {
          if (done === 5 && seenAtAbort < 0) {
            seenAtAbort = server.requests().length;
            controller.abort();
          }
        },
      },
    );
    const err = await rejectionOf(run);
    assert.ok(err instanceof WeComError, String(err));
    assert.equal(err.kind, 'aborted');
    await new Promise((r) => setTimeout(r, 150));
    // At most the requests already on the wire at the abort (≤ concurrency) arrive later.
    assert.ok(server.requests().length <= seenAtAbort + 2, `nothing new after the abort (${seenAtAbort})`);
    assert.ok(
      server.counts()[WECOM_PATHS.byDay] < 20,
      `only a few of 1500 requests went out (${server.counts()[WECOM_PATHS.byDay]})`,
    );
  });

  test('aborting while waiting in a retry backoff stops at once', async () => {
    server.setFaults({ busyEveryNth: 1 });
    const { client } = makeClient(server, { backoffBaseMs: 60_000, maxAttempts: 4 });
    const controller = new AbortController();
    const run = client.listFollowUsers({ signal: controller.signal });
    // Abort once the first failure is in (the client is then sleeping for ~30-60 s).
    while (!server.requests().some((r) => r.errcode === -1)) {
      await new Promise((r) => setTimeout(r, 5));
    }
    controller.abort();
    const err = await rejectionOf(run);
    assert.ok(err instanceof WeComError && err.kind === 'aborted');
    assert.equal(server.counts()[WECOM_PATHS.followUsers], 1);
  });

  test('an already-aborted signal sends nothing', async () => {
    const { client } = makeClient(server);
    const err = await rejectionOf(
      client.getOwnerTotals({ from: yesterday(), to: yesterday() }, { signal: AbortSignal.abort() }),
    );
    assert.ok(err instanceof WeComError && err.kind === 'aborted');
    assert.deepEqual(server.counts(), {});
  });
});
