/**
 * The rankings view: which days a period choice means, and the top and bottom lists of a
 * ranking (src/analysis/rank.ts ranks). Pure: "yesterday" is an input.
 */
import { addDays, type DayRange, type CstDay } from '../shared/days';
import type { RankPeriod } from '../shared/insightsProtocol';
import { isoWeekday, monthId, periodOf } from './periods';
import { topOwners, type RankedOwner } from './rank';

/**
 * The days of a period choice, ending by `yesterday`: the last 7 or 30 days, or the last whole
 * ISO week (Monday to Sunday) or calendar month (a week or month still running is not whole).
 */
export function rankPeriodRange(period: RankPeriod, yesterday: CstDay): DayRange {
  switch (period) {
    case 'last7':
      return { from: addDays(yesterday, -6), to: yesterday };
    case 'last30':
      return { from: addDays(yesterday, -29), to: yesterday };
    case 'week': {
      const ended = isoWeekday(yesterday) === 7 ? yesterday : addDays(yesterday, -isoWeekday(yesterday));
      return periodOf(ended, 'week');
    }
    case 'month': {
      const whole = periodOf(yesterday, 'month').to === yesterday;
      return periodOf(whole ? yesterday : addDays(`${monthId(yesterday)}-01`, -1), 'month');
    }
  }
}

export interface RankingLists {
  /** Owners ranked. */
  readonly ranked: number;
  readonly top: RankedOwner[];
  /** Lowest first. */
  readonly bottom: RankedOwner[];
}

export function rankingLists(ranked: readonly RankedOwner[], n: number): RankingLists {
  return { ranked: ranked.length, top: topOwners(ranked, n), bottom: topOwners(ranked, n, true) };
}
