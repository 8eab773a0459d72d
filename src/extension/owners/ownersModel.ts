/**
 * The owners view's state: loads yesterday's (CST) totals of every owner with one
 * `getOwnerTotals` call, keeps them sorted and filtered client-side, and fires `onDidChange`.
 * A load can be cancelled from the view's progress bar (the previous rows stay) and is
 * superseded when the connection changes.
 */
import * as vscode from 'vscode';
import { cstYesterday, isProvisional, type CstDay } from '../../shared/days';
import type { GroupChatStats } from '../../shared/metrics';
import type { Revision } from '../../store/types';
import { WeComError } from '../../wecom/errors';
import type { ConnectionManager, ConfiguredConnection } from '../connection';
import { setFilteredContext, setViewStateContext, type ViewState } from '../contextKeys';
import { Disposable } from '../dispose';
import type { OwnerDaySource } from '../history/ownerDaySource';
import type { RedactingLog } from '../log';
import { untilSettled } from '../idle';
import type { Notifier } from '../notifications';
import { buildRows, filterRows, sortRows, sumRows, type OwnerTreeRow, type SortOrder } from './ownerRows';

export const OWNERS_VIEW_ID = 'wecomGroupStats.owners';
const SORT_STATE_KEY = 'wecomGroupStats.ownersSort';

export interface LoadedOwners {
  readonly day: CstDay;
  readonly fetchedAt: number;
  readonly provisional: boolean;
  readonly mode: ConfiguredConnection['mode'];
  readonly connectionKey: string;
  /** Every owner, in the current sort order. */
  readonly sorted: readonly OwnerTreeRow[];
  /** Earlier values the store kept for the day, per owner that has any. */
  readonly revisions: ReadonlyMap<string, readonly Revision[]>;
}

export interface VisibleOwners {
  readonly rows: readonly OwnerTreeRow[];
  /** The sum over the rows WeCom returned. */
  readonly total: GroupChatStats;
  /** Rows WeCom did not return (no figures, not in `total`). */
  readonly absent: number;
}

export class OwnersModel extends Disposable {
  // 'loading' until the first reload settles, so a configured user never sees the welcome flash by.
  private _state: ViewState = 'loading';
  private _data: LoadedOwners | undefined;
  private _sort: SortOrder;
  private _filter = '';
  private _message: string | undefined;
  private visibleCache: VisibleOwners | undefined;
  private generation = 0;
  private inFlight: { key: string; controller: AbortController; promise: Promise<void> } | undefined;
  private latest: Promise<void> = Promise.resolve();
  /** False from the moment a reload is asked for until the newest one has settled. */
  private settled = true;

  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this._onDidChange.event;

  constructor(
    private readonly connections: ConnectionManager,
    private readonly notifier: Notifier,
    private readonly log: RedactingLog,
    private readonly memento: vscode.Memento,
    sort: SortOrder,
    /** The host's clock: decides which CST day is yesterday and whether it is provisional. */
    readonly now: () => number,
    /** Where a day's figures come from: the history store, synced as needed. */
    private readonly days: OwnerDaySource,
  ) {
    super();
    this._sort = sort;
    this._register(connections.onDidChange(() => void this.reload(false)));
    // Another sync (the chart, the daily one, a backfill) may have brought fresher figures.
    this._register(days.onDidSync(() => void this.reread()));
    this._register({ dispose: () => this.inFlight?.controller.abort() });
    setViewStateContext(this._state);
    setFilteredContext(false);
  }

  get state(): ViewState {
    return this._state;
  }
  get data(): LoadedOwners | undefined {
    return this._data;
  }
  get sort(): SortOrder {
    return this._sort;
  }
  get filter(): string {
    return this._filter;
  }
  /** A short explanation for the view (error, cancelled load, no match), or undefined. */
  get message(): string | undefined {
    return this._message;
  }

  /** The rows that pass the filter, in sort order, their sum, and how many WeCom did not return. */
  visible(): VisibleOwners {
    if (!this.visibleCache) {
      const rows = filterRows(this._data?.sorted ?? [], this._filter);
      const absent = rows.reduce((n, row) => (row.data ? n : n + 1), 0);
      this.visibleCache = { rows, total: sumRows(rows), absent };
    }
    return this.visibleCache;
  }

  /** Resolves when the newest load (and any it started) has settled. */
  whenIdle(): Promise<void> {
    return untilSettled(() => this.latest);
  }

  async setSort(sort: SortOrder): Promise<void> {
    this._sort = sort;
    await this.memento.update(SORT_STATE_KEY, sort);
    if (this._data) {
      this._data = { ...this._data, sorted: sortRows(this._data.sorted, sort) };
    }
    this.changed();
  }

  setFilter(filter: string): void {
    this._filter = filter.trim();
    setFilteredContext(this._filter !== '');
    this.changed();
  }

  /** Stops the running load, as the user asked; the previous rows stay. */
  cancelLoad(): void {
    this.inFlight?.controller.abort();
  }

  /**
   * Loads again when something relevant changed (or always, when `force`). `refresh` (default:
   * `force`) asks WeCom again for figures the store holds provisionally; without it a forced
   * load re-reads the store.
   */
  reload(force: boolean, refresh: boolean = force): Promise<void> {
    const generation = ++this.generation;
    const run = this.reloadNow(force, refresh, generation);
    this.latest = run;
    this.settled = false;
    const done = (): void => {
      if (this.latest === run) {
        this.settled = true;
      }
    };
    run.then(done, done);
    return run;
  }

  private async reloadNow(force: boolean, refresh: boolean, generation: number): Promise<void> {
    let connection: ConfiguredConnection | undefined;
    try {
      connection = await this.connections.currentConnection();
    } catch (err) {
      // SecretStorage can fail (e.g. no keyring): say so rather than leave the view loading.
      if (generation === this.generation) {
        this._message = this.notifier.failure(err, 'load').text;
        this.setState('error');
        this.changed();
      }
      return;
    }
    if (generation !== this.generation) {
      return;
    }
    if (!connection) {
      this.inFlight?.controller.abort();
      this.inFlight = undefined;
      this._data = undefined;
      this._message = undefined;
      this.setState('unconfigured');
      this.changed();
      return;
    }
    const day = cstYesterday(this.now());
    const data = this._data;
    if (
      !force &&
      data &&
      data.connectionKey === connection.key &&
      data.day === day &&
      this._state === 'ready'
    ) {
      // Same figures; only the display names may have changed.
      const renamed = buildRows(data.sorted, connection.ownerNames);
      this._data = { ...data, sorted: renamed };
      this.changed();
      return;
    }
    if (!force && this.inFlight?.key === connection.key) {
      // Two change events for one user action (secret stored, corp ID saved): one fetch.
      return this.inFlight.promise;
    }
    this.inFlight?.controller.abort();
    const controller = new AbortController();
    const promise = this.fetch(connection, day, controller, refresh);
    this.inFlight = { key: connection.key, controller, promise };
    await promise;
  }

  private async fetch(
    connection: ConfiguredConnection,
    day: CstDay,
    controller: AbortController,
    refresh: boolean,
  ): Promise<void> {
    this.setState('loading');
    this.changed();
    const startedTimer = Date.now(); // elapsed time only, whatever the clock says
    try {
      const totals = await vscode.window.withProgress(
        {
          location: { viewId: OWNERS_VIEW_ID },
          title: vscode.l10n.t('Loading group owners for {0}', day),
          cancellable: true,
        },
        (_progress, token) => {
          const subscription = token.onCancellationRequested(() => controller.abort());
          return this.days
            .ownerDay(connection, day, { signal: controller.signal, refresh })
            .finally(() => subscription.dispose());
        },
      );
      if (this.inFlight?.controller !== controller) {
        return; // superseded by a newer load: its result is what counts
      }
      const rows = sortRows(buildRows(totals.totals, connection.ownerNames), this._sort);
      this._data = {
        day,
        fetchedAt: totals.fetchedAt,
        provisional: isProvisional(day, totals.fetchedAt),
        mode: connection.mode,
        connectionKey: connection.key,
        sorted: rows,
        revisions: totals.revisions,
      };
      this._message = undefined;
      this.log.info(
        `Loaded ${rows.length} owners for ${day} (${connection.mode}) in ${Date.now() - startedTimer} ms` +
          ` (${totals.source === 'store' ? 'from the history store' : `${totals.calls} statistics calls, ${totals.source}`}).`,
      );
      this.setState('ready');
    } catch (err) {
      if (this.inFlight?.controller !== controller) {
        return; // superseded by a newer load: its result is what counts
      }
      if (controller.signal.aborted || (err instanceof WeComError && err.kind === 'aborted')) {
        this.log.info('Loading the group owners was cancelled; the previous rows stay.');
        this._message = this._data
          ? undefined
          : vscode.l10n.t('Loading was cancelled. Press Refresh to try again.');
        this.setState(this._data ? 'ready' : 'error');
      } else {
        if (this._data && this._data.connectionKey !== connection.key) {
          this._data = undefined; // rows of another corp would be misleading
        }
        const failure = this.notifier.failure(err, 'load');
        this._message = failure.text;
        this.setState('error');
      }
    } finally {
      if (this.inFlight?.controller === controller) {
        this.inFlight = undefined;
      }
      this.changed();
    }
  }

  /**
   * The day again from the store after another writer's sync: quietly (no spinner, no flicker of
   * rows), shown only when it changed, and never over a load under way, whose result counts. A
   * failure keeps the rows; the log says why.
   */
  private async reread(): Promise<void> {
    const data = this._data;
    if (!data || !this.settled || this._state !== 'ready') {
      return;
    }
    try {
      const connection = await this.connections.currentConnection();
      if (!connection || connection.key !== data.connectionKey) {
        return;
      }
      const result = await this.days.ownerDay(connection, data.day, {});
      const sorted = sortRows(buildRows(result.totals, connection.ownerNames), this._sort);
      const unchanged =
        result.fetchedAt === data.fetchedAt &&
        JSON.stringify(sorted) === JSON.stringify(data.sorted) &&
        JSON.stringify([...result.revisions]) === JSON.stringify([...data.revisions]);
      if (unchanged || this._data !== data || !this.settled) {
        return; // nothing new, or a load started meanwhile
      }
      this._data = {
        ...data,
        fetchedAt: result.fetchedAt,
        provisional: isProvisional(data.day, result.fetchedAt),
        sorted,
        revisions: result.revisions,
      };
      this.changed();
    } catch (err) {
      this.log.warn(`Owners view: re-reading ${data.day} after a sync failed: ${String(err)}`);
    }
  }

  private setState(state: ViewState): void {
    this._state = state;
    setViewStateContext(state);
  }

  private changed(): void {
    this.visibleCache = undefined;
    this._onDidChange.fire();
  }
}

export function readSortState(memento: vscode.Memento): unknown {
  return memento.get(SORT_STATE_KEY);
}
