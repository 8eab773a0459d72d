/**
 * Output of wecom-stats: JSON, CSV (RFC 4180, formulas defused as the chart's export does) and
 * aligned tables. Pure functions of the results.
 */
import { defuseFormula, toCsv } from '../shared/csv';
import type { DayRange } from '../shared/days';
import { METRIC_KEYS, addStats, emptyStats } from '../shared/metrics';
import type { GroupChatStats, MetricKey } from '../shared/metrics';
import type { OutputFormat } from './args';

/** An owner's figures, or no figures when WeCom did not return the owner (absent). */
export interface OwnerRow {
  readonly owner: string;
  readonly data?: GroupChatStats;
}

/** How an absent owner's figures read in a table (CSV has a dash: a number column stays numeric-or-empty). */
const ABSENT_TABLE = 'not returned by WeCom';
/**
 * The CSV figure cell of an absent owner: "no figure". It is written as it is, not through
 * defuseFormula: a lone `-` is no formula (spreadsheets read it as text), and `'-` would change the
 * documented cell. Only owner ids, which are arbitrary text, are defused; figures are counts.
 */
const ABSENT_CSV = '-';

export interface DayRow {
  readonly date: string;
  readonly statTime: number;
  readonly data: GroupChatStats;
}

/** The 8 figures in glossary order, so JSON keys are stable whatever the server sent. */
export function figures(data: GroupChatStats): GroupChatStats {
  const out = emptyStats();
  for (const key of METRIC_KEYS) {
    out[key] = data[key] ?? 0;
  }
  return out;
}

export interface OwnersView {
  readonly range: DayRange;
  readonly items: readonly OwnerRow[];
  readonly sortBy: MetricKey;
  readonly ascending: boolean;
}

export function formatOwners(view: OwnersView, format: OutputFormat): string {
  if (format === 'json') {
    const items = view.items.map((row) =>
      row.data ? { owner: row.owner, data: figures(row.data) } : { owner: row.owner, absent: true },
    );
    return `${JSON.stringify({ range: { from: view.range.from, to: view.range.to }, items }, null, 2)}\n`;
  }
  const header = ['owner', ...METRIC_KEYS];
  const cells = (row: OwnerRow, absent: string): string[] => {
    const data = row.data;
    return [row.owner, ...METRIC_KEYS.map((key) => (data ? String(data[key] ?? 0) : absent))];
  };
  if (format === 'csv') {
    const records = view.items.map((row) => {
      const [owner, ...figureCells] = cells(row, ABSENT_CSV);
      return [defuseFormula(owner), ...figureCells];
    });
    return toCsv([header, ...records]);
  }
  const rows = view.items.map((row) =>
    row.data ? cells(row, '') : [row.owner, ABSENT_TABLE, ...METRIC_KEYS.slice(1).map(() => '')],
  );
  const total = emptyStats();
  view.items.forEach((row) => row.data && addStats(total, row.data));
  const title =
    `Group owners, ${rangeText(view.range)} (CST), ${view.items.length} owner(s), ` +
    `sorted by ${view.sortBy} ${view.ascending ? 'ascending' : 'descending'}`;
  const absent = view.items.filter((row) => !row.data).length;
  const footer = [
    absent > 0 ? `(sum of ${view.items.length - absent} returned)` : '(all owners)',
    ...METRIC_KEYS.map((key) => String(total[key])),
  ];
  return `${title}\n${toTable(header, rows, footer)}`;
}

export interface ByDayView {
  readonly range: DayRange;
  /** The owners asked for, or undefined for every follow user. */
  readonly owners: readonly string[] | undefined;
  readonly items: readonly DayRow[];
}

export function formatByDay(view: ByDayView, format: OutputFormat): string {
  if (format === 'json') {
    const items = view.items.map((row) => ({
      date: row.date,
      stat_time: row.statTime,
      data: figures(row.data),
    }));
    const body = { range: { from: view.range.from, to: view.range.to }, owners: view.owners ?? null, items };
    return `${JSON.stringify(body, null, 2)}\n`;
  }
  const header = ['date', 'stat_time', ...METRIC_KEYS];
  const rows = view.items.map((row) => [
    row.date,
    String(row.statTime),
    ...METRIC_KEYS.map((k) => String(row.data[k] ?? 0)),
  ]);
  if (format === 'csv') {
    return toCsv([header, ...rows]);
  }
  const whose = view.owners ? `${view.owners.length} owner(s)` : 'all follow users';
  const title = `Figures per day, ${rangeText(view.range)} (CST), summed over ${whose}`;
  return `${title}\n${toTable(
    ['date', ...METRIC_KEYS],
    rows.map((r) => [r[0], ...r.slice(2)]),
  )}`;
}

function rangeText(range: DayRange): string {
  return range.from === range.to ? range.from : `${range.from} … ${range.to}`;
}

/** Control characters would break the table's lines; show them as escapes. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Terminal columns: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

/**
 * Columns listed in `leftAligned` (default: the first) are left-aligned, the others (numbers)
 * right-aligned; two spaces between columns.
 */
export function toTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  footer?: readonly string[],
  leftAligned: readonly number[] = [0],
): string {
  const all = [header, ...rows, ...(footer ? [footer] : [])].map((r) => r.map(printable));
  const widths = header.map((_h, col) => Math.max(...all.map((r) => displayWidth(r[col] ?? ''))));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, col) => {
        const pad = ' '.repeat(widths[col] - displayWidth(cell));
        return leftAligned.includes(col) ? cell + pad : pad + cell;
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const body = all.slice(1, 1 + rows.length).map(line);
  const lines = [line(all[0]), rule, ...body];
  if (footer) {
    lines.push(rule, line(all[all.length - 1]));
  }
  return lines.join('\n') + '\n';
}
