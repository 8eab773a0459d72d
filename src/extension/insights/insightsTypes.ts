/** The heatmap-and-rankings panel's dependencies, and what tests and the benchmark observe. */
import type {
  HeatmapData,
  InsightsShown,
  InsightsTab,
  InsightsUiState,
  RankingsData,
} from '../../shared/insightsProtocol';
import type { ChartEnv } from '../chart/panelTypes';

/** The chart's dependencies (the same services), with the host's clock required. */
export type InsightsEnv = Omit<ChartEnv, 'now' | 'heartbeatMs'> & {
  readonly now: () => number;
  /** While a load runs, progress goes to the webview at least this often (ms). */
  readonly heartbeatMs: number;
};

/** One settled load of a panel (tests and the benchmark). */
export interface InsightsLoadReport {
  readonly tab: InsightsTab;
  readonly outcome: 'ok' | 'confirm' | 'error';
  /** Since the panel opened (ms). */
  readonly sinceOpenMs: number;
}

/** One drawing of a tab (tests and the benchmark). */
export interface InsightsDrawReport {
  readonly tab: InsightsTab;
  readonly rows: number;
  readonly cells: number;
  /** Since the panel opened (ms): when the webview reported the drawing. */
  readonly sinceOpenMs: number;
}

/** What the registration's test probe answers (ExtensionMode.Test only). */
export interface InsightsTestProbe {
  readonly panels: readonly {
    readonly title: string;
    readonly visible: boolean;
    readonly state: InsightsUiState;
    /** What the panel last showed in each tab. */
    readonly heatmap?: HeatmapData;
    readonly rankings?: RankingsData;
  }[];
  readonly loads: readonly InsightsLoadReport[];
  readonly draws: readonly InsightsDrawReport[];
  readonly shown: readonly Omit<InsightsShown, 'type'>[];
}
