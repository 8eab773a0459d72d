/**
 * Pure row logic of the owners view: building rows from the client's totals, sorting, filtering,
 * and the "provisional" rule. No vscode here, so it stays cheap for 5,000 owners.
 */
import {
  addStats,
  compareByFigure,
  emptyStats,
  isMetricKey,
  type GroupChatStats,
  type MetricKey,
} from '../../shared/metrics';
import { ownerDisplayName, type OwnerNames } from '../../shared/ownerNames';
import type { OwnerTotals } from '../../wecom/types';
import type { OwnerTreeElement } from '../contracts';

export interface SortOrder {
  readonly metric: MetricKey;
  readonly ascending: boolean;
}

export const DEFAULT_SORT: SortOrder = { metric: 'chat_total', ascending: false };

export interface OwnerTreeRow {
  readonly owner: string;
  /** Display name, or the userid itself when no name is known. */
  readonly name: string;
  /** Undefined when WeCom did not return this owner: absent, not zeros, and not in any sum. */
  readonly data: GroupChatStats | undefined;
  /** Lower-cased "id\nname", for the substring filter. */
  readonly searchText: string;
  /** The tree element of this row, created once so the tree keeps identity across renders. */
  readonly element: Extract<OwnerTreeElement, { kind: 'owner' }>;
}

export function buildRows(
  totals: readonly (OwnerTotals | OwnerTreeRow)[],
  names: OwnerNames,
): OwnerTreeRow[] {
  return totals.map(({ owner, data }) => {
    const name = ownerDisplayName(owner, names);
    return {
      owner,
      name,
      data,
      searchText: `${owner}\n${name}`.toLowerCase(),
      element: { kind: 'owner', owner },
    };
  });
}

/** Sorted copy; ties broken by owner id so the order is stable whatever the server sent. */
export function sortRows(rows: readonly OwnerTreeRow[], order: SortOrder): OwnerTreeRow[] {
  return [...rows].sort(
    (a, b) =>
      compareByFigure(a.data?.[order.metric], b.data?.[order.metric], order.ascending) ||
      (a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0),
  );
}

/** Case-insensitive substring match on userid or display name; an empty filter keeps all. */
export function filterRows(rows: readonly OwnerTreeRow[], filter: string): readonly OwnerTreeRow[] {
  const needle = filter.trim().toLowerCase();
  if (!needle) {
    return rows;
  }
  return rows.filter((row) => row.searchText.includes(needle));
}

export function sumRows(rows: readonly OwnerTreeRow[]): GroupChatStats {
  const total = emptyStats();
  for (const row of rows) {
    if (row.data) {
      addStats(total, row.data);
    }
  }
  return total;
}

export function parseSortOrder(value: unknown): SortOrder {
  if (value && typeof value === 'object') {
    const { metric, ascending } = value as { metric?: unknown; ascending?: unknown };
    if (isMetricKey(metric)) {
      return { metric, ascending: ascending === true };
    }
  }
  return DEFAULT_SORT;
}
