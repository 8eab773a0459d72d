/**
 * The messages between the "Heatmap and Rankings" webview and the extension host, defined once
 * and imported by both sides (the by-day chart has its own, `protocol.ts`; the reply, progress and
 * fatal shapes are the same and come from there). Requests are correlated by id and typed with
 * their results; everything arriving from the other side is checked in `insightsValidation.ts`.
 */
import type { CstDay, DayRange } from './days';
import type { UiLanguage } from './i18n';
import type { MetricKey } from './metrics';
import type { InsightsLabels } from './insightsLabels';
import type {
  ExportPngParams,
  ExportResult,
  FatalMessage,
  OwnerLabel,
  ProgressMessage,
  ReadyMessage,
  RefusedMessage,
  ResponseMessage,
} from './protocol';

export type { InsightsLabels, SharedPanelLabel } from './insightsLabels';

/** The `viewType` of the panel (also in `onWebviewPanel:` and the serializer). */
export const INSIGHTS_VIEW_TYPE = 'wecomGroupStats.insights';
export const OPEN_INSIGHTS_COMMAND = 'wecomGroupStats.openInsights';

export type InsightsTab = 'heatmap' | 'rankings';
/** Colour each cell by its value, or by its change from the day before (a diverging scale). */
export type ColourBy = 'value' | 'change';
export type HeatmapView = 'chart' | 'table';
export const HEATMAP_PRESETS = [30, 90, 180] as const;
export type HeatmapPreset = (typeof HEATMAP_PRESETS)[number];
export type HeatmapRange =
  | { readonly kind: 'preset'; readonly days: HeatmapPreset }
  | { readonly kind: 'custom'; readonly from: CstDay; readonly to: CstDay };
/** Last 7 or 30 days, or the last whole ISO week (Monday to Sunday) or month, all ending by yesterday. */
export type RankPeriod = 'last7' | 'last30' | 'week' | 'month';
export const RANK_PERIODS: readonly RankPeriod[] = ['last7', 'last30', 'week', 'month'];
export const TOP_N_CHOICES = [5, 10, 20, 50] as const;

/**
 * The optional argument of `wecomGroupStats.openInsights` (the chart panel and the tree open it
 * pre-set; a contract other features rely on): owners to show or rank within, a range, a figure
 * and a tab. Anything left out takes the panel's default.
 */
export interface InsightsArgs {
  readonly owners?: readonly string[];
  readonly from?: CstDay;
  readonly to?: CstDay;
  readonly metric?: MetricKey;
  readonly tab?: InsightsTab;
}

/** What `setState` keeps and the serializer hands back: intent only, never figures. */
export interface InsightsUiState {
  readonly version: 1;
  readonly tab: InsightsTab;
  /** Only these owners (a subset from the args); every owner when absent. */
  readonly owners?: readonly string[];
  readonly metric: MetricKey;
  readonly range: HeatmapRange;
  readonly colourBy: ColourBy;
  /** The rows' order: by this figure (sum for a flow, last value for an as-of figure). */
  readonly sortBy: MetricKey;
  readonly ascending: boolean;
  readonly view: HeatmapView;
  readonly period: RankPeriod;
  readonly topN: number;
}

//#region data

/** One cell's state, one character per day of a row (compact for 500 × 180 cells). */
export const CELL = {
  final: 'f',
  provisional: 'p',
  /** WeCom returned no row for the owner that day: no figures, not zero. */
  absent: 'a',
  /** Nothing stored for that owner and day (not fetched, or not reported whole). */
  missing: 'm',
} as const;
export type CellState = (typeof CELL)[keyof typeof CELL];

export interface HeatmapRow {
  readonly owner: OwnerLabel;
  /** Aligned with `HeatmapData.days`; null where the cell is absent or missing. */
  readonly values: readonly (number | null)[];
  /** Value minus the day before's; null unless both days have figures. */
  readonly changes: readonly (number | null)[];
  /** `CellState` per day. */
  readonly cells: string;
  /** The row's figure for sorting (sum of a flow, last value of an as-of figure); null: none. */
  readonly sortValue: number | null;
}

export interface HeatmapData {
  readonly range: DayRange;
  readonly days: readonly CstDay[];
  readonly metric: MetricKey;
  readonly sortBy: MetricKey;
  readonly ascending: boolean;
  /** Sorted as asked; owners without a figure last. */
  readonly rows: readonly HeatmapRow[];
  /** Days some owner has nothing stored for. */
  readonly missingDays: readonly CstDay[];
  /** Days some owner's figures are provisional (fetched before 10:00 CST the next day). */
  readonly provisionalDays: readonly CstDay[];
}

export interface RankingItem {
  readonly owner: OwnerLabel;
  readonly value: number;
  readonly rank: number;
  readonly previousRank: number | null;
  /** "↑3", "↓2", "=" or "new" (src/analysis/rank.ts). */
  readonly movement: string;
}

export interface RankingsData {
  readonly metric: MetricKey;
  readonly period: RankPeriod;
  readonly range: DayRange;
  readonly previous: DayRange;
  /** Owners ranked (with figures in the range). */
  readonly ranked: number;
  readonly top: readonly RankingItem[];
  /** Lowest first. */
  readonly bottom: readonly RankingItem[];
  /** Days of the range or the previous period some owner lacks, or has provisionally. */
  readonly missingDays: readonly CstDay[];
  readonly provisionalDays: readonly CstDay[];
}

/** Loading needs WeCom calls above the confirmation threshold: the webview asks first. */
export interface FetchConfirm {
  readonly kind: 'confirm';
  readonly calls: number;
  readonly days: number;
  readonly owners: number;
}

/** What a load fetched before it read the store. */
export interface FetchReport {
  readonly calls: number;
  /** The user stopped the fetch: what was stored until then is shown. */
  readonly stopped: boolean;
}

export type Loaded<T> =
  FetchConfirm | { readonly kind: 'data'; readonly data: T; readonly fetch: FetchReport };

//#endregion

//#region requests (webview → host)

export interface HeatmapParams {
  readonly from: CstDay;
  readonly to: CstDay;
  readonly metric: MetricKey;
  readonly sortBy: MetricKey;
  readonly ascending: boolean;
  /** 'ask': confirm when the calls exceed the threshold; 'yes': fetch; 'no': stored figures only. */
  readonly fetch: FetchChoice;
}

export interface RankingsParams {
  readonly metric: MetricKey;
  readonly period: RankPeriod;
  readonly topN: number;
  readonly fetch: FetchChoice;
}

export type FetchChoice = 'ask' | 'yes' | 'no';

export interface InsightsCsvParams {
  readonly tab: InsightsTab;
  readonly colourBy: ColourBy;
}

export interface OpenOwnerParams {
  readonly owner: string;
}

export interface InsightsRequestMap {
  heatmap: { params: HeatmapParams; result: Loaded<HeatmapData> };
  rankings: { params: RankingsParams; result: Loaded<RankingsData> };
  exportCsv: { params: InsightsCsvParams; result: ExportResult };
  exportPng: { params: ExportPngParams & { readonly tab: InsightsTab }; result: ExportResult };
  openOwner: { params: OpenOwnerParams; result: { readonly opened: boolean } };
}
export type InsightsMethod = keyof InsightsRequestMap;

export type InsightsRequestMessage = {
  [M in InsightsMethod]: {
    readonly type: 'request';
    readonly id: number;
    readonly method: M;
    readonly params: InsightsRequestMap[M]['params'];
  };
}[InsightsMethod];

//#endregion

//#region messages

/** UI intent changed (also kept with `setState`). */
export interface InsightsStateMessage {
  readonly type: 'state';
  readonly state: InsightsUiState;
}
/** Stop the fetch in flight (the Stop button): the host shows what it stored until then. */
export interface InsightsStop {
  readonly type: 'stop';
}
/** The webview drew a tab (tests and the benchmark wait for it). */
export interface InsightsDrawn {
  readonly type: 'drawn';
  readonly tab: InsightsTab;
  /** Rows drawn (owners in the heatmap, items in the rankings) and cells (heatmap). */
  readonly rows: number;
  readonly cells: number;
}
/** What the panel shows: its state and the notices in words (tests). */
export interface InsightsShown {
  readonly type: 'shown';
  readonly tab: InsightsTab;
  readonly state: 'loading' | 'confirm' | 'ready' | 'empty' | 'error';
  readonly notices: readonly string[];
  /** The live readout of the highlighted cell (keyboard and pointer). */
  readonly readout: string;
}

export type InsightsToHost =
  | ReadyMessage
  | InsightsStateMessage
  | InsightsStop
  | InsightsDrawn
  | InsightsShown
  | RefusedMessage
  | InsightsRequestMessage;

export interface InsightsInit {
  readonly type: 'init';
  readonly lang: UiLanguage;
  readonly labels: InsightsLabels;
  /** The days the server answers for (yesterday back to 180 days). */
  readonly window: DayRange;
  /** The oldest stored day: a custom range may reach back to it. */
  readonly oldestStored?: CstDay;
  /** The owners subset of the state, with their display names. */
  readonly owners: readonly OwnerLabel[];
  readonly state: InsightsUiState;
  readonly heartbeatMs: number;
}

export type InsightsToWebview = InsightsInit | ResponseMessage | ProgressMessage | FatalMessage;

export const MAX_INSIGHTS_NOTICES = 8;

//#endregion
