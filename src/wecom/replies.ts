/**
 * Reads the JSON replies of the statistics endpoints into typed values, refusing shapes the
 * documentation does not describe (so a broken relay cannot pass off garbage as figures). Each
 * refusal is a 'malformed' WeComError, which the caller retries like a busy server.
 */
import { dayFromTs, type CstDay } from '../shared/days';
import { emptyStats, METRIC_KEYS, type GroupChatStats, type MetricKey } from '../shared/metrics';
import { malformedReply } from './errors';
import type { WeComReply } from './types';

export interface StatisticRow {
  readonly owner: string;
  readonly data: GroupChatStats;
}

export interface StatisticPage {
  readonly total: number;
  readonly nextOffset: number;
  readonly items: readonly StatisticRow[];
}

export interface DayItem {
  readonly date: CstDay;
  readonly data: GroupChatStats;
}

/** Figures the documentation says may be left out: only the education industry gets this one. */
const OPTIONAL_FIGURES: ReadonlySet<MetricKey> = new Set<MetricKey>(['migrate_trainee_chat_cnt']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A JSON number, or a string spelling one: some relays re-serialize every number as a string
 * ("errcode": "0"), and the value means the same. Anything else is undefined.
 */
export function numericValue(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** A count: a non-negative safe integer (a number or a numeric string), else undefined. */
function countValue(value: unknown): number | undefined {
  const n = numericValue(value);
  return n !== undefined && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/** The eight figures, each a count; only the documented optional one may be left out (reads 0). */
function readStats(data: unknown, endpoint: string): GroupChatStats {
  if (!isRecord(data)) {
    throw malformedReply(endpoint, 'an item has no data');
  }
  const stats = emptyStats();
  for (const key of METRIC_KEYS) {
    const raw = data[key];
    if (raw === undefined || raw === null) {
      if (OPTIONAL_FIGURES.has(key)) {
        continue;
      }
      throw malformedReply(endpoint, `${key} is missing`);
    }
    const value = countValue(raw);
    if (value === undefined) {
      throw malformedReply(endpoint, `${key} is ${JSON.stringify(raw)}, not a count`);
    }
    stats[key] = value;
  }
  return stats;
}

function itemsOf(reply: WeComReply, endpoint: string): unknown[] {
  const items = reply['items'];
  if (items === undefined || items === null) {
    throw malformedReply(endpoint, 'items is missing');
  }
  if (!Array.isArray(items)) {
    throw malformedReply(endpoint, 'items is not a list');
  }
  return items;
}

export function readFollowUsers(reply: WeComReply, endpoint: string): string[] {
  const list = reply['follow_user'];
  if (list === undefined) {
    // Documented: a corp with nobody configured for customer contact has no list.
    return [];
  }
  if (!Array.isArray(list) || !list.every((id) => typeof id === 'string' && id !== '')) {
    throw malformedReply(endpoint, 'follow_user is not a list of user ids');
  }
  return list as string[];
}

/**
 * One page of `groupchat/statistic` asked at `offset` for the owners of `asked`. Whole means: the
 * counts are counts, every row is an asked owner (once), and the page holds exactly the rows from
 * `offset` up to `next_offset`, which never passes `total`.
 */
export function readStatisticPage(
  reply: WeComReply,
  endpoint: string,
  asked: ReadonlySet<string>,
  offset: number,
): StatisticPage {
  const total = countValue(reply['total']);
  const nextOffset = countValue(reply['next_offset']);
  if (total === undefined || nextOffset === undefined) {
    throw malformedReply(endpoint, 'total or next_offset is missing or not a count');
  }
  if (total > asked.size) {
    throw malformedReply(endpoint, `total ${total} is more than the ${asked.size} owners asked`);
  }
  if (nextOffset > total) {
    throw malformedReply(endpoint, `next_offset ${nextOffset} is past total ${total}`);
  }
  const seen = new Set<string>();
  const items = itemsOf(reply, endpoint).map((item: unknown): StatisticRow => {
    if (!isRecord(item) || typeof item['owner'] !== 'string') {
      throw malformedReply(endpoint, 'an item has no owner');
    }
    const owner = item['owner'];
    if (!asked.has(owner)) {
      throw malformedReply(endpoint, `a row is for owner "${owner}", who was not asked`);
    }
    if (seen.has(owner)) {
      throw malformedReply(endpoint, `owner "${owner}" has two rows`);
    }
    seen.add(owner);
    return { owner, data: readStats(item['data'], endpoint) };
  });
  const expected = Math.max(0, nextOffset - offset);
  if (items.length !== expected) {
    throw malformedReply(
      endpoint,
      `the page has ${items.length} rows where offset ${offset} to next_offset ${nextOffset} means ${expected}`,
    );
  }
  return { total, nextOffset, items };
}

/** The days of one by-day reply; days outside `window` are refused, a repeated day too. */
export function readDayItems(
  reply: WeComReply,
  endpoint: string,
  window: { readonly from: CstDay; readonly to: CstDay },
): DayItem[] {
  const seen = new Set<CstDay>();
  return itemsOf(reply, endpoint).map((item: unknown) => {
    const statTime = isRecord(item) ? countValue(item['stat_time']) : undefined;
    if (!isRecord(item) || statTime === undefined) {
      throw malformedReply(endpoint, 'an item has no stat_time');
    }
    const date = dayFromTs(statTime);
    if (date < window.from || date > window.to) {
      throw malformedReply(endpoint, `day ${date} is outside the asked ${window.from} … ${window.to}`);
    }
    if (seen.has(date)) {
      throw malformedReply(endpoint, `day ${date} appears twice`);
    }
    seen.add(date);
    return { date, data: readStats(item['data'], endpoint) };
  });
}
