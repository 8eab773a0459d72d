/** Between the store's rows and its typed values: the eight figure columns, NULL when absent. */
import { finalAfterMs, tryParseCstDay } from '../shared/days';
import { METRIC_KEYS, type GroupChatStats } from '../shared/metrics';
import { num, type Row } from './sql';
import type { AtomInput } from './types';

export const FIGURES = METRIC_KEYS.join(', ');

/** One atom as the columns `scope_id, day, owner, fetched_at, final, absent, <8 figures>`. */
export const ATOM_COLUMNS = `scope_id, day, owner, fetched_at, final, absent, ${FIGURES}`;
export const ATOM_WIDTH = 6 + METRIC_KEYS.length;
/** One revision as `scope_id, day, owner, fetched_at, replaced_at, absent, <8 figures>`. */
export const REVISION_COLUMNS = `scope_id, day, owner, fetched_at, replaced_at, absent, ${FIGURES}`;

/** The one rule for `final`: fetched at or after 10:00 CST the day after (shared/days). */
export function isFinal(day: string, fetchedAt: number): boolean {
  return fetchedAt >= finalAfterMs(day);
}

export function figuresOf(row: Row): GroupChatStats | undefined {
  if (num(row.absent) !== 0) {
    return undefined;
  }
  const data = {} as GroupChatStats;
  for (const key of METRIC_KEYS) {
    data[key] = num(row[key]);
  }
  return data;
}

/** The figure cells of a value, NULLs when absent. */
export function figureCells(data: GroupChatStats | undefined): (number | null)[] {
  return METRIC_KEYS.map((k) => (data ? data[k] : null));
}

export function sameValue(a: GroupChatStats | undefined, b: GroupChatStats | undefined): boolean {
  if (a === undefined || b === undefined) {
    return a === b;
  }
  return METRIC_KEYS.every((k) => a[k] === b[k]);
}

/** Refuses what must never be stored: a bad day, an empty owner, a figure that is not a count. */
export function checkAtoms(atoms: readonly AtomInput[]): void {
  const seen = new Set<string>();
  for (const atom of atoms) {
    if (tryParseCstDay(atom.day) !== atom.day) {
      throw new RangeError(`not a YYYY-MM-DD day: ${JSON.stringify(atom.day)}`);
    }
    if (typeof atom.owner !== 'string' || atom.owner === '') {
      throw new RangeError(`empty owner on ${atom.day}`);
    }
    if (!Number.isSafeInteger(atom.fetchedAt) || atom.fetchedAt <= 0) {
      throw new RangeError(`bad fetchedAt for ${atom.owner} on ${atom.day}: ${atom.fetchedAt}`);
    }
    if (atom.absent !== true) {
      for (const key of METRIC_KEYS) {
        const v = atom.data[key];
        if (!Number.isSafeInteger(v) || v < 0) {
          throw new RangeError(`${key} of ${atom.owner} on ${atom.day} is not a count: ${v}`);
        }
      }
    }
    const id = `${atom.day}\u0000${atom.owner}`;
    if (seen.has(id)) {
      throw new RangeError(`${atom.owner} appears twice on ${atom.day} in one batch`);
    }
    seen.add(id);
  }
}
