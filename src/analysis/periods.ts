/**
 * Calendar periods of CST days: ISO weeks (Monday to Sunday, id `2026-W47`) and months (id
 * `2026-11`). Pure day arithmetic on `YYYY-MM-DD` strings (shared/days): no clock, no time zone.
 */
import { addDays, daysBetween, type CstDay, type DayRange } from '../shared/days';

export type PeriodKind = 'week' | 'month';

export interface Period extends DayRange {
  readonly id: string;
  readonly kind: PeriodKind;
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: CstDay): number {
  const [y, m, d] = day.split('-').map(Number);
  const js = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return js === 0 ? 7 : js;
}

/** The Monday of the ISO week holding `day`. */
export function weekStart(day: CstDay): CstDay {
  return addDays(day, 1 - isoWeekday(day));
}

/** `2026-W47`: the ISO year is the year of the week's Thursday (so 2026-12-31 may be 2026-W53). */
export function isoWeekId(day: CstDay): string {
  const thursday = addDays(weekStart(day), 3);
  const year = thursday.slice(0, 4);
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function monthId(day: CstDay): string {
  return day.slice(0, 7);
}

/** The whole period (week or month) holding `day`. */
export function periodOf(day: CstDay, kind: PeriodKind): Period {
  if (kind === 'week') {
    const from = weekStart(day);
    return { kind, id: isoWeekId(day), from, to: addDays(from, 6) };
  }
  const from = `${monthId(day)}-01`;
  const [y, m] = from.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { kind, id: monthId(day), from, to: addDays(next, -1) };
}

/** The whole periods that meet `range`, in order (the first and last may reach past it). */
export function periodsCovering(range: DayRange, kind: PeriodKind): Period[] {
  const periods: Period[] = [];
  for (let day = range.from; day <= range.to;) {
    const period = periodOf(day, kind);
    periods.push(period);
    day = addDays(period.to, 1);
  }
  return periods;
}

/** The `length` days just before `range` (the previous period of the same length). */
export function previousRange(range: DayRange): DayRange {
  const length = daysBetween(range.from, range.to) + 1;
  return { from: addDays(range.from, -length), to: addDays(range.from, -1) };
}
