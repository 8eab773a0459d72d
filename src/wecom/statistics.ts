/**
 * The statistics operations: owner batches of ≤100, 30-day windows, paging, merging and sorting.
 * Owner batches are disjoint, so summing across them is right for every figure; days are never
 * summed together here.
 */
import {
  assertRange,
  dayStartTs,
  daysBetween,
  listDays,
  MAX_SPAN_DAYS,
  splitRange,
  type CstDay,
  type DayRange,
} from '../shared/days';
import {
  addStats,
  emptyStats,
  compareByFigure,
  isMetricKey,
  METRICS,
  type GroupChatStats,
  type MetricKey,
} from '../shared/metrics';
import { MAX_OWNERS_PER_REQUEST, WECOM_PATHS } from '../shared/wecomApi';
import type { ApiCaller } from './caller';
import { asWeComError, inputError, malformedReply } from './errors';
import { readDayItems, readFollowUsers, readStatisticPage } from './replies';
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
    const path = WECOM_PATHS.followUsers;
    return this.caller.call({ method: 'GET', path }, (reply) => readFollowUsers(reply, path), options.signal);
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
    // Owners the server left out (no groups, or unknown ids it ignored) are absent, not zeros.
    const result: OwnerTotals[] = owners.map((owner) => {
      const data = merged.get(owner);
      return data ? { owner, data } : { owner, absent: true };
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
        const days = await this.byDayBatch(job.group, job.window, signal);
        progress.finishOne();
        return days;
      }),
      options.signal,
    );
    const total: DayStats[] = [];
    const missingDays: CstDay[] = [];
    for (const window of windows) {
      const parts = replies.filter((_, i) => jobs[i].window === window);
      for (const date of listDays(window)) {
        // A day counts only when every owner batch of its window reported it.
        const found = parts.map((days) => days.get(date));
        if (found.length === 0 || found.some((d) => d === undefined)) {
          missingDays.push(date);
          continue;
        }
        const data = emptyStats();
        let fetchedAt = Infinity;
        for (const part of found as BatchDay[]) {
          addStats(data, part.data);
          fetchedAt = Math.min(fetchedAt, part.fetchedAt);
        }
        total.push({ date, statTime: dayStartTs(date), data, fetchedAt });
      }
    }
    const result: ByDayResult = { from: range.from, to: range.to, owners, total, missingDays };
    if (!request.perOwner) {
      return result;
    }
    const series: Record<string, readonly DayStats[]> = {};
    replies.forEach((days, i) => {
      const owner = jobs[i].group[0];
      const own = [...(series[owner] ?? [])];
      for (const [date, day] of days) {
        own.push({ date, statTime: dayStartTs(date), data: day.data, fetchedAt: day.fetchedAt });
      }
      series[owner] = own.sort((a, b) => compareDays(a.date, b.date));
    });
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

  /**
   * Every page of one owner batch, until `next_offset` reaches `total`. Each page is checked as it
   * arrives (see readStatisticPage); a batch whose pages do not add up to `total` is asked again
   * once, then refused: its rows would be a part passed off as the whole.
   */
  private async ownerBatch(
    batch: readonly string[],
    range: DayRange,
    sortBy: MetricKey,
    ascending: boolean,
    signal: AbortSignal,
    progress: ProgressCounter,
  ): Promise<Map<string, GroupChatStats>> {
    const asked = new Set(batch);
    const path = WECOM_PATHS.statistic;
    for (let round = 1; ; round++) {
      const rows = new Map<string, GroupChatStats>();
      const orderBy = METRICS[sortBy].serverOrderBy;
      let offset = 0;
      let total = 0;
      for (let page = 1; ; page++) {
        const body = {
          ...rangeBody(range, batch),
          ...(orderBy ? { order_by: orderBy, order_asc: ascending ? 1 : 0 } : {}),
          offset,
          limit: this.settings.pageLimit,
        };
        const result = await this.caller.call(
          { method: 'POST', path, body, owners: batch, range },
          (reply) => readStatisticPage(reply, path, asked, offset),
          signal,
        );
        progress.finishOne();
        total = result.total;
        for (const item of result.items) {
          rows.set(item.owner, item.data);
        }
        if (result.nextOffset >= result.total) {
          break;
        }
        // A server may send fewer rows than `limit`, but each page must advance; a batch has at
        // most one row per owner, so batch.length pages suffice.
        if (result.nextOffset <= offset || page >= batch.length) {
          throw malformedReply(
            path,
            `paging does not advance (offset ${offset}, next_offset ${result.nextOffset}, total ${result.total})`,
          );
        }
        offset = result.nextOffset;
        progress.plan(1);
      }
      if (rows.size === total) {
        return rows;
      }
      if (round >= 2) {
        throw malformedReply(path, `the pages held ${rows.size} distinct owners where total says ${total}`);
      }
      progress.plan(1);
    }
  }

  /**
   * One owner group over one window: the days it reported, each with the time its reply arrived.
   * A reply that leaves out days of its window is asked again (up to INCOMPLETE_ROUNDS calls in
   * all) and the days are gathered; days still missing then are left for the caller to report.
   */
  private async byDayBatch(
    group: readonly string[],
    window: DayRange,
    signal: AbortSignal,
  ): Promise<Map<CstDay, BatchDay>> {
    const path = WECOM_PATHS.byDay;
    const days = new Map<CstDay, BatchDay>();
    const wanted = daysBetween(window.from, window.to) + 1;
    for (let round = 1; ; round++) {
      const items = await this.caller.call(
        { method: 'POST', path, body: rangeBody(window, group), owners: group, range: window },
        (reply) => readDayItems(reply, path, window),
        signal,
      );
      const fetchedAt = this.settings.now();
      for (const item of items) {
        if (!days.has(item.date)) {
          days.set(item.date, { data: item.data, fetchedAt });
        }
      }
      if (days.size >= wanted || round >= INCOMPLETE_ROUNDS) {
        return days;
      }
    }
  }
}

/** Calls per owner batch and window when replies keep leaving days out. */
const INCOMPLETE_ROUNDS = 3;

interface BatchDay {
  readonly data: GroupChatStats;
  readonly fetchedAt: number;
}

function compareDays(a: CstDay, b: CstDay): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function rangeBody(range: DayRange, owners: readonly string[]): Record<string, unknown> {
  return {
    day_begin_time: dayStartTs(range.from),
    day_end_time: dayStartTs(range.to),
    owner_filter: { userid_list: owners },
  };
}

/**
 * By one figure, ascending or descending; ties always by owner id ascending (stable across runs).
 * Absent owners have no figure: they come last, by owner id, in either direction.
 */
export function sortOwnerTotals(
  rows: readonly OwnerTotals[],
  sortBy: MetricKey,
  ascending: boolean,
): OwnerTotals[] {
  return [...rows].sort(
    (a, b) => compareByFigure(a.data?.[sortBy], b.data?.[sortBy], ascending) || compareDays(a.owner, b.owner),
  );
}
