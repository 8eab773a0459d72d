/**
 * Keeping the history: the backfill of WeCom's last 180 days (its call count said first, in a
 * cancellable progress notification; a stopped or failed backfill keeps what it stored, and the
 * next one plans only the rest), the offer of it on first use with a corp, and the daily sync
 * after 10:00 CST that turns provisional days final while VS Code is open.
 */
import * as vscode from 'vscode';
import { isDailySyncDue, nextDailySyncAt } from '../../shared/dailySync';
import { cstToday, lastNDays, listDays, type CstDay } from '../../shared/days';
import type { HistoryStore } from '../../store/types';
import { planSync, runSync, type SyncResult } from '../../sync/sync';
import type { FetchPlan } from '../../sync/planner';
import { WeComError } from '../../wecom/errors';
import type { ConfiguredConnection, ConnectionManager } from '../connection';
import { Disposable } from '../dispose';
import type { RedactingLog } from '../log';
import type { Notifier } from '../notifications';
import type { OwnersModel } from '../owners/ownersModel';
import { readSettings } from '../settings';
import type { TestSeam } from '../testSeam';
import type { HistoryService } from './historyService';

export const BACKFILL_COMMAND = 'wecomGroupStats.backfillHistory';
export const SET_HISTORY_PASSWORD_COMMAND = 'wecomGroupStats.setHistoryPassword';
const BACKFILL_DAYS = 180;
/** Days the daily sync looks at: what the tree and the default chart show first. */
const DAILY_DAYS = 7;
const DAILY_KEY = 'wecomGroupStats.history.dailyRunDay';
const OFFERED_KEY = 'wecomGroupStats.history.backfillOffered';
/** A rough time per statistics call, for the estimate shown before a backfill. */
const SECONDS_PER_CALL = 0.3;

/** "2,232 calls, about 3 min at 4 in flight" (localized). */
export function describeBudget(calls: number, concurrency: number): string {
  const seconds = Math.ceil(calls / Math.max(1, concurrency)) * SECONDS_PER_CALL;
  const about =
    seconds < 60
      ? vscode.l10n.t('about {0} s', Math.max(1, Math.round(seconds)))
      : vscode.l10n.t('about {0} min', Math.round(seconds / 60));
  return vscode.l10n.t('{0} calls, {1} at {2} in flight', calls.toLocaleString('en-US'), about, concurrency);
}

export class HistorySync extends Disposable {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  /** The running backfill's stop switch (its notification's Cancel button pulls it). */
  private backfillController: AbortController | undefined;
  /** Offers and backfills under way, for `whenIdle`. */
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    private readonly connections: ConnectionManager,
    private readonly history: HistoryService,
    private readonly notifier: Notifier,
    private readonly log: RedactingLog,
    private readonly memento: vscode.Memento,
    private readonly now: () => number,
    /** Under tests: answers questions, records messages, switches the first-use offer. */
    private readonly seam?: TestSeam,
  ) {
    super();
    this._register(
      vscode.commands.registerCommand(BACKFILL_COMMAND, () => this.tracked(this.backfill(true))),
    );
    this._register(vscode.commands.registerCommand(SET_HISTORY_PASSWORD_COMMAND, () => this.askPassword()));
    this._register({ dispose: () => clearTimeout(this.timer) });
    // Not under tests: a sync that starts on its own after 10:00 CST changes what the store holds
    // under tests that count calls (they run the sync themselves where they test it).
    if (!this.seam) {
      this.schedule();
    }
  }

  /** Offers the backfill once per corp, the first time the owners view shows that corp's figures. */
  offerWhenReady(model: OwnersModel): vscode.Disposable {
    return model.onDidChange(() => {
      // Tests turn the offer on where they test it: elsewhere an unasked prompt gets in the way.
      const enabled = this.seam ? this.seam.backfillOfferEnabled : true;
      if (enabled && model.state === 'ready' && model.data?.mode === 'real') {
        void this.tracked(
          this.connections.currentConnection().then((c) => (c ? this.offerOnce(c) : undefined)),
        );
      }
    });
  }

  /** Resolves when no offer or backfill is under way. */
  async whenIdle(): Promise<void> {
    while (this.pending.size > 0) {
      await Promise.allSettled([...this.pending]);
    }
  }

  /** Stops the running backfill, as its notification's Cancel button does; what is stored stays. */
  cancel(): void {
    this.backfillController?.abort();
  }

  /** The calls a backfill of the last 180 days would make now (nothing is fetched). */
  async plannedCalls(): Promise<number> {
    const connection = await this.connections.currentConnection();
    if (!connection) {
      return 0;
    }
    return (await this.plan(connection, lastDays(BACKFILL_DAYS, this.now()))).plan.calls;
  }

  private tracked<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const done = (): void => void this.pending.delete(work);
    work.then(done, done);
    return work;
  }

  /** A question with buttons; under tests the answer a test queued, if any. */
  private async ask(text: string, ...buttons: string[]): Promise<string | undefined> {
    this.seam?.recordMessage({ severity: 'info', text, buttons });
    const queued = this.seam?.takeAnswer();
    return queued ? queued.button : vscode.window.showInformationMessage(text, ...buttons);
  }

  /** A plain notification (recorded under tests). */
  private tell(text: string): void {
    this.seam?.recordMessage({ severity: 'info', text, buttons: [] });
    void vscode.window.showInformationMessage(text);
  }

  /** Offers the backfill once per corp (scope), when its history is shorter than WeCom's window. */
  async offerOnce(connection: ConfiguredConnection): Promise<void> {
    const offered = this.memento.get<string[]>(OFFERED_KEY) ?? [];
    if (connection.mode !== 'real' || offered.includes(connection.storeScope.key) || this.running) {
      return;
    }
    const store = await this.history.store().catch(() => undefined);
    const span = await store?.days(connection.storeScope).catch(() => undefined);
    if (!store || (span && span.count >= BACKFILL_DAYS - 1)) {
      return;
    }
    await this.memento.update(OFFERED_KEY, [...offered, connection.storeScope.key]);
    await this.backfill(true);
  }

  /** Plans the last 180 days, says what it costs, and runs it when the user agrees (or `ask` is false). */
  async backfill(ask: boolean): Promise<SyncResult | undefined> {
    const connection = await this.connections.currentConnection();
    if (!connection) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Set up your corp (or turn on demo mode) before filling the history.'),
      );
      return undefined;
    }
    try {
      const { store, owners, plan } = await this.plan(connection, lastDays(BACKFILL_DAYS, this.now()));
      if (plan.calls === 0) {
        this.tell(
          vscode.l10n.t('The history already has the last {0} days for {1} owners.', BACKFILL_DAYS, owners),
        );
        return undefined;
      }
      const budget = describeBudget(plan.calls, readSettings().settings.concurrency);
      if (ask) {
        const go = vscode.l10n.t('Backfill');
        const choice = await this.ask(
          vscode.l10n.t(
            'Backfill {0} days for {1} owners: {2}. WeCom forgets days older than 180; the history keeps them.',
            plan.days,
            plan.owners.toLocaleString('en-US'),
            budget,
          ),
          go,
          vscode.l10n.t('Not now'),
        );
        if (choice !== go) {
          return undefined;
        }
      }
      return await this.runWithProgress(connection, store, plan);
    } catch (err) {
      this.notifier.failure(err, 'load');
      return undefined;
    }
  }

  private async askPassword(): Promise<void> {
    const password = await vscode.window.showInputBox({
      title: vscode.l10n.t('History Database Password'),
      prompt: vscode.l10n.t(
        'The password of the PostgreSQL user in wecomGroupStats.history.store. Kept in secret storage. Leave empty to remove it.',
      ),
      password: true,
      ignoreFocusOut: true,
    });
    if (password !== undefined) {
      await this.history.setPassword(password);
    }
  }

  /** The daily sync: the last week's missing or provisional days, once per CST day after 10:00. */
  async daily(): Promise<void> {
    const connection = await this.connections.currentConnection().catch(() => undefined);
    if (!connection || this.running) {
      return;
    }
    const today = cstToday(this.now());
    try {
      const { store, plan } = await this.plan(connection, lastDays(DAILY_DAYS, this.now()));
      if (plan.calls > 0) {
        const result = await this.track(
          runSync(connection.client, store, connection.storeScope, plan, { now: this.now }),
        );
        this.log.info(
          `Daily history sync: ${result.calls} calls, ${result.inserted} new, ${result.revised} revised atoms.`,
        );
        await this.history.markSynced(connection.storeScope);
      }
      await this.memento.update(DAILY_KEY, today);
    } catch (err) {
      // Tried again at the next schedule; the views show their own errors.
      this.log.warn(`Daily history sync failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const at = nextDailySyncAt(this.now(), this.memento.get<CstDay>(DAILY_KEY));
    // Checked at least hourly: a sleeping laptop or a moved clock must not skip a day.
    const wait = Math.min(Math.max(at - this.now(), 5_000), 3600_000);
    this.timer = setTimeout(() => {
      const due = isDailySyncDue(this.now(), this.memento.get<CstDay>(DAILY_KEY));
      void (due ? this.daily() : Promise.resolve()).finally(() => {
        if (!this.isDisposed) {
          this.schedule();
        }
      });
    }, wait);
  }

  private async plan(
    connection: ConfiguredConnection,
    days: readonly CstDay[],
  ): Promise<{ store: HistoryStore; owners: number; plan: FetchPlan }> {
    const store = await this.history.store();
    const owners = await this.history.ownersOf(connection);
    const plan = await planSync(store, connection.storeScope, { days, owners, nowMs: this.now() });
    return { store, owners: owners.length, plan };
  }

  private runWithProgress(
    connection: ConfiguredConnection,
    store: HistoryStore,
    plan: FetchPlan,
  ): Promise<SyncResult | undefined> {
    return Promise.resolve(
      vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: vscode.l10n.t('Filling the WeCom history'),
          cancellable: true,
        },
        async (progress, token) => {
          const controller = new AbortController();
          this.backfillController = controller;
          const subscription = token.onCancellationRequested(() => controller.abort());
          let reported = 0;
          try {
            const result = await this.track(
              runSync(connection.client, store, connection.storeScope, plan, {
                signal: controller.signal,
                now: this.now,
                onProgress: (p) => {
                  const share = (100 * p.done) / Math.max(1, p.total);
                  progress.report({
                    increment: share - reported,
                    message: vscode.l10n.t('{0} of {1} calls, {2} figures stored', p.done, p.total, p.stored),
                  });
                  reported = share;
                },
              }),
            );
            await this.history.markSynced(connection.storeScope);
            this.tell(
              vscode.l10n.t(
                'History filled: {0} owner-days stored ({1} revised) with {2} calls.',
                result.atoms.toLocaleString('en-US'),
                result.revised,
                result.calls,
              ),
            );
            return result;
          } catch (err) {
            await this.history.markSynced(connection.storeScope);
            if (controller.signal.aborted || (err instanceof WeComError && err.kind === 'aborted')) {
              this.tell(
                vscode.l10n.t('Backfill stopped. What was fetched is kept; run it again to fetch the rest.'),
              );
              return undefined;
            }
            throw err;
          } finally {
            subscription.dispose();
            if (this.backfillController === controller) {
              this.backfillController = undefined;
            }
          }
        },
      ),
    );
  }

  private async track<T>(work: Promise<T>): Promise<T> {
    this.running = work;
    try {
      return await work;
    } finally {
      this.running = undefined;
    }
  }
}

function lastDays(n: number, nowMs: number): CstDay[] {
  return listDays(lastNDays(n, nowMs));
}
