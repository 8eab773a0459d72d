/**
 * Where the heatmap's and the rankings' figures come from: the history store only. What the store
 * lacks (or holds provisionally) inside WeCom's window is planned first (src/sync/planner, the
 * cheaper way); its call count is said before any call, and above the chart's threshold the user
 * confirms. The fetch is synced into the store (one transaction per unit) and can be stopped:
 * then what was stored is shown, and the missing days are named. No `vscode` import: unit-tested
 * and benchmarked with a real store.
 */
import { rankOwners, rankRange } from '../../analysis/rank';
import { dayGaps } from '../../analysis/gaps';
import { buildHeatmap, heatmapRange, type HeatmapMatrix, type HeatmapRequest } from '../../analysis/heatmap';
import { rankingLists, type RankingLists } from '../../analysis/rankingView';
import { previousRange } from '../../analysis/periods';
import { readForRank } from '../../sync/rankRead';
import { allowedWindow, isInWindow, listDays, type DayRange } from '../../shared/days';
import type { FetchChoice, FetchConfirm, FetchReport } from '../../shared/insightsProtocol';
import type { MetricKey } from '../../shared/metrics';
import type { HistoryStore, StoreScope } from '../../store/types';
import { planSync, runSync } from '../../sync/sync';
import { isAbortError } from '../../wecom/errors';
import type { CallProgress, StatisticsClient } from '../../wecom/types';
import { SMALL_PLAN } from '../chart/byDayLoader';

/** Above this many calls the user confirms first: the chart's own threshold for a quick look. */
export const CONFIRM_CALLS = SMALL_PLAN;

export interface InsightSource {
  readonly store: HistoryStore;
  readonly scope: StoreScope;
  /** Absent: stored figures only (nothing configured to fetch with). */
  readonly client?: StatisticsClient;
  readonly now: () => number;
  /** Atoms were written (the host records the sync time). */
  readonly onStored?: () => void;
}

export interface FetchOptions {
  readonly choice: FetchChoice;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: CallProgress) => void;
}

/**
 * Makes sure the store holds `range` for `owners` as far as WeCom still serves it: undefined
 * when nothing was needed or it was fetched (or stopped: `report.stopped`), or the confirmation
 * to ask for when the plan costs more than `CONFIRM_CALLS` and the choice is 'ask'.
 */
export async function fetchMissing(
  source: InsightSource,
  range: DayRange,
  owners: readonly string[],
  options: FetchOptions,
): Promise<FetchConfirm | FetchReport> {
  const nowMs = source.now();
  const window = allowedWindow(nowMs);
  const days = listDays(range).filter((day) => isInWindow(day, window));
  if (!source.client || options.choice === 'no' || days.length === 0 || owners.length === 0) {
    return { calls: 0, stopped: false };
  }
  const plan = await planSync(source.store, source.scope, { days, owners, nowMs });
  if (plan.calls === 0) {
    return { calls: 0, stopped: false };
  }
  if (options.choice === 'ask' && plan.calls > CONFIRM_CALLS) {
    return { kind: 'confirm', calls: plan.calls, days: plan.days, owners: plan.owners };
  }
  let calls = 0;
  try {
    const result = await runSync(source.client, source.store, source.scope, plan, {
      signal: options.signal,
      now: source.now,
      onProgress: (p) => {
        calls = p.done;
        options.onProgress?.({ done: p.done, total: p.total });
      },
    });
    if (result.atoms > 0) {
      source.onStored?.();
    }
    return { calls: result.calls, stopped: false };
  } catch (err) {
    if (options.signal?.aborted || isAbortError(err)) {
      // Stopped by the user: what was stored so far stays, and the view names what is missing.
      source.onStored?.();
      return { calls, stopped: true };
    }
    throw err;
  }
}

/** The heatmap of `request` from the store (the day before the range too, for the change). */
export async function readHeatmap(
  store: HistoryStore,
  scope: StoreScope,
  request: HeatmapRequest,
): Promise<HeatmapMatrix> {
  // Only the drawn figure and the sort figure: a 500 × 180 heatmap is 90,000 atoms.
  const atoms = await store.getFigures(scope, {
    ...heatmapRange(request.range),
    owners: request.owners,
    metrics: [request.metric, request.sortBy],
  });
  return buildHeatmap(atoms, request);
}

export interface RankingsRead extends RankingLists {
  readonly previous: DayRange;
  readonly missingDays: string[];
  readonly provisionalDays: string[];
}

/** The ranking of `metric` over `range` and its previous period, as the CLI's `rank` computes it. */
export async function readRankings(
  store: HistoryStore,
  scope: StoreScope,
  request: { metric: MetricKey; range: DayRange; owners: readonly string[]; topN: number },
): Promise<RankingsRead> {
  const { metric, range, owners } = request;
  const atoms = await readForRank(store, scope, metric, range, owners);
  const ranked = rankOwners(atoms, { metric, range, owners });
  const both = rankRange(range);
  const coverage = await store.coverage(scope, { ...both, owners });
  return {
    ...rankingLists(ranked, request.topN),
    previous: previousRange(range),
    ...dayGaps(both, owners, coverage),
  };
}
