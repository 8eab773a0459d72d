/**
 * Export and import of the whole store in a tidy long form (one row per scope, day, owner and
 * fetch): backups, BI tools, and moving from the embedded file to a team server. Importing merges
 * like a sync would, so the same rows twice change nothing the second time.
 */
import { checkAtoms, figuresOf, FIGURES } from './rows';
import { insertRevisions, putChecked, revisionCells, scopeId } from './put';
import { num, type SqlEngine } from './sql';
import type { AtomInput, ExportRow, PutResult, ScopeRef, StoreScope } from './types';

/** Rows per page of an export and per batch of an import, so a large store streams. */
const PAGE = 2000;

/** Every atom, then every revision, of each scope (or of `scope`), in keyset-paged reads. */
export async function* exportRows(db: SqlEngine, scope?: ScopeRef): AsyncIterable<ExportRow> {
  const scopes = await db.read((conn) =>
    conn.all('SELECT id, scope_key, api_base_url, corp_id, app FROM history_scopes ORDER BY scope_key'),
  );
  for (const s of scopes.filter((row) => scope === undefined || row.scope_key === scope.key)) {
    const head = {
      scopeKey: String(s.scope_key),
      apiBaseUrl: String(s.api_base_url),
      corpId: String(s.corp_id),
      app: String(s.app),
    };
    for (const table of ['history_atoms', 'history_revisions'] as const) {
      const extra = table === 'history_atoms' ? 'final' : 'replaced_at';
      let after: [string, string, number] = ['', '', -1];
      for (;;) {
        // Keyset paging: each page starts after the last key of the one before.
        const page = await db.read((conn) =>
          conn.all(
            `SELECT day, owner, fetched_at, ${extra}, absent, ${FIGURES} FROM ${table}
             WHERE scope_id = $1 AND (day, owner, fetched_at) > ($2, $3, $4)
             ORDER BY day, owner, fetched_at LIMIT ${PAGE}`,
            [num(s.id), ...after],
          ),
        );
        for (const r of page) {
          const fetchedAt = num(r.fetched_at);
          const data = figuresOf(r);
          yield table === 'history_atoms'
            ? {
                ...head,
                day: String(r.day),
                owner: String(r.owner),
                fetchedAt,
                final: num(r.final) !== 0,
                absent: !data,
                data,
              }
            : {
                ...head,
                day: String(r.day),
                owner: String(r.owner),
                fetchedAt,
                final: false,
                absent: !data,
                data,
                replacedAt: num(r.replaced_at),
              };
        }
        if (page.length < PAGE) {
          break;
        }
        const last = page[page.length - 1];
        after = [String(last.day), String(last.owner), num(last.fetched_at)];
      }
    }
  }
}

/** Loads rows of `exportRows` in batches, each scope of a batch in one transaction. */
export async function importRows(
  db: SqlEngine,
  rows: Iterable<ExportRow> | AsyncIterable<ExportRow>,
): Promise<PutResult> {
  const total = { inserted: 0, revised: 0, unchanged: 0 };
  let batch: ExportRow[] = [];
  const flush = async (): Promise<void> => {
    for (const [, group] of groupByScope(batch)) {
      const counts = await importScope(db, group);
      total.inserted += counts.inserted;
      total.revised += counts.revised;
      total.unchanged += counts.unchanged;
    }
    batch = [];
  };
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= PAGE) {
      await flush();
    }
  }
  await flush();
  return total;
}

async function importScope(db: SqlEngine, rows: readonly ExportRow[]): Promise<PutResult> {
  const first = rows[0];
  const scope: StoreScope = {
    key: first.scopeKey,
    apiBaseUrl: first.apiBaseUrl,
    corpId: first.corpId,
    app: first.app,
  };
  const atoms: AtomInput[] = rows
    .filter((r) => r.replacedAt === undefined)
    .map((r) =>
      r.absent || !r.data
        ? { day: r.day, owner: r.owner, fetchedAt: r.fetchedAt, absent: true }
        : { day: r.day, owner: r.owner, fetchedAt: r.fetchedAt, data: r.data },
    );
  const revisions = rows.filter((r) => r.replacedAt !== undefined);
  checkAtoms(atoms);
  return db.write(scope.key, async (conn) => {
    const sid = await scopeId(conn, scope);
    const counts = await putChecked(conn, sid, atoms);
    const added = await insertRevisions(
      conn,
      revisions.map((r) => revisionCells(sid, r)),
    );
    return {
      inserted: counts.inserted,
      revised: counts.revised + added,
      unchanged: counts.unchanged + revisions.length - added,
    };
  });
}

/** `SELECT columns FROM table` for the scope, range and owners, ordered by day then owner. */

function groupByScope(rows: readonly ExportRow[]): Map<string, ExportRow[]> {
  const groups = new Map<string, ExportRow[]>();
  for (const row of rows) {
    const list = groups.get(row.scopeKey) ?? [];
    list.push(row);
    groups.set(row.scopeKey, list);
  }
  return groups;
}
