/**
 * When the daily history sync runs: once per CST day, at or after 10:00 CST, when WeCom's figures
 * for yesterday become final. Pure facts of the clock, so tests pin both sides of the boundary.
 */
import { addDays, cstToday, dayStartTs, FINAL_AFTER_CST_HOUR, type CstDay } from './days';

/** 10:00 CST of `day` (ms). */
function syncTimeOf(day: CstDay): number {
  return (dayStartTs(day) + FINAL_AFTER_CST_HOUR * 3600) * 1000;
}

/** True when today's (CST) daily sync is due: it is 10:00 CST or later and it has not run today. */
export function isDailySyncDue(nowMs: number, lastRunDay: CstDay | undefined): boolean {
  const today = cstToday(nowMs);
  return nowMs >= syncTimeOf(today) && lastRunDay !== today;
}

/** The next time (ms) the daily sync should run, given the last CST day it ran. */
export function nextDailySyncAt(nowMs: number, lastRunDay: CstDay | undefined): number {
  if (isDailySyncDue(nowMs, lastRunDay)) {
    return nowMs;
  }
  const today = cstToday(nowMs);
  return nowMs < syncTimeOf(today) ? syncTimeOf(today) : syncTimeOf(addDays(today, 1));
}
