/**
 * What `activate` returns under tests (`ExtensionMode.Test`; undefined otherwise): a small window
 * into the host for the integration tests, so they can check what the user sees without
 * importing bundled modules. Tests import these types only (`import type`).
 */
import type { ConnectionMode } from './contracts';
import type { ViewState } from './contextKeys';
import type { ShownNotification } from './notifications';
import type { StatusBarSnapshot } from './statusBar/statusBarSummary';

export interface TreeRowSnapshot {
  readonly kind: 'summary' | 'owner' | 'figure';
  /** The owner id (verbatim) for owner rows and their figures. */
  readonly owner?: string;
  /** The metric key for figure rows. */
  readonly metric?: string;
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  readonly contextValue: string;
  /** Whether the row can be expanded (has children). */
  readonly collapsible: boolean;
}

export interface WeComGroupStatsApi {
  /** 'demo' or 'real' when something is configured, else undefined. */
  mode(): Promise<ConnectionMode | undefined>;
  state(): ViewState;
  /** Resolves when the tree's current load (and any it triggered) and the status bar's day before have settled. */
  whenIdle(): Promise<void>;
  /** The top-level rows (summary first, then owners in display order). */
  rows(): TreeRowSnapshot[];
  /** The figure rows under the summary (owner undefined) or under one owner. */
  figures(owner: string | undefined): TreeRowSnapshot[];
  /** The view's description (sort order, active filter) and message (errors, empty results). */
  view(): { readonly description?: string; readonly message?: string };
  /** Every notification shown, newest last (already redacted). */
  messages(): readonly ShownNotification[];
  /** Lines written to the "WeCom Group Stats" log, newest last. */
  logLines(): readonly string[];
  /** Every key and value this extension keeps in global state (to prove no secret is there). */
  globalState(): Readonly<Record<string, unknown>>;
  /** The demo server's URL while demo mode is on. */
  demoServerUrl(): string | undefined;
  /** The host's clock (ms since epoch): pinned, or the real time. */
  now(): number;
  /**
   * Pins the host's clock (the owners tree, the chart, the demo server); undefined lets it run.
   * Nothing reloads by itself: refresh to see the new "yesterday".
   */
  setNow(ms: number | undefined): void;
  /** The status-bar summary item: shown or not, its text, tooltip and accessible label. */
  statusBar(): StatusBarSnapshot;
}
