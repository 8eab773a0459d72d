/**
 * Reads the JSON replies of the statistics endpoints into typed values, refusing shapes the
 * documentation does not describe (so a broken relay cannot pass off garbage as figures).
 */
import { dayFromTs, type CstDay } from '../shared/days';
import { emptyStats, METRIC_KEYS, type GroupChatStats } from '../shared/metrics';
import { WeComError } from './errors';
import type { WeComReply } from './http';

export interface StatisticPage {
  readonly total: number;
  readonly nextOffset: number;
  readonly items: readonly { readonly owner: string; readonly data: GroupChatStats }[];
}

export interface DayItem {
  readonly date: CstDay;
  readonly data: GroupChatStats;
}

function malformed(endpoint: string, what: string): WeComError {
  return new WeComError({ kind: 'http', endpoint, status: 200, errmsg: `unexpected reply: ${what}` });
}

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

/** The eight figures; absent fields (e.g. `migrate_trainee_chat_cnt` outside education) read 0. */
export function readStats(data: unknown, endpoint: string): GroupChatStats {
  if (!isRecord(data)) {
    throw malformed(endpoint, 'item without data');
  }
  const stats = emptyStats();
  for (const key of METRIC_KEYS) {
    if (data[key] === undefined || data[key] === null) {
      continue;
    }
    const value = numericValue(data[key]);
    if (value === undefined) {
      throw malformed(endpoint, `${key} is not a number`);
    }
    stats[key] = value;
  }
  return stats;
}

export function readFollowUsers(reply: WeComReply, endpoint: string): string[] {
  const list = reply['follow_user'];
  if (list === undefined) {
    return [];
  }
  if (!Array.isArray(list) || !list.every((id) => typeof id === 'string')) {
    throw malformed(endpoint, 'follow_user is not a list of user ids');
  }
  return list as string[];
}

export function readStatisticPage(reply: WeComReply, endpoint: string): StatisticPage {
  const total = numericValue(reply['total']);
  const nextOffset = numericValue(reply['next_offset']);
  const items = reply['items'];
  if (total === undefined || nextOffset === undefined) {
    throw malformed(endpoint, 'total/next_offset missing');
  }
  const list = items ?? [];
  if (!Array.isArray(list)) {
    throw malformed(endpoint, 'items is not a list');
  }
  return {
    total,
    nextOffset,
    items: list.map((item: unknown) => {
      if (!isRecord(item) || typeof item['owner'] !== 'string') {
        throw malformed(endpoint, 'item without owner');
      }
      return { owner: item['owner'], data: readStats(item['data'], endpoint) };
    }),
  };
}

export function readDayItems(reply: WeComReply, endpoint: string): DayItem[] {
  const list = reply['items'] ?? [];
  if (!Array.isArray(list)) {
    throw malformed(endpoint, 'items is not a list');
  }
  return list.map((item: unknown) => {
    const statTime = isRecord(item) ? numericValue(item['stat_time']) : undefined;
    if (!isRecord(item) || statTime === undefined) {
      throw malformed(endpoint, 'item without stat_time');
    }
    return { date: dayFromTs(statTime), data: readStats(item['data'], endpoint) };
  });
}
