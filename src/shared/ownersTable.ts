/**
 * The owners table's pure model: one row per owner of the tree's day, filtered, sorted, with a
 * totals row summed the way the tree's summary row sums (owners WeCom did not return add
 * nothing), the day-over-day change, and the window of rows a virtualised list draws. No DOM and
 * no `vscode`: the webview draws with it, the host exports the same rows with it, and the unit
 * tests and the benchmark run it in Node.
 */
import { cstClockTime } from './days';
import {
  addStats,
  compareByFigure,
  emptyStats,
  METRIC_KEYS,
  type GroupChatStats,
  type MetricKey,
} from './metrics';

/** A sortable column: the owner (name, then user ID) or one figure. */
export type TableColumn = 'owner' | MetricKey;

export interface TableSort {
  readonly column: TableColumn;
  readonly ascending: boolean;
}

/** What the user chose in the table (kept by the webview's state, sent with an export). */
export interface TableViewState {
  readonly filter: string;
  readonly sort: TableSort;
}

export const DEFAULT_TABLE_VIEW: TableViewState = {
  filter: '',
  sort: { column: 'chat_total', ascending: false },
};

/** One change of a stored figure: the earlier value, the value that replaced it, and when (ms). */
export interface FigureRevision {
  /** Null when the owner was absent then. */
  readonly from: number | null;
  readonly to: number | null;
  readonly at: number;
}

export interface TableOwnerRow {
  readonly owner: string;
  /** Display name (the ownerNames setting), else the user ID. */
  readonly name: string;
  /** Null: WeCom did not return this owner that day (absent, not zeros, not in the totals). */
  readonly data: GroupChatStats | null;
  /**
   * The day before, from the history store: figures, null when the owner was absent then, or
   * undefined when that day is not stored for the owner (no change can be said).
   */
  readonly previous?: GroupChatStats | null;
  /** Stored revisions of this owner's figures on the day, per figure, oldest first. */
  readonly revisions?: Partial<Record<MetricKey, readonly FigureRevision[]>>;
}

export interface TableTotals {
  /** Sum over the rows with figures; absent rows add nothing (as in the tree's summary). */
  readonly data: GroupChatStats;
  /** Rows with figures. */
  readonly present: number;
  /** Rows WeCom did not return. */
  readonly absent: number;
  /**
   * The change from the day before over the same rows, or undefined when the day before is not
   * stored for every one of them (a partial sum would be a wrong figure).
   */
  readonly change?: GroupChatStats;
}

export interface TableView {
  readonly rows: readonly TableOwnerRow[];
  readonly totals: TableTotals;
}

/** Case-insensitive substring match on user ID or name: the tree's filter rule. */
export function filterTableRows(rows: readonly TableOwnerRow[], filter: string): readonly TableOwnerRow[] {
  const needle = filter.trim().toLowerCase();
  if (!needle) {
    return rows;
  }
  return rows.filter(
    (row) => row.owner.toLowerCase().includes(needle) || row.name.toLowerCase().includes(needle),
  );
}

function byOwnerId(a: TableOwnerRow, b: TableOwnerRow): number {
  return a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0;
}

/**
 * Sorted copy. A figure sorts as the tree sorts (absent owners last either way, ties by user
 * ID); the owner column by name, then user ID.
 */
export function sortTableRows(rows: readonly TableOwnerRow[], sort: TableSort): TableOwnerRow[] {
  const { column, ascending } = sort;
  if (column === 'owner') {
    const names = new Intl.Collator(undefined, { numeric: true });
    const direction = ascending ? 1 : -1;
    return [...rows].sort((a, b) => direction * (names.compare(a.name, b.name) || byOwnerId(a, b)));
  }
  return [...rows].sort(
    (a, b) => compareByFigure(a.data?.[column], b.data?.[column], ascending) || byOwnerId(a, b),
  );
}

/** Today's figure minus the day before's, or undefined when either is missing. */
export function dayChange(row: TableOwnerRow, metric: MetricKey): number | undefined {
  return row.data && row.previous ? row.data[metric] - row.previous[metric] : undefined;
}

export function tableTotals(rows: readonly TableOwnerRow[]): TableTotals {
  const data = emptyStats();
  const previous = emptyStats();
  let present = 0;
  let previousComplete = true;
  for (const row of rows) {
    if (row.data) {
      addStats(data, row.data);
      present++;
    }
    if (row.previous === undefined) {
      previousComplete = false;
    } else if (row.previous) {
      addStats(previous, row.previous);
    }
  }
  const change = previousComplete && rows.length > 0 ? emptyStats() : undefined;
  if (change) {
    for (const key of METRIC_KEYS) {
      change[key] = data[key] - previous[key];
    }
  }
  return { data, present, absent: rows.length - present, change };
}

/** What the table shows for a view state: the filtered rows in order, and their totals. */
export function tableView(rows: readonly TableOwnerRow[], state: TableViewState): TableView {
  const filtered = filterTableRows(rows, state.filter);
  return { rows: sortTableRows(filtered, state.sort), totals: tableTotals(filtered) };
}

/** "+12", "−3" (a real minus sign), "0"; `format` groups the digits. */
export function formatChange(change: number, format: (n: number) => string): string {
  if (change > 0) {
    return `+${format(change)}`;
  }
  return change < 0 ? `\u2212${format(-change)}` : format(0);
}

/** The latest change of one figure, or undefined when it was never revised. */
export function latestRevision(row: TableOwnerRow, metric: MetricKey): FigureRevision | undefined {
  const list = row.revisions?.[metric];
  return list?.length ? list[list.length - 1] : undefined;
}

/**
 * A revision as the table says it: `template` holds `{from}`, `{to}` and `{time}` (the CST time
 * of the later fetch), e.g. "revised: 1,203 → 1,210 at 11:02"; `absent` words a missing value.
 */
export function revisionText(
  revision: FigureRevision,
  template: string,
  format: (n: number) => string,
  absent: string,
): string {
  const value = (n: number | null): string => (n === null ? absent : format(n));
  return template
    .replace('{from}', value(revision.from))
    .replace('{to}', value(revision.to))
    .replace('{time}', cstClockTime(revision.at));
}

export interface VirtualWindow {
  /** Index of the first row to draw. */
  readonly first: number;
  /** One past the last row to draw. */
  readonly end: number;
  /** Height of the space above the drawn rows (px). */
  readonly before: number;
  /** Height of the space below them (px). */
  readonly after: number;
}

/**
 * The rows a list of fixed-height rows draws for a scroll position: those in view plus
 * `overscan` either side, and the spacer heights that keep the scrollbar true to the whole list.
 */
export function virtualWindow(options: {
  readonly rowCount: number;
  readonly rowHeight: number;
  readonly scrollTop: number;
  readonly viewportHeight: number;
  readonly overscan: number;
}): VirtualWindow {
  const { rowCount, rowHeight, overscan } = options;
  const scrollTop = Math.max(0, options.scrollTop);
  const viewport = Math.max(0, options.viewportHeight);
  const firstVisible = Math.min(rowCount, Math.floor(scrollTop / rowHeight));
  const endVisible = Math.min(rowCount, Math.ceil((scrollTop + viewport) / rowHeight));
  const first = Math.max(0, firstVisible - overscan);
  const end = Math.min(rowCount, Math.max(endVisible + overscan, first));
  return { first, end, before: first * rowHeight, after: (rowCount - end) * rowHeight };
}
