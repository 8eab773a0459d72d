/**
 * The revisions of one day, figure by figure: for each owner whose stored value on `day` was
 * replaced by a later fetch, every figure that changed, from what to what and when the later
 * fetch arrived. Read through `getAtoms` (one query per table), so both engines serve it alike.
 */
import type { CstDay } from '../shared/days';
import { METRIC_KEYS, type GroupChatStats, type MetricKey } from '../shared/metrics';
import type { FigureRevision } from '../shared/ownersTable';
import type { HistoryStore, ScopeRef, StoredAtom } from './types';

/** One owner's changed figures on the day, oldest change first. */
export type FigureRevisions = Partial<Record<MetricKey, FigureRevision[]>>;

/** Each change of each figure of one atom: its revisions in order, then the current value. */
function changesOf(atom: StoredAtom): FigureRevisions {
  const values: (GroupChatStats | undefined)[] = [...atom.revisions.map((r) => r.data), atom.data];
  const changes: FigureRevisions = {};
  atom.revisions.forEach((revision, i) => {
    const before = values[i];
    const after = values[i + 1];
    for (const key of METRIC_KEYS) {
      const from = before ? before[key] : null;
      const to = after ? after[key] : null;
      if (from !== to) {
        (changes[key] ??= []).push({ from, to, at: revision.replacedAt });
      }
    }
  });
  return changes;
}

/** Owners with at least one changed figure on `day` (all stored owners, or only `owners`). */
export async function revisionsOnDay(
  store: Pick<HistoryStore, 'getAtoms'>,
  scope: ScopeRef,
  day: CstDay,
  owners?: readonly string[],
): Promise<Map<string, FigureRevisions>> {
  const atoms = await store.getAtoms(scope, { from: day, to: day, owners });
  const byOwner = new Map<string, FigureRevisions>();
  for (const atom of atoms) {
    if (atom.revisions.length) {
      const changes = changesOf(atom);
      if (Object.keys(changes).length) {
        byOwner.set(atom.owner, changes);
      }
    }
  }
  return byOwner;
}
