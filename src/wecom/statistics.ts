/**
 * The statistics operations: owner batches of ≤100, 30-day windows, paging, merging and sorting.
 * Owner batches are disjoint, so summing across them is right for every figure; days are never
 * summed together here.
 */
import {
  assertRange,
  dayStartTs,
  daysBetween,
  MAX_SPAN_DAYS,
  splitRange,
  type CstDay,
  type DayRange,
} from '../shared/days';
import {
  addStats,
  emptyStats,
  isMetricKey,
  METRICS,
  type GroupChatStats,
  type MetricKey,
} from '../shared/metrics';
import { MAX_OWNERS_PER_REQUEST, WECOM_PATHS } from '../shared/wecomApi';
import type { ApiCaller } from './caller';
import { asWeComError, inputError, WeComError } from './errors';
import { readDayItems, readFollowUsers, readStatisticPage, type DayItem } from './replies';
import { chunk, ProgressCounter, runAll } from './tasks';
import type {
  ByDayRequest,
  ByDayResult,
  CallOptions,
  DayStats,
  OwnerTotals,
  OwnerTotalsRequest,
} from './types';

export interface StatisticsSettings {
  readonly now: () => number;
  /** Page size for `groupchat/statistic` (1–1000); smaller only in tests of the pager. */
  readonly pageLimit: number;
}

export class StatisticsOperations {
  constructor(
    private readonly caller: ApiCaller,
    private readonly settings: StatisticsSettings,
  ) {}

  async listFollowUsers(options: CallOptions = {}): Promise<string[]> {
    const reply = await this.caller.call({ method: 'GET', path: WECOM_PATHS.followUsers }, options.signal);
    return readFollowUsers(reply, WECOM_PATHS.followUsers);
  }

  async getOwnerTotals(request: OwnerTotalsRequest, options: CallOptions = {}): Promise<OwnerTotals[]> {
    const range = this.checkedRange(request.from, request.to);
    if (daysBetween(range.from, range.to) + 1 > MAX_SPAN_DAYS) {
      // Multi-window totals would need a rule for "as of" figures the API does not document.
      throw inputError({
        en: `Owner totals cover at most ${MAX_SPAN_DAYS} days per query (${range.from} … ${range.to} is longer): pick a shorter range or use the by-day figures.`,
        zh: `群主汇总单次最多查询 ${MAX_SPAN_DAYS} 天（${range.from} … ${range.to} 超出）：请缩短范围，或改用按天统计。`,
      });
    }
    const sortBy = request.sortBy ?? 'chat_total';
    if (!isMetricKey(sortBy)) {
      throw inputError({
        en: `Unknown figure to sort by: "${String(sortBy)}".`,
        zh: `未知的排序指标："${String(sortBy)}"。`,
      });
    }
    const ascending = request.ascending ?? false;
    const progress = new ProgressCounter(options.onProgress);
    const owners = await this.resolveOwners(request.owners, options, progress);
    const batches = chunk(owners, MAX_OWNERS_PER_REQUEST);
    progress.plan(batches.length);
    const pages = await runAll(
      batches.map(
        (batch) => (signal: AbortSignal) =>
          this.ownerBatch(batch, range, sortBy, ascending, signal, progress),
      ),
      options.signal,
    );
    const merged = new Map<string, GroupChatStats>();
    pages.forEach((rows) => rows.forEach((data, owner) => merged.set(owner, data)));
    // Owners the server left out (no groups, or unknown ids it ignored) are zero rows marked absent.
    const result: OwnerTotals[] = owners.map((owner) => {
      const data = merged.get(owner);
      return data ? { owner, data } : { owner, data: emptyStats(), absent: true };
    });
    return sortOwnerTotals(result, sortBy, ascending);
  }

  async getByDay(request: ByDayRequest, options: CallOptions = {}): Promise<ByDayResult> {
    const range = this.checkedRange(request.from, request.to);
    const progress = new ProgressCounter(options.onProgress);
    const owners = await this.resolveOwners(request.owners, options, progress);
    const windows = splitRange(range);
    // Per owner: one request per owner and window, and the total is their sum (no extra requests).
    const groups = request.perOwner ? owners.map((owner) => [owner]) : chunk(owners, MAX_OWNERS_PER_REQUEST);
    const jobs = windows.flatMap((window) => groups.map((group) => ({ window, group })));
    progress.plan(jobs.length);
    const replies = await runAll(
      jobs.map((job) => async (signal: AbortSignal) => {
        const items = await this.byDayRequest(job.group, job.window, signal);
        progress.finishOne();
        return items;
      }),
      options.signal,
    );
    const total = new Map<CstDay, GroupChatStats>();
    const perOwner = new Map<string, Map<CstDay, GroupChatStats>>();
    replies.forEach((items, i) => {
      const { group } = jobs[i];
      for (const item of items) {
        addStats(dayEntry(total, item.date), item.data);
        if (request.perOwner) {
          const series = perOwner.get(group[0]) ?? new Map<CstDay, GroupChatStats>();
          perOwner.set(group[0], series);
          addStats(dayEntry(series, item.date), item.data);
        }
      }
    });
    const result: ByDayResult = { from: range.from, to: range.to, owners, total: toDayStats(total) };
    if (!request.perOwner) {
      return result;
    }
    const series: Record<string, readonly DayStats[]> = {};
    for (const owner of owners) {
      series[owner] = toDayStats(perOwner.get(owner) ?? new Map());
    }
    return { ...result, perOwner: series };
  }

  private checkedRange(from: CstDay, to: CstDay): DayRange {
    try {
      return assertRange(from, to, this.settings.now());
    } catch (err: unknown) {
      throw asWeComError(err);
    }
  }

  /** The given owners (checked, duplicates removed) or, when none are given, the follow users. */
  private async resolveOwners(
    given: readonly string[] | undefined,
    options: CallOptions,
    progress: ProgressCounter,
  ): Promise<string[]> {
    if (given === undefined) {
      progress.plan(1);
      const users = await this.listFollowUsers(options);
      progress.finishOne();
      return [...new Set(users)];
    }
    for (const owner of given) {
      if (typeof owner !== 'string' || owner.trim() === '') {
        throw inputError({
          en: 'An owner ID is empty: remove it or enter the WeCom user ID of the group owner.',
          zh: '存在空的群主 ID：请删除，或填写群主的企业微信账号。',
        });
      }
    }
    return [...new Set(given)];
  }

  /** Every page of one owner batch, until `next_offset` reaches `total`. */
  private async ownerBatch(
    batch: readonly string[],
    range: DayRange,
    sortBy: MetricKey,
    ascending: boolean,
    signal: AbortSignal,
    progress: ProgressCounter,
  ): Promise<Map<string, GroupChatStats>> {
    const rows = new Map<string, GroupChatStats>();
    const orderBy = METRICS[sortBy].serverOrderBy;
    let offset = 0;
    for (let page = 1; ; page++) {
      const body = {
        ...rangeBody(range, batch),
        ...(orderBy ? { order_by: orderBy, order_asc: ascending ? 1 : 0 } : {}),
        offset,
        limit: this.settings.pageLimit,
      };
      const reply = await this.caller.call(
        { method: 'POST', path: WECOM_PATHS.statistic, body, owners: batch },
        signal,
      );
      progress.finishOne();
      const result = readStatisticPage(reply, WECOM_PATHS.statistic);
      for (const item of result.items) {
        // A row seen on an earlier page is not counted twice if the server's order shifted.
        if (!rows.has(item.owner)) {
          rows.set(item.owner, item.data);
        }
      }
      if (result.nextOffset >= result.total) {
        return rows;
      }
      // `limit` is only what the client expects: a server may send fewer rows per page. Each page
      // must advance, and a batch has at most one row per owner, so batch.length pages suffice.
      if (result.nextOffset <= offset || page >= batch.length) {
        throw new WeComError({
          kind: 'http',
          endpoint: WECOM_PATHS.statistic,
          status: 200,
          errmsg: `paging does not advance (offset ${offset}, next_offset ${result.nextOffset}, total ${result.total})`,
        });
      }
      offset = result.nextOffset;
      progress.plan(1);
    }
  }

  /** One by-day request; days outside the window and repeated days are dropped, never summed. */
  private async byDayRequest(
    group: readonly string[],
    window: DayRange,
    signal: AbortSignal,
  ): Promise<DayItem[]> {
    const reply = await this.caller.call(
      { method: 'POST', path: WECOM_PATHS.byDay, body: rangeBody(window, group), owners: group },
      signal,
    );
    const seen = new Set<CstDay>();
    return readDayItems(reply, WECOM_PATHS.byDay).filter((item) => {
      const keep = item.date >= window.from && item.date <= window.to && !seen.has(item.date);
      seen.add(item.date);
      return keep;
    });
  }
}

function rangeBody(range: DayRange, owners: readonly string[]): Record<string, unknown> {
  return {
    day_begin_time: dayStartTs(range.from),
    day_end_time: dayStartTs(range.to),
    owner_filter: { userid_list: owners },
  };
}

function dayEntry(map: Map<CstDay, GroupChatStats>, day: CstDay): GroupChatStats {
  let entry = map.get(day);
  if (!entry) {
    entry = emptyStats();
    map.set(day, entry);
  }
  return entry;
}

function toDayStats(map: ReadonlyMap<CstDay, GroupChatStats>): DayStats[] {
  return [...map.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, data]) => ({ date, statTime: dayStartTs(date), data }));
}

/** By one figure, ascending or descending; ties always by owner id ascending (stable across runs). */
export function sortOwnerTotals(
  rows: readonly OwnerTotals[],
  sortBy: MetricKey,
  ascending: boolean,
): OwnerTotals[] {
  const direction = ascending ? 1 : -1;
  return [...rows].sort((a, b) => {
    const diff = (a.data[sortBy] - b.data[sortBy]) * direction;
    if (diff !== 0) {
      return diff;
    }
    return a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0;
  });
}
