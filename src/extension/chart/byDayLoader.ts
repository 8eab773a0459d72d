/**
 * Answers the webview's by-day request: figures from the closed-day cache where it can, the
 * client for the rest (contiguous runs of missing days, split into the server's 30-day windows,
 * one client call each; the client splits owners into batches of 100). No `vscode` import:
 * unit-tested with the fake server and a real client.
 *
 * Never partial data as whole: only the days the client reports complete (every owner batch
 * answered them) are used or cached; the others come back in `missingDays`, and are asked again
 * next time. All calls of one load share one abort: the first failure stops its siblings.
 *
 * Compare mode fetches one series per owner and sums them for the total (a sum across owners is
 * exact for every figure), so a later single-owner chart of the same people is already cached.
 */
import { setMaxListeners } from 'node:events';
import type { CstDay, DayRange } from '../../shared/days';
import { addDays, allowedWindow, listDays, splitRange } from '../../shared/days';
import type { GroupChatStats } from '../../shared/metrics';
import { addStats, emptyStats } from '../../shared/metrics';
import type { ByDayData, DaySeries } from '../../shared/protocol';
import type { CallOptions, CallProgress, StatisticsClient } from '../../wecom/types';
import type { CacheScope, ClosedDayCache, SeriesOwners } from './closedDayCache';

export interface ByDayLoadRequest {
  /** Whose figures: `'all'` = the follow-user list, or an explicit owner set. */
  readonly owners: SeriesOwners;
  readonly range: DayRange;
  /** One series per owner as well (compare mode; only for an explicit owner set). */
  readonly perOwner: boolean;
  /** Ignore cached figures (they are still refreshed with what comes back). */
  readonly refresh: boolean;
}

export interface ByDayLoaderDeps {
  readonly client: StatisticsClient;
  readonly cache: ClosedDayCache;
  readonly scope: CacheScope;
  readonly now?: () => number;
  /** A cache write failed (read-only or full disk): the figures are still answered. */
  readonly onCacheError?: (err: unknown) => void;
}

/** Splits sorted days into runs of consecutive days. */
export function contiguousRuns(days: readonly CstDay[]): DayRange[] {
  const runs: DayRange[] = [];
  for (const day of [...days].sort()) {
    const last = runs[runs.length - 1];
    if (last && addDays(last.to, 1) === day) {
      runs[runs.length - 1] = { from: last.from, to: day };
    } else if (!last || day > last.to) {
      runs.push({ from: day, to: day });
    }
  }
  return runs;
}

/** Sums the `done`/`total` of several concurrent client calls into one progress stream. */
class ProgressSum {
  private readonly parts: CallProgress[] = [];
  constructor(private readonly report?: (progress: CallProgress) => void) {}

  part(): (progress: CallProgress) => void {
    const index = this.parts.push({ done: 0, total: 0 }) - 1;
    return (progress) => {
      this.parts[index] = progress;
      const done = this.parts.reduce((n, p) => n + p.done, 0);
      const total = this.parts.reduce((n, p) => n + p.total, 0);
      this.report?.({ done, total });
    };
  }
}

/** A series' figures by day, how many of them came from the cache, and when yesterday's were fetched. */
interface SeriesResult {
  readonly values: Map<CstDay, GroupChatStats>;
  readonly cachedCount: number;
  readonly yesterdayFetchedAt?: number;
}

export async function loadByDay(
  deps: ByDayLoaderDeps,
  request: ByDayLoadRequest,
  options: CallOptions = {},
): Promise<ByDayData> {
  const now = (deps.now ?? Date.now)();
  const window = allowedWindow(now);
  const days = listDays(request.range);
  const owners = request.owners === 'all' ? undefined : [...new Set(request.owners)].sort();
  const progress = new ProgressSum(options.onProgress);
  // One abort for the whole load: the caller's (panel closed, new request), or the first failure.
  const controller = new AbortController();
  const stop = (): void => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) {
    stop();
  }
  options.signal?.addEventListener('abort', stop, { once: true });
  // Every concurrent client call listens to the one signal: allow that many, not unlimited.
  const series = request.perOwner && owners ? owners.length : 1;
  setMaxListeners(Math.max(10, 4 * series * (splitRange(request.range).length + 1)), controller.signal);
  const load = (seriesOwners: SeriesOwners): Promise<SeriesResult> =>
    loadSeries(deps, seriesOwners, days, window, request.refresh, progress, controller).catch(
      (err: unknown) => {
        controller.abort(err);
        throw err;
      },
    );

  try {
    let total: SeriesResult;
    let perOwner: { owner: string; series: DaySeries }[] | undefined;
    if (request.perOwner && owners !== undefined) {
      const results = await Promise.all(owners.map((owner) => load([owner])));
      perOwner = owners.map((owner, i) => ({ owner, series: align(days, results[i].values) }));
      total = sumSeries(days, results);
    } else {
      total = await load(owners ?? 'all');
    }
    const inWindow = (d: CstDay): boolean => d >= window.from && d <= window.to;
    return {
      from: request.range.from,
      to: request.range.to,
      days,
      total: align(days, total.values),
      perOwner,
      cachedDays: total.cachedCount,
      unavailableDays: days.filter((d) => d < window.from && !total.values.has(d)).length,
      // Every day of the window was either cached or asked for: one without figures was not
      // reported whole (for every owner batch, or in compare mode for every owner).
      missingDays: days.filter((d) => inWindow(d) && !total.values.has(d)),
      yesterdayFetchedAt: total.values.has(window.to) ? total.yesterdayFetchedAt : undefined,
    };
  } finally {
    options.signal?.removeEventListener('abort', stop);
  }
}

/** One series: cache first, then the missing days inside the window from the client. */
async function loadSeries(
  deps: ByDayLoaderDeps,
  owners: SeriesOwners,
  days: readonly CstDay[],
  window: DayRange,
  refresh: boolean,
  progress: ProgressSum,
  controller: AbortController,
): Promise<SeriesResult> {
  const signal = controller.signal;
  const cached = await deps.cache.lookup(deps.scope, owners, days);
  const values = new Map<CstDay, GroupChatStats>();
  const missing: CstDay[] = [];
  for (const day of days) {
    const hit = cached.get(day);
    const serverHasIt = day >= window.from && day <= window.to;
    if (hit && (!refresh || !serverHasIt)) {
      values.set(day, hit);
    } else if (serverHasIt) {
      missing.push(day);
    }
  }
  const cachedCount = values.size;
  const yesterday = window.to;
  let yesterdayFetchedAt = values.has(yesterday)
    ? await deps.cache.fetchedAt(deps.scope, owners, yesterday)
    : undefined;
  // One client call per 30-day window, all at once (the client's limiter paces them): each
  // window is cached as soon as it arrives, so a panel closed or hidden mid-way keeps what it got.
  const windows = contiguousRuns(missing).flatMap((run) => splitRange(run));
  // "All owners" means the follow-user list: ask for it once, not once per window.
  const ids = owners === 'all' && windows.length > 1 ? await deps.client.listFollowUsers({ signal }) : owners;
  await Promise.all(
    windows.map(async (w) => {
      try {
        const reply = await deps.client.getByDay(
          { from: w.from, to: w.to, owners: ids === 'all' ? undefined : ids },
          { signal, onProgress: progress.part() },
        );
        // `total` holds only the complete days; `missingDays` are never figures, never cached.
        for (const day of reply.total) {
          values.set(day.date, day.data);
          if (day.date === yesterday) {
            yesterdayFetchedAt = day.fetchedAt;
          }
        }
        await deps.cache
          .store(deps.scope, owners, reply.total)
          .catch((err: unknown) => deps.onCacheError?.(err));
      } catch (err) {
        // The first failure stops the sibling windows: their figures could not be shown anyway.
        controller.abort(err);
        throw err;
      }
    }),
  );
  return { values, cachedCount, yesterdayFetchedAt };
}

function align(days: readonly CstDay[], values: Map<CstDay, GroupChatStats>): DaySeries {
  return days.map((day) => values.get(day) ?? null);
}

/** Per-day sum over owners; a day is known only when every owner's figures are. */
function sumSeries(days: readonly CstDay[], parts: readonly SeriesResult[]): SeriesResult {
  const values = new Map<CstDay, GroupChatStats>();
  for (const day of days) {
    if (parts.every((p) => p.values.has(day))) {
      values.set(
        day,
        parts.reduce((acc, p) => addStats(acc, p.values.get(day) ?? {}), emptyStats()),
      );
    }
  }
  // The summed day is as provisional as its earliest-fetched part.
  const fetched = parts.map((p) => p.yesterdayFetchedAt);
  const yesterdayFetchedAt = fetched.every((t) => t !== undefined) ? Math.min(...fetched) : undefined;
  return { values, cachedCount: Math.min(...parts.map((p) => p.cachedCount)), yesterdayFetchedAt };
}
