/**
 * Reads that the database adds up, so a ranking over 5,000 owners x half a year returns one row
 * per owner instead of one per owner and day, and reads mostly the sums kept at write time
 * (totals.ts): per-owner block sums for a ranking, per-day totals for a roll-up of every owner;
 * and `sumByDay`'s days from per-day rows (those totals, or a subset's atoms summed by day).
 */
import { listDays, type DayRange } from '../shared/days';
import { METRIC_KEYS, emptyStats, type GroupChatStats, type MetricKey } from '../shared/metrics';
import { blockOf, decompose } from './blocks';
import { chunks, num, placeholders, type Row, type SqlConn } from './sql';
import type {
  DaySum,
  LastPresent,
  OwnerSum,
  OwnerSumQuery,
  OwnersQuery,
  RangeQuery,
  ScopeRef,
} from './types';

/** Owners per statement in `owner IN (…)`: well below both engines' parameter caps. */
export const OWNER_CHUNK = 5000;

/** The rows of one scope (joined by key, so a read never needs its id). */
export const IN_SCOPE = 'scope_id = (SELECT id FROM history_scopes WHERE scope_key = $1)';

export async function sumByOwner(conn: SqlConn, scope: ScopeRef, query: OwnerSumQuery): Promise<OwnerSum[]> {
  if (query.from > query.to) {
    return [];
  }
  const metrics = query.metrics ?? METRIC_KEYS;
  const picked = metrics.map((k) => `, ${k}`).join('');
  // Whole blocks come from the per-owner block sums (schema v3), the days at either end from the
  // atoms: a half-year reads a handful of rows per owner instead of 182.
  const { blocks, days } = decompose(query);
  const params = [scope.key, ...days.flatMap((range) => [range.from, range.to])];
  // SUM of an integer column is exact in both engines; COUNT and SUM come back as strings
  // through pg (int8 / numeric), hence `num`.
  const sums = metrics.map((k) => `, SUM(${k}) AS ${k}`).join('');
  const rows = await perOwnerChunk(conn, query, params, (owners) => {
    const branches = [
      ...days.map(
        (_, i) => `SELECT owner, 1 AS stored, 1 - absent AS present, final AS finals${picked}
          FROM history_atoms WHERE ${IN_SCOPE} AND day >= $${2 * i + 2} AND day <= $${2 * i + 3}${owners}`,
      ),
      ...blocks.map(
        (run) => `SELECT owner, stored, present, finals${picked} FROM history_owner_blocks
          WHERE ${IN_SCOPE} AND span = ${run.span} AND block >= ${run.from} AND block <= ${run.to}${owners}`,
      ),
    ];
    return `SELECT owner, SUM(stored) AS stored, SUM(present) AS present, SUM(finals) AS finals${sums}
      FROM (${branches.join(' UNION ALL ')}) parts GROUP BY owner`;
  });
  return rows.map((r) => {
    const figures: Partial<Record<MetricKey, number>> = {};
    for (const key of metrics) {
      // NULL when every atom of the owner is absent: nothing was added.
      figures[key] = r[key] === null || r[key] === undefined ? 0 : num(r[key]);
    }
    return {
      owner: String(r.owner),
      sums: figures,
      present: num(r.present),
      stored: num(r.stored),
      finals: num(r.finals),
    };
  });
}

/**
 * The per-day totals over every owner of the scope, shaped as `sumByDay`'s per-owner rows, when
 * `owners` holds every owner stored in the range (then the totals are exactly the set's sums);
 * undefined otherwise, so a subset is always summed from its own atoms. The totals are read
 * first: owners are never removed, so a set that covers them afterwards covered them then.
 */
export async function allOwnerDays(
  conn: SqlConn,
  scope: ScopeRef,
  query: OwnersQuery,
): Promise<Row[] | undefined> {
  if (query.owners.length === 0) {
    return undefined;
  }
  const range = [scope.key, query.from, query.to];
  const totals = await conn.all(
    `SELECT day, stored, present, finals, earliest, ${METRIC_KEYS.join(', ')} FROM history_day_totals
     WHERE ${IN_SCOPE} AND day >= $2 AND day <= $3 ORDER BY day`,
    range,
  );
  // Perhaps a few owners stored only near the range: then the atoms are read (slower, still exact).
  return (await coversStored(conn, scope, query, new Set(query.owners))) ? totals : undefined;
}

/**
 * Whether `wanted` holds every owner stored in `range`: the owners of the 64-day blocks that
 * meet it (a few rows per owner, kept at write time), which may be a few more than the range's.
 */
export async function coversStored(
  conn: SqlConn,
  scope: ScopeRef,
  range: DayRange,
  wanted: ReadonlySet<string>,
): Promise<boolean> {
  const stored = await conn.all(
    `SELECT DISTINCT owner FROM history_owner_blocks
     WHERE ${IN_SCOPE} AND span = 64 AND block >= $2 AND block <= $3`,
    [scope.key, blockOf(range.from, 64), blockOf(range.to, 64)],
  );
  return stored.every((r) => wanted.has(String(r.owner)));
}

export async function lastPresent(conn: SqlConn, scope: ScopeRef, query: RangeQuery): Promise<LastPresent[]> {
  const figures = METRIC_KEYS.map((k) => `a.${k} AS ${k}`).join(', ');
  // The latest present day per owner, then its row: a join both dialects run (SQLite's bare
  // columns beside MAX() would be shorter, but PostgreSQL refuses them).
  const rows = await perOwnerChunk(
    conn,
    query,
    [scope.key, query.from, query.to],
    (owners) =>
      `SELECT a.owner AS owner, a.day AS day, ${figures} FROM history_atoms a
      JOIN (SELECT scope_id, owner, MAX(day) AS day FROM history_atoms
            WHERE ${IN_SCOPE} AND day >= $2 AND day <= $3 AND absent = 0${owners}
            GROUP BY scope_id, owner) m
      ON a.scope_id = m.scope_id AND a.owner = m.owner AND a.day = m.day`,
  );
  return rows.map((r) => {
    const data = {} as GroupChatStats;
    for (const key of METRIC_KEYS) {
      data[key] = num(r[key]);
    }
    return { owner: String(r.owner), day: String(r.day), data };
  });
}

/**
 * Past this many owners, a per-owner statement reads every owner of the scope and drops the
 * others here: SQLite checks `owner IN (…5,000 values)` on every row it scans, which took three
 * times as long as the scan itself (2.2 s against 0.6 s for half a year of 5,000 owners). Rows
 * are per owner, so dropping them here is exact.
 */
const FILTER_IN_SQL_MAX = 200;

/**
 * Runs a per-owner statement for the owners asked for (all when none are named), its rows sorted
 * by owner. Each chunk of `IN (…)` holds distinct owners, so no two chunks' rows need merging.
 */
async function perOwnerChunk(
  conn: SqlConn,
  query: RangeQuery,
  base: readonly unknown[],
  statement: (ownerFilter: string) => string,
): Promise<Row[]> {
  let rows: Row[];
  if (query.owners === undefined) {
    rows = await conn.all(statement(''), base);
  } else if (query.owners.length > FILTER_IN_SQL_MAX) {
    const wanted = new Set(query.owners);
    rows = (await conn.all(statement(''), base)).filter((r) => wanted.has(String(r.owner)));
  } else {
    rows = [];
    for (const part of chunks([...new Set(query.owners)], OWNER_CHUNK)) {
      const filter = ` AND owner IN (${placeholders(part.length, base.length)})`;
      rows = rows.concat(await conn.all(statement(filter), [...base, ...part]));
    }
  }
  return rows.sort((a, b) =>
    String(a.owner) < String(b.owner) ? -1 : String(a.owner) > String(b.owner) ? 1 : 0,
  );
}

/** `sumByDay`'s days from per-day rows (several rows of a day, from owner chunks, are added up). */
export function daySums(parts: readonly Row[], range: DayRange, owners: number): DaySum[] {
  const byDay = new Map<
    string,
    { stored: number; present: number; finals: number; earliest: number; data: GroupChatStats }
  >();
  for (const r of parts) {
    const day = String(r.day);
    const acc = byDay.get(day) ?? {
      stored: 0,
      present: 0,
      finals: 0,
      earliest: Infinity,
      data: emptyStats(),
    };
    acc.stored += num(r.stored);
    acc.present += num(r.present);
    acc.finals += num(r.finals);
    acc.earliest = Math.min(acc.earliest, num(r.earliest));
    for (const key of METRIC_KEYS) {
      acc.data[key] += r[key] === null ? 0 : num(r[key]);
    }
    byDay.set(day, acc);
  }
  return listDays(range).map((day) => {
    const acc = byDay.get(day);
    if (!acc) {
      return {
        day,
        data: emptyStats(),
        present: 0,
        stored: 0,
        complete: owners === 0,
        final: false,
      };
    }
    const complete = acc.stored === owners;
    return {
      day,
      data: acc.data,
      present: acc.present,
      stored: acc.stored,
      complete,
      final: complete && acc.finals === acc.stored,
      earliestFetchedAt: acc.earliest,
    };
  });
}
