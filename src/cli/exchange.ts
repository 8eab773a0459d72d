/**
 * `history export` / `history import`: the whole store as a tidy long table, one line per owner
 * and day (plus one per revision, `replaced_at` set), in JSON lines or CSV. Flat columns, ISO
 * times and the scope spelled out, so BI tools read it as it is and an import rebuilds the store
 * elsewhere. Reading is streamed: a store of millions of atoms never sits in memory as text.
 */
import * as fs from 'node:fs';
import * as readline from 'node:readline';
import { defuseFormula, toCsv } from '../shared/csv';
import { tryParseCstDay } from '../shared/days';
import { METRIC_KEYS, type GroupChatStats } from '../shared/metrics';
import type { ExportRow } from '../store/types';
import { UsageError } from './usage';

const TEXT_COLUMNS = ['scope_key', 'api_base_url', 'corp_id', 'app', 'date', 'owner'] as const;
export const EXPORT_COLUMNS = [
  ...TEXT_COLUMNS,
  'fetched_at',
  'final',
  'absent',
  ...METRIC_KEYS,
  'replaced_at',
] as const;

type Flat = Record<(typeof EXPORT_COLUMNS)[number], string | number | boolean | null>;

function flatten(row: ExportRow): Flat {
  const flat = {
    scope_key: row.scopeKey,
    api_base_url: row.apiBaseUrl,
    corp_id: row.corpId,
    app: row.app,
    date: row.day,
    owner: row.owner,
    fetched_at: new Date(row.fetchedAt).toISOString(),
    final: row.final,
    absent: row.absent,
    replaced_at: row.replacedAt === undefined ? null : new Date(row.replacedAt).toISOString(),
  } as Flat;
  for (const key of METRIC_KEYS) {
    flat[key] = row.absent || !row.data ? null : row.data[key];
  }
  return flat;
}

/** Writes every row through `out` in pages (one CSV header first). */
export async function writeExport(
  rows: AsyncIterable<ExportRow>,
  format: 'jsonl' | 'csv',
  out: (text: string) => void,
): Promise<number> {
  let count = 0;
  let page: string[] = [];
  const flush = (): void => {
    if (page.length > 0) {
      out(page.join(''));
      page = [];
    }
  };
  if (format === 'csv') {
    out(toCsv([[...EXPORT_COLUMNS]]));
  }
  for await (const row of rows) {
    const flat = flatten(row);
    page.push(
      format === 'jsonl'
        ? `${JSON.stringify(flat)}\n`
        : toCsv([
            EXPORT_COLUMNS.map((col) => {
              const value = flat[col];
              const text = value === null ? '' : String(value);
              // Text a spreadsheet could run as a formula gets its leading '; import takes it off.
              return (TEXT_COLUMNS as readonly string[]).includes(col) ? defuseFormula(text) : text;
            }),
          ]),
    );
    count++;
    if (page.length >= 1000) {
      flush();
    }
  }
  flush();
  return count;
}

/** The rows of an exported file, checked line by line; a bad line is a UsageError naming it. */
export async function* readExport(file: string): AsyncGenerator<ExportRow> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let format: 'jsonl' | 'csv' | undefined;
  let header: string[] = [];
  const csv = new CsvRecords();
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (format === undefined) {
      if (line.trim() === '') {
        continue;
      }
      format = line.trimStart().startsWith('{') ? 'jsonl' : 'csv';
      if (format === 'csv') {
        header = csv.push(line.replace(/^\uFEFF/, '')) ?? [];
        if (EXPORT_COLUMNS.some((col) => !header.includes(col))) {
          throw new UsageError(`${file}: not an export of wecom-stats (the CSV header lacks some columns)`);
        }
        continue;
      }
    }
    if (format === 'jsonl') {
      if (line.trim() === '') {
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new UsageError(`${file} line ${lineNo}: not JSON`);
      }
      yield toRow(value as Record<string, unknown>, `${file} line ${lineNo}`);
    } else {
      const record = csv.push(line);
      if (record === undefined || (record.length === 1 && record[0] === '')) {
        continue;
      }
      const fields: Record<string, unknown> = {};
      header.forEach((col, i) => {
        const text = record[i] ?? '';
        fields[col] = (TEXT_COLUMNS as readonly string[]).includes(col) ? undefuse(text) : text;
      });
      yield toRow(fields, `${file} line ${lineNo}`);
    }
  }
  if (csv.pending) {
    throw new UsageError(`${file}: the last CSV record has an unclosed quote`);
  }
}

/** Takes off the ' that defuseFormula put before = + - @ tab CR. */
function undefuse(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

function toRow(v: Record<string, unknown>, where: string): ExportRow {
  const bad = (what: string): never => {
    throw new UsageError(`${where}: ${what}`);
  };
  const text = (col: string): string =>
    typeof v[col] === 'string' && v[col] !== '' ? (v[col] as string) : bad(`${col} missing`);
  const time = (col: string): number => {
    const ms = Date.parse(text(col));
    return Number.isFinite(ms) ? ms : bad(`${col} is not an ISO time`);
  };
  const flag = (col: string): boolean => {
    const value = v[col];
    return value === true || value === 'true'
      ? true
      : value === false || value === 'false'
        ? false
        : bad(`${col} must be true or false`);
  };
  const day = tryParseCstDay(text('date')) ?? bad('date is not YYYY-MM-DD');
  const absent = flag('absent');
  let data: GroupChatStats | undefined;
  if (!absent) {
    data = {} as GroupChatStats;
    for (const key of METRIC_KEYS) {
      const n = typeof v[key] === 'string' && /^\d+$/.test(v[key] as string) ? Number(v[key]) : v[key];
      data[key] =
        typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : bad(`${key} is not a count`);
    }
  }
  const replaced = v.replaced_at;
  return {
    scopeKey: text('scope_key'),
    apiBaseUrl: text('api_base_url'),
    corpId: text('corp_id'),
    app: text('app'),
    day,
    owner: text('owner'),
    fetchedAt: time('fetched_at'),
    final: flag('final'),
    absent,
    data,
    replacedAt:
      replaced === null || replaced === undefined || replaced === '' ? undefined : time('replaced_at'),
  };
}

/** RFC 4180 records from lines: a quoted field may span lines (an owner id with a line break). */
class CsvRecords {
  private fields: string[] = [];
  private field = '';
  private quoted = false;
  pending = false;

  /** The record completed by this line, or undefined while a quoted field is still open. */
  push(line: string): string[] | undefined {
    if (this.pending) {
      this.field += '\n';
    }
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (this.quoted) {
        if (c === '"' && line[i + 1] === '"') {
          this.field += '"';
          i++;
        } else if (c === '"') {
          this.quoted = false;
        } else {
          this.field += c;
        }
      } else if (c === '"') {
        this.quoted = true;
      } else if (c === ',') {
        this.fields.push(this.field);
        this.field = '';
      } else {
        this.field += c;
      }
    }
    this.pending = this.quoted;
    if (this.pending) {
      return undefined;
    }
    const record = [...this.fields, this.field];
    this.fields = [];
    this.field = '';
    return record;
  }
}
