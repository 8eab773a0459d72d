/**
 * Which WeCom server the host talks to right now: the demo server when demo mode is on, else
 * the configured corp (corp ID setting + secret in SecretStorage). Implements the
 * `ConnectionSource` contract the chart panel uses; the owners tree uses the richer
 * `ConfiguredConnection`. One client is kept per connection so its token cache survives reloads.
 */
import type { OwnerNames } from '../shared/ownerNames';
import * as vscode from 'vscode';
import { DEMO_SCOPE_BASE, scopeFor } from '../sync/scope';
import { secretFingerprint } from '../wecom/fingerprint';
import type { StatisticsClient } from '../wecom/types';
import type { ActiveConnection, ConnectionSource } from './contracts';
import { LazyStatisticsClient } from './lazyClient';
import type { CredentialStore } from './credentialStore';
import type { DemoMode } from './demoMode';
import { Disposable } from './dispose';
import type { RedactingLog } from './log';
import { affectsSettings, readSettings, type WeComSettings } from './settings';

export interface ConfiguredConnection extends ActiveConnection {
  /** Changes whenever anything that could change the figures changes (never contains the secret). */
  readonly key: string;
  /** Explicit owner list, or undefined for the follow-user list. */
  readonly owners: readonly string[] | undefined;
  /** userid → display name: the ownerNames setting over the demo server's names. */
  readonly ownerNames: OwnerNames;
}

export class ConnectionManager extends Disposable implements ConnectionSource {
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this._onDidChange.event;
  private cachedClient: { readonly key: string; readonly client: StatisticsClient } | undefined;

  constructor(
    private readonly credentials: CredentialStore,
    private readonly demo: DemoMode,
    private readonly log: RedactingLog,
    /** The host's clock: the client checks days against the window it implies. */
    private readonly now: () => number,
  ) {
    super();
    this._register(credentials.onDidChange(() => this._onDidChange.fire()));
    this._register(demo.onDidChange(() => this._onDidChange.fire()));
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsSettings(e)) {
          this._onDidChange.fire();
        }
      }),
    );
  }

  current(): Promise<ConfiguredConnection | undefined> {
    return this.currentConnection();
  }

  /** The display names the tree and chart show (setting first, then the demo server's). */
  ownerNames(settings: WeComSettings = readSettings().settings): OwnerNames {
    return { ...(this.demo.demoServer?.ownerNames ?? {}), ...settings.ownerNames };
  }

  async currentConnection(): Promise<ConfiguredConnection | undefined> {
    const { settings } = readSettings();
    const server = this.demo.demoServer;
    if (server) {
      // Demo data has its own owners: the real `owners` setting would only match nothing.
      return this.build(
        'demo',
        server.corpId,
        server.corpSecret,
        { ...settings, apiBaseUrl: server.url, proxy: undefined },
        undefined,
      );
    }
    if (!settings.corpId) {
      return undefined;
    }
    const secret = await this.credentials.getSecret(settings.corpId);
    if (!secret) {
      return undefined;
    }
    this.log.addSecret(secret);
    return this.build(
      'real',
      settings.corpId,
      secret,
      settings,
      settings.owners.length ? settings.owners : undefined,
    );
  }

  /**
   * A client for credentials that are not saved yet (Set up credentials verifies with it). It
   * becomes the cached client, so once the credentials are saved the load reuses its token.
   */
  createClient(corpId: string, secret: string): StatisticsClient {
    this.log.addSecret(secret);
    return this.clientFor('real', corpId, secret, readSettings().settings).client;
  }

  private clientFor(
    mode: ConfiguredConnection['mode'],
    corpId: string,
    secret: string,
    settings: WeComSettings,
  ): { readonly key: string; readonly client: StatisticsClient; readonly secretHash: string } {
    const secretHash = secretFingerprint(secret);
    const key = [
      mode,
      corpId,
      secretHash,
      settings.apiBaseUrl,
      settings.proxy ?? '',
      settings.concurrency,
      settings.requestTimeoutMs,
      settings.allowInsecureHttp,
      settings.historyStore,
    ].join('|');
    if (this.cachedClient?.key !== key) {
      this.cachedClient = { key, client: this.newClient(corpId, secret, settings) };
    }
    return { ...this.cachedClient, secretHash };
  }

  private build(
    mode: ConfiguredConnection['mode'],
    corpId: string,
    secret: string,
    settings: WeComSettings,
    owners: readonly string[] | undefined,
  ): ConfiguredConnection {
    const { key: clientKey, client, secretHash } = this.clientFor(mode, corpId, secret, settings);
    return {
      mode,
      corpId,
      client,
      apiBaseUrl: settings.apiBaseUrl,
      secretHash,
      key: `${clientKey}|${JSON.stringify(owners ?? null)}`,
      owners,
      ownerNames: this.ownerNames(settings), // the settings read once per connection
      storeScope: scopeFor({
        apiBaseUrl: mode === 'demo' ? DEMO_SCOPE_BASE : settings.apiBaseUrl,
        corpId,
        corpSecret: secret,
      }),
    };
  }

  private newClient(corpId: string, secret: string, settings: WeComSettings): StatisticsClient {
    return new LazyStatisticsClient({
      corpId,
      corpSecret: secret,
      baseUrl: settings.apiBaseUrl,
      proxy: settings.proxy,
      concurrency: settings.concurrency,
      timeoutMs: settings.requestTimeoutMs,
      allowInsecureHttp: settings.allowInsecureHttp,
      now: this.now,
      onRequestLog: (entry) => this.log.request(entry),
    });
  }
}
