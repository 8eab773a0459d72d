/**
 * The CSV the Export CSV action saves, exactly as the chart shows it: one row per CST day
 * (`YYYY-MM-DD`), ISO week or month (`period`, `from`, `to`), then one column per figure (sum) or
 * one column per owner for the chosen figure (compare), each with its 7-day average when that is
 * shown, then a `note` column (a provisional day, an incomplete week or month).
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
import type { Granularity, SeriesMode } from '../../shared/chartState';
import { movingAverageValues, shownFigures, type ShownPeriod } from '../../analysis/chartPeriods';

export interface CsvOptions {
  readonly metric: MetricKey;
  readonly mode: SeriesMode;
  /** Rows are days, ISO weeks or months, as the chart shows them. */
  readonly granularity: Granularity;
  /** A 7-day average column after each figure column of the chosen figure (days only). */
  readonly movingAverage: boolean;
  readonly lang: UiLanguage;
  /** Display names for owner columns; ids without an entry are written as they are. */
  readonly owners: readonly OwnerLabel[];
  /** Header of the date column. */
  readonly dateHeader: string;
  /** Added to a column's header for its 7-day average ("7-day average"). */
  readonly averageHeader: string;
  /** Notes of a row that is not whole, in the UI language. */
  readonly notes: {
    /** WeCom did not report the day for every owner (`ByDayData.missingDays`). */
    readonly missing: string;
    /** No figures for another reason (older than WeCom keeps, not cached). */
    readonly unavailable: string;
    /** A day's figures may still change (fetched before 10:00 CST the next day). */
    readonly provisional: string;
    /** A week or month lacks a day (missing, provisional, outside the range). */
    readonly incomplete: string;
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
  const { metric, granularity } = options;
  const compare = options.mode === 'compare' && data.perOwner !== undefined;
  const shown = shownFigures(data, granularity, compare);
  const average = options.movingAverage && granularity === 'day';
  const byDay = granularity === 'day';
  const metricHeader = (key: MetricKey): string => `${metricLabel(key, options.lang)} (${key})`;
  const averageOf = (header: string): string => `${header} ${options.averageHeader}`;
  // Each shown line: its header, its values per row, and its daily series (for the average).
  const lines = compare
    ? (shown.perOwner ?? []).map((p, i) => ({
        header: ownerHeader(p.owner, options.owners),
        values: p.values,
        days: data.perOwner?.[i]?.series ?? [],
      }))
    : [];
  const header = [byDay ? options.dateHeader : 'period', ...(byDay ? [] : ['from', 'to'])];
  if (compare) {
    header.push(...lines.flatMap((l) => (average ? [l.header, averageOf(l.header)] : [l.header])));
  } else {
    header.push(...METRIC_KEYS.map(metricHeader), ...(average ? [averageOf(metricHeader(metric))] : []));
  }
  header.push(NOTE_HEADER);
  const averages = average
    ? (compare ? lines.map((l) => l.days) : [data.total]).map((days) =>
        movingAverageValues(data, days, metric),
      )
    : [];
  const missing = new Set(data.missingDays);
  const rows = shown.periods.map((period, i) => {
    const cells: (string | number | null)[] = [period.id, ...(byDay ? [] : [period.from, period.to])];
    if (compare) {
      lines.forEach((line, l) =>
        cells.push(valueOf(line.values[i], metric), ...(average ? [averages[l][i]] : [])),
      );
    } else {
      cells.push(
        ...METRIC_KEYS.map((key) => valueOf(shown.total[i], key)),
        ...(average ? [averages[0][i]] : []),
      );
    }
    cells.push(rowNote(period, shown.total[i] !== null, missing, options.notes, byDay));
    return cells;
  });
  // A BOM so spreadsheet programs read UTF-8 (Chinese names) correctly; CRLF per RFC 4180.
  return '\uFEFF' + toCsv([header, ...rows].map((cells) => cells.map(cellText)));
}

/** Why a row is not whole, or '' when it is. */
function rowNote(
  period: ShownPeriod,
  hasFigures: boolean,
  missing: ReadonlySet<string>,
  notes: CsvOptions['notes'],
  byDay: boolean,
): string {
  if (period.complete) {
    return '';
  }
  if (!byDay) {
    return notes.incomplete;
  }
  return missing.has(period.from) ? notes.missing : hasFigures ? notes.provisional : notes.unavailable;
}

function valueOf(stats: GroupChatStats | null | undefined, key: MetricKey): number | null {
  return stats ? stats[key] : null;
}
