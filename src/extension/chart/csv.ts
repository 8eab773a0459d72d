/**
 * The CSV the Export CSV action saves: one row per CST day (`YYYY-MM-DD`), then one column per
 * figure (sum) or one column per owner for the chosen figure (compare), then a `note` column.
 * Built by the host from the figures it fetched (the webview never sends figures). No `vscode`
 * import: unit-tested.
 *
 * A day without figures (WeCom did not report it for every owner, or it is older than WeCom keeps
 * and not cached) is still a row: its cells are empty, never 0 (spreadsheets skip empty cells in
 * SUM and AVERAGE), and its note says why. The file explains itself away from the panel, and the
 * complete days remain exportable; the `note` column is always there so the layout never changes.
 */
import { defuseFormula, quoteCsvField, toCsv } from '../../shared/csv';
import type { UiLanguage } from '../../shared/i18n';
import type { GroupChatStats, MetricKey } from '../../shared/metrics';
import { METRIC_KEYS, metricLabel } from '../../shared/metrics';
import type { ByDayData, OwnerLabel } from '../../shared/protocol';
import type { SeriesMode } from '../../shared/chartState';

export interface CsvOptions {
  readonly metric: MetricKey;
  readonly mode: SeriesMode;
  readonly lang: UiLanguage;
  /** Display names for owner columns; ids without an entry are written as they are. */
  readonly owners: readonly OwnerLabel[];
  /** Header of the date column. */
  readonly dateHeader: string;
  /** Notes of a row without figures, in the UI language. */
  readonly notes: {
    /** WeCom did not report the day for every owner (`ByDayData.missingDays`). */
    readonly missing: string;
    /** No figures for another reason (older than WeCom keeps, not cached). */
    readonly unavailable: string;
  };
}

/** Header of the last column. */
const NOTE_HEADER = 'note';

/** A cell's text: numbers as they are, text with spreadsheet formulas defused (see defuseFormula). */
function cellText(value: string | number | null): string {
  if (value === null) {
    return '';
  }
  if (typeof value === 'number') {
    return String(value);
  }
  return defuseFormula(value);
}

/** One cell as the export writes it: formulas defused, then quoted when needed (RFC 4180). */
export function csvField(value: string | number | null): string {
  return quoteCsvField(cellText(value));
}

function ownerHeader(owner: string, owners: readonly OwnerLabel[]): string {
  const name = owners.find((o) => o.id === owner)?.name;
  return name && name !== owner ? `${name} (${owner})` : owner;
}

export function buildByDayCsv(data: ByDayData, options: CsvOptions): string {
  const compare = options.mode === 'compare' && data.perOwner !== undefined;
  const header = compare
    ? [options.dateHeader, ...(data.perOwner ?? []).map((p) => ownerHeader(p.owner, options.owners))]
    : [options.dateHeader, ...METRIC_KEYS.map((key) => `${metricLabel(key, options.lang)} (${key})`)];
  header.push(NOTE_HEADER);
  const missing = new Set(data.missingDays);
  const rows = data.days.map((day, i) => {
    const cells: (string | number | null)[] = [day];
    if (compare) {
      for (const owner of data.perOwner ?? []) {
        cells.push(valueOf(owner.series[i], options.metric));
      }
    } else {
      const stats = data.total[i];
      cells.push(...METRIC_KEYS.map((key) => valueOf(stats, key)));
    }
    const note = missing.has(day)
      ? options.notes.missing
      : data.total[i] === null
        ? options.notes.unavailable
        : '';
    cells.push(note);
    return cells;
  });
  // A BOM so spreadsheet programs read UTF-8 (Chinese names) correctly; CRLF per RFC 4180.
  return '\uFEFF' + toCsv([header, ...rows].map((cells) => cells.map(cellText)));
}

function valueOf(stats: GroupChatStats | null | undefined, key: MetricKey): number | null {
  return stats ? stats[key] : null;
}
