/**
 * The table's rows, built from what the owners tree already holds (its day, its owners, its
 * filter, its figures: no call to WeCom) plus two reads of the history store: the day before
 * (for the change; the status bar reads that day the same way, and syncs it) and the revisions
 * of the day. A store that cannot be read only means no change and no revision markers.
 */
import { addDays, type CstDay } from '../../shared/days';
import type { GroupChatStats } from '../../shared/metrics';
import type { OwnersTableSnapshot } from '../../shared/ownersTableProtocol';
import type { TableOwnerRow } from '../../shared/ownersTable';
import { revisionsOnDay, type FigureRevisions } from '../../store/revisionsOnDay';
import type { HistoryStore, ScopeRef } from '../../store/types';
import type { OwnerTreeRow } from '../owners/ownerRows';
import type { LoadedOwners } from '../owners/ownersModel';

/** What the store adds to the tree's figures, per owner. */
export interface StoreFacts {
  /** The day before: figures, or null when the owner was absent then; missing when not stored. */
  readonly previous: ReadonlyMap<string, GroupChatStats | null>;
  readonly revisions: ReadonlyMap<string, FigureRevisions>;
}

export const NO_STORE_FACTS: StoreFacts = { previous: new Map(), revisions: new Map() };

/** Reads the day before `day` and the revisions of `day` for `owners` (store only, no calls). */
export async function readStoreFacts(
  store: Pick<HistoryStore, 'getAtoms'>,
  scope: ScopeRef,
  day: CstDay,
  owners: readonly string[],
): Promise<StoreFacts> {
  const previousDay = addDays(day, -1);
  const [atoms, revisions] = await Promise.all([
    store.getAtoms(scope, { from: previousDay, to: previousDay, owners }),
    revisionsOnDay(store, scope, day, owners),
  ]);
  const previous = new Map<string, GroupChatStats | null>();
  for (const atom of atoms) {
    previous.set(atom.owner, atom.data ?? null);
  }
  return { previous, revisions };
}

export function tableRows(rows: readonly OwnerTreeRow[], facts: StoreFacts): TableOwnerRow[] {
  return rows.map((row) => ({
    owner: row.owner,
    name: row.name,
    data: row.data ?? null,
    previous: facts.previous.get(row.owner),
    revisions: facts.revisions.get(row.owner),
  }));
}

export function tableSnapshot(
  loaded: LoadedOwners,
  visible: readonly OwnerTreeRow[],
  treeFilter: string,
  facts: StoreFacts,
): OwnersTableSnapshot {
  return {
    day: loaded.day,
    provisional: loaded.provisional,
    treeFilter,
    allOwners: loaded.sorted.length,
    rows: tableRows(visible, facts),
  };
}
