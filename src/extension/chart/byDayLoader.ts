/**
 * Answers the webview's by-day request from the history store: the days whose atoms the store
 * holds (final, fresh enough, or no longer served by WeCom) cost no call; the others are synced
 * into the store first (the planner's cheaper way, one transaction per unit), then everything is
 * read back as sums. No `vscode` import: unit-tested with the fake server, a real client and a
 * real store.
 *
 * One exception keeps a first look at a big team quick: when syncing the atoms would cost far
 * more calls than asking WeCom for the team's sums (5,000 owners × 30 days: 1,500 calls against
 * 50), the missing days are fetched as sums, shown, and not stored (`unstoredDays`); the panel
 * offers the backfill that keeps them.
 *
 * Never partial data as whole: a day is a figure only when every owner has an atom (or, for the
 * sums, every owner batch answered it); the others come back in `missingDays`.
 */
import { setMaxListeners } from 'node:events';
import type { CstDay, DayRange } from '../../shared/days';
import {
  addDays,
  allowedWindow,
  daysBetween,
  isInWindow,
  isProvisional,
  listDays,
  splitRange,
} from '../../shared/days';
import type { GroupChatStats } from '../../shared/metrics';
import type { ByDayData, DaySeries, EarlierDays } from '../../shared/protocol';
import { EARLIER_DAYS_MIN } from '../../shared/protocol';
import type { DaySum, HistoryStore, StoreScope } from '../../store/types';
import { isReusable, PROVISIONAL_TTL_MS } from '../../sync/freshness';
import { contiguousRuns, planFetch } from '../../sync/planner';
import { runSync } from '../../sync/sync';
import { dayRevisions } from './dayRevisions';
import type { CallOptions, StatisticsClient } from '../../wecom/types';
import { MAX_OWNERS_PER_REQUEST } from '../../shared/wecomApi';

export interface ByDayLoadRequest {
  /** Whose figures (the follow-user list already resolved for "all owners"). */
  readonly owners: readonly string[];
  readonly range: DayRange;
  /** One series per owner as well (compare mode). */
  readonly perOwner: boolean;
  /**
   * The Refresh button: ask WeCom again for every day it still serves, final ones too (a change
   * is kept as a revision); days older than its window stay as stored.
   */
  readonly refresh: boolean;
}

export interface ByDayLoaderDeps {
  readonly client: StatisticsClient;
  readonly store: HistoryStore;
  readonly scope: StoreScope;
  readonly now?: () => number;
  /** A provisional atom fetched less than this long ago is reused (default 1 h). */
  readonly provisionalTtlMs?: number;
  /** Atoms were written (the host records the sync time). */
  readonly onStored?: () => void;
}

/** Syncing atoms may cost this many times the direct sums (and always up to SMALL_PLAN calls). */
const ATOM_COST_FACTOR = 3;
export const SMALL_PLAN = 60;

export async function loadByDay(
  deps: ByDayLoaderDeps,
  request: ByDayLoadRequest,
  options: CallOptions = {},
): Promise<ByDayData> {
  const now = (deps.now ?? Date.now)();
  const window = allowedWindow(now);
  const days = listDays(request.range);
  const owners = [...new Set(request.owners)].sort();
  const ttl = deps.provisionalTtlMs ?? PROVISIONAL_TTL_MS;
  const query = { from: request.range.from, to: request.range.to, owners };
  const usable = (sum: DaySum | undefined): boolean =>
    sum !== undefined &&
    sum.complete &&
    (!isInWindow(sum.day, window) ||
      (!request.refresh && isReusable({ ...sum, fetchedAt: sum.earliestFetchedAt }, now, ttl)));

  const before = byDay(await deps.store.sumByDay(deps.scope, query));
  const cachedDays = days.filter((day) => usable(before.get(day))).length;
  const wanted = days.filter((day) => isInWindow(day, window) && !usable(before.get(day)));
  let sums = before;
  const direct = new Map<CstDay, GroupChatStats>();
  if (wanted.length > 0) {
    const coverage = await deps.store.coverage(deps.scope, {
      from: wanted[0],
      to: wanted[wanted.length - 1],
      owners,
    });
    const keep = new Set(
      coverage
        .filter((e) => !request.refresh && isReusable(e, now, ttl))
        .map((e) => `${e.day}\u0000${e.owner}`),
    );
    const plan = planFetch({
      days: wanted,
      owners,
      coverage: { isFinal: (day, owner) => keep.has(`${day}\u0000${owner}`) },
      nowMs: now,
    });
    const directCalls = sumCalls(wanted, owners.length);
    if (request.perOwner || plan.calls <= Math.max(SMALL_PLAN, ATOM_COST_FACTOR * directCalls)) {
      const result = await runSync(deps.client, deps.store, deps.scope, plan, {
        signal: options.signal,
        onProgress: (p) => options.onProgress?.({ done: p.done, total: p.total }),
        now: deps.now ?? Date.now,
      });
      if (result.atoms > 0) {
        deps.onStored?.();
      }
      sums = byDay(await deps.store.sumByDay(deps.scope, query));
    } else {
      for (const [day, data] of await fetchSums(deps.client, wanted, owners, options)) {
        direct.set(day, data);
      }
    }
  }

  const value = (day: CstDay): GroupChatStats | null => {
    const fetched = direct.get(day);
    if (fetched) {
      return fetched;
    }
    const sum = sums.get(day);
    return sum?.complete ? sum.data : null;
  };
  const total = days.map(value);
  const perOwner = request.perOwner ? await perOwnerSeries(deps, days, owners, query) : undefined;
  // Revisions are kept with atoms: days fetched as sums (not stored) have none.
  const storedSums = new Map(
    days.flatMap((day, i) =>
      total[i] !== null && !direct.has(day) ? [[day, total[i] as GroupChatStats]] : [],
    ),
  );
  const revisions = await dayRevisions(deps.store, deps.scope, request.range, owners, storedSums);
  const earlier = await earlierDays(deps, request.range, owners, request.perOwner);
  const yesterday = sums.get(window.to);
  return {
    from: request.range.from,
    to: request.range.to,
    days,
    total,
    perOwner,
    cachedDays,
    unavailableDays: days.filter((d, i) => !isInWindow(d, window) && total[i] === null).length,
    missingDays: days.filter((d, i) => isInWindow(d, window) && total[i] === null),
    historyDays: days.filter((d, i) => !isInWindow(d, window) && total[i] !== null),
    unstoredDays: [...direct.keys()].sort(),
    // A sum is only as fresh as its oldest part; directly fetched, it is as fresh as now.
    yesterdayFetchedAt: direct.has(window.to)
      ? now
      : yesterday?.complete
        ? yesterday.earliestFetchedAt
        : undefined,
    revisions,
    provisionalDays: days.filter(
      (d, i) => total[i] !== null && (direct.has(d) ? isProvisional(d, now) : sums.get(d)?.final !== true),
    ),
    earlier,
  };
}

/**
 * The days before the range as the store holds them, without a call: what the cards compare the
 * range (or its latest week or month) with. A day is a figure only when every owner has it.
 */
async function earlierDays(
  deps: ByDayLoaderDeps,
  range: DayRange,
  owners: readonly string[],
  perOwner: boolean,
): Promise<EarlierDays> {
  const length = Math.max(daysBetween(range.from, range.to) + 1, EARLIER_DAYS_MIN);
  const span = { from: addDays(range.from, -length), to: addDays(range.from, -1) };
  const days = listDays(span);
  const sums = byDay(await deps.store.sumByDay(deps.scope, { ...span, owners }));
  const total = days.map((day) => {
    const sum = sums.get(day);
    return sum?.complete ? sum.data : null;
  });
  return {
    days,
    total,
    ...(perOwner ? { perOwner: await perOwnerSeries(deps, days, owners, span) } : {}),
    provisionalDays: days.filter((d, i) => total[i] !== null && sums.get(d)?.final !== true),
  };
}

function byDay(sums: readonly DaySum[]): Map<CstDay, DaySum> {
  return new Map(sums.map((s) => [s.day, s]));
}

/** What asking WeCom for the set's sums of `days` costs: ⌈owners/100⌉ per 30-day window of each run. */
function sumCalls(days: readonly CstDay[], owners: number): number {
  const windows = contiguousRuns([...days].sort()).flatMap((run) => splitRange(run)).length;
  return windows * Math.ceil(owners / MAX_OWNERS_PER_REQUEST);
}

/** The set's sums of `days` straight from `statistic_group_by_day` (complete days only). */
async function fetchSums(
  client: StatisticsClient,
  days: readonly CstDay[],
  owners: readonly string[],
  options: CallOptions,
): Promise<Map<CstDay, GroupChatStats>> {
  const controller = new AbortController();
  const stop = (): void => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', stop, { once: true });
  const windows = contiguousRuns([...days].sort()).flatMap((run) => splitRange(run));
  setMaxListeners(Math.max(10, 4 * (windows.length + 1)), controller.signal);
  const parts = windows.map(() => ({ done: 0, total: 0 }));
  const values = new Map<CstDay, GroupChatStats>();
  try {
    await Promise.all(
      windows.map(async (w, i) => {
        try {
          const reply = await client.getByDay(
            { from: w.from, to: w.to, owners },
            {
              signal: controller.signal,
              onProgress: (p) => {
                parts[i] = p;
                options.onProgress?.({
                  done: parts.reduce((n, q) => n + q.done, 0),
                  total: parts.reduce((n, q) => n + q.total, 0),
                });
              },
            },
          );
          // Only complete days: a day missing for an owner batch stays missing.
          reply.total.forEach((day) => values.set(day.date, day.data));
        } catch (err) {
          controller.abort(err);
          throw err;
        }
      }),
    );
  } finally {
    options.signal?.removeEventListener('abort', stop);
  }
  return values;
}

/** Compare mode: each owner's series from its atoms; an absent owner's day has no figures. */
async function perOwnerSeries(
  deps: ByDayLoaderDeps,
  days: readonly CstDay[],
  owners: readonly string[],
  query: { from: CstDay; to: CstDay },
): Promise<{ owner: string; series: DaySeries }[]> {
  return Promise.all(
    owners.map(async (owner) => {
      const sums = byDay(await deps.store.sumByDay(deps.scope, { ...query, owners: [owner] }));
      const series = days.map((day) => {
        const sum = sums.get(day);
        return sum?.complete && sum.present > 0 ? sum.data : null;
      });
      return { owner, series };
    }),
  );
}
