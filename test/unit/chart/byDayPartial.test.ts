/**
 * Never partial data as whole: the loader against the real fake server behind a proxy that makes
 * it misbehave. A day one owner batch leaves out is missing (not zero, not stored, asked again
 * next time); a malformed reply fails the load and stores nothing; each atom keeps the time its
 * own reply arrived; the first failure of a multi-call load stops the sibling calls.
 */
import * as assert from 'node:assert/strict';
import { loadByDay, type ByDayLoadRequest } from '../../../src/extension/chart/byDayLoader';
import type { FakeWeComServer } from '../../../src/demo/fakeServer';
import { addDays, dayStartTs, lastNDays, listDays, type DayRange } from '../../../src/shared/days';
import { WeComError } from '../../../src/wecom/errors';
import { ownersOfBody, startWeComProxy, withoutDay, type WeComProxy } from '../../support/wecomProxy';
import { dayTruth, FIXED_NOW, makeClient, startServer } from '../wecom/support';
import { bodyFrom, bodyOwners, bodyTo, scopeOfServer, storedDays, storePerTest } from './loaderSupport';
import { WECOM_PATHS } from '../../../src/shared/wecomApi';

suite('chart/byDayLoader: partial and failed replies', () => {
  let server: FakeWeComServer;
  let proxy: WeComProxy;
  let now: number;
  const clock = (): number => now;
  const stores = storePerTest();

  suiteSetup(async () => {
    server = await startServer({ ownerCount: 150, now: clock });
    proxy = await startWeComProxy(server.url);
  });
  suiteTeardown(async () => {
    await proxy.close();
    await server.close();
  });
  setup(() => {
    now = FIXED_NOW;
    proxy.setRule(undefined);
    proxy.requests.length = 0;
  });

  const scope = () => scopeOfServer(server, proxy.url);

  function deps(options: { concurrency?: number; loaderNow?: () => number } = {}) {
    const { client } = makeClient(server, {
      baseUrl: proxy.url,
      now: clock,
      concurrency: options.concurrency,
    });
    return { client, store: stores.get(), scope: scope(), now: options.loaderNow ?? clock };
  }

  function request(extra: Partial<ByDayLoadRequest> = {}): ByDayLoadRequest {
    return { owners: server.owners, range: lastNDays(7, now), perOwner: false, refresh: false, ...extra };
  }

  const asked = (path: string) => proxy.requests.filter((r) => r.path === path);

  test('sums of 150 owners × 90 days, the second batch leaves out a day every time: missing, not stored, asked again; the rest exact', async () => {
    const range = lastNDays(90, now);
    const dropped = addDays(range.to, -3);
    const second = server.owners[120]; // batches of 100: owners 100…149 are the second batch
    proxy.setRule((req) =>
      req.path === WECOM_PATHS.byDay && ownersOfBody(req.body).includes(second)
        ? { transform: withoutDay(dayStartTs(dropped)) }
        : undefined,
    );
    const data = await loadByDay(deps(), request({ range }));
    // 3 windows × 2 batches, and the batch missing a day asked twice more.
    assert.equal(asked(WECOM_PATHS.byDay).length, 8);
    assert.equal(asked(WECOM_PATHS.statistic).length, 0);
    assert.deepEqual(data.missingDays, [dropped]);
    assert.deepEqual(
      data.unstoredDays,
      listDays(range).filter((d) => d !== dropped),
    );
    data.days.forEach((day, i) => {
      if (day === dropped) {
        assert.equal(
          data.total[i],
          null,
          'a missing day has no figures: not zeros, not the first batch alone',
        );
      } else {
        assert.deepEqual(data.total[i], dayTruth(server, server.owners, day), day);
      }
    });
    assert.equal(await stores.get().days(scope()), undefined, 'sums are never stored');

    proxy.setRule(undefined);
    proxy.requests.length = 0;
    const again = await loadByDay(deps(), request({ range }));
    assert.equal(asked(WECOM_PATHS.byDay).length, 6);
    assert.deepEqual(again.missingDays, []);
    again.days.forEach((day, i) =>
      assert.deepEqual(again.total[i], dayTruth(server, server.owners, day), day),
    );
  });

  test('atoms of 3 owners × 30 days, one owner’s reply leaves out a day every time: missing, not stored; the next load asks only for it', async () => {
    const owners = server.owners.slice(10, 13);
    const range = lastNDays(30, now);
    const dropped = addDays(range.to, -12);
    proxy.setRule((req) =>
      req.path === WECOM_PATHS.byDay && ownersOfBody(req.body)[0] === owners[1]
        ? { transform: withoutDay(dayStartTs(dropped)) }
        : undefined,
    );
    const data = await loadByDay(deps(), request({ owners, range }));
    // One by-day call per owner; the one missing a day is asked twice more.
    assert.equal(asked(WECOM_PATHS.byDay).length, 5);
    assert.deepEqual(data.missingDays, [dropped]);
    assert.equal(data.total[data.days.indexOf(dropped)], null);
    assert.deepEqual(
      await storedDays(stores.get(), scope(), [owners[1]], range),
      listDays(range).filter((d) => d !== dropped),
    );
    assert.deepEqual(await storedDays(stores.get(), scope(), [owners[0], owners[2]], range), listDays(range));

    proxy.setRule(undefined);
    proxy.requests.length = 0;
    const again = await loadByDay(deps(), request({ owners, range }));
    assert.equal(asked(WECOM_PATHS.byDay).length, 0);
    const calls = asked(WECOM_PATHS.statistic);
    assert.equal(calls.length, 1, 'one single-day call for the one missing atom');
    assert.deepEqual(
      [bodyFrom(calls[0].body), bodyTo(calls[0].body), bodyOwners(calls[0].body)],
      [dropped, dropped, [owners[1]]],
    );
    assert.deepEqual(again.missingDays, []);
    assert.equal(again.cachedDays, 29);
    again.days.forEach((day, i) => assert.deepEqual(again.total[i], dayTruth(server, owners, day), day));
  });

  test('compare mode: an owner whose reply leaves out a day makes that day missing in the sum, only for that owner’s line', async () => {
    const owners = server.owners.slice(0, 3);
    const range = lastNDays(7, now);
    const dropped = addDays(range.to, -1);
    proxy.setRule((req) =>
      req.path === WECOM_PATHS.byDay && ownersOfBody(req.body)[0] === owners[1]
        ? { transform: withoutDay(dayStartTs(dropped)) }
        : undefined,
    );
    const data = await loadByDay(deps(), request({ owners, perOwner: true }));
    assert.deepEqual(data.missingDays, [dropped]);
    const i = data.days.indexOf(dropped);
    assert.equal(data.total[i], null);
    const lines = new Map(data.perOwner?.map((p) => [p.owner, p.series]));
    assert.equal(lines.get(owners[1])?.[i], null);
    assert.deepEqual(lines.get(owners[0])?.[i], server.statsFor(owners[0], dropped));
    assert.deepEqual(lines.get(owners[1])?.[i - 1], server.statsFor(owners[1], addDays(dropped, -1)));
    const held = await stores.get().coverage(scope(), { from: dropped, to: dropped, owners });
    assert.deepEqual(
      held.map((e) => e.owner),
      [owners[0], owners[2]].sort(),
    );
  });

  const ways: readonly {
    name: string;
    path: string;
    owners: () => readonly string[];
    range: () => DayRange;
  }[] = [
    {
      name: 'statistic atoms (150 owners × 7 days)',
      path: WECOM_PATHS.statistic,
      owners: () => server.owners,
      range: () => lastNDays(7, now),
    },
    {
      name: 'by-day atoms (3 owners × 30 days)',
      path: WECOM_PATHS.byDay,
      owners: () => server.owners.slice(0, 3),
      range: () => lastNDays(30, now),
    },
    {
      name: 'sums (150 owners × 90 days)',
      path: WECOM_PATHS.byDay,
      owners: () => server.owners,
      range: () => lastNDays(90, now),
    },
  ];
  for (const way of ways) {
    test(`${way.name}: a malformed reply (after the client’s retries) fails the load, and nothing is stored`, async () => {
      proxy.setRule((req) => (req.path === way.path ? { reply: { errcode: 0, errmsg: 'ok' } } : undefined));
      const err = await loadByDay(deps(), request({ owners: way.owners(), range: way.range() })).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(err instanceof WeComError, String(err));
      assert.equal(err.kind, 'malformed');
      assert.equal(err.endpoint, way.path);
      assert.ok(asked(way.path).length > 2, `retried (${asked(way.path).length} requests)`);
      assert.equal(await stores.get().days(scope()), undefined, 'nothing stored');
    });
  }

  test('by-day atoms keep the time their own reply arrived, not when the load ended', async () => {
    const owner = [server.owners[7]];
    // Each by-day reply arrives one minute after the previous one; the loader's clock says the load
    // ended an hour later.
    proxy.setRule((req) => {
      if (req.path === WECOM_PATHS.byDay) {
        now += 60_000;
      }
      return undefined;
    });
    const ended = FIXED_NOW + 3600_000;
    const range = lastNDays(60, FIXED_NOW);
    const data = await loadByDay(
      deps({ concurrency: 1, loaderNow: () => ended }),
      request({ owners: owner, range }),
    );
    assert.equal(asked(WECOM_PATHS.byDay).length, 2);
    const atoms = await stores.get().getAtoms(scope(), range);
    assert.equal(atoms.length, 60);
    const times = [...new Set(atoms.map((a) => a.fetchedAt))].sort();
    assert.deepEqual(times, [FIXED_NOW + 60_000, FIXED_NOW + 120_000], 'two windows, two reply times');
    const yesterday = atoms.find((a) => a.day === range.to);
    assert.equal(data.yesterdayFetchedAt, yesterday?.fetchedAt);
  });

  test('statistic atoms keep the time of their own day’s reply', async () => {
    const owners = server.owners.slice(20, 32);
    proxy.setRule((req) => {
      if (req.path === WECOM_PATHS.statistic) {
        now += 60_000;
      }
      return undefined;
    });
    const range = lastNDays(7, FIXED_NOW);
    const data = await loadByDay(deps({ concurrency: 1 }), request({ owners, range }));
    assert.equal(asked(WECOM_PATHS.statistic).length, 7);
    const atoms = await stores.get().getAtoms(scope(), range);
    assert.equal(atoms.length, 12 * 7);
    const perDay = new Map<string, Set<number>>();
    for (const atom of atoms) {
      perDay.set(atom.day, (perDay.get(atom.day) ?? new Set()).add(atom.fetchedAt));
    }
    assert.ok(
      [...perDay.values()].every((t) => t.size === 1),
      'one reply time per day',
    );
    const times = [...perDay.values()].map((t) => [...t][0]).sort();
    assert.deepEqual(
      times,
      [1, 2, 3, 4, 5, 6, 7].map((k) => FIXED_NOW + k * 60_000),
    );
    assert.equal(data.yesterdayFetchedAt, [...(perDay.get(range.to) ?? [])][0]);
  });

  const failFirst = (path: string) => {
    let failed = false;
    return (req: { path: string }) => {
      if (req.path !== path) {
        return undefined;
      }
      if (!failed) {
        failed = true;
        // A non-retryable API error (no privilege).
        return { reply: { errcode: 60011, errmsg: 'no privilege to access/modify contact/party/agent' } };
      }
      return { delayMs: 150 };
    };
  };

  async function assertQuietAfter(load: Promise<unknown>, path: string): Promise<void> {
    await assert.rejects(load, (err: unknown) => err instanceof WeComError && err.errcode === 60011);
    const rejectedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 800));
    // A request written just before the failure may still be arriving (same process); the siblings
    // held back 150 ms would come much later.
    const after = asked(path).filter((r) => r.at >= rejectedAt + 50);
    assert.equal(after.length, 0, `${after.length} calls were made after the failure`);
  }

  test('the first failure of a multi-window load aborts the sibling windows: nothing reaches the server after it', async () => {
    proxy.setRule(failFirst(WECOM_PATHS.byDay));
    const load = loadByDay(
      deps({ concurrency: 2 }),
      request({ owners: [server.owners[3]], range: lastNDays(180, now) }),
    );
    await assertQuietAfter(load, WECOM_PATHS.byDay);
    // The failing window and the one already in flight beside it (concurrency 2): no others.
    const n = asked(WECOM_PATHS.byDay).length;
    assert.ok(n <= 2, `asked ${n} of 6 windows`);
  });

  test('the first failure of a multi-day sync aborts the sibling days: nothing reaches the server after it', async () => {
    proxy.setRule(failFirst(WECOM_PATHS.statistic));
    // 150 owners × 30 days: 60 single-day calls, the most the loader syncs instead of summing.
    const load = loadByDay(deps({ concurrency: 2 }), request({ range: lastNDays(30, now) }));
    await assertQuietAfter(load, WECOM_PATHS.statistic);
    const n = asked(WECOM_PATHS.statistic).length;
    assert.ok(n <= 2, `asked ${n} of 60 calls`);
    assert.equal(await stores.get().days(scope()), undefined, 'no day was whole before the failure');
  });
});
