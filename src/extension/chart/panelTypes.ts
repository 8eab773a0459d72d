/** The chart panel's dependencies and the events tests and the benchmark observe. */
import type { OwnerNames } from '../../shared/ownerNames';
import type * as vscode from 'vscode';
import type { ShownState } from '../../shared/protocol';
import type { ChartUiState } from '../../shared/chartState';
import type { ActiveConnection, ConnectionSource } from '../contracts';
import type { HistoryStore, StoreScope } from '../../store/types';
import type { SaveTargetPicker } from './exports';

export interface ChartEnv {
  readonly extensionUri: vscode.Uri;
  readonly connections: ConnectionSource;
  readonly log: vscode.LogOutputChannel;
  readonly ownerNames: () => OwnerNames;
  readonly history: ChartHistory;
  readonly pickSaveTarget: SaveTargetPicker;
  readonly now?: () => number;
  /**
   * While a request is worked on, a progress message goes to the webview at least this often
   * (ms), so a long wait (a 45009 pause) never reads as a host that stopped answering. Tests
   * lower it.
   */
  heartbeatMs: number;
}

/** The history store as the chart uses it (the host's `HistoryService`). */
export interface ChartHistory {
  store(): Promise<HistoryStore>;
  /** Whose figures "all owners" of a connection means (the follow-user list reused for a while). */
  ownersOf(connection: ActiveConnection, signal?: AbortSignal): Promise<readonly string[]>;
  markSynced(scope: StoreScope): Promise<void>;
}

/** Default `ChartEnv.heartbeatMs`. */
export const DEFAULT_HEARTBEAT_MS = 10_000;

/** How a new panel starts (a figure row opens on its figure; automation may set the rest). */
export type InitialUiState = Partial<
  Pick<ChartUiState, 'metric' | 'range' | 'mode' | 'view' | 'granularity' | 'movingAverage'>
>;

/** What happened to one by-day request (for tests and the benchmark). */
export interface ChartLoadOutcome {
  readonly subject: string;
  readonly outcome: 'ok' | 'error' | 'aborted';
  readonly cachedDays?: number;
  /** Days whose figures may still change, and days a later fetch revised (an ok load). */
  readonly provisionalDays?: number;
  readonly revisedDays?: number;
  /** How long the fetch (cache + client) took, and when it ended after the panel opened (ms). */
  readonly fetchMs: number;
  readonly sinceOpenMs: number;
}

/** A webview's report that Chart.js has drawn (for tests and the benchmark). */
export interface ChartDrawReport {
  readonly subject: string;
  readonly series: number;
  readonly points: number;
  /** When the webview's script said `ready`, and when it reported the drawing, after the panel opened (ms). */
  readonly readyMs: number;
  readonly sinceOpenMs: number;
}

/** What a webview reports it shows (for tests): its state, its notices in words, and Retry. */
export interface ChartShownReport {
  readonly subject: string;
  readonly state: ShownState;
  readonly notices: readonly string[];
  readonly retry: boolean;
}
