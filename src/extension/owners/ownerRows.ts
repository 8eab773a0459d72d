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

/** Figures every row's description shows, after the sorted one. */
const DESCRIPTION_METRICS: readonly MetricKey[] = ['chat_total', 'member_total', 'new_member_cnt'];

/**
 * A row's figures, the sorted one first: the sort is then visible even where the rest of the
 * description is cut off (a 200–300 px side bar).
 */
export function descriptionMetrics(sorted: MetricKey): MetricKey[] {
  return [sorted, ...DESCRIPTION_METRICS.filter((metric) => metric !== sorted)];
}

/** "1,092 msgs · 67 groups · …" with `phrase` wording one figure in the UI language. */
export function describeFigures(
  data: GroupChatStats,
  sorted: MetricKey,
  phrase: (metric: MetricKey, value: number) => string,
): string {
  return descriptionMetrics(sorted)
    .map((metric) => phrase(metric, data[metric]))
    .join(' · ');
}

/** "张三 · zhangsan": the user ID is in the label, where the tree's own find (Ctrl+Alt+F) looks. */
export function rowLabel(row: Pick<OwnerTreeRow, 'owner' | 'name'>): string {
  return row.name === row.owner ? row.owner : `${row.name} · ${row.owner}`;
}

/** Where the filter matches in a label, as `TreeItemLabel.highlights` ranges (case-insensitive). */
export function filterHighlights(label: string, filter: string): [number, number][] {
  const needle = filter.trim().toLowerCase();
  const haystack = label.toLowerCase();
  // Lower-casing can change the length (e.g. "İ"): then offsets would be wrong, so none.
  if (!needle || haystack.length !== label.length) {
    return [];
  }
  const ranges: [number, number][] = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
    ranges.push([at, at + needle.length]);
  }
  return ranges;
}

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
