/**
 * The owners view's day, read through the history store (synced when the store lacks it or holds
 * it provisionally). When the store cannot be opened (a team server down, a bad setting), the
 * view still shows the day, fetched directly and not stored, and the log says why.
 */
import * as vscode from 'vscode';
import type { CstDay } from '../../shared/days';
import type { Revision } from '../../store/types';
import { ownerDayFromStore } from '../../sync/ownerDay';
import type { OwnerTotals } from '../../wecom/types';
import type { ConfiguredConnection } from '../connection';
import { Disposable } from '../dispose';
import type { RedactingLog } from '../log';
import { HistoryUnavailableError, type HistoryService } from './historyService';

export interface OwnerDay {
  readonly totals: readonly OwnerTotals[];
  readonly fetchedAt: number;
  readonly calls: number;
  /** Earlier values the store kept for the day, per owner that has any (none when 'direct'). */
  readonly revisions: ReadonlyMap<string, readonly Revision[]>;
  /** 'store': no call was needed; 'synced': fetched into the store; 'direct': the store was unavailable. */
  readonly source: 'store' | 'synced' | 'direct';
}

export interface OwnerDaySource {
  ownerDay(
    connection: ConfiguredConnection,
    day: CstDay,
    options: { readonly signal?: AbortSignal; readonly refresh?: boolean },
  ): Promise<OwnerDay>;
  /** Atoms were written by someone else in this window (chart, daily sync, backfill). */
  readonly onDidSync: vscode.Event<unknown>;
}

export class StoredOwnerDays extends Disposable implements OwnerDaySource {
  private readonly _onDidSync = this._register(new vscode.EventEmitter<unknown>());
  readonly onDidSync = this._onDidSync.event;

  constructor(
    private readonly history: HistoryService,
    private readonly log: RedactingLog,
    private readonly now: () => number,
  ) {
    super();
    // Its own writes are not news to its readers: they already have what was written.
    this._register(
      history.onDidSync((e) => {
        if (e.origin !== this) {
          this._onDidSync.fire(e);
        }
      }),
    );
  }

  async ownerDay(
    connection: ConfiguredConnection,
    day: CstDay,
    options: { readonly signal?: AbortSignal; readonly refresh?: boolean },
  ): Promise<OwnerDay> {
    const { client, storeScope } = connection;
    const owners = await this.history.ownersOf(connection, options.signal);
    let store;
    try {
      store = await this.history.store();
    } catch (err) {
      if (!(err instanceof HistoryUnavailableError)) {
        throw err;
      }
      this.log.warn(`Owners view: ${err.message} Showing ${day} without keeping it.`);
      const totals = await client.getOwnerTotals({ from: day, to: day, owners }, { signal: options.signal });
      return {
        totals,
        fetchedAt: this.now(),
        calls: Math.ceil(owners.length / 100),
        revisions: new Map(),
        source: 'direct',
      };
    }
    const result = await ownerDayFromStore(client, store, storeScope, owners, day, {
      signal: options.signal,
      refresh: options.refresh,
      now: this.now,
    });
    if (result.calls > 0) {
      void this.history.markSynced(storeScope, this);
    }
    return { ...result, source: result.calls > 0 ? 'synced' : 'store' };
  }
}
