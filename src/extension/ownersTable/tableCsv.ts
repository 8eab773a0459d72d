/**
 * The CSV the owners table's Export CSV saves: exactly what the table shows (its filter and sort),
 * one row per owner, then the totals row. Like the chart's CSV (chart/csv.ts): a `date` column of
 * CST days first, figure headers "Label (api_field)" in the UI language, empty cells (never 0)
 * where there is no figure, a `note` column saying why, a BOM and CRLF. No `vscode`: unit-tested.
 */
import { defuseFormula, toCsv } from '../../shared/csv';
import type { CstDay } from '../../shared/days';
import type { UiLanguage } from '../../shared/i18n';
import { METRIC_KEYS, metricLabel } from '../../shared/metrics';
import { dayChange, type TableOwnerRow, type TableView } from '../../shared/ownersTable';

export interface TableCsvWords {
  /** Header of the date column (says CST). */
  readonly date: string;
  readonly owner: string;
  readonly name: string;
  /** Contains `{label}`: header of a figure's change column. */
  readonly change: string;
  readonly note: string;
  /** Contains `{n}`: the totals row's name cell. */
  readonly totals: string;
  /** Note of an owner WeCom did not return. */
  readonly absent: string;
  /** Contains `{n}`: note of the totals row when owners were not returned. */
  readonly totalsAbsent: string;
  /** Wording of one revised figure, given its label and the table's revision text. */
  readonly revision: (label: string, revised: string) => string;
}

export interface TableCsvOptions {
  readonly day: CstDay;
  readonly lang: UiLanguage;
  readonly words: TableCsvWords;
  /** The revision text of one cell ("revised: 1,203 → 1,210 at 11:02"), or undefined. */
  readonly revisedText: (row: TableOwnerRow, metric: (typeof METRIC_KEYS)[number]) => string | undefined;
}

type Cell = string | number | undefined;

function text(cell: Cell): string {
  return cell === undefined ? '' : typeof cell === 'number' ? String(cell) : defuseFormula(cell);
}

function fill(template: string, n: number): string {
  return template.replace('{n}', String(n));
}

export function buildOwnersTableCsv(view: TableView, options: TableCsvOptions): string {
  const { words, lang, day } = options;
  const header: string[] = [words.date, words.owner, words.name];
  for (const key of METRIC_KEYS) {
    const label = `${metricLabel(key, lang)} (${key})`;
    header.push(label, words.change.replace('{label}', label));
  }
  header.push(words.note);
  const rows: Cell[][] = view.rows.map((row) => {
    const cells: Cell[] = [day, row.owner, row.name];
    const notes: string[] = row.data ? [] : [words.absent];
    for (const key of METRIC_KEYS) {
      cells.push(row.data?.[key], dayChange(row, key));
      const revised = options.revisedText(row, key);
      if (revised) {
        notes.push(words.revision(metricLabel(key, lang), revised));
      }
    }
    cells.push(notes.join('; '));
    return cells;
  });
  const { totals } = view;
  const totalsRow: Cell[] = [day, '', fill(words.totals, view.rows.length)];
  for (const key of METRIC_KEYS) {
    totalsRow.push(totals.data[key], totals.change?.[key]);
  }
  totalsRow.push(totals.absent ? fill(words.totalsAbsent, totals.absent) : '');
  // A BOM so spreadsheet programs read UTF-8 (Chinese names) correctly; CRLF per RFC 4180.
  return '\uFEFF' + toCsv([header, ...rows.map((r) => r.map(text)), totalsRow.map(text)]);
}
