/** A by-day answer as the host sends it, over `days`, with nothing missing unless `extra` says so. */
import type { CstDay } from '../../../src/shared/days';
import type { ByDayData, DaySeries } from '../../../src/shared/protocol';

export function byDayData(
  days: readonly CstDay[],
  total: DaySeries,
  extra: Partial<ByDayData> = {},
): ByDayData {
  return {
    from: days[0],
    to: days[days.length - 1],
    days,
    total,
    cachedDays: 0,
    unavailableDays: 0,
    missingDays: [],
    historyDays: [],
    unstoredDays: [],
    ...extra,
  };
}
