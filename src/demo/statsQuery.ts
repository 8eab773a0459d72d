/**
 * Validation of the two statistics request bodies, in the order the real server seems to apply
 * it: times first (600018), then the owner filter (40058 / 81017 / 81013), then paging (40058).
 * A missing or non-numeric day_begin_time answers 600018 ("invalid start or end time"): the
 * documentation lists no dedicated "missing parameter" code for these endpoints.
 */
import { dayFromTs, HISTORY_DAYS, MAX_SPAN_DAYS } from '../shared/days';
import { dayNumber } from './dataset';
import {
  DEFAULT_PAGE_LIMIT,
  MAX_OWNERS_PER_REQUEST,
  MAX_PAGE_LIMIT,
  MAX_UNFILTERED_OWNERS,
} from '../shared/wecomApi';

export interface StatsQuery {
  /** Day numbers (days since 1970-01-01 CST), both included. */
  readonly fromDay: number;
  readonly toDay: number;
  /** Known owners selected, without duplicates, in follow-list order. */
  readonly owners: readonly string[];
  readonly offset: number;
  readonly limit: number;
  readonly orderBy: 1 | 2 | 3 | 4;
  readonly ascending: boolean;
}

export interface QueryFailure {
  readonly errcode: number;
  readonly detail: string;
}

export interface QueryContext {
  readonly nowMs: number;
  readonly owners: readonly string[];
}

/** The CST day number containing Unix time `ts` (seconds): the server's flooring. */
function dayNumberOfTs(ts: number): number {
  return dayNumber(dayFromTs(ts));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalInt(body: Record<string, unknown>, key: string, fallback: number): number | undefined {
  const value = body[key];
  if (value === undefined) {
    return fallback;
  }
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

export function parseStatsQuery(body: unknown, ctx: QueryContext): StatsQuery | QueryFailure {
  if (!isRecord(body)) {
    return { errcode: 40058, detail: 'request body is not a JSON object' };
  }
  const begin = body.day_begin_time;
  const end = body.day_end_time ?? begin;
  if (typeof begin !== 'number' || !Number.isFinite(begin)) {
    return { errcode: 600018, detail: 'day_begin_time missing or not a number' };
  }
  if (typeof end !== 'number' || !Number.isFinite(end)) {
    return { errcode: 600018, detail: 'day_end_time not a number' };
  }
  const fromDay = dayNumberOfTs(begin);
  const toDay = dayNumberOfTs(end);
  const today = dayNumberOfTs(ctx.nowMs / 1000);
  if (toDay < fromDay) {
    return { errcode: 600018, detail: 'day_end_time is before day_begin_time' };
  }
  if (toDay - fromDay + 1 > MAX_SPAN_DAYS) {
    return { errcode: 600018, detail: `span over ${MAX_SPAN_DAYS} days` };
  }
  if (toDay >= today) {
    return { errcode: 600018, detail: 'today or a future day' };
  }
  if (fromDay < today - HISTORY_DAYS) {
    return { errcode: 600018, detail: `more than ${HISTORY_DAYS} days ago` };
  }

  const owners = selectOwners(body.owner_filter, ctx.owners);
  if ('errcode' in owners) {
    return owners;
  }

  const offset = optionalInt(body, 'offset', 0);
  const limit = optionalInt(body, 'limit', DEFAULT_PAGE_LIMIT);
  const orderBy = optionalInt(body, 'order_by', 1);
  const orderAsc = optionalInt(body, 'order_asc', 0);
  if (offset === undefined || offset < 0) {
    return { errcode: 40058, detail: 'offset' };
  }
  if (limit === undefined || limit < 1 || limit > MAX_PAGE_LIMIT) {
    return { errcode: 40058, detail: `limit must be 1 to ${MAX_PAGE_LIMIT}` };
  }
  if (orderBy !== 1 && orderBy !== 2 && orderBy !== 3 && orderBy !== 4) {
    return { errcode: 40058, detail: 'order_by must be 1 to 4' };
  }
  if (orderAsc !== 0 && orderAsc !== 1) {
    return { errcode: 40058, detail: 'order_asc must be 0 or 1' };
  }
  return { fromDay, toDay, owners: owners.list, offset, limit, orderBy, ascending: orderAsc === 1 };
}

/** No filter (or no userid_list) means every visible owner; an explicit empty list is a bad parameter. */
function selectOwners(filter: unknown, all: readonly string[]): { list: readonly string[] } | QueryFailure {
  if (filter === undefined || (isRecord(filter) && filter.userid_list === undefined)) {
    if (all.length > MAX_UNFILTERED_OWNERS) {
      return { errcode: 81017, detail: `${all.length} visible owners` };
    }
    return { list: all };
  }
  if (!isRecord(filter)) {
    return { errcode: 40058, detail: 'owner_filter is not an object' };
  }
  const ids = filter.userid_list;
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string')) {
    return { errcode: 40058, detail: 'owner_filter.userid_list must be a non-empty array of strings' };
  }
  if (ids.length > MAX_OWNERS_PER_REQUEST) {
    return { errcode: 40058, detail: `owner_filter.userid_list exceeds ${MAX_OWNERS_PER_REQUEST}` };
  }
  const wanted = new Set<string>(ids as string[]);
  const list = all.filter((owner) => wanted.has(owner));
  if (list.length === 0) {
    return { errcode: 81013, detail: 'no valid userid in owner_filter' };
  }
  return { list };
}
