/**
 * By-day figures over an owner set, stored days first: a day whose atoms the store holds for every
 * owner (final, or no longer served by WeCom) is summed from the store without a call; the other
 * days are fetched with `statistic_group_by_day`, one request series per contiguous run. A day
 * neither has (older than WeCom's window and not stored) is an error that names it.
 */
import { allowedWindow, dayStartTs, isInWindow, listDays, type CstDay, type DayRange } from '../shared/days';
import type { HistoryStore, ScopeRef } from '../store/types';
import { missingDaysError } from '../wecom/errors';
import type { CallOptions, DayStats, StatisticsClient } from '../wecom/types';
import { contiguousRuns } from './planner';

export interface StoredByDayResult {
  readonly owners: readonly string[];
  readonly total: readonly DayStats[];
  /** Days summed from the store, and days fetched now. */
  readonly storedDays: number;
  readonly fetchedDays: number;
}

/** Days that are neither stored for every owner nor served by WeCom any more. */
export class UnavailableDaysError extends Error {
  constructor(readonly days: readonly CstDay[]) {
    const shown =
      days.length <= 5 ? days.join(', ') : `${days.slice(0, 5).join(', ')} and ${days.length - 5} more`;
    super(
      `neither the history store nor WeCom has ${days.length === 1 ? 'the day' : `${days.length} days`} ${shown} ` +
        `for every owner asked (WeCom keeps 180 days; the store has what earlier syncs fetched)`,
    );
    this.name = 'UnavailableDaysError';
  }
}

export async function byDayWithStore(
  client: StatisticsClient,
  store: HistoryStore,
  scope: ScopeRef,
  request: DayRange & { owners?: readonly string[]; nowMs: number },
  options: CallOptions = {},
): Promise<StoredByDayResult> {
  const owners = request.owners ?? (await client.listFollowUsers(options));
  const window = allowedWindow(request.nowMs);
  const sums = new Map(
    (await store.sumByDay(scope, { from: request.from, to: request.to, owners })).map((s) => [s.day, s]),
  );
  const days = listDays(request);
  // A provisional stored day that WeCom still serves is asked again: it may have changed since.
  const fromStore = (day: CstDay): boolean => {
    const sum = sums.get(day);
    return sum !== undefined && sum.complete && (sum.final || !isInWindow(day, window));
  };
  const toFetch = days.filter((day) => !fromStore(day));
  const unavailable = toFetch.filter((day) => !isInWindow(day, window));
  if (unavailable.length > 0) {
    throw new UnavailableDaysError(unavailable);
  }
  const fetched = new Map<CstDay, DayStats>();
  for (const run of contiguousRuns(toFetch)) {
    const reply = await client.getByDay({ from: run.from, to: run.to, owners }, options);
    if (reply.missingDays.length > 0) {
      // Nothing partial: a sum that lacks an owner batch would read as the whole.
      throw missingDaysError(reply.missingDays);
    }
    reply.total.forEach((day) => fetched.set(day.date, day));
  }
  const total = days.map((day): DayStats => {
    const sum = sums.get(day);
    if (fromStore(day) && sum) {
      return { date: day, statTime: dayStartTs(day), data: sum.data, fetchedAt: sum.earliestFetchedAt ?? 0 };
    }
    return fetched.get(day) as DayStats;
  });
  return { owners, total, storedDays: days.length - toFetch.length, fetchedDays: toFetch.length };
}
