/**
 * The words of the heatmap-and-rankings panel: which labels it shares with the by-day chart, and
 * the rest. The host localizes them (src/extension/insights/insightsLabels.ts) and sends them in
 * the init message; the webview shows them as text.
 */
import type { RankPeriod } from './insightsProtocol';
import type { ChartLabels } from './protocol';

/** The labels both panels show (worded once by the host, `sharedPanelLabels`). */
export type SharedPanelLabel =
  | 'figure'
  | 'range'
  | 'lastNDays'
  | 'custom'
  | 'from'
  | 'to'
  | 'apply'
  | 'chartView'
  | 'tableView'
  | 'exportCsv'
  | 'exportPng'
  | 'loading'
  | 'loadingProgress'
  | 'retry'
  | 'errorTitle'
  | 'cstDays'
  | 'noAnswer'
  | RankTableLabel;

/** The words of a ranking table, the same in the rankings tab and under the chart. */
export type RankTableLabel =
  | 'rankingsTab'
  | 'topN'
  | 'bottomN'
  | 'rank'
  | 'owner'
  | 'value'
  | 'previousRank'
  | 'movement'
  | 'newOwner'
  | 'incompleteMissing';

/**
 * The labels the webview shows, already in the UI language (the host localizes them); those the
 * by-day chart shows too are its own.
 */
export interface InsightsLabels extends Pick<ChartLabels, SharedPanelLabel> {
  readonly heatmapTab: string;
  readonly colourBy: string;
  readonly byValue: string;
  readonly byChange: string;
  readonly sortBy: string;
  readonly descending: string;
  readonly ascending: string;
  readonly period: string;
  readonly periods: Readonly<Record<RankPeriod, string>>;
  readonly show: string;
  readonly stop: string;
  /** Contains `{calls}`, `{days}` and `{owners}`. */
  readonly confirmFetch: string;
  readonly fetch: string;
  readonly storedOnly: string;
  readonly stopped: string;
  readonly empty: string;
  /** Contains `{days}`. */
  readonly incompleteProvisional: string;
  readonly legendMissing: string;
  readonly legendAbsent: string;
  readonly legendProvisional: string;
  readonly legendLow: string;
  readonly legendHigh: string;
  readonly legendFall: string;
  readonly legendRise: string;
  readonly change: string;
  readonly notReturned: string;
  readonly notStored: string;
  readonly provisional: string;
  /** Contains `{n}`. */
  readonly ownersCount: string;
  /** Contains `{first}`, `{last}` and `{n}`. */
  readonly tablePage: string;
  readonly previousPage: string;
  readonly nextPage: string;
  /** How to use the grid with keys (its accessible description). */
  readonly gridHelp: string;
  readonly openHint: string;
  readonly refused: string;
}
