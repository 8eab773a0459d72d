/**
 * The messages between the owners table webview and the extension host, imported by both. The
 * host sends the tree's day as a snapshot (figures it already loaded; the webview never calls
 * WeCom) and the webview filters, sorts and draws it. Requests are typed with their responses
 * and correlated by id. The host checks everything from the webview with `isTableWebviewMessage`.
 */
import type { CstDay } from './days';
import type { UiLanguage } from './i18n';
import { isMetricKey, type GroupChatStats } from './metrics';
import type { TableOwnerRow, TableViewState } from './ownersTable';

export const OWNERS_TABLE_VIEW_TYPE = 'wecomGroupStats.ownersTable';

/** One column header: the figure's short label, and its full label with the definition as tooltip. */
export interface TableHeader {
  readonly label: string;
  readonly tooltip: string;
}

/** The table's words, in the UI language (the host localizes them). */
export interface OwnersTableLabels {
  readonly owner: TableHeader;
  /** Per figure, in METRIC_KEYS order. */
  readonly figures: readonly TableHeader[];
  readonly filterPlaceholder: string;
  readonly filterLabel: string;
  readonly exportCsv: string;
  /** Contains `{label}`: a header button's accessible name ("Sort by {label}"). */
  readonly sortBy: string;
  /** Contains `{n}` and `{present}` (owners with figures). */
  readonly totals: string;
  /** Contains `{absent}`: appended to the totals label when some owners were not returned. */
  readonly totalsAbsent: string;
  /** A cell of an owner WeCom did not return. */
  readonly absent: string;
  readonly absentHint: string;
  /** The day before is not stored: no change can be said. */
  readonly noChange: string;
  /** Contains `{day}`. */
  readonly changeHint: string;
  /** Contains `{from}`, `{to}`, `{time}`. */
  readonly revised: string;
  /** Contains `{day}`. */
  readonly asOf: string;
  /** Contains `{day}`. */
  readonly asOfProvisional: string;
  /** Contains `{filter}`: the tree's own filter narrows the owners. */
  readonly treeFiltered: string;
  /** Contains `{shown}` and `{all}`. */
  readonly rowCount: string;
  readonly noMatch: string;
  readonly loading: string;
  readonly noAnswer: string;
}

export interface OwnersTableSnapshot {
  readonly day: CstDay;
  readonly provisional: boolean;
  /** The tree's own filter ('' when none): the rows are the owners the tree shows. */
  readonly treeFilter: string;
  /** Every owner loaded for the day (the tree's "of N"). */
  readonly allOwners: number;
  /** The tree's rows, in the tree's order. */
  readonly rows: readonly TableOwnerRow[];
}

export interface TableExportResult {
  readonly savedTo?: string;
}

export interface TableRequestMap {
  exportCsv: { params: TableViewState; result: TableExportResult };
}
export type TableRequestMethod = keyof TableRequestMap;

//#region webview → host

export type TableWebviewMessage =
  | { readonly type: 'ready' }
  /** The user's filter and sort (kept for the serializer and the test probe). */
  | { readonly type: 'state'; readonly state: TableViewState }
  /** What is drawn now: rows after the filter, rows in the DOM, the totals row's figures. */
  | {
      readonly type: 'rendered';
      readonly shown: number;
      readonly domRows: number;
      readonly firstOwners: readonly string[];
      readonly totals: GroupChatStats | null;
    }
  | {
      readonly type: 'request';
      readonly id: number;
      readonly method: 'exportCsv';
      readonly params: TableViewState;
    };

//#endregion

//#region host → webview

export type TableHostMessage =
  | {
      readonly type: 'init';
      readonly lang: UiLanguage;
      readonly labels: OwnersTableLabels;
      readonly state: TableViewState;
    }
  /** The tree's day, whenever it (re)loads. */
  | { readonly type: 'data'; readonly snapshot: OwnersTableSnapshot }
  /** Nothing to show (yet): loading, an error or no connection, with what to do. */
  | { readonly type: 'status'; readonly status: 'loading' | 'error'; readonly message: string }
  | { readonly type: 'response'; readonly id: number; readonly ok: true; readonly result: TableExportResult }
  | { readonly type: 'response'; readonly id: number; readonly ok: false; readonly message: string };

//#endregion

//#region validation (the webview is untrusted input to the host)

const MAX_FILTER_CHARS = 200;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isTableViewState(value: unknown): value is TableViewState {
  if (!isObject(value) || !isObject(value.sort)) {
    return false;
  }
  const { column, ascending } = value.sort;
  return (
    typeof value.filter === 'string' &&
    value.filter.length <= MAX_FILTER_CHARS &&
    (column === 'owner' || isMetricKey(column)) &&
    typeof ascending === 'boolean'
  );
}

function isStats(value: unknown): value is GroupChatStats {
  return isObject(value) && Object.entries(value).every(([k, v]) => isMetricKey(k) && typeof v === 'number');
}

export function isTableWebviewMessage(value: unknown): value is TableWebviewMessage {
  if (!isObject(value)) {
    return false;
  }
  switch (value.type) {
    case 'ready':
      return true;
    case 'state':
      return isTableViewState(value.state);
    case 'rendered':
      return (
        typeof value.shown === 'number' &&
        typeof value.domRows === 'number' &&
        Array.isArray(value.firstOwners) &&
        value.firstOwners.length <= 50 &&
        value.firstOwners.every((o) => typeof o === 'string') &&
        (value.totals === null || isStats(value.totals))
      );
    case 'request':
      return (
        typeof value.id === 'number' &&
        Number.isSafeInteger(value.id) &&
        value.method === 'exportCsv' &&
        isTableViewState(value.params)
      );
    default:
      return false;
  }
}

/** The webview's lighter gate: a message of a known type (catches noise and version skew). */
export function isTableHostMessage(value: unknown): value is TableHostMessage {
  return (
    isObject(value) &&
    (value.type === 'init' || value.type === 'data' || value.type === 'status' || value.type === 'response')
  );
}

//#endregion
