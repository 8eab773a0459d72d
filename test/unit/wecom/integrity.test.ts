/**
 * Replies that misbehave within the documented shape (the fake server's reply faults): the client
 * returns exact figures when a retry recovers, and otherwise refuses, never passing a part off as
 * the whole. Every case is checked against the fake's ground truth.
 */
import * as assert from 'node:assert/strict';
import type { FakeWeComServer } from '../../../src/demo/fakeServer';
import type { ReplyFault } from '../../../src/demo/replyFaults';
import { addDays, lastNDays } from '../../../src/shared/days';
import { WeComError } from '../../../src/wecom/errors';
import {
  assertByDayTruth,
  assertTotalsTruth,
  dayTruth,
  fakeServerPerSuite,
  FIXED_NOW,
  makeClient,
  rejectionOf,
  yesterday,
} from './support';
import { WECOM_PATHS } from '../../../src/shared/wecomApi';

function faultsApplied(server: FakeWeComServer, path: string): number {
  return server.requests().filter((r) => r.path === path && r.fault !== undefined).length;
}

suite('wecom/integrity: replies that are not whole', () => {
  let server: FakeWeComServer;
  // 150 owners: two owner batches (100 + 50), so one batch can misbehave while the other is fine.
  fakeServerPerSuite({ ownerCount: 150 }, (started) => (server = started));
  const day = yesterday();
  const range = lastNDays(30, FIXED_NOW);

  const statisticFaults: { name: string; fault: ReplyFault; says: RegExp }[] = [
    { name: 'a reply without items', fault: { kind: 'missingItems' }, says: /items is missing/ },
    { name: 'a short page', fault: { kind: 'shortPage' }, says: /rows where offset/ },
    {
      name: 'a row for an owner not asked',
      fault: { kind: 'foreignOwner', owner: 'intruder' },
      says: /owner "intruder", who was not asked/,
    },
  ];
  for (const { name, fault, says } of statisticFaults) {
    test(`owner totals: ${name} is retried, then refused naming the endpoint and the fault`, async () => {
      server.setFaults({ replyFaults: [{ ...fault, endpoint: 'statistic' }] });
      const { client } = makeClient(server, { maxAttempts: 3 });
      const err = await rejectionOf(client.getOwnerTotals({ from: day, to: day }));
      assert.ok(err instanceof WeComError && err.kind === 'malformed', String(err));
      assert.match(err.errmsg, says);
      assert.match(err.message, /groupchat\/statistic/);
      assert.ok(faultsApplied(server, WECOM_PATHS.statistic) >= 3, 'asked again before giving up');
    });

    test(`owner totals: ${name} once, then whole: exact figures`, async () => {
      server.setFaults({ replyFaults: [{ ...fault, endpoint: 'statistic', times: 1 }] });
      const { client } = makeClient(server);
      const rows = await client.getOwnerTotals({ from: day, to: day });
      assert.equal(rows.length, 150);
      assert.ok(rows.every((r) => !r.absent));
      assertTotalsTruth(server, rows, day);
      assert.equal(faultsApplied(server, WECOM_PATHS.statistic), 1);
    });
  }

  const badFigures: { value?: unknown; json?: string; shown: string }[] = [
    { value: -2, shown: '-2' },
    { value: 2.5, shown: '2.5' },
    { value: 1e300, shown: '1e+300' },
    { json: '9007199254740993', shown: '9007199254740992' },
    { value: 'many', shown: '"many"' },
  ];
  for (const { value, json, shown } of badFigures) {
    test(`a figure of ${json ?? JSON.stringify(value)} is not a count: refused on both endpoints`, async () => {
      server.setFaults({ replyFaults: [{ kind: 'figure', field: 'msg_total', value, json }] });
      const { client } = makeClient(server, { maxAttempts: 2 });
      const totals = await rejectionOf(client.getOwnerTotals({ from: day, to: day }));
      assert.ok(totals instanceof WeComError && totals.kind === 'malformed', String(totals));
      assert.equal(totals.errmsg, `msg_total is ${shown}, not a count`);
      const byDay = await rejectionOf(client.getByDay(range));
      assert.ok(byDay instanceof WeComError && byDay.kind === 'malformed', String(byDay));
    });
  }

  test('by-day: a batch that leaves out one day every time: that day is missing, the others exact', async () => {
    const dropped = addDays(range.to, -3);
    const lateOwner = server.owners[120]; // in the second batch
    server.setFaults({ replyFaults: [{ kind: 'dropDay', day: dropped, ownerInBatch: lateOwner }] });
    const { client } = makeClient(server);
    const result = await client.getByDay(range);
    assert.deepEqual(result.missingDays, [dropped]);
    assert.equal(result.total.length, 29);
    assert.ok(!result.total.some((d) => d.date === dropped), 'never summed from one batch alone');
    for (const d of result.total) {
      assert.deepEqual(d.data, dayTruth(server, server.owners, d.date), d.date);
    }
    // Asked again before the day was given up: one call plus two more for that batch.
    const secondBatch = server
      .requests()
      .filter(
        (r) => r.path === WECOM_PATHS.byDay && JSON.stringify(r.body).includes(JSON.stringify(lateOwner)),
      );
    assert.equal(secondBatch.length, 3);
  });

  test('by-day: a day left out once is asked again and the result is whole', async () => {
    server.setFaults({ replyFaults: [{ kind: 'dropDay', times: 1 }] });
    const { client } = makeClient(server);
    assertByDayTruth(server, await client.getByDay(range), 30);
    assert.equal(faultsApplied(server, WECOM_PATHS.byDay), 1);
  });

  test('by-day: a reply without items is retried, then refused (no partial sum)', async () => {
    server.setFaults({
      replyFaults: [{ kind: 'missingItems', endpoint: 'byDay', ownerInBatch: server.owners[0] }],
    });
    const err = await rejectionOf(makeClient(server, { maxAttempts: 2 }).client.getByDay(range));
    assert.ok(err instanceof WeComError && err.kind === 'malformed', String(err));
    assert.match(err.message, /statistic_group_by_day/);
  });

  test('an oversized reply from the fake is refused, not retried', async () => {
    server.setFaults({ replyFaults: [{ kind: 'oversize', bytes: 3 * 1024 * 1024, endpoint: 'statistic' }] });
    const { client } = makeClient(server, { maxReplyBytes: 1024 * 1024 });
    const err = await rejectionOf(client.getOwnerTotals({ from: day, to: day, owners: [server.owners[0]] }));
    assert.ok(err instanceof WeComError && err.reason === 'tooLarge', String(err));
    assert.equal(server.requests().filter((r) => r.path === WECOM_PATHS.statistic).length, 1);
  });

  test('a reply cut off once is asked again: exact figures', async () => {
    server.setFaults({ replyFaults: [{ kind: 'truncate', endpoint: 'byDay', times: 1 }] });
    assertByDayTruth(server, await makeClient(server).client.getByDay(range), 30);
  });

  test('tokens expiring mid-run (every 8 calls, 4 in flight): a 180-day by-day is whole and exact', async () => {
    server.setFaults({ tokenExpiresAfterCalls: 8 });
    const result = await makeClient(server).client.getByDay(lastNDays(180, FIXED_NOW));
    assertByDayTruth(server, result, 180);
    assert.ok(
      server.requests().some((r) => r.errcode === 42001),
      'tokens did expire',
    );
  });

  test('an unknown owner is absent, without figures, and the known ones are exact', async () => {
    const { client } = makeClient(server);
    const rows = await client.getOwnerTotals({
      from: day,
      to: day,
      owners: ['nosuchuser', server.owners[1]],
    });
    assert.deepEqual(rows[1], { owner: 'nosuchuser', absent: true });
    assertTotalsTruth(server, rows.slice(0, 1), day);
  });
});
