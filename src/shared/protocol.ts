/**
 * The messages between the by-day chart webview and the extension host, defined once and
 * imported by both sides. The webview never calls WeCom: it asks the host with typed requests
 * (correlated by id; a failed fetch answers with an error reply so the webview's promise
 * rejects) and the host answers. Everything arriving from the other side is checked with the
 * validators in `protocolValidation.ts` before use: a webview is untrusted input to the host.
 */
import type { ChartSubject, ChartUiState, Granularity, SeriesMode } from './chartState';
import type { CstDay, DayRange } from './days';
import type { UiLanguage } from './i18n';
import type { RankingsData } from './insightsProtocol';
import type { GroupChatStats, MetricKey } from './metrics';
import type { ChartLabels } from './chartLabels';

export type { ChartLabels } from './chartLabels';

/** The `viewType` of the panel (also in `onWebviewPanel:` and the serializer). */
export const CHART_VIEW_TYPE = 'wecomGroupStats.byDayChart';

//#region data shapes

export interface OwnerLabel {
  readonly id: string;
  /** Display name from the ownerNames setting, else the id. Rendered as text only. */
  readonly name: string;
}

/** One series aligned with `ByDayData.days`; `null` = no figures for that day (not fetched/cached). */
export type DaySeries = readonly (GroupChatStats | null)[];

export interface ByDayData {
  readonly from: CstDay;
  readonly to: CstDay;
  readonly days: readonly CstDay[];
  /** Summed over the subject's owners. */
  readonly total: DaySeries;
  /** One series per owner (compare mode); an array, since owner ids are arbitrary strings. */
  readonly perOwner?: readonly { readonly owner: string; readonly series: DaySeries }[];
  /** Days answered from the history store without a call (the rest cost requests). */
  readonly cachedDays: number;
  /** Days before the server's window that the history store could not supply. */
  readonly unavailableDays: number;
  /**
   * Days inside the server's window that WeCom did not report for every owner (after retries):
   * `null` in the series, never cached, never zeros. The webview names them; exports too.
   */
  readonly missingDays: readonly CstDay[];
  /** Days WeCom no longer serves, drawn from the history store ("from history"). */
  readonly historyDays: readonly CstDay[];
  /**
   * Days fetched as the set's sums and not kept in the history (syncing every owner's atoms
   * would have cost many more calls): shown, and the panel offers the backfill.
   */
  readonly unstoredDays: readonly CstDay[];
  /**
   * When yesterday's figures were fetched (ms; from the server just now or from the cache), when
   * the range ends yesterday and has them: before 10:00 CST they are provisional (`isProvisional`).
   */
  readonly yesterdayFetchedAt?: number;
  /**
   * Days with figures that may still change (fetched before 10:00 CST the next day): a week or
   * month holding one is incomplete. Absent from hosts that predate it: none known.
   */
  readonly provisionalDays?: readonly CstDay[];
  /** Days a later fetch changed for some owner of the set (see `DayRevision`). */
  readonly revisions?: readonly DayRevision[];
  /**
   * The days just before the range, read from the history store only (no call is made for them),
   * so the cards can set a span against the previous one of the same length. Absent from hosts
   * that predate it: the cards then compare only inside the range.
   */
  readonly earlier?: EarlierDays;
}

/** `EARLIER_DAYS_MIN` or more days before a chart's range, as the history store holds them. */
export interface EarlierDays {
  readonly days: readonly CstDay[];
  /** Summed over the subject's owners; null when the store lacks the day for some owner. */
  readonly total: DaySeries;
  /** Compare mode: one series per owner, as `ByDayData.perOwner`. */
  readonly perOwner?: readonly { readonly owner: string; readonly series: DaySeries }[];
  /** Days with figures that may still change. */
  readonly provisionalDays: readonly CstDay[];
}

/**
 * How far before its range a chart reads the history: the range's own length, and at least a
 * month, so the latest week or month of the range has its predecessor too.
 */
export const EARLIER_DAYS_MIN = 31;

/**
 * A shown day whose figures a later fetch changed: the set's sum before and after, and when the
 * later fetch came (ms). In compare mode, per owner too.
 */
export interface DayRevision {
  readonly day: CstDay;
  /** The set's figures as they were before the latest change (each revised owner's earlier value). */
  readonly previous: GroupChatStats;
  /** When the fetch that replaced them arrived (the latest, when several owners changed). */
  readonly revisedAt: number;
  /** The owners whose figures changed, with their earlier figures (null: absent then). */
  readonly owners: readonly { readonly owner: string; readonly previous: GroupChatStats | null }[];
}

/** A failed request as the user should read it. */
export interface ErrorInfo {
  /** What happened and what to do, in the UI language (the client's localized hint). */
  readonly message: string;
  /** False when retrying unchanged cannot help (bad input, nothing configured). */
  readonly retryable: boolean;
}

//#endregion

//#region requests (webview → host, answered with a response)

export interface ByDayParams {
  readonly from: CstDay;
  readonly to: CstDay;
  readonly perOwner: boolean;
  /** Bypass the closed-day cache (the Refresh action). */
  readonly refresh: boolean;
}

export interface ExportCsvParams {
  readonly metric: MetricKey;
  readonly mode: SeriesMode;
  /** The points as shown: days, weeks or months. */
  readonly granularity: Granularity;
  /** The 7-day average column(s) are shown, so exported. */
  readonly movingAverage: boolean;
}

export interface ExportPngParams {
  /** `data:image/png;base64,…` from `canvas.toDataURL`. */
  readonly dataUrl: string;
  /** The title drawn in the image, as text: the host stores it in the file's metadata. */
  readonly title?: string;
}

/** The subject's owners ranked by a figure over the shown days (and the same number before). */
export interface ChartRankingsParams {
  readonly metric: MetricKey;
  readonly from: CstDay;
  readonly to: CstDay;
}

/** How many owners the chart's rankings list at the top and at the bottom. */
export const CHART_RANK_N = 5;

/** The rankings under the chart: the rankings tab's, over the chart's days. */
export type ChartRankings = Omit<RankingsData, 'period'>;

/** Backfill History: the host asks the user (with the call count) and runs it. */
export type BackfillParams = Record<string, never>;

export interface ExportResult {
  /** Where it was saved, or undefined when the user cancelled the dialog. */
  readonly savedTo?: string;
}

/** Each request method with its params and its result: the pairing both sides are typed by. */
export interface RequestMap {
  byDay: { params: ByDayParams; result: ByDayData };
  exportCsv: { params: ExportCsvParams; result: ExportResult };
  exportPng: { params: ExportPngParams; result: ExportResult };
  backfill: { params: BackfillParams; result: { readonly started: boolean } };
  rankings: { params: ChartRankingsParams; result: ChartRankings };
}
export type RequestMethod = keyof RequestMap;
export type RequestParams<M extends RequestMethod> = RequestMap[M]['params'];
export type RequestResult<M extends RequestMethod> = RequestMap[M]['result'];

export type RequestMessage = {
  [M in RequestMethod]: {
    readonly type: 'request';
    readonly id: number;
    readonly method: M;
    readonly params: RequestParams<M>;
  };
}[RequestMethod];

//#endregion

//#region webview → host

/** The webview's script is listening: the host answers with `init`. */
export interface ReadyMessage {
  readonly type: 'ready';
}
/** UI intent changed (the webview also calls `setState`); the host keeps it for its title/export. */
export interface StateMessage {
  readonly type: 'state';
  readonly state: ChartUiState;
}
/** Chart.js finished drawing `points` points in `series` lines (used by the benchmark and tests). */
export interface DrawnMessage {
  readonly type: 'drawn';
  readonly series: number;
  readonly points: number;
}

export type ShownState = 'loading' | 'ready' | 'empty' | 'error';
export const MAX_SHOWN_NOTICES = 8;
export const MAX_NOTICE_CHARS = 4000;

/** What the panel shows now: its state and the notices in words (tests; the host logs errors). */
export interface ShownMessage {
  readonly type: 'shown';
  readonly state: ShownState;
  /** The visible status/notice texts (errors, missing days, caps), in order. */
  readonly notices: readonly string[];
  /** A Retry button is offered. */
  readonly retry: boolean;
}

/** The webview dropped a message it could not read (version skew, a bug): the host says so. */
export interface RefusedMessage {
  readonly type: 'refused';
  /** The refused message's `type`, if it had a short string one. */
  readonly what: string;
}

/** "What do these figures mean?": the host opens the glossary. */
export interface ShowGlossaryMessage {
  readonly type: 'showGlossary';
}

/** "Heatmap & rankings" for what is shown: the host adds the panel's owners. */
export interface OpenInsightsMessage {
  readonly type: 'openInsights';
  readonly from: CstDay;
  readonly to: CstDay;
  readonly metric: MetricKey;
}

export type WebviewToHost =
  | ReadyMessage
  | StateMessage
  | DrawnMessage
  | ShownMessage
  | RefusedMessage
  | RequestMessage
  | ShowGlossaryMessage
  | OpenInsightsMessage;

//#endregion

//#region host → webview

export interface InitMessage {
  readonly type: 'init';
  readonly subject: ChartSubject;
  readonly owners: readonly OwnerLabel[];
  readonly lang: UiLanguage;
  readonly labels: ChartLabels;
  /** The days the server answers for (yesterday back to 180 days). */
  readonly window: DayRange;
  /**
   * The host's clock when it sent this (ms): the webview's presets and range checks run on it, so
   * "the last 30 days" are the host's (a pinned clock in tests, the same day as the cards).
   */
  readonly now?: number;
  /** Oldest day the local cache holds for this subject (may predate `window`). */
  readonly oldestCached?: CstDay;
  readonly state: ChartUiState;
  /**
   * While a request is being worked on, the host sends a progress message at least this often
   * (ms), even when nothing finished (a 45009 pause): the webview gives up only after a silence
   * well beyond it.
   */
  readonly heartbeatMs: number;
}

export type ResponseMessage =
  | { readonly type: 'response'; readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly type: 'response'; readonly id: number; readonly ok: false; readonly error: ErrorInfo };

export interface ProgressMessage {
  readonly type: 'progress';
  readonly id: number;
  readonly done: number;
  readonly total: number;
}

/** The host could not make sense of the webview (it refused one of the host's messages). */
export interface FatalMessage {
  readonly type: 'fatal';
  readonly message: string;
}

export type HostToWebview = InitMessage | ResponseMessage | ProgressMessage | FatalMessage;

/** How long the webview waits in silence (no reply, no progress) given the host's heartbeat. */
export function silenceTimeoutMs(heartbeatMs: number): number {
  return Math.max(4 * heartbeatMs, 1000);
}

//#endregion
