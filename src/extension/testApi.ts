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
  readonly kind: 'summary' | 'owner' | 'figure' | 'rankings' | 'rankingSide' | 'ranked' | 'rankingsBackfill';
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
  /** What a click runs (ranking rows, the Backfill row). */
  readonly command?: { readonly command: string; readonly arguments: readonly unknown[] };
}

/** A row of the Rankings group, with its depth under the group (1: Top/Bottom, 2: owners). */
export interface RankingRowSnapshot extends TreeRowSnapshot {
  readonly level: number;
}

export interface WeComGroupStatsApi {
  /** 'demo' or 'real' when something is configured, else undefined. */
  mode(): Promise<ConnectionMode | undefined>;
  state(): ViewState;
  /** Resolves when the tree's current load (and any it triggered) and the status bar's day before have settled. */
  whenIdle(): Promise<void>;
  /** The top-level rows (summary first, then owners in display order), without the Rankings group. */
  rows(): TreeRowSnapshot[];
  /** The Rankings group's row and every row under it, depth first; undefined when not shown. */
  rankings(): { readonly group: TreeRowSnapshot; readonly rows: readonly RankingRowSnapshot[] } | undefined;
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
  /** Turns the first-use backfill offer on or off (off under tests until a test asks for it). */
  setBackfillOffer(enabled: boolean): void;
  /** The next question the extension asks (a notification with buttons) is answered with this button. */
  answerNextQuestion(button: string | undefined): void;
  /** Cancels the running backfill as its notification's Cancel button does. */
  cancelBackfill(): void;
  /** Resolves when no backfill or offer is running. */
  whenBackfillIdle(): Promise<void>;
  /** The stored days of the current connection's scope (read from the store). */
  historyDays(): Promise<{ readonly from: string; readonly to: string; readonly count: number } | undefined>;
  /** How many calls a backfill of the last 180 days would make now (its plan, nothing fetched). */
  backfillPlanCalls(): Promise<number>;
}
