/**
 * Contracts between the host's features (owners tree, chart panel, demo mode), so each can be
 * built and tested on its own. The composition root (`extension.ts`) wires implementations.
 */
import type * as vscode from 'vscode';
import type { MetricKey } from '../shared/metrics';
import type { StoreScope } from '../store/types';
import type { StatisticsClient } from '../wecom/types';

export type ConnectionMode = 'real' | 'demo';

/** The client for whatever is configured now: the user's corp, or the built-in demo server. */
export interface ActiveConnection {
  readonly mode: ConnectionMode;
  readonly corpId: string;
  readonly client: StatisticsClient;
  /** The API base URL the client talks to (no trailing slash). */
  readonly apiBaseUrl: string;
  /** A short hash of the secret (tells two apps of one corp apart; never the secret itself). */
  readonly secretHash: string;
  /**
   * Whose figures "All owners" means, for the tree's summary row and the chart alike: the
   * `owners` setting when set, else undefined (the follow-user list).
   */
  readonly owners: readonly string[] | undefined;
  /**
   * Whose history: (API base URL, corp ID, app). The same key as the CLI's for the same corp and
   * secret, so a team database is shared; the demo's is fixed (its port changes every start).
   */
  readonly storeScope: StoreScope;
}

export interface ConnectionSource {
  /** undefined when nothing is configured (no corp ID / no secret) and demo mode is off. */
  current(): Promise<ActiveConnection | undefined>;
  /** Fires when credentials, relevant settings or demo mode change. */
  readonly onDidChange: vscode.Event<void>;
}

/** Tree elements (the owners view). The chart command receives these as arguments. */
export type OwnerTreeElement =
  /** `owners`: the filtered owners the summary sums; absent when it sums all owners. */
  | { readonly kind: 'summary'; readonly owners?: readonly string[] }
  | { readonly kind: 'owner'; readonly owner: string }
  | { readonly kind: 'figure'; readonly owner: string | undefined; readonly metric: MetricKey };
