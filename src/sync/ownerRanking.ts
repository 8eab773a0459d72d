/**
 * The owners view's ranking, from the history store only (no call): the top and bottom owners for
 * one figure over the last N days up to a day, against the N days before. It is ranked only when
 * every day of both periods is stored for every owner; otherwise it names the missing days (a flow
 * summed over fewer days would rank owners on less than they did), and the caller offers the
 * backfill instead of fetching behind the user's back.
 */
import { rankOwners, rankRange, type RankedOwner } from '../analysis/rank';
import { addDays, type CstDay, type DayRange } from '../shared/days';
import type { MetricKey } from '../shared/metrics';
import type { HistoryStore, ScopeRef } from '../store/types';
import { readForRank } from './rankRead';

export interface OwnerRankingRequest {
  readonly metric: MetricKey;
  /** The last day of the ranked period (the owners view's day). */
  readonly day: CstDay;
  readonly owners: readonly string[];
  /** Days per period (default 7). */
  readonly days?: number;
  /** Owners at each end (default 5). */
  readonly size?: number;
}

export type OwnerRanking =
  | {
      readonly complete: true;
      readonly metric: MetricKey;
      readonly range: DayRange;
      readonly previous: DayRange;
      /** Owners ranked (with figures in the range). */
      readonly ranked: number;
      /** Highest first. */
      readonly top: readonly RankedOwner[];
      /** Lowest first; never repeats an owner of `top`. */
      readonly bottom: readonly RankedOwner[];
      /** Some day of the two periods is not final yet (yesterday before 10:00 CST). */
      readonly provisional: boolean;
    }
  | {
      readonly complete: false;
      readonly metric: MetricKey;
      readonly range: DayRange;
      readonly previous: DayRange;
      /** Days of the two periods that the store lacks for some owner, oldest first. */
      readonly missingDays: readonly CstDay[];
      /** Days the two periods span. */
      readonly spanDays: number;
    };

export async function readOwnerRanking(
  store: HistoryStore,
  scope: ScopeRef,
  request: OwnerRankingRequest,
): Promise<OwnerRanking> {
  const length = request.days ?? 7;
  const size = request.size ?? 5;
  const range: DayRange = { from: addDays(request.day, 1 - length), to: request.day };
  const span = rankRange(range);
  const previous: DayRange = { from: span.from, to: addDays(range.from, -1) };
  const sums = await store.sumByDay(scope, { ...span, owners: request.owners });
  const missingDays = sums.filter((sum) => !sum.complete).map((sum) => sum.day);
  if (missingDays.length > 0) {
    return { complete: false, metric: request.metric, range, previous, missingDays, spanDays: sums.length };
  }
  const atoms = await readForRank(store, scope, request.metric, range, request.owners);
  const ranked = rankOwners(atoms, { metric: request.metric, range, owners: request.owners });
  const top = ranked.slice(0, size);
  const bottom = ranked.slice(Math.max(top.length, ranked.length - size)).reverse();
  return {
    complete: true,
    metric: request.metric,
    range,
    previous,
    ranked: ranked.length,
    top,
    bottom,
    provisional: sums.some((sum) => !sum.final),
  };
}
