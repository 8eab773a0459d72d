/**
 * China Standard Time calendar days. WeCom's day boundaries are 00:00 UTC+8 whatever the
 * machine's zone, and China has no daylight saving, so all math is fixed +8 h arithmetic on
 * UTC fields; nothing here reads the local time zone.
 */

import type { Localized } from './i18n';

/** A CST calendar day written `YYYY-MM-DD`. */
export type CstDay = string;

const CST_OFFSET_SECONDS = 8 * 3600;
const DAY_SECONDS = 86400;
/** The server keeps 180 days: yesterday back to 180 days before today, both ends included. */
export const HISTORY_DAYS = 180;
/** One request may span at most 30 days, both ends included. */
export const MAX_SPAN_DAYS = 30;

/** Bad or out-of-window dates; carries the reason in both UI languages. */
export class DayRangeError extends Error {
  constructor(readonly reason: Localized) {
    super(reason.en);
    this.name = 'DayRangeError';
  }
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` strictly (a real calendar day); returns undefined for anything else. */
export function tryParseCstDay(text: string): CstDay | undefined {
  const m = DAY_PATTERN.exec(text.trim());
  if (!m) {
    return undefined;
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return undefined;
  }
  return formatUtcDate(date);
}

export function parseCstDay(text: string): CstDay {
  const day = tryParseCstDay(text);
  if (day === undefined) {
    throw new DayRangeError({
      en: `"${text}" is not a date: write it as YYYY-MM-DD (for example 2026-11-23).`,
      zh: `"${text}" 不是有效日期：请按 YYYY-MM-DD 格式填写（例如 2026-11-23）。`,
    });
  }
  return day;
}

function formatUtcDate(date: Date): CstDay {
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  const mo = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${y}-${mo}-${d}`;
}

function utcMidnightMs(day: CstDay): number {
  const m = DAY_PATTERN.exec(day);
  if (!m) {
    throw new DayRangeError({
      en: `"${day}" is not a YYYY-MM-DD date.`,
      zh: `"${day}" 不是 YYYY-MM-DD 日期。`,
    });
  }
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** Unix seconds of 00:00 CST on `day` (what `day_begin_time`/`day_end_time`/`stat_time` carry). */
export function dayStartTs(day: CstDay): number {
  return utcMidnightMs(day) / 1000 - CST_OFFSET_SECONDS;
}

/** The CST day containing the Unix time `ts` (seconds); a non-midnight time is floored, as the server does. */
export function dayFromTs(ts: number): CstDay {
  return formatUtcDate(new Date((Math.floor(ts) + CST_OFFSET_SECONDS) * 1000));
}

/** Floors a Unix time (seconds) to 00:00 CST of its day. */
export function floorToDayStart(ts: number): number {
  return dayStartTs(dayFromTs(ts));
}

export function cstToday(nowMs: number = Date.now()): CstDay {
  return dayFromTs(Math.floor(nowMs / 1000));
}

export function addDays(day: CstDay, n: number): CstDay {
  return formatUtcDate(new Date(utcMidnightMs(day) + n * DAY_SECONDS * 1000));
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: CstDay, b: CstDay): number {
  return Math.round((utcMidnightMs(b) - utcMidnightMs(a)) / (DAY_SECONDS * 1000));
}

export function cstYesterday(nowMs: number = Date.now()): CstDay {
  return addDays(cstToday(nowMs), -1);
}

export interface DayRange {
  readonly from: CstDay;
  readonly to: CstDay;
}

/** The days the server still answers for: yesterday back to 180 days before today. */
export function allowedWindow(nowMs: number = Date.now()): DayRange {
  const today = cstToday(nowMs);
  return { from: addDays(today, -HISTORY_DAYS), to: addDays(today, -1) };
}

export function isInWindow(day: CstDay, window: DayRange): boolean {
  return day >= window.from && day <= window.to;
}

/** Every day from `from` to `to`, both included, in order. */
export function listDays(range: DayRange): CstDay[] {
  const days: CstDay[] = [];
  for (let d = range.from; d <= range.to; d = addDays(d, 1)) {
    days.push(d);
  }
  return days;
}

/** Checks a range against the window before any request is made; the reason says what the window is. */
export function checkRange(from: CstDay, to: CstDay, nowMs: number = Date.now()): Localized | undefined {
  const window = allowedWindow(nowMs);
  const windowText = `${window.from} … ${window.to} (CST)`;
  const fromDay = tryParseCstDay(from);
  const toDay = tryParseCstDay(to);
  if (fromDay === undefined || toDay === undefined) {
    const bad = fromDay === undefined ? from : to;
    return {
      en: `"${bad}" is not a date: write it as YYYY-MM-DD (for example ${window.to}).`,
      zh: `"${bad}" 不是有效日期：请按 YYYY-MM-DD 格式填写（例如 ${window.to}）。`,
    };
  }
  if (fromDay > toDay) {
    return {
      en: `The start ${fromDay} is after the end ${toDay}: swap them.`,
      zh: `开始日期 ${fromDay} 晚于结束日期 ${toDay}：请交换两者。`,
    };
  }
  if (!isInWindow(fromDay, window) || !isInWindow(toDay, window)) {
    const outside = isInWindow(fromDay, window) ? toDay : fromDay;
    const why =
      outside > window.to
        ? { en: 'today and later days have no figures yet', zh: '今天及以后的数据尚未生成' }
        : {
            en: `WeCom keeps only the last ${HISTORY_DAYS} days`,
            zh: `企业微信只保存最近 ${HISTORY_DAYS} 天的数据`,
          };
    return {
      en: `${outside} is outside the days WeCom can report (${why.en}): pick days within ${windowText}.`,
      zh: `${outside} 超出企业微信可查询的范围（${why.zh}）：请选择 ${windowText} 之间的日期。`,
    };
  }
  return undefined;
}

/** Like `checkRange`, but throws a `DayRangeError`; returns the normalized range. */
export function assertRange(from: CstDay, to: CstDay, nowMs: number = Date.now()): DayRange {
  const reason = checkRange(from, to, nowMs);
  if (reason) {
    throw new DayRangeError(reason);
  }
  return { from: parseCstDay(from), to: parseCstDay(to) };
}

/** Splits a range into consecutive windows of at most `maxSpan` days (the server's 30-day limit). */
export function splitRange(range: DayRange, maxSpan: number = MAX_SPAN_DAYS): DayRange[] {
  const windows: DayRange[] = [];
  for (let start = range.from; start <= range.to; start = addDays(start, maxSpan)) {
    const end = addDays(start, maxSpan - 1);
    windows.push({ from: start, to: end < range.to ? end : range.to });
  }
  return windows;
}

/** The last `n` days ending yesterday (a range preset). */
export function lastNDays(n: number, nowMs: number = Date.now()): DayRange {
  const to = cstYesterday(nowMs);
  return { from: addDays(to, -(n - 1)), to };
}

/**
 * WeCom fills in a day's figures after it ends and may still adjust them the next morning: a fetch
 * counts as final only at or after 10:00 CST on the following day. Before that, yesterday is
 * provisional. The one cut-off used by the owners tree, the chart cards and the closed-day cache.
 */
export const FINAL_AFTER_CST_HOUR = 10;

/** The time (ms) from which a fetch of `day` gives its final figures: 10:00 CST the day after. */
export function finalAfterMs(day: CstDay): number {
  return (dayStartTs(addDays(day, 1)) + FINAL_AFTER_CST_HOUR * 3600) * 1000;
}

/** True when `day` was yesterday at `fetchedAtMs` and the fetch came before the cut-off. */
export function isProvisional(day: CstDay, fetchedAtMs: number): boolean {
  return day === cstYesterday(fetchedAtMs) && fetchedAtMs < finalAfterMs(day);
}

/** `HH:MM` in CST of a time (ms), e.g. when a day was fetched. */
export function cstClockTime(ms: number): string {
  const secondsIntoDay =
    (((Math.floor(ms / 1000) + CST_OFFSET_SECONDS) % DAY_SECONDS) + DAY_SECONDS) % DAY_SECONDS;
  const hours = Math.floor(secondsIntoDay / 3600);
  const minutes = Math.floor((secondsIntoDay % 3600) / 60);
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}
