/**
 * The fetch planner: which (day, owner) atoms are missing from the store, and the cheaper of the
 * two ways WeCom offers to get them. Pure (no I/O, no clock of its own): the caller passes `nowMs`
 * and what the store holds, so the plan, its call count and the `--dry-run` output are facts of
 * those inputs alone.
 *
 * - by-day-statistic: `groupchat/statistic` for one day (begin = end), owners in batches of 100:
 *   ⌈owners missing that day / 100⌉ calls per day. It also tells which owners WeCom left out.
 * - per-owner-by-day: `statistic_group_by_day` for one owner: ⌈D / 30⌉ calls per contiguous run of
 *   D missing days of that owner.
 */
import {
  addDays,
  allowedWindow,
  daysBetween,
  isInWindow,
  MAX_SPAN_DAYS,
  type CstDay,
  type DayRange,
} from '../shared/days';
import { MAX_OWNERS_PER_REQUEST } from '../shared/wecomApi';

export type PlanKind = 'by-day-statistic' | 'per-owner-by-day';

/** What the store holds, as the planner needs it: the atoms that were final when fetched. */
export interface Coverage {
  /** True when (day, owner) is stored (present or absent) and was final when fetched. */
  isFinal(day: CstDay, owner: string): boolean;
}

export interface PlanRequest {
  /** The days wanted; days WeCom no longer serves, today and later days are dropped. */
  readonly days: readonly CstDay[];
  readonly owners: readonly string[];
  readonly coverage: Coverage;
  /** The last `recheck` days (ending yesterday) are fetched again even when final (revisions). */
  readonly recheck?: number;
  readonly nowMs: number;
}

/** One `groupchat/statistic` call series: one day, the owners missing that day. */
export interface DayUnit {
  readonly day: CstDay;
  readonly owners: readonly string[];
  /** ⌈owners / 100⌉. */
  readonly calls: number;
}

/** One owner's contiguous missing days (each run at most the 180-day window). */
export interface OwnerUnit {
  readonly owner: string;
  readonly run: DayRange;
  /** ⌈days of the run / 30⌉. */
  readonly calls: number;
}

export type FetchPlan =
  | (PlanTotals & { readonly kind: 'by-day-statistic'; readonly units: readonly DayUnit[] })
  | (PlanTotals & { readonly kind: 'per-owner-by-day'; readonly units: readonly OwnerUnit[] });

export interface PlanTotals {
  /** Statistics calls the plan makes (the budget), not counting gettoken or the follow-user list. */
  readonly calls: number;
  /** Days with at least one missing atom. */
  readonly days: number;
  /** Owners with at least one missing atom. */
  readonly owners: number;
  /** What the other way would have cost, for the record. */
  readonly otherCalls: number;
}

/** The `--dry-run` JSON: exactly these four keys. */
export function planSummary(plan: FetchPlan): {
  calls: number;
  days: number;
  owners: number;
  plan: PlanKind;
} {
  return { calls: plan.calls, days: plan.days, owners: plan.owners, plan: plan.kind };
}

export function planFetch(request: PlanRequest): FetchPlan {
  const window = allowedWindow(request.nowMs);
  const days = [...new Set(request.days)].filter((day) => isInWindow(day, window)).sort();
  const owners = [...new Set(request.owners)];
  const recheckFrom = addDays(window.to, -Math.max(0, (request.recheck ?? 0) - 1));
  const forced = (day: CstDay): boolean => (request.recheck ?? 0) > 0 && day >= recheckFrom;

  // Missing owners per day (day order) and missing days per owner (the same facts, both ways).
  const byDay: DayUnit[] = [];
  const missingDaysOf = new Map<string, CstDay[]>();
  for (const day of days) {
    const missing = owners.filter((owner) => forced(day) || !request.coverage.isFinal(day, owner));
    if (missing.length === 0) {
      continue;
    }
    byDay.push({ day, owners: missing, calls: Math.ceil(missing.length / MAX_OWNERS_PER_REQUEST) });
    for (const owner of missing) {
      const list = missingDaysOf.get(owner) ?? [];
      list.push(day);
      missingDaysOf.set(owner, list);
    }
  }
  const perOwner: OwnerUnit[] = [];
  for (const owner of owners) {
    for (const run of contiguousRuns(missingDaysOf.get(owner) ?? [])) {
      perOwner.push({ owner, run, calls: Math.ceil(runLength(run) / MAX_SPAN_DAYS) });
    }
  }
  const byDayCalls = sum(byDay.map((u) => u.calls));
  const perOwnerCalls = sum(perOwner.map((u) => u.calls));
  const totals = { days: byDay.length, owners: missingDaysOf.size };
  // A tie goes to by-day-statistic: it also says which owners WeCom left out (absent atoms).
  if (byDayCalls <= perOwnerCalls) {
    return {
      kind: 'by-day-statistic',
      units: byDay,
      calls: byDayCalls,
      otherCalls: perOwnerCalls,
      ...totals,
    };
  }
  return {
    kind: 'per-owner-by-day',
    units: perOwner,
    calls: perOwnerCalls,
    otherCalls: byDayCalls,
    ...totals,
  };
}

/** Sorted distinct days → maximal runs of consecutive days. */
export function contiguousRuns(days: readonly CstDay[]): DayRange[] {
  const runs: DayRange[] = [];
  for (const day of days) {
    const last = runs[runs.length - 1];
    if (last && addDays(last.to, 1) === day) {
      runs[runs.length - 1] = { from: last.from, to: day };
    } else {
      runs.push({ from: day, to: day });
    }
  }
  return runs;
}

function runLength(run: DayRange): number {
  return daysBetween(run.from, run.to) + 1;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
