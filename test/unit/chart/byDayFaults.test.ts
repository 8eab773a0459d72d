/**
 * The chart's loader against each of the fake server's reply faults, on each of the three ways it
 * fetches (single-day `groupchat/statistic` atoms, per-owner `statistic_group_by_day` atoms, and
 * the team's sums straight from `statistic_group_by_day`), with the fault on the endpoint that way
 * uses: a fault that persists fails the load and stores nothing for the days it concerns; a fault
 * that happens once is retried away and every day is exact (and stored, where the way stores).
 */
import * as assert from 'node:assert/strict';
import { loadByDay } from '../../../src/extension/chart/byDayLoader';
import type { FakeWeComServer } from '../../../src/demo/fakeServer';
import type { FaultEndpoint, ReplyFault } from '../../../src/demo/replyFaults';
import { lastNDays, listDays, type DayRange } from '../../../src/shared/days';
import { WECOM_PATHS } from '../../../src/shared/wecomApi';
import { WeComError } from '../../../src/wecom/errors';
import {
  bodiesOf,
  dayTruth,
  FIXED_NOW,
  fixedClock,
  makeClient,
  rejectionOf,
  startServer,
} from '../wecom/support';
import { bodyFrom, bodyOwners, bodyTo, scopeOfServer, storedDays, storePerTest } from './loaderSupport';

/** Faults that make a reply unusable as a whole, on either statistics endpoint. */
const UNUSABLE: readonly { readonly name: string; readonly fault: ReplyFault }[] = [
  { name: 'no items', fault: { kind: 'missingItems' } },
  { name: 'a negative figure', fault: { kind: 'figure', field: 'msg_total', value: -2 } },
  { name: 'a fractional figure', fault: { kind: 'figure', field: 'msg_total', value: 2.5 } },
  { name: 'a huge figure', fault: { kind: 'figure', field: 'msg_total', value: 1e300 } },
  { name: 'a figure past 2^53', fault: { kind: 'figure', field: 'msg_total', json: '9007199254740993' } },
  { name: 'a body cut off', fault: { kind: 'truncate' } },
];

/** Faults only `groupchat/statistic` can have (its pages list owners). */
const STATISTIC_ONLY: readonly { readonly name: string; readonly fault: ReplyFault }[] = [
  { name: 'a page one row short of its total', fault: { kind: 'shortPage' } },
  { name: 'a row for an owner not asked', fault: { kind: 'foreignOwner' } },
];

interface Way {
  readonly name: string;
  readonly endpoint: FaultEndpoint;
  readonly path: string;
  /** Whose figures: the fault hits the owner batch holding owners[120]. */
  owners(server: FakeWeComServer): readonly string[];
  readonly range: DayRange;
  /** Statistics calls of a clean load. */
  readonly calls: number;
  /** The way keeps atoms (the direct sums do not). */
  readonly stores: boolean;
}

const WAYS: readonly Way[] = [
  {
    name: '150 owners × 14 days (statistic atoms)',
    endpoint: 'statistic',
    path: WECOM_PATHS.statistic,
    owners: (server) => server.owners,
    range: lastNDays(14, FIXED_NOW),
    calls: 28,
    stores: true,
  },
  {
    name: '1 owner × 90 days (by-day atoms)',
    endpoint: 'byDay',
    path: WECOM_PATHS.byDay,
    owners: (server) => [server.owners[120]],
    range: lastNDays(90, FIXED_NOW),
    calls: 3,
    stores: true,
  },
  {
    name: '150 owners × 90 days (sums, not stored)',
    endpoint: 'byDay',
    path: WECOM_PATHS.byDay,
    owners: (server) => server.owners,
    range: lastNDays(90, FIXED_NOW),
    calls: 6,
    stores: false,
  },
];

suite('chart/byDayLoader: every reply fault of the fake server', () => {
  let server: FakeWeComServer;
  const stores = storePerTest();

  suiteSetup(async () => {
    server = await startServer({ ownerCount: 150 });
  });
  suiteTeardown(() => server.close());
  setup(() => {
    server.setFaults({});
    server.setLatency(0);
    server.resetCounts();
  });

  function deps(client = makeClient(server, { maxAttempts: 2 }).client) {
    return { client, store: stores.get(), scope: scopeOfServer(server), now: fixedClock };
  }

  const load = (d: ReturnType<typeof deps>, way: Way) =>
    loadByDay(d, { owners: way.owners(server), range: way.range, perOwner: false, refresh: false });

  const atomsOf = async (way: Way): Promise<number> =>
    (await stores.get().coverage(scopeOfServer(server), { ...way.range, owners: way.owners(server) })).length;

  for (const way of WAYS) {
    const faults = way.endpoint === 'statistic' ? [...UNUSABLE, ...STATISTIC_ONLY] : UNUSABLE;

    test(`${way.name}: a clean load makes exactly ${way.calls} calls of its endpoint`, async () => {
      const data = await load(deps(), way);
      assert.equal(server.counts()[way.path], way.calls);
      const other = way.path === WECOM_PATHS.byDay ? WECOM_PATHS.statistic : WECOM_PATHS.byDay;
      assert.equal(server.counts()[other] ?? 0, 0);
      assert.deepEqual(data.unstoredDays, way.stores ? [] : listDays(way.range));
      assert.equal(
        await atomsOf(way),
        way.stores ? way.owners(server).length * listDays(way.range).length : 0,
      );
    });

    for (const { name, fault } of faults) {
      test(`${way.name}, ${name} every time: the load fails with a clear error and nothing is stored`, async () => {
        server.setFaults({
          replyFaults: [{ ...fault, endpoint: way.endpoint, ownerInBatch: server.owners[120] }],
        });
        const err = await rejectionOf(load(deps(), way));
        assert.ok(err instanceof WeComError && err.kind === 'malformed', String(err));
        assert.equal(err.endpoint, way.path);
        assert.ok(err.message.includes(way.path.split('/').slice(-2).join('/')), err.message);
        assert.ok(
          server.requests().some((r) => r.path === way.path && r.fault !== undefined),
          'the fault was applied',
        );
        assert.equal(await atomsOf(way), 0, 'no day of a failed load is stored');
      });

      test(`${way.name}, ${name} once: retried, every day exact`, async () => {
        server.setFaults({ replyFaults: [{ ...fault, endpoint: way.endpoint, times: 1 }] });
        const data = await load(deps(), way);
        assert.ok(server.requests().some((r) => r.path === way.path && r.fault !== undefined));
        assert.deepEqual(data.missingDays, []);
        data.days.forEach((day, i) =>
          assert.deepEqual(data.total[i], dayTruth(server, way.owners(server), day), day),
        );
        assert.deepEqual(data.unstoredDays, way.stores ? [] : listDays(way.range));
        assert.equal(
          await atomsOf(way),
          way.stores ? way.owners(server).length * listDays(way.range).length : 0,
        );
      });
    }
  }

  test('sums: a day one batch leaves out every time is missing, not shown, not listed unstored', async () => {
    const way = WAYS[2];
    const dropped = listDays(way.range)[40];
    server.setFaults({ replyFaults: [{ kind: 'dropDay', day: dropped, ownerInBatch: server.owners[120] }] });
    const data = await load(deps(), way);
    assert.deepEqual(data.missingDays, [dropped]);
    assert.equal(data.total[40], null, 'not zeros, not the first batch alone');
    assert.deepEqual(
      data.unstoredDays,
      listDays(way.range).filter((d) => d !== dropped),
    );
    data.days.forEach((day, i) => {
      if (day !== dropped) {
        assert.deepEqual(data.total[i], dayTruth(server, server.owners, day), day);
      }
    });
    assert.equal(await atomsOf(way), 0);
  });

  test('by-day atoms: a day left out every time is missing and not stored; the next load asks only for it', async () => {
    const way = WAYS[1];
    const [owner] = way.owners(server);
    const dropped = listDays(way.range)[50];
    server.setFaults({ replyFaults: [{ kind: 'dropDay', day: dropped, endpoint: 'byDay' }] });
    const first = await load(deps(), way);
    assert.deepEqual(first.missingDays, [dropped]);
    assert.equal(first.total[50], null);
    const kept = await storedDays(stores.get(), scopeOfServer(server), [owner], way.range);
    assert.deepEqual(
      kept,
      listDays(way.range).filter((d) => d !== dropped),
    );

    server.setFaults({});
    server.resetCounts();
    const second = await load(deps(), way);
    // One owner, one day: a single-day statistic call ties with a by-day call; the tie is by day.
    const asked = bodiesOf(server, WECOM_PATHS.statistic);
    assert.equal(server.counts()[WECOM_PATHS.byDay] ?? 0, 0);
    assert.equal(asked.length, 1);
    assert.deepEqual(
      [bodyFrom(asked[0]), bodyTo(asked[0]), bodyOwners(asked[0])],
      [dropped, dropped, [owner]],
    );
    assert.deepEqual(second.missingDays, []);
    assert.equal(second.cachedDays, 89);
    second.days.forEach((day, i) => assert.deepEqual(second.total[i], server.statsFor(owner, day), day));
  });

  test('a dripping body past the deadline fails the load as a timeout; nothing stored', async () => {
    const way = WAYS[0];
    server.setFaults({ replyFaults: [{ kind: 'drip', bytesPerSecond: 20, endpoint: 'statistic' }] });
    const d = deps(makeClient(server, { timeoutMs: 1000, maxAttempts: 2 }).client);
    const err = await rejectionOf(load(d, way));
    assert.ok(err instanceof WeComError && err.kind === 'timeout', String(err));
    assert.equal(await atomsOf(way), 0);
  });

  for (const way of [WAYS[0], WAYS[2]]) {
    test(`45033 at one call in flight: ${way.name} load whole and exact`, async () => {
      server.setFaults({ maxConcurrent: 1 });
      server.setLatency(3);
      const data = await load(deps(makeClient(server, { concurrency: 4 }).client), way);
      assert.deepEqual(data.missingDays, []);
      data.days.forEach((day, i) =>
        assert.deepEqual(data.total[i], dayTruth(server, server.owners, day), day),
      );
      assert.ok(server.requests().some((r) => r.errcode === 45033));
      assert.equal(await atomsOf(way), way.stores ? 150 * listDays(way.range).length : 0);
    });
  }
});
