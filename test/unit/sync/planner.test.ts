import * as assert from 'node:assert/strict';
import { addDays, cstToday, lastNDays, listDays, type CstDay } from '../../../src/shared/days';
import { contiguousRuns, planFetch, planSummary, type Coverage } from '../../../src/sync/planner';

/** 2026-11-27 10:00 CST. */
const NOW = Date.UTC(2026, 10, 27, 2, 0, 0);
const owners = (n: number): string[] => Array.from({ length: n }, (_, i) => `o${i}`);
const NOTHING: Coverage = { isFinal: () => false };
const finalSet = (pairs: ReadonlyArray<readonly [CstDay, string]>): Coverage => {
  const keys = new Set(pairs.map(([d, o]) => `${d}|${o}`));
  return { isFinal: (d, o) => keys.has(`${d}|${o}`) };
};

suite('sync: planner', () => {
  test("the issue's example: 137 owners × 60 days → 120 calls by day rather than 274 by owner", () => {
    const plan = planFetch({
      days: listDays(lastNDays(60, NOW)),
      owners: owners(137),
      coverage: NOTHING,
      nowMs: NOW,
    });
    assert.deepEqual(planSummary(plan), { calls: 120, days: 60, owners: 137, plan: 'by-day-statistic' });
    assert.equal(plan.otherCalls, 274);
    assert.equal(plan.units.length, 60);
  });

  test('a few owners × many days → per owner (3 owners × 180 days: 18 calls, not 180)', () => {
    const plan = planFetch({
      days: listDays(lastNDays(180, NOW)),
      owners: owners(3),
      coverage: NOTHING,
      nowMs: NOW,
    });
    assert.deepEqual(planSummary(plan), { calls: 18, days: 180, owners: 3, plan: 'per-owner-by-day' });
    assert.equal(plan.otherCalls, 180);
  });

  test('the tie goes to by-day-statistic (it also finds absent owners)', () => {
    // 1 owner × 1 day costs 1 call either way.
    const plan = planFetch({
      days: [addDays(cstToday(NOW), -1)],
      owners: ['a'],
      coverage: NOTHING,
      nowMs: NOW,
    });
    assert.equal(plan.kind, 'by-day-statistic');
    assert.equal(plan.calls, 1);
  });

  test('days WeCom no longer serves, today and the future are never planned', () => {
    const today = cstToday(NOW);
    const days = [addDays(today, -181), addDays(today, -180), addDays(today, -1), today, addDays(today, 1)];
    const plan = planFetch({ days, owners: owners(5), coverage: NOTHING, nowMs: NOW });
    assert.equal(plan.kind, 'by-day-statistic');
    assert.deepEqual(
      plan.units.map((u) => ('day' in u ? u.day : '')),
      [addDays(today, -180), addDays(today, -1)],
    );
  });

  test('final atoms are not planned; only the missing owners of a day are asked', () => {
    const day = addDays(cstToday(NOW), -2);
    const plan = planFetch({
      days: [day],
      owners: owners(150),
      coverage: finalSet(owners(120).map((o) => [day, o] as const)),
      nowMs: NOW,
    });
    assert.equal(plan.kind, 'by-day-statistic');
    assert.deepEqual(planSummary(plan), { calls: 1, days: 1, owners: 30, plan: 'by-day-statistic' });
    assert.deepEqual(plan.kind === 'by-day-statistic' && plan.units[0].owners, owners(150).slice(120));
  });

  test('everything final: no calls; --recheck N plans the last N days again', () => {
    const days = listDays(lastNDays(10, NOW));
    const all = finalSet(days.flatMap((d) => owners(250).map((o) => [d, o] as const)));
    assert.deepEqual(planSummary(planFetch({ days, owners: owners(250), coverage: all, nowMs: NOW })), {
      calls: 0,
      days: 0,
      owners: 0,
      plan: 'by-day-statistic',
    });
    const recheck = planFetch({ days, owners: owners(250), coverage: all, recheck: 2, nowMs: NOW });
    assert.deepEqual(planSummary(recheck), { calls: 6, days: 2, owners: 250, plan: 'by-day-statistic' });
    assert.deepEqual(
      recheck.units.map((u) => ('day' in u ? u.day : '')),
      listDays(lastNDays(2, NOW)),
    );
  });

  test("per owner: calls follow each owner's contiguous runs of missing days", () => {
    const days = listDays(lastNDays(90, NOW));
    // Owner a misses everything (90 days: 3 calls); b misses days 0–44 and 60–89 (2 + 1 calls).
    const stored = days.filter((_, i) => i >= 45 && i < 60).map((d) => [d, 'b'] as const);
    const plan = planFetch({ days, owners: ['a', 'b'], coverage: finalSet(stored), nowMs: NOW });
    assert.equal(plan.kind, 'per-owner-by-day');
    assert.equal(plan.calls, 6);
    assert.deepEqual(
      plan.units.map((u) => ('run' in u ? [u.owner, u.run.from, u.run.to, u.calls] : [])),
      [
        ['a', days[0], days[89], 3],
        ['b', days[0], days[44], 2],
        ['b', days[60], days[89], 1],
      ],
    );
  });

  test('contiguousRuns', () => {
    assert.deepEqual(contiguousRuns(['2026-01-30', '2026-01-31', '2026-02-01', '2026-02-03']), [
      { from: '2026-01-30', to: '2026-02-01' },
      { from: '2026-02-03', to: '2026-02-03' },
    ]);
    assert.deepEqual(contiguousRuns([]), []);
  });
});
