/**
 * The analysis input: one owner-set's figures per day, built from per-day sums (the store's
 * `DaySum`) or from atoms (the store's `StoredAtom`). The shapes are declared here structurally
 * (src/analysis imports only src/shared), so the store's own objects fit as they are.
 */
import { listDays, type CstDay, type DayRange } from '../shared/days';
import { addStats, emptyStats, type GroupChatStats } from '../shared/metrics';

/** What analysis reads of a stored atom. `data` is undefined exactly when `absent`. */
export interface AtomLike {
  readonly day: CstDay;
  readonly owner: string;
  readonly final: boolean;
  readonly absent: boolean;
  readonly data?: GroupChatStats;
}

/** What analysis reads of a per-day sum (the store's `DaySum` fits). */
export interface DaySumLike {
  readonly day: CstDay;
  readonly data: GroupChatStats;
  /** Every owner of the set has an atom that day (present or absent). */
  readonly complete: boolean;
  /** Complete and every atom final. */
  readonly final: boolean;
}

/** One day of a series: figures when known, and whether they are the whole set's final figures. */
export interface DayPoint {
  readonly day: CstDay;
  /** Undefined when nothing is known of the day (a missing day): never read as zeros. */
  readonly data?: GroupChatStats;
  /** The day is known for every owner and final: neither missing nor provisional. */
  readonly settled: boolean;
}

/** A day-indexed series over a range: every day of it, missing days included. */
export interface DaySeries {
  readonly range: DayRange;
  readonly points: readonly DayPoint[];
}

/**
 * From per-day sums: a day with no sum, or an incomplete one (some owner not stored), has no data
 * (a partial sum is not the set's figure) and is not settled; a complete provisional day has data
 * and is not settled.
 */
export function seriesFromSums(range: DayRange, sums: readonly DaySumLike[]): DaySeries {
  const byDay = new Map(sums.map((s) => [s.day, s]));
  const points = listDays(range).map((day): DayPoint => {
    const sum = byDay.get(day);
    if (!sum || !sum.complete) {
      return { day, settled: false };
    }
    return { day, data: sum.data, settled: sum.final };
  });
  return { range, points };
}

/**
 * Sums atoms over `owners` per day. Absent owners add nothing (they are not zeros). A day has data
 * when every owner has an atom (present or absent); it is settled when, besides, all are final.
 */
export function seriesFromAtoms(
  range: DayRange,
  owners: readonly string[],
  atoms: readonly AtomLike[],
): DaySeries {
  const wanted = new Set(owners);
  const acc = new Map<CstDay, { data?: GroupChatStats; stored: number; final: boolean }>();
  for (const atom of atoms) {
    if (!wanted.has(atom.owner) || atom.day < range.from || atom.day > range.to) {
      continue;
    }
    let day = acc.get(atom.day);
    if (!day) {
      day = { stored: 0, final: true };
      acc.set(atom.day, day);
    }
    day.stored++;
    day.final &&= atom.final;
    if (!atom.absent && atom.data) {
      day.data = addStats(day.data ?? emptyStats(), atom.data);
    }
  }
  const points = listDays(range).map((day): DayPoint => {
    const a = acc.get(day);
    if (!a || a.stored < wanted.size) {
      return { day, settled: false };
    }
    return { day, settled: a.final, data: a.data ?? emptyStats() };
  });
  return { range, points };
}

/** Per owner: that owner's present atoms by day (absent atoms and other owners left out). */
export function atomsByOwner(atoms: readonly AtomLike[]): Map<string, Map<CstDay, GroupChatStats>> {
  const owners = new Map<string, Map<CstDay, GroupChatStats>>();
  for (const atom of atoms) {
    if (atom.absent || !atom.data) {
      continue;
    }
    let days = owners.get(atom.owner);
    if (!days) {
      days = new Map();
      owners.set(atom.owner, days);
    }
    days.set(atom.day, atom.data);
  }
  return owners;
}
