/**
 * The write path shared by both engines. Inside the engine's write lock it reads the stored
 * atoms of the batch, decides per atom (new, same value, changed), then writes in multi-row
 * statements. Deciding in code rather than in one clever upsert keeps the rule readable and the
 * same on both dialects; the lock is what makes it safe against a concurrent writer.
 */
import { chunks, num, valuesList, type Row, type SqlConn } from './sql';
import {
  ATOM_COLUMNS,
  ATOM_WIDTH,
  FIGURES,
  REVISION_COLUMNS,
  figureCells,
  figuresOf,
  isFinal,
  sameValue,
} from './rows';
import { countedRow, TotalsDelta } from './totals';
import type { AtomInput, ExportRow, PutResult, StoreScope } from './types';

/** Rows per statement: 14 values each stays far below SQLite's and PostgreSQL's parameter caps. */
const CHUNK = 500;

export async function scopeId(conn: SqlConn, scope: StoreScope): Promise<number> {
  await conn.run(
    `INSERT INTO history_scopes (scope_key, api_base_url, corp_id, app) VALUES ($1, $2, $3, $4)
     ON CONFLICT (scope_key) DO NOTHING`,
    [scope.key, scope.apiBaseUrl, scope.corpId, scope.app],
  );
  const rows = await conn.all('SELECT id FROM history_scopes WHERE scope_key = $1', [scope.key]);
  return num(rows[0].id);
}

interface Counts {
  inserted: number;
  revised: number;
  unchanged: number;
}

/** Upserts a checked batch of one scope; call inside `engine.write(scope.key, …)`. */
export async function putChecked(
  conn: SqlConn,
  sid: number,
  atoms: readonly AtomInput[],
): Promise<PutResult> {
  const counts: Counts = { inserted: 0, revised: 0, unchanged: 0 };
  const totals = new TotalsDelta();
  for (const part of chunks(atoms, CHUNK)) {
    await putChunk(conn, sid, part, counts, totals);
  }
  await totals.flush(conn, sid);
  return counts;
}

async function putChunk(
  conn: SqlConn,
  sid: number,
  atoms: readonly AtomInput[],
  counts: Counts,
  totals: TotalsDelta,
): Promise<void> {
  const keys = atoms.flatMap((a) => [a.day, a.owner]);
  const stored = await conn.all(
    `SELECT day, owner, fetched_at, final, absent, ${FIGURES} FROM history_atoms
     WHERE scope_id = $1 AND (day, owner) IN (VALUES ${valuesList(atoms.length, 2, 1)})`,
    [sid, ...keys],
  );
  const byKey = new Map<string, Row>(stored.map((r) => [`${String(r.day)}\u0000${String(r.owner)}`, r]));
  const upserts: unknown[][] = [];
  const revisions: unknown[][] = [];
  // Late values already kept as revisions (the same writer retrying) are not counted twice.
  const late: unknown[][] = [];
  for (const atom of atoms) {
    const old = byKey.get(`${atom.day}\u0000${atom.owner}`);
    const final = isFinal(atom.day, atom.fetchedAt);
    const cur = [sid, atom.day, atom.owner, atom.fetchedAt, final ? 1 : 0];
    const next = { absent: atom.absent === true, final, data: atom.data };
    if (!old) {
      counts.inserted++;
      upserts.push([...cur, atom.absent ? 1 : 0, ...figureCells(atom.data)]);
      totals.write(atom.day, atom.owner, atom.fetchedAt, next);
      continue;
    }
    const oldAt = num(old.fetched_at);
    const oldData = figuresOf(old);
    if (sameValue(oldData, atom.data)) {
      counts.unchanged++;
      if (atom.fetchedAt > oldAt) {
        upserts.push([...cur, atom.absent ? 1 : 0, ...figureCells(atom.data)]);
        totals.write(atom.day, atom.owner, atom.fetchedAt, next, countedRow(old, oldData), oldAt);
      }
      continue;
    }
    if (atom.fetchedAt >= oldAt) {
      counts.revised++;
      // The usual case: a later fetch replaces the stored value, which becomes a revision.
      revisions.push([
        sid,
        atom.day,
        atom.owner,
        oldAt,
        atom.fetchedAt,
        oldData ? 0 : 1,
        ...figureCells(oldData),
      ]);
      upserts.push([...cur, atom.absent ? 1 : 0, ...figureCells(atom.data)]);
      totals.write(atom.day, atom.owner, atom.fetchedAt, next, countedRow(old, oldData), oldAt);
    } else {
      // A writer that fetched earlier arrives late: its value is the older one, kept as a revision.
      late.push([
        sid,
        atom.day,
        atom.owner,
        atom.fetchedAt,
        oldAt,
        atom.absent ? 1 : 0,
        ...figureCells(atom.data),
      ]);
    }
  }
  if (upserts.length > 0) {
    const set = ['fetched_at', 'final', 'absent', ...FIGURES.split(', ')].map((c) => `${c} = excluded.${c}`);
    await conn.run(
      `INSERT INTO history_atoms (${ATOM_COLUMNS}) VALUES ${valuesList(upserts.length, ATOM_WIDTH)}
       ON CONFLICT (scope_id, day, owner) DO UPDATE SET ${set.join(', ')}`,
      upserts.flat(),
    );
  }
  await insertRevisions(conn, revisions);
  const added = await insertRevisions(conn, late);
  counts.revised += added;
  counts.unchanged += late.length - added;
}

/** Adds revisions that are not there yet; returns how many were new. */
export async function insertRevisions(conn: SqlConn, revisions: readonly unknown[][]): Promise<number> {
  let added = 0;
  for (const part of chunks(revisions, CHUNK)) {
    const rows = await conn.all(
      `INSERT INTO history_revisions (${REVISION_COLUMNS}) VALUES ${valuesList(part.length, ATOM_WIDTH)}
       ON CONFLICT (scope_id, day, owner, fetched_at) DO NOTHING RETURNING fetched_at`,
      part.flat(),
    );
    added += rows.length;
  }
  return added;
}

/** A revision row of an export as the values of `REVISION_COLUMNS`. */
export function revisionCells(sid: number, row: ExportRow): unknown[] {
  return [
    sid,
    row.day,
    row.owner,
    row.fetchedAt,
    row.replacedAt,
    row.absent ? 1 : 0,
    ...figureCells(row.data),
  ];
}
