/**
 * The history store's contract: one owner's eight figures on one CST day (an "atom"), kept past
 * WeCom's 180 days. Two engines implement it (an embedded SQLite file and a PostgreSQL server);
 * `src/sync` writes atoms, the views and the CLI read them. Runs in plain Node: no `vscode`, no
 * HTTP. Days are `YYYY-MM-DD` CST strings and times are ms since the epoch, everywhere.
 */
import type { CstDay } from '../shared/days';
import type { GroupChatStats, MetricKey } from '../shared/metrics';

/**
 * Where atoms come from: (API base URL, corp ID, app identity). Atoms of two scopes never mix,
 * so a relay, the fake server and two apps of one corp each keep their own history.
 */
export interface StoreScope {
  /** Opaque and stable, derived by the caller from the three parts (with a hash of the secret). */
  readonly key: string;
  readonly apiBaseUrl: string;
  readonly corpId: string;
  /** A readable label of the app identity, e.g. a short hash of the secret. Never the secret. */
  readonly app: string;
}

/** Reads only need the key; a whole `StoreScope` fits too. */
export type ScopeRef = Pick<StoreScope, 'key'>;

/** One fetched atom as sync hands it over: figures, or absent (WeCom had no row for the owner). */
export type AtomInput = PresentAtomInput | AbsentAtomInput;

export interface PresentAtomInput {
  readonly day: CstDay;
  readonly owner: string;
  /** When the reply carrying it arrived (ms). Decides `final` (`finalAfterMs` in shared/days). */
  readonly fetchedAt: number;
  readonly data: GroupChatStats;
  readonly absent?: undefined;
}

export interface AbsentAtomInput {
  readonly day: CstDay;
  readonly owner: string;
  readonly fetchedAt: number;
  /** No figures: neither zero nor counted in any sum. */
  readonly absent: true;
  readonly data?: undefined;
}

/** An earlier value that a later fetch replaced with different figures (or presence). */
export interface Revision {
  /** When the replaced value was fetched. */
  readonly fetchedAt: number;
  /** When the fetch that replaced it arrived. */
  readonly replacedAt: number;
  /** The replaced figures; undefined when the owner was absent then. */
  readonly data?: GroupChatStats;
  readonly absent: boolean;
}

/** A revision with the (day, owner) whose earlier value it is. */
export interface RevisionOf extends Revision {
  readonly day: CstDay;
  readonly owner: string;
}

/** A stored atom with its history. `fetchedAt` is the latest fetch that returned this value. */
export interface StoredAtom {
  readonly day: CstDay;
  readonly owner: string;
  readonly fetchedAt: number;
  /** Fetched at or after 10:00 CST the day after `day`: WeCom will not change it any more. */
  readonly final: boolean;
  readonly absent: boolean;
  /** Undefined exactly when `absent`. */
  readonly data?: GroupChatStats;
  /** Oldest first. */
  readonly revisions: readonly Revision[];
}

export interface PutResult {
  /** Atoms the store did not have. */
  readonly inserted: number;
  /**
   * Atoms whose value changed (the old value is kept as a revision), or whose late, older value
   * was newly kept as a revision.
   */
  readonly revised: number;
  /** Atoms with the same value (only `fetchedAt`/`final` moved forward), or a revision already kept. */
  readonly unchanged: number;
}

export interface RangeQuery {
  readonly from: CstDay;
  readonly to: CstDay;
  /** Only these owners; all stored owners when absent. */
  readonly owners?: readonly string[];
}

export interface OwnersQuery {
  readonly from: CstDay;
  readonly to: CstDay;
  readonly owners: readonly string[];
}

/** One day of a sum over an owner set. */
export interface DaySum {
  readonly day: CstDay;
  /** Sum over the owners with figures that day (absent owners add nothing). */
  readonly data: GroupChatStats;
  /** Owners with figures. */
  readonly present: number;
  /** Owners with an atom, present or absent. */
  readonly stored: number;
  /** Every owner asked for has an atom that day: the sum is the set's figure. */
  readonly complete: boolean;
  /** Complete and every atom final. */
  readonly final: boolean;
  /** The oldest `fetchedAt` among the atoms (a sum is only as fresh as its oldest part). */
  readonly earliestFetchedAt?: number;
}

/** `sumByRuns`: a range, an owner set, and the days a run must start on. */
export interface RunsQuery extends OwnersQuery {
  /** Days of the range that start a run (a run never crosses one); `from` always does. */
  readonly cuts: readonly CstDay[];
}

/**
 * Consecutive days of a sum over an owner set. A run of more than one day is settled: every day
 * of it complete and final. A day that is not settled is a run of its own, as `sumByDay` says it.
 */
export interface RunSum {
  readonly from: CstDay;
  readonly to: CstDay;
  /** Summed over the run's days (absent owners add nothing); one day: that day's `DaySum.data`. */
  readonly data: GroupChatStats;
  /** The sum over the owners on the run's last day, `to` (its `DaySum.data`). */
  readonly last: GroupChatStats;
  /** Every day of the run complete (as `DaySum.complete`). */
  readonly complete: boolean;
  /** Every day of the run final (as `DaySum.final`). */
  readonly final: boolean;
}

export interface FiguresQuery extends RangeQuery {
  /** The figures to read (at least one). */
  readonly metrics: readonly MetricKey[];
}

/** An atom as `getFigures` reads it: only the asked figures are real, the others 0. */
export interface StoredFigures {
  readonly day: CstDay;
  readonly owner: string;
  readonly final: boolean;
  readonly absent: boolean;
  /** Undefined when absent. */
  readonly data?: GroupChatStats;
}

export interface OwnerSumQuery extends RangeQuery {
  /** The figures to sum; all eight when absent (only flows make sense summed over days). */
  readonly metrics?: readonly MetricKey[];
}

/** One owner's figures summed over the days of a range, as the database adds them up. */
export interface OwnerSum {
  readonly owner: string;
  /** Sums over the owner's present atoms; only the metrics asked for. */
  readonly sums: Partial<Record<MetricKey, number>>;
  /** Days with figures. */
  readonly present: number;
  /** Days with an atom, present or absent: equal to the range's length when nothing is missing. */
  readonly stored: number;
  /** Days whose atom is final. */
  readonly finals: number;
}

/** One owner's latest present day in a range, with its figures (an as-of figure's value). */
export interface LastPresent {
  readonly owner: string;
  readonly day: CstDay;
  readonly data: GroupChatStats;
}

/** One stored (day, owner): what the planner needs to see what is missing or provisional. */
export interface CoverageEntry {
  readonly day: CstDay;
  readonly owner: string;
  readonly final: boolean;
  readonly absent: boolean;
  readonly fetchedAt: number;
}

export interface StoredDays {
  /** The oldest stored day. */
  readonly from: CstDay;
  /** The newest stored day. */
  readonly to: CstDay;
  /** Distinct days with at least one atom. */
  readonly count: number;
}

/**
 * One line of an export: a current atom (no `replacedAt`) or a revision (`replacedAt` set), with
 * its scope spelled out, so a file holds everything needed to rebuild the store elsewhere.
 */
export interface ExportRow {
  readonly scopeKey: string;
  readonly apiBaseUrl: string;
  readonly corpId: string;
  readonly app: string;
  readonly day: CstDay;
  readonly owner: string;
  readonly fetchedAt: number;
  readonly final: boolean;
  readonly absent: boolean;
  readonly data?: GroupChatStats;
  readonly replacedAt?: number;
}

export interface HistoryStore {
  /** 'sqlite' (the embedded file) or 'postgres' (the team server). */
  readonly engine: 'sqlite' | 'postgres';

  /**
   * Writes a batch in one transaction: all of it lands or none does. Upsert by (scope, day,
   * owner). A value that differs from the stored one (figures or presence) keeps the older of
   * the two as a revision with both fetch times, and the later fetch becomes current, whatever
   * order two writers arrive in. The same value only moves `fetchedAt` (and `final`) forward.
   * `final` is computed here from `fetchedAt`. Rejects a bad day or an owner repeated in a day.
   */
  putAtoms(scope: StoreScope, atoms: readonly AtomInput[]): Promise<PutResult>;

  /** Atoms of the range with their revisions, ordered by day then owner. */
  getAtoms(scope: ScopeRef, query: RangeQuery): Promise<StoredAtom[]>;

  /**
   * The current atoms of the range with only `metrics` read (the other figures are 0), no
   * revisions, ordered by day then owner: for views of one or two figures over many owners and
   * days (a 500 × 180 heatmap), where reading every column of every atom is most of the time.
   */
  getFigures(scope: ScopeRef, query: FiguresQuery): Promise<StoredFigures[]>;

  /**
   * The revisions of the range among `owners` (every owner when absent), ordered by day, owner,
   * then fetch time: only the (day, owner) pairs a later fetch changed, without reading the rest.
   */
  revisionsIn(scope: ScopeRef, query: RangeQuery): Promise<RevisionOf[]>;

  /**
   * Every day of the range in order (days with no atoms too, with `stored: 0`): the sum over
   * `owners` of the present atoms, and whether it is complete and final. Fast (per-day totals kept
   * at write time) when `owners` holds every owner stored in and near the range; a subset is
   * summed from its atoms (about 1 s for 2,500 of 5,000 owners over a year, embedded).
   */
  sumByDay(scope: ScopeRef, query: OwnersQuery): Promise<DaySum[]>;

  /**
   * `sumByDay` folded into runs for a roll-up: every day of the range in exactly one run, in
   * order; a run never crosses a cut, and settled days between two cuts are one run (their sum
   * and the figures of its last day). A subset of the owners reads per-owner block sums and a few
   * days' atoms instead of every atom, so the sums equal `sumByDay`'s added up.
   */
  sumByRuns(scope: ScopeRef, query: RunsQuery): Promise<RunSum[]>;

  /**
   * Per owner with at least one atom in the range (sorted): its figures summed over the present
   * atoms, in the database, so a ranking never reads one row per day. Absent atoms add nothing.
   * Whole 8- and 64-day blocks come from per-owner sums kept at write time, for any owner set.
   */
  sumByOwner(scope: ScopeRef, query: OwnerSumQuery): Promise<OwnerSum[]>;

  /** Per owner with a present atom in the range (sorted): the latest such atom's day and figures. */
  lastPresent(scope: ScopeRef, query: RangeQuery): Promise<LastPresent[]>;

  /** The stored (day, owner) pairs of the range among `owners`, ordered by day then owner. */
  coverage(scope: ScopeRef, query: OwnersQuery): Promise<CoverageEntry[]>;

  /** Every owner with at least one atom in the scope, sorted. */
  owners(scope: ScopeRef): Promise<string[]>;

  /** The span of stored days in the scope; undefined when it has none. */
  days(scope: ScopeRef): Promise<StoredDays | undefined>;

  /**
   * Every atom and revision (of one scope, or all), streamed in pages: scope by scope (by key),
   * first its atoms by day and owner, then its revisions by day, owner and fetch time.
   */
  exportAll(scope?: ScopeRef): AsyncIterable<ExportRow>;

  /**
   * Loads exported rows: atoms merge as in `putAtoms`, revisions are added unless already there.
   * Importing the same rows twice changes nothing the second time.
   */
  importRows(rows: Iterable<ExportRow> | AsyncIterable<ExportRow>): Promise<PutResult>;

  /** Releases files or connections. The store is unusable afterwards. */
  close(): Promise<void>;
}

/** The store is held by another process for longer than the busy timeout. */
export class StoreBusyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreBusyError';
  }
}
