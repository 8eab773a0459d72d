/**
 * An in-memory HistoryStore following src/store/types.ts, used until (and where) the real engines
 * are not available. It implements the contract's rules that sync relies on: upsert by (scope,
 * day, owner), revisions kept, `final` from `fetchedAt`.
 */
import { finalAfterMs, listDays } from '../../../src/shared/days';
import { METRIC_KEYS, addStats, emptyStats } from '../../../src/shared/metrics';
import type {
  AtomInput,
  CoverageEntry,
  DaySum,
  ExportRow,
  HistoryStore,
  OwnersQuery,
  PutResult,
  RangeQuery,
  Revision,
  ScopeRef,
  StoreScope,
  StoredAtom,
  StoredDays,
} from '../../../src/store/types';

interface Entry {
  scope: StoreScope;
  atom: StoredAtom;
}

const same = (a: StoredAtom, b: AtomInput): boolean =>
  a.absent === (b.absent === true) && METRIC_KEYS.every((k) => a.data?.[k] === b.data?.[k]);

export class MemoryStore implements HistoryStore {
  readonly engine = 'sqlite' as const;
  readonly entries = new Map<string, Entry>();
  puts = 0;

  async putAtoms(scope: StoreScope, atoms: readonly AtomInput[]): Promise<PutResult> {
    this.puts++;
    let inserted = 0;
    let revised = 0;
    let unchanged = 0;
    for (const a of atoms) {
      const key = `${scope.key}|${a.day}|${a.owner}`;
      const old = this.entries.get(key);
      const fresh = (revisions: readonly Revision[]): StoredAtom => ({
        day: a.day,
        owner: a.owner,
        fetchedAt: a.fetchedAt,
        final: a.fetchedAt >= finalAfterMs(a.day),
        absent: a.absent === true,
        data: a.data ? { ...a.data } : undefined,
        revisions,
      });
      if (!old) {
        inserted++;
        this.entries.set(key, { scope, atom: fresh([]) });
      } else if (same(old.atom, a)) {
        unchanged++;
        if (a.fetchedAt > old.atom.fetchedAt) {
          this.entries.set(key, { scope, atom: { ...fresh(old.atom.revisions) } });
        }
      } else {
        revised++;
        const rev: Revision = {
          fetchedAt: old.atom.fetchedAt,
          replacedAt: a.fetchedAt,
          data: old.atom.data,
          absent: old.atom.absent,
        };
        this.entries.set(key, { scope, atom: fresh([...old.atom.revisions, rev]) });
      }
    }
    return { inserted, revised, unchanged };
  }

  private inScope(scope: ScopeRef, q: RangeQuery): StoredAtom[] {
    const owners = q.owners && new Set(q.owners);
    return [...this.entries.values()]
      .filter((e) => e.scope.key === scope.key)
      .map((e) => e.atom)
      .filter((a) => a.day >= q.from && a.day <= q.to && (!owners || owners.has(a.owner)))
      .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.owner < b.owner ? -1 : 1));
  }

  async getAtoms(scope: ScopeRef, q: RangeQuery): Promise<StoredAtom[]> {
    return this.inScope(scope, q);
  }

  async sumByDay(scope: ScopeRef, q: OwnersQuery): Promise<DaySum[]> {
    const atoms = this.inScope(scope, q);
    return listDays(q).map((day) => {
      const of = atoms.filter((a) => a.day === day);
      const data = emptyStats();
      of.forEach((a) => a.data && addStats(data, a.data));
      const complete = of.length === new Set(q.owners).size;
      return {
        day,
        data,
        present: of.filter((a) => !a.absent).length,
        stored: of.length,
        complete,
        final: complete && of.every((a) => a.final),
        earliestFetchedAt: of.length ? Math.min(...of.map((a) => a.fetchedAt)) : undefined,
      };
    });
  }

  async coverage(scope: ScopeRef, q: OwnersQuery): Promise<CoverageEntry[]> {
    return this.inScope(scope, q).map(({ day, owner, final, absent, fetchedAt }) => ({
      day,
      owner,
      final,
      absent,
      fetchedAt,
    }));
  }

  async owners(scope: ScopeRef): Promise<string[]> {
    return [
      ...new Set(this.inScope(scope, { from: '0000-01-01', to: '9999-12-31' }).map((a) => a.owner)),
    ].sort();
  }

  async days(scope: ScopeRef): Promise<StoredDays | undefined> {
    const days = [
      ...new Set(this.inScope(scope, { from: '0000-01-01', to: '9999-12-31' }).map((a) => a.day)),
    ];
    days.sort();
    return days.length ? { from: days[0], to: days[days.length - 1], count: days.length } : undefined;
  }

  async *exportAll(scope?: ScopeRef): AsyncIterable<ExportRow> {
    for (const { scope: s, atom } of this.entries.values()) {
      if (scope && s.key !== scope.key) {
        continue;
      }
      const base = { scopeKey: s.key, apiBaseUrl: s.apiBaseUrl, corpId: s.corpId, app: s.app };
      for (const r of atom.revisions) {
        yield {
          ...base,
          day: atom.day,
          owner: atom.owner,
          ...r,
          final: r.fetchedAt >= finalAfterMs(atom.day),
        };
      }
      yield {
        ...base,
        day: atom.day,
        owner: atom.owner,
        fetchedAt: atom.fetchedAt,
        final: atom.final,
        absent: atom.absent,
        data: atom.data,
      };
    }
  }

  async importRows(rows: Iterable<ExportRow> | AsyncIterable<ExportRow>): Promise<PutResult> {
    const total = { inserted: 0, revised: 0, unchanged: 0 };
    for await (const row of rows) {
      if (row.replacedAt !== undefined) {
        continue;
      }
      const scope = { key: row.scopeKey, apiBaseUrl: row.apiBaseUrl, corpId: row.corpId, app: row.app };
      const input: AtomInput = row.absent
        ? { day: row.day, owner: row.owner, fetchedAt: row.fetchedAt, absent: true }
        : { day: row.day, owner: row.owner, fetchedAt: row.fetchedAt, data: row.data ?? emptyStats() };
      const r = await this.putAtoms(scope, [input]);
      total.inserted += r.inserted;
      total.revised += r.revised;
      total.unchanged += r.unchanged;
    }
    return total;
  }

  async close(): Promise<void> {}
}
