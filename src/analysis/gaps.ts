/**
 * What a set of stored (day, owner) entries lacks over a range: the days some owner has nothing
 * stored for (missing), and the days some owner's entry is not final yet (provisional). A figure
 * over such a day is incomplete, and the views say so.
 */
import { listDays, type CstDay, type DayRange } from '../shared/days';

/** What gaps are computed from: a stored atom or a coverage entry fits. */
export interface StoredEntry {
  readonly day: CstDay;
  readonly owner: string;
  readonly final: boolean;
}

export interface DayGaps {
  readonly missingDays: CstDay[];
  readonly provisionalDays: CstDay[];
}

export function dayGaps(range: DayRange, owners: readonly string[], entries: Iterable<StoredEntry>): DayGaps {
  const wanted = new Set(owners);
  const stored = new Map<CstDay, number>();
  const provisional = new Set<CstDay>();
  for (const entry of entries) {
    if (!wanted.has(entry.owner) || entry.day < range.from || entry.day > range.to) {
      continue;
    }
    stored.set(entry.day, (stored.get(entry.day) ?? 0) + 1);
    if (!entry.final) {
      provisional.add(entry.day);
    }
  }
  const days = listDays(range);
  return {
    missingDays: days.filter((day) => (stored.get(day) ?? 0) < wanted.size),
    provisionalDays: days.filter((day) => provisional.has(day)),
  };
}
