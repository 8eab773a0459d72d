/**
 * `getFigures`, the heatmap's read: chosen figures of many atoms. Reading one row per atom out of
 * the embedded engine costs a WebAssembly call or two per cell (about 2 µs an atom, most of the
 * heatmap's read), so the database packs each owner's atoms into one text instead, which is
 * unpacked here: 500 rows for 500 owners × 180 days, not 90,000. Grouping by owner keeps the
 * owner a column of its own (no separator can collide with an owner's name: the text holds only
 * days and digits), and `ORDER BY owner` the order the engine sorts owners in, as before.
 */
import { emptyStats, METRIC_KEYS, type GroupChatStats, type MetricKey } from '../shared/metrics';
import { coversStored, IN_SCOPE, OWNER_CHUNK } from './aggregates';
import { chunks, placeholders, type Row, type SqlConn } from './sql';
import type { FiguresQuery, ScopeRef, StoredFigures } from './types';

/** `,` between atoms, `:` before each figure: neither occurs in a day or a number. */
const ATOM_SEP = 44;
const FIGURE_SEP = 58;
/** A day is `YYYY-MM-DD` (checked on write). */
const DAY_LENGTH = 10;

/**
 * One atom as text in both dialects: its day, a digit `final + 2 * absent`, then `:figure` for
 * each metric; no figures when absent (NULL figures make the concatenation NULL).
 */
function packedAtom(metrics: readonly MetricKey[]): string {
  const figures = metrics.map((k) => `':' || ${k}`).join(' || ');
  return `day || (final + 2 * absent) || COALESCE(${figures}, '')`;
}

export async function readFigures(
  conn: SqlConn,
  scope: ScopeRef,
  query: FiguresQuery,
): Promise<StoredFigures[]> {
  // Only known figure names reach the SQL (they are column names, not parameters).
  const metrics = METRIC_KEYS.filter((k) => query.metrics.includes(k));
  if (metrics.length === 0) {
    throw new Error('getFigures needs at least one figure');
  }
  // string_agg in both (SQLite has it since 3.44); the order inside a text does not matter, each
  // atom carries its day.
  const base = `SELECT owner, string_agg(${packedAtom(metrics)}, ',') AS packed FROM history_atoms
    WHERE ${IN_SCOPE} AND day >= $2 AND day <= $3`;
  const range = [scope.key, query.from, query.to];
  const all = (): Promise<Row[]> => conn.all(`${base} GROUP BY owner ORDER BY owner`, range);
  if (query.owners === undefined) {
    return unpack(await all(), metrics);
  }
  const wanted = new Set(query.owners);
  const owners = [...wanted];
  // Every stored owner asked for (the heatmap of a whole scope): no `owner IN (…)`, which SQLite
  // checks on every atom it scans (a quarter of the read); the rows are per owner, so keeping
  // only the owners asked is exact, even of an owner stored between the two statements.
  if (owners.length > 0 && (await coversStored(conn, scope, query, wanted))) {
    return unpack(
      (await all()).filter((r) => wanted.has(String(r.owner))),
      metrics,
    );
  }
  let rows: Row[] = [];
  for (const part of chunks(owners, OWNER_CHUNK)) {
    const filter = `AND owner IN (${placeholders(part.length, range.length)})`;
    const found = await conn.all(`${base} ${filter} GROUP BY owner ORDER BY owner`, [...range, ...part]);
    rows = rows.length === 0 ? found : rows.concat(found);
  }
  if (owners.length > OWNER_CHUNK) {
    // Chunks each in order; across them, code-unit order (as the row read sorted them).
    rows.sort((a, b) => (String(a.owner) < String(b.owner) ? -1 : 1));
  }
  return unpack(rows, metrics);
}

/** The atoms of per-owner packed rows (in owner order), ordered by day then owner. */
function unpack(rows: readonly Row[], metrics: readonly MetricKey[]): StoredFigures[] {
  // Each day's atoms in a list of its own, filled owner by owner: each list is in owner order.
  const byDay = new Map<string, StoredFigures[]>();
  let count = 0;
  for (const row of rows) {
    const owner = String(row.owner);
    const text = String(row.packed);
    const end = text.length;
    let i = 0;
    while (i < end) {
      const day = text.slice(i, i + DAY_LENGTH);
      const flags = text.charCodeAt(i + DAY_LENGTH) - 48;
      i += DAY_LENGTH + 1;
      const absent = (flags & 2) !== 0;
      let data: GroupChatStats | undefined;
      if (!absent) {
        data = emptyStats();
        for (const key of metrics) {
          if (text.charCodeAt(i) !== FIGURE_SEP) {
            throw new TypeError(`not a number from the store: ${key} of ${owner} on ${day}`);
          }
          let value = 0;
          let c: number;
          while (++i < end && (c = text.charCodeAt(i)) !== FIGURE_SEP && c !== ATOM_SEP) {
            value = value * 10 + (c - 48);
          }
          data[key] = value;
        }
      }
      i++; // past the `,`
      let list = byDay.get(day);
      if (list === undefined) {
        list = [];
        byDay.set(day, list);
      }
      list.push({ day, owner, final: (flags & 1) !== 0, absent, data });
      count++;
    }
  }
  const days = [...byDay.keys()].sort();
  const out: StoredFigures[] = new Array(count);
  let k = 0;
  for (const day of days) {
    for (const atom of byDay.get(day) as StoredFigures[]) {
      out[k++] = atom;
    }
  }
  return out;
}
