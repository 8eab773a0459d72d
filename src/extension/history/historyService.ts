/**
 * The history store as the host uses it: the embedded file in the extension's global storage by
 * default, or the team's PostgreSQL server named by `wecomGroupStats.history.store` (its password
 * from SecretStorage, never from settings). Opened on first use; the store's code (SQLite in
 * WebAssembly, the PostgreSQL driver) is its own chunk, off the activation path. Reopened when
 * the setting or the team database's password changes (not on other secret changes), and a
 * replaced store closes only after the calls running on it settle (see storeLease.ts). Also
 * remembers when each scope was last synced.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HistoryStore, StoreScope } from '../../store/types';
import type { ActiveConnection } from '../contracts';
import type { CredentialStore } from '../credentialStore';
import { Disposable } from '../dispose';
import type { RedactingLog } from '../log';
import { readSettings } from '../settings';
import { leasedStore, StoreLease } from './storeLease';

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

const SYNCED_AT_KEY = 'wecomGroupStats.history.syncedAt';
/** How long the follow-user list is reused: it changes rarely, and every chart of "all owners" needs it. */
const FOLLOW_USERS_TTL_MS = 10 * 60_000;

/** The store could not be opened: says where, never with a password. */
export class HistoryUnavailableError extends Error {
  constructor(
    readonly where: string,
    cause: unknown,
  ) {
    super(
      vscode.l10n.t(
        'The history store ({0}) could not be opened: {1}. Check the setting wecomGroupStats.history.store (and, for PostgreSQL, WeCom: Set History Database Password).',
        where,
        cause instanceof Error ? cause.message : String(cause),
      ),
    );
    this.name = 'HistoryUnavailableError';
  }
}

/** `postgres://user:pw@host/db?x` → `postgres://user@host/db`: what a message may show. */
export function describeStoreLocation(location: string): string {
  if (!POSTGRES_URL.test(location)) {
    return location;
  }
  try {
    const url = new URL(location);
    const user = url.username ? `${decodeURIComponent(url.username)}@` : '';
    return `${url.protocol}//${user}${url.host}${url.pathname}`;
  } catch {
    return 'postgres://…';
  }
}

/** Atoms of `scope` were written; `origin` is who wrote them, when the writer wants to know. */
export interface SyncEvent {
  readonly scope: StoreScope;
  readonly origin?: object;
}

export class HistoryService extends Disposable {
  private lease: StoreLease | undefined;
  private follow:
    { readonly key: string; readonly at: number; readonly owners: Promise<string[]> } | undefined;
  private readonly _onDidSync = this._register(new vscode.EventEmitter<SyncEvent>());
  /** Fires after atoms of a scope were written (the tree and status bar show the time). */
  readonly onDidSync = this._onDidSync.event;

  constructor(
    private readonly storageDir: string,
    private readonly credentials: CredentialStore,
    private readonly memento: vscode.Memento,
    private readonly log: RedactingLog,
    private readonly now: () => number,
  ) {
    super();
    // A new history password may make the team store reachable: open it again on next use.
    this._register(credentials.onDidChange(() => void this.secretsChanged()));
    this._register({ dispose: () => void this.retire() });
  }

  /** Where the history lives now: the setting, or the embedded file. */
  location(): string {
    return readSettings().settings.historyStore || path.join(this.storageDir, 'history.db');
  }

  /**
   * The store named by the settings now (opened on first use, reopened when that changed). Every
   * call on it goes to the store current at that moment, so keeping it across a change is safe.
   */
  async store(): Promise<HistoryStore> {
    const opened = await this.currentLease().store;
    return leasedStore(opened.engine, () => this.currentLease());
  }

  private currentLease(): StoreLease {
    const location = this.location();
    if (this.lease?.location !== location) {
      void this.retire();
      const password = POSTGRES_URL.test(location)
        ? this.credentials.getHistoryPassword()
        : Promise.resolve(undefined);
      const lease = new StoreLease(
        location,
        password.then(digest, () => ''),
        this.open(location, password),
        (err) => this.log.warn(`Closing the history store: ${String(err)}`),
      );
      this.lease = lease;
      lease.store.catch(() => {
        // Not cached: a fixed setting or a started server is tried again on the next use.
        if (this.lease === lease) {
          this.lease = undefined;
        }
      });
    }
    return this.lease;
  }

  /**
   * The follow-user list of a connection, reused for a while: "all owners" needs the list to know
   * which atoms make the sum, and a reopened chart over stored days should cost no call.
   */
  private followUsers(connectionKey: string, fetch: () => Promise<string[]>): Promise<string[]> {
    const at = this.now();
    const cached = this.follow;
    if (cached?.key === connectionKey && at - cached.at >= 0 && at - cached.at < FOLLOW_USERS_TTL_MS) {
      return cached.owners;
    }
    const owners = fetch();
    this.follow = { key: connectionKey, at, owners };
    owners.catch(() => {
      if (this.follow?.owners === owners) {
        this.follow = undefined;
      }
    });
    return owners;
  }

  /** Stores (or, when empty, removes) the team database's password; the store reopens with it. */
  setPassword(password: string): Promise<void> {
    return this.credentials.storeHistoryPassword(password);
  }

  /**
   * Whose figures a connection means: its `owners` setting, else the follow-user list (reused
   * for a while, see `followUsers`).
   */
  async ownersOf(connection: ActiveConnection, signal?: AbortSignal): Promise<readonly string[]> {
    return connection.owners?.length
      ? connection.owners
      : this.followUsers(connection.storeScope.key, () => connection.client.listFollowUsers({ signal }));
  }

  /** Records that atoms of `scope` were just written. */
  async markSynced(scope: StoreScope, origin?: object): Promise<void> {
    const all = this.memento.get<Record<string, number>>(SYNCED_AT_KEY) ?? {};
    await this.memento.update(SYNCED_AT_KEY, { ...all, [scope.key]: this.now() });
    this._onDidSync.fire({ scope, origin });
  }

  /** When atoms of `scope` were last written from this machine (ms), if ever. */
  syncedAt(scope: StoreScope): number | undefined {
    return this.memento.get<Record<string, number>>(SYNCED_AT_KEY)?.[scope.key];
  }

  private async open(location: string, passwordRead: Promise<string | undefined>): Promise<HistoryStore> {
    const where = describeStoreLocation(location);
    try {
      const { openHistoryStore } = await import(/* webpackChunkName: "history-store" */ '../../store/open');
      const password = await passwordRead;
      if (password) {
        this.log.addSecret(password);
      }
      const store = await openHistoryStore(location, { password, busyTimeoutMs: 10_000 });
      this.log.info(`History store: ${store.engine} at ${where}.`);
      return store;
    } catch (err) {
      this.log.warn(`History store at ${where} could not be opened: ${String(err)}`);
      throw new HistoryUnavailableError(where, err);
    }
  }

  /** A secret changed: reopen only when it was the team database's password that changed. */
  private async secretsChanged(): Promise<void> {
    this.follow = undefined;
    const lease = this.lease;
    if (!lease || !POSTGRES_URL.test(lease.location)) {
      return;
    }
    const [before, now] = await Promise.all([
      lease.passwordDigest,
      this.credentials.getHistoryPassword().then(digest, () => ''),
    ]);
    if (before !== now && this.lease === lease) {
      this.log.info('History store: the database password changed; reopening once running work is done.');
      await this.retire();
    }
  }

  /** Takes the current store out of use; it closes when the calls running on it have settled. */
  private retire(): Promise<void> {
    const lease = this.lease;
    this.lease = undefined;
    this.follow = undefined;
    return lease?.retire() ?? Promise.resolve();
  }
}

function digest(password: string | undefined): string {
  return password ? createHash('sha256').update(password).digest('hex') : '';
}
