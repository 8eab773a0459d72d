/**
 * An opened history store shared by every reader and writer of the window, which may be replaced
 * (a new password, a new setting) while some of them are using it. A replaced store is closed
 * only once the calls running on it have settled: a load or a backfill under way finishes on the
 * store it started with, and their next call goes to the new one. Plain TypeScript (no vscode).
 */
import type { HistoryStore } from '../../store/types';

export class StoreLease {
  private running = 0;
  private retired = false;
  private closing: Promise<void> | undefined;

  constructor(
    /** Where it lives (the setting's value, or the embedded file's path). */
    readonly location: string,
    /** A digest of the password it was opened with ('' without one): tells a real change apart. */
    readonly passwordDigest: Promise<string>,
    readonly store: Promise<HistoryStore>,
    private readonly onCloseError: (err: unknown) => void,
  ) {}

  /** Runs `work` on the store, keeping it open until `work` settles. */
  async use<T>(work: (store: HistoryStore) => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await work(await this.store);
    } finally {
      this.running--;
      this.closeIfDone();
    }
  }

  /** Streams on the store, keeping it open until the stream ends or is abandoned. */
  async *stream<T>(work: (store: HistoryStore) => AsyncIterable<T>): AsyncIterable<T> {
    this.running++;
    try {
      yield* work(await this.store);
    } finally {
      this.running--;
      this.closeIfDone();
    }
  }

  /** No new work comes here any more: closes now, or when the running calls have settled. */
  retire(): Promise<void> {
    this.retired = true;
    this.closeIfDone();
    return this.closing ?? Promise.resolve();
  }

  /** Calls running on the store now. */
  get busy(): number {
    return this.running;
  }

  private closeIfDone(): void {
    if (!this.retired || this.running > 0 || this.closing) {
      return;
    }
    this.closing = this.store
      .then(
        (store) => store.close(),
        () => undefined,
      )
      .catch((err: unknown) => this.onCloseError(err));
  }
}

/**
 * The store as callers see it: every call goes to the lease current at call time (opened on
 * demand), so a caller that keeps this object across a replacement reaches the new store.
 */
export function leasedStore(engine: HistoryStore['engine'], current: () => StoreLease): HistoryStore {
  return {
    engine,
    putAtoms: (scope, atoms) => current().use((s) => s.putAtoms(scope, atoms)),
    getAtoms: (scope, query) => current().use((s) => s.getAtoms(scope, query)),
    getFigures: (scope, query) => current().use((s) => s.getFigures(scope, query)),
    sumByDay: (scope, query) => current().use((s) => s.sumByDay(scope, query)),
    sumByRuns: (scope, query) => current().use((s) => s.sumByRuns(scope, query)),
    sumByOwner: (scope, query) => current().use((s) => s.sumByOwner(scope, query)),
    lastPresent: (scope, query) => current().use((s) => s.lastPresent(scope, query)),
    revisionsIn: (scope, query) => current().use((s) => s.revisionsIn(scope, query)),
    coverage: (scope, query) => current().use((s) => s.coverage(scope, query)),
    owners: (scope) => current().use((s) => s.owners(scope)),
    days: (scope) => current().use((s) => s.days(scope)),
    exportAll: (scope) => current().stream((s) => s.exportAll(scope)),
    importRows: (rows) => current().use((s) => s.importRows(rows)),
    // The window's store is closed by its owner (HistoryService), never by one of its users.
    close: () => Promise.resolve(),
  };
}
