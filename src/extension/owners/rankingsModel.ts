/**
 * The owners view's Rankings group, as data: the top and bottom owners for the tree's sort figure
 * over the 7 days up to the tree's day against the 7 days before, read from the history store
 * only. Follows the owners model (day, owners, sort) and the store's syncs (a backfill fills the
 * missing days); never fetches: missing days are named, and the view offers the backfill.
 */
import * as vscode from 'vscode';
import type { MetricKey } from '../../shared/metrics';
import { readOwnerRanking, type OwnerRanking } from '../../sync/ownerRanking';
import type { ConnectionManager } from '../connection';
import { Disposable } from '../dispose';
import type { HistoryService } from '../history/historyService';
import type { OwnerDaySource } from '../history/ownerDaySource';
import { untilSettled } from '../idle';
import type { RedactingLog } from '../log';
import type { OwnersModel } from './ownersModel';

export type RankingsState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly ranking: OwnerRanking }
  /** The store could not be read: the one-sentence reason. */
  | { readonly status: 'failed'; readonly message: string };

type ModelView = Pick<OwnersModel, 'data' | 'sort' | 'onDidChange' | 'state'>;

export class RankingsModel extends Disposable {
  private _state: RankingsState | undefined;
  private key: string | undefined;
  private latest: Promise<void> = Promise.resolve();

  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this._onDidChange.event;

  constructor(
    private readonly model: ModelView,
    private readonly connections: ConnectionManager,
    private readonly history: HistoryService,
    days: Pick<OwnerDaySource, 'onDidSync'>,
    private readonly log: RedactingLog,
  ) {
    super();
    this._register(model.onDidChange(() => this.follow(false)));
    // A backfill, the daily sync or a chart may have brought the missing days (or revised some).
    // Not the tree's own reads (nor the status bar's): re-rendering rows under the pointer for
    // those would only get in the user's way.
    this._register(days.onDidSync(() => this.follow(true)));
    this.follow(false);
  }

  /** Undefined until the owners view has rows to rank. */
  get state(): RankingsState | undefined {
    return this._state;
  }

  /** Resolves when the newest read has settled. */
  whenIdle(): Promise<void> {
    return untilSettled(() => this.latest);
  }

  private follow(force: boolean): void {
    const data = this.model.data;
    if (!data || data.sorted.length === 0) {
      if (this._state) {
        this.key = undefined;
        this._state = undefined;
        this._onDidChange.fire();
      }
      return;
    }
    const metric = this.model.sort.metric;
    const owners = data.sorted.map((row) => row.owner);
    const key = `${data.connectionKey}\n${data.day}\n${metric}\n${data.fetchedAt}\n${owners.join(',')}`;
    if (!force && key === this.key) {
      return;
    }
    this.key = key;
    if (this._state?.status !== 'ready') {
      // Not fired: the group already reads "reading the history…" until there is a state, and
      // one re-render less during a load is one less row moving under the pointer.
      this._state = { status: 'loading' };
    }
    this.latest = this.read(key, data.connectionKey, data.day, metric, owners);
  }

  private async read(
    key: string,
    connectionKey: string,
    day: string,
    metric: MetricKey,
    owners: readonly string[],
  ): Promise<void> {
    let state: RankingsState;
    try {
      const connection = await this.connections.currentConnection();
      if (!connection || connection.key !== connectionKey) {
        return; // the owners model follows the new connection; so will this, when it is loaded
      }
      const store = await this.history.store();
      const ranking = await readOwnerRanking(store, connection.storeScope, { metric, day, owners });
      state = { status: 'ready', ranking };
    } catch (err) {
      this.log.warn(`Rankings: reading the history store failed: ${String(err)}`);
      state = {
        status: 'failed',
        message: vscode.l10n.t(
          'The history could not be read: {0}',
          err instanceof Error ? err.message : String(err),
        ),
      };
    }
    // Fired only when something shows differently: an unchanged ranking re-renders nothing.
    if (key === this.key && !this.isDisposed && JSON.stringify(state) !== JSON.stringify(this._state)) {
      this._state = state;
      this._onDidChange.fire();
    }
  }
}
