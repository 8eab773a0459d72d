/**
 * `HistoryStore` over either engine: the reads and the import/export, in SQL both dialects run.
 * The engines differ only in how they hold a transaction (see sqlite.ts and postgres.ts).
 */
import { METRIC_KEYS } from '../shared/metrics';
import { checkAtoms, figuresOf, FIGURES } from './rows';
import { exportRows, importRows } from './exchange';
import { readFigures } from './figures';
import { allOwnerDays, daySums, IN_SCOPE, lastPresent, OWNER_CHUNK, sumByOwner } from './aggregates';
import { putChecked, scopeId } from './put';
import { runsFromBlocks } from './runs';
import { migrate, SCHEMA_LOCK_KEY } from './schema';
import { chunks, num, placeholders, type Row, type SqlConn, type SqlEngine } from './sql';
import type {
  AtomInput,
  CoverageEntry,
  DaySum,
  ExportRow,
  FiguresQuery,
  HistoryStore,
  LastPresent,
  OwnerSum,
  OwnerSumQuery,
  OwnersQuery,
  PutResult,
  RangeQuery,
  Revision,
  RevisionOf,
  RunSum,
  RunsQuery,
  ScopeRef,
  StoreScope,
  StoredAtom,
  StoredFigures,
  StoredDays,
} from './types';

export class SqlHistoryStore implements HistoryStore {
  private constructor(private readonly db: SqlEngine) {}

  get engine(): 'sqlite' | 'postgres' {
    return this.db.dialect;
  }

  /** Opens a store over an engine, migrating its schema (to `schemaVersion`, tests only). */
  static async open(db: SqlEngine, schemaVersion?: number): Promise<SqlHistoryStore> {
    try {
      await db.write(SCHEMA_LOCK_KEY, (conn) => migrate(conn, schemaVersion));
    } catch (err) {
      await db.close();
      throw err;
    }
    return new SqlHistoryStore(db);
  }

  async putAtoms(scope: StoreScope, atoms: readonly AtomInput[]): Promise<PutResult> {
    checkAtoms(atoms);
    return this.db.write(scope.key, async (conn) => putChecked(conn, await scopeId(conn, scope), atoms));
  }

  async getAtoms(scope: ScopeRef, query: RangeQuery): Promise<StoredAtom[]> {
    return this.db.read(async (conn) => {
      const atoms = await this.byOwners(
        conn,
        scope,
        query,
        `day, owner, fetched_at, final, absent, ${FIGURES}`,
        'history_atoms',
      );
      const revisions = await this.byOwners(
        conn,
        scope,
        query,
        `day, owner, fetched_at, replaced_at, absent, ${FIGURES}`,
        'history_revisions',
      );
      const byKey = new Map<string, Revision[]>();
      for (const r of revisions) {
        const key = `${String(r.day)}\u0000${String(r.owner)}`;
        const list = byKey.get(key) ?? [];
        list.push({
          fetchedAt: num(r.fetched_at),
          replacedAt: num(r.replaced_at),
          absent: num(r.absent) !== 0,
          data: figuresOf(r),
        });
        byKey.set(key, list);
      }
      // Oldest first, as the contract says, whatever order the rows came in.
      for (const list of byKey.values()) {
        list.sort((a, b) => a.fetchedAt - b.fetchedAt);
      }
      return atoms.map((r) => ({
        day: String(r.day),
        owner: String(r.owner),
        fetchedAt: num(r.fetched_at),
        final: num(r.final) !== 0,
        absent: num(r.absent) !== 0,
        data: figuresOf(r),
        revisions: byKey.get(`${String(r.day)}\u0000${String(r.owner)}`) ?? [],
      }));
    });
  }

  getFigures(scope: ScopeRef, query: FiguresQuery): Promise<StoredFigures[]> {
    return this.db.read((conn) => readFigures(conn, scope, query));
  }

  async revisionsIn(scope: ScopeRef, query: RangeQuery): Promise<RevisionOf[]> {
    const rows = await this.db.read((conn) =>
      this.byOwners(
        conn,
        scope,
        query,
        `day, owner, fetched_at, replaced_at, absent, ${FIGURES}`,
        'history_revisions',
      ),
    );
    return rows
      .map((r) => ({
        day: String(r.day),
        owner: String(r.owner),
        fetchedAt: num(r.fetched_at),
        replacedAt: num(r.replaced_at),
        absent: num(r.absent) !== 0,
        data: figuresOf(r),
      }))
      .sort((a, b) => byText(a.day, b.day) || byText(a.owner, b.owner) || a.fetchedAt - b.fetchedAt);
  }

  async sumByDay(scope: ScopeRef, query: OwnersQuery): Promise<DaySum[]> {
    const owners = [...new Set(query.owners)];
    const sums = METRIC_KEYS.map((k) => `SUM(${k}) AS ${k}`).join(', ');
    // Every stored owner asked for: the totals kept at write time; a subset: its own atoms.
    const parts = await this.db.read(
      async (conn) =>
        (await allOwnerDays(conn, scope, { ...query, owners })) ??
        this.byOwners(
          conn,
          scope,
          { ...query, owners },
          `day, COUNT(*) AS stored, SUM(1 - absent) AS present, SUM(final) AS finals,
         MIN(fetched_at) AS earliest, ${sums}`,
          'history_atoms',
          'GROUP BY day',
        ),
    );
    return daySums(parts, query, owners.length);
  }

  async sumByRuns(scope: ScopeRef, query: RunsQuery): Promise<RunSum[]> {
    const owners = [...new Set(query.owners)];
    if (query.from > query.to) {
      return [];
    }
    return this.db.read(async (conn) => {
      // Every stored owner (or none) asked for: a run per day, from the totals as sumByDay reads
      // them; a subset: its block sums and a few days of its atoms.
      const totals = owners.length === 0 ? [] : await allOwnerDays(conn, scope, { ...query, owners });
      if (totals === undefined) {
        return runsFromBlocks(conn, scope, { ...query, owners });
      }
      return daySums(totals, query, owners.length).map((d) => ({
        from: d.day,
        to: d.day,
        data: d.data,
        last: d.data,
        complete: d.complete,
        final: d.final,
      }));
    });
  }

  sumByOwner(scope: ScopeRef, query: OwnerSumQuery): Promise<OwnerSum[]> {
    return this.db.read((conn) => sumByOwner(conn, scope, query));
  }

  lastPresent(scope: ScopeRef, query: RangeQuery): Promise<LastPresent[]> {
    return this.db.read((conn) => lastPresent(conn, scope, query));
  }

  async coverage(scope: ScopeRef, query: OwnersQuery): Promise<CoverageEntry[]> {
    const rows = await this.db.read((conn) =>
      this.byOwners(
        conn,
        scope,
        { ...query, owners: [...new Set(query.owners)] },
        'day, owner, final, absent, fetched_at',
        'history_atoms',
      ),
    );
    return rows.map((r) => ({
      day: String(r.day),
      owner: String(r.owner),
      final: num(r.final) !== 0,
      absent: num(r.absent) !== 0,
      fetchedAt: num(r.fetched_at),
    }));
  }

  async owners(scope: ScopeRef): Promise<string[]> {
    const rows = await this.db.read((conn) =>
      // Every owner has a 64-day block row per block it has atoms in (schema v3): a few rows per
      // owner instead of one per atom.
      conn.all(
        `SELECT DISTINCT owner FROM history_owner_blocks WHERE ${IN_SCOPE} AND span = 64 ORDER BY owner`,
        [scope.key],
      ),
    );
    return rows.map((r) => String(r.owner));
  }

  async days(scope: ScopeRef): Promise<StoredDays | undefined> {
    const rows = await this.db.read((conn) =>
      conn.all(
        // One totals row per day with atoms (schema v3), not a scan of every atom.
        `SELECT MIN(day) AS first, MAX(day) AS last, COUNT(*) AS n FROM history_day_totals WHERE ${IN_SCOPE}`,
        [scope.key],
      ),
    );
    const r = rows[0];
    return r.first === null || r.first === undefined
      ? undefined
      : { from: String(r.first), to: String(r.last), count: num(r.n) };
  }

  exportAll(scope?: ScopeRef): AsyncIterable<ExportRow> {
    return exportRows(this.db, scope);
  }

  importRows(rows: Iterable<ExportRow> | AsyncIterable<ExportRow>): Promise<PutResult> {
    return importRows(this.db, rows);
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  private async byOwners(
    conn: SqlConn,
    scope: ScopeRef,
    query: RangeQuery,
    columns: string,
    table: string,
    groupBy = '',
  ): Promise<Row[]> {
    const base = `SELECT ${columns} FROM ${table} WHERE ${IN_SCOPE} AND day >= $2 AND day <= $3`;
    const order = groupBy ? `${groupBy} ORDER BY day` : 'ORDER BY day, owner';
    if (query.owners === undefined) {
      return conn.all(`${base} ${order}`, [scope.key, query.from, query.to]);
    }
    let rows: Row[] = [];
    for (const part of chunks(query.owners, OWNER_CHUNK)) {
      const params = [scope.key, query.from, query.to, ...part];
      const found = await conn.all(`${base} AND owner IN (${placeholders(part.length, 3)}) ${order}`, params);
      // concat, not push(...found): a 30-day read of 5,000 owners is 150,000 rows, past the
      // argument limit of a call.
      rows = rows.length === 0 ? found : rows.concat(found);
    }
    if (query.owners.length > OWNER_CHUNK && !groupBy) {
      rows.sort((a, b) =>
        String(a.day) + '\u0000' + String(a.owner) < String(b.day) + '\u0000' + String(b.owner) ? -1 : 1,
      );
    }
    return rows;
  }
}

/** Code-unit order, as the databases compare TEXT keys (not the locale's). */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
