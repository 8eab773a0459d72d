import { WECOM_PATHS } from '../../../src/shared/wecomApi';
import * as assert from 'node:assert/strict';
import type { FakeWeComServer } from '../../../src/demo/fakeServer';
import { addDays, cstYesterday, dayFromTs, lastNDays, listDays, type CstDay } from '../../../src/shared/days';
import type { HistoryStore } from '../../../src/store/types';
import { planSummary } from '../../../src/sync/planner';
import { planSync, runSync } from '../../../src/sync/sync';
import { FIXED_NOW, bodiesOf, makeClient, startServer } from '../wecom/support';
import { forEachEngine } from '../store/harness';
import { scopeOf, storePerTest } from './support';

const clock = (): number => FIXED_NOW;
const days = (n: number, now = FIXED_NOW): CstDay[] => listDays(lastNDays(n, now));

/** The CST day a statistic/by-day body asks for (one day: begin = end). */
function bodyDay(body: Record<string, unknown>): CstDay {
  return dayFromTs(body.day_begin_time as number);
}

forEachEngine('sync: plan executed against the fake server into the store', (engine) => {
  let server: FakeWeComServer | undefined;
  let store: HistoryStore;
  const stores = storePerTest(engine);

  setup(() => {
    store = stores.get();
  });
  teardown(async () => {
    await server?.close();
    server = undefined;
  });

  test('by day: the calls made equal the plan, every atom equals the ground truth, a rerun plans 0', async () => {
    server = await startServer({ ownerCount: 150 });
    const { client } = makeClient(server);
    const scope = scopeOf(server);
    const wanted = { days: days(10), owners: server.owners, nowMs: FIXED_NOW };
    const plan = await planSync(store, scope, wanted);
    assert.deepEqual(planSummary(plan), { calls: 20, days: 10, owners: 150, plan: 'by-day-statistic' });
    server.resetCounts();
    const seen: number[] = [];
    const result = await runSync(client, store, scope, plan, {
      now: clock,
      onProgress: (p) => seen.push(p.done),
    });
    assert.equal(server.counts()[WECOM_PATHS.statistic], 20);
    assert.equal(server.counts()[WECOM_PATHS.byDay] ?? 0, 0);
    assert.equal(result.calls, 20);
    assert.equal(result.atoms, 1500);
    assert.equal(result.inserted, 1500);
    assert.equal(seen[seen.length - 1], 20);
    const atoms = await store.getAtoms(scope, { from: wanted.days[0], to: wanted.days[9] });
    assert.equal(atoms.length, 1500);
    for (const atom of atoms) {
      assert.deepEqual(atom.data, server.statsFor(atom.owner, atom.day), `${atom.day} ${atom.owner}`);
      assert.equal(atom.final, true);
      assert.equal(atom.fetchedAt, FIXED_NOW);
    }
    assert.equal((await planSync(store, scope, wanted)).calls, 0);
  });

  test('per owner: 3 owners × 60 days cost 6 by-day calls, the plan exactly', async () => {
    server = await startServer({ ownerCount: 30 });
    const { client } = makeClient(server);
    const scope = scopeOf(server);
    const owners = server.owners.slice(0, 3);
    const plan = await planSync(store, scope, { days: days(60), owners, nowMs: FIXED_NOW });
    assert.deepEqual(planSummary(plan), { calls: 6, days: 60, owners: 3, plan: 'per-owner-by-day' });
    server.resetCounts();
    const result = await runSync(client, store, scope, plan, { now: clock });
    assert.equal(server.counts()[WECOM_PATHS.byDay], 6);
    assert.equal(server.counts()[WECOM_PATHS.statistic] ?? 0, 0);
    assert.equal(result.atoms, 180);
    for (const atom of await store.getAtoms(scope, { from: days(60)[0], to: days(60)[59] })) {
      assert.deepEqual(atom.data, server.statsFor(atom.owner, atom.day));
    }
  });

  test('aborted mid-sync: what was stored stays, the rerun asks only for the rest', async () => {
    server = await startServer({ ownerCount: 150, latencyMs: 20 });
    const { client } = makeClient(server, { concurrency: 2 });
    const scope = scopeOf(server);
    const wanted = { days: days(30), owners: server.owners, nowMs: FIXED_NOW };
    const plan = await planSync(store, scope, wanted);
    assert.equal(plan.calls, 60);
    const controller = new AbortController();
    let stored = 0;
    const first = runSync(client, store, scope, plan, {
      now: clock,
      parallelUnits: 2,
      signal: controller.signal,
      onProgress: (p) => {
        stored = p.stored;
        if (p.stored >= 150 * 5) {
          controller.abort();
        }
      },
    });
    await assert.rejects(first, (err: Error & { kind?: string }) => err.kind === 'aborted');
    assert.ok(stored >= 750 && stored < 4500, `stored ${stored}`);
    const kept = await store.coverage(scope, {
      from: wanted.days[0],
      to: wanted.days[29],
      owners: server.owners,
    });
    assert.equal(kept.length, stored);
    const keptDays = new Set(kept.map((e) => e.day));

    // Requests of the first run still on the wire land at the fake before the count restarts.
    await new Promise((resolve) => setTimeout(resolve, 200));
    server.resetCounts();
    const rest = await planSync(store, scope, wanted);
    assert.equal(rest.days, 30 - keptDays.size);
    await runSync(client, store, scope, rest, { now: clock });
    const asked = bodiesOf(server, WECOM_PATHS.statistic).map(bodyDay);
    assert.equal(asked.length, rest.calls);
    for (const day of asked) {
      assert.ok(!keptDays.has(day), `${day} was stored final and asked again`);
    }
    assert.equal(
      (await store.coverage(scope, { from: wanted.days[0], to: wanted.days[29], owners: server.owners }))
        .length,
      4500,
    );
  });

  test('a day fetched before 10:00 CST is provisional and fetched again after 10:00; a final one is not', async () => {
    // 2026-11-27 09:00 CST, then 10:30 CST: both sides (fake and client) on the same clock.
    let now = Date.UTC(2026, 10, 27, 1, 0, 0);
    const tick = (): number => now;
    server = await startServer({ ownerCount: 20, now: tick });
    const { client } = makeClient(server, { now: tick });
    const scope = scopeOf(server);
    const yesterday = cstYesterday(now);
    await runSync(
      client,
      store,
      scope,
      await planSync(store, scope, { days: days(3, now), owners: server.owners, nowMs: now }),
      { now: tick },
    );
    const early = await store.getAtoms(scope, { from: yesterday, to: yesterday });
    assert.ok(early.every((a) => !a.final));
    assert.ok(
      (await store.getAtoms(scope, { from: addDays(yesterday, -1), to: addDays(yesterday, -1) })).every(
        (a) => a.final,
      ),
    );
    // Still before 10:00: yesterday stays planned (provisional counts as missing).
    assert.deepEqual(
      planSummary(await planSync(store, scope, { days: days(3, now), owners: server.owners, nowMs: now })),
      {
        calls: 1,
        days: 1,
        owners: 20,
        plan: 'by-day-statistic',
      },
    );
    now = Date.UTC(2026, 10, 27, 2, 30, 0);
    server.resetCounts();
    const again = await planSync(store, scope, { days: days(3, now), owners: server.owners, nowMs: now });
    assert.equal(again.calls, 1);
    await runSync(client, store, scope, again, { now: tick });
    assert.deepEqual(bodiesOf(server, WECOM_PATHS.statistic).map(bodyDay), [yesterday]);
    const late = await store.getAtoms(scope, { from: yesterday, to: yesterday });
    assert.ok(late.every((a) => a.final && a.fetchedAt === now));
  });

  test('revisions: figures that changed since the last fetch are recorded (--recheck), unchanged ones are not', async () => {
    server = await startServer({ ownerCount: 12, seed: 1 });
    const scope = scopeOf(server);
    await runSync(
      makeClient(server).client,
      store,
      scope,
      await planSync(store, scope, { days: days(5), owners: server.owners, nowMs: FIXED_NOW }),
      { now: clock },
    );
    await server.close();
    // The "same" server a day later with revised figures: a second fake on another seed.
    server = await startServer({ ownerCount: 12, seed: 2 });
    const later = FIXED_NOW + 3_600_000;
    const recheck = await planSync(store, scope, {
      days: days(5),
      owners: server.owners,
      recheck: 2,
      nowMs: later,
    });
    assert.deepEqual(planSummary(recheck), { calls: 2, days: 2, owners: 12, plan: 'by-day-statistic' });
    const result = await runSync(makeClient(server).client, store, scope, recheck, { now: () => later });
    const [d1, d2] = days(2);
    const atoms = await store.getAtoms(scope, { from: d1, to: d2 });
    const changed = atoms.filter((a) => a.revisions.length > 0);
    assert.equal(result.revised, changed.length);
    assert.ok(changed.length > 0);
    for (const atom of atoms) {
      assert.deepEqual(atom.data, server.statsFor(atom.owner, atom.day));
    }
    for (const atom of changed) {
      assert.equal(atom.revisions[0].fetchedAt, FIXED_NOW);
      assert.equal(atom.revisions[0].replacedAt, later);
    }
    // Days outside the recheck keep their first value and no revision.
    const older = await store.getAtoms(scope, { from: days(5)[0], to: days(5)[2] });
    assert.ok(older.every((a) => a.revisions.length === 0 && a.fetchedAt === FIXED_NOW));
  });

  test('absent owners: an owner WeCom does not return is stored absent, by either plan', async () => {
    server = await startServer({ ownerCount: 10 });
    const { client } = makeClient(server);
    const scope = scopeOf(server);
    const byDay = await planSync(store, scope, {
      days: days(2),
      owners: [...server.owners, 'ghost'],
      nowMs: FIXED_NOW,
    });
    assert.equal(byDay.kind, 'by-day-statistic');
    const r1 = await runSync(client, store, scope, byDay, { now: clock });
    assert.equal(r1.absent, 2);
    const ghost = await store.getAtoms(scope, { from: days(2)[0], to: days(2)[1], owners: ['ghost'] });
    assert.deepEqual(
      ghost.map((a) => [a.absent, a.data]),
      [
        [true, undefined],
        [true, undefined],
      ],
    );
    const perOwner = await planSync(store, scope, {
      days: days(40),
      owners: ['zhangsan', 'ghost2'],
      nowMs: FIXED_NOW,
    });
    assert.equal(perOwner.kind, 'per-owner-by-day');
    const r2 = await runSync(client, store, scope, perOwner, { now: clock });
    assert.equal(r2.absent, 40);
    const sum = await store.sumByDay(scope, {
      from: days(1)[0],
      to: days(1)[0],
      owners: ['zhangsan', 'ghost2'],
    });
    assert.deepEqual(sum[0].data, server.statsFor('zhangsan', days(1)[0]));
    assert.equal(sum[0].present, 1);
    assert.equal(sum[0].stored, 2);
  });
});
