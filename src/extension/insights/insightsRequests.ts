/**
 * A heatmap-and-rankings panel's answers to its webview's requests: the figures (one load at a
 * time, stopped by the Stop button, a closed or hidden panel, or a newer request; a heartbeat of
 * progress while it runs), the exports of what was last shown, and opening an owner's chart.
 */
import * as vscode from 'vscode';
import { rankRange } from '../../analysis/rank';
import { heatmapRange } from '../../analysis/heatmap';
import { rankPeriodRange } from '../../analysis/rankingView';
import { checkChartRange } from '../../shared/chartState';
import { cstYesterday, DayRangeError, type DayRange } from '../../shared/days';
import type {
  FetchChoice,
  HeatmapData,
  HeatmapParams,
  InsightsMethod,
  InsightsRequestMap,
  InsightsRequestMessage,
  InsightsTab,
  InsightsToWebview,
  Loaded,
  RankingsData,
  RankingsParams,
} from '../../shared/insightsProtocol';
import { describeWeComError } from '../../wecom/errors';
import type { CallProgress } from '../../wecom/types';
import { toErrorInfo, UserFacingError } from '../chart/chartErrors';
import { csvFile, pngExportBytes, pngFile, saveBytes } from '../chart/exports';
import { chartLanguage, labelledRanking, ownerLabels } from '../chart/labels';
import { SHOW_BY_DAY_CHART_COMMAND } from '../chart/registration';
import type { ActiveConnection } from '../contracts';
import { heatmapCsv, rankingsCsv } from './insightsCsv';
import { fetchMissing, readHeatmap, readRankings, type InsightSource } from './insightsLoader';
import type { InsightsEnv } from './insightsTypes';

export interface InsightsRequestContext {
  /** The owners subset of the panel; undefined: every owner. */
  readonly owners: () => readonly string[] | undefined;
  /** The tab shown: an owner clicked there opens over its range and figure. */
  readonly tab: () => InsightsTab;
  readonly post: (message: InsightsToWebview) => void;
  readonly loaded: (what: 'heatmap' | 'rankings', outcome: 'ok' | 'confirm' | 'error') => void;
}

export class InsightsRequests {
  private inFlight: AbortController | undefined;
  private lastHeatmap: HeatmapData | undefined;
  private lastRankings: RankingsData | undefined;

  constructor(
    private readonly env: InsightsEnv,
    private readonly context: InsightsRequestContext,
  ) {}

  /** Stops the fetch in flight (Stop, panel closed or hidden, connection changed). */
  stop(): void {
    this.inFlight?.abort();
    this.inFlight = undefined;
  }

  /** What the panel last showed (tests read it through the probe). */
  shown(): { readonly heatmap?: HeatmapData; readonly rankings?: RankingsData } {
    return { heatmap: this.lastHeatmap, rankings: this.lastRankings };
  }

  async answer(msg: InsightsRequestMessage): Promise<void> {
    try {
      const result = await this.handle(msg);
      this.context.post({ type: 'response', id: msg.id, ok: true, result });
    } catch (err) {
      if (msg.method === 'heatmap' || msg.method === 'rankings') {
        this.context.loaded(msg.method, 'error');
      }
      this.context.post({
        type: 'response',
        id: msg.id,
        ok: false,
        error: toErrorInfo(err, chartLanguage(), this.env.log),
      });
    }
  }

  private async handle(msg: InsightsRequestMessage): Promise<InsightsRequestMap[InsightsMethod]['result']> {
    switch (msg.method) {
      case 'heatmap':
        return this.heatmap(msg.id, msg.params);
      case 'rankings':
        return this.rankings(msg.id, msg.params);
      case 'exportCsv':
        return this.exportCsv(msg.params.tab, msg.params.colourBy);
      case 'exportPng': {
        const shown = msg.params.tab === 'heatmap' ? this.lastHeatmap : this.lastRankings;
        if (!shown) {
          throw nothingYet();
        }
        const name = `${exportName(msg.params.tab, shown.metric, shown.range)}.png`;
        return saveBytes(this.env.pickSaveTarget, pngFile(name), pngExportBytes(msg.params));
      }
      case 'openOwner':
        return this.openOwner(msg.params.owner);
    }
  }

  private async heatmap(id: number, params: HeatmapParams): Promise<Loaded<HeatmapData>> {
    const range = { from: params.from, to: params.to };
    return this.load(id, 'heatmap', params.fetch, async (source, connection, owners) => {
      const oldest = (await source.store.days(connection.storeScope))?.from;
      const reason = checkChartRange(range.from, range.to, source.now(), oldest);
      if (reason) {
        throw new DayRangeError(reason);
      }
      return {
        days: heatmapRange(range),
        read: async () => {
          const matrix = await readHeatmap(source.store, source.scope, { ...params, range, owners });
          const names = this.env.ownerNames();
          const data: HeatmapData = {
            ...matrix,
            metric: params.metric,
            sortBy: params.sortBy,
            ascending: params.ascending,
            rows: matrix.rows.map((row) => ({ ...row, owner: ownerLabels([row.owner], names)[0] })),
          };
          this.lastHeatmap = data;
          return data;
        },
      };
    });
  }

  private async rankings(id: number, params: RankingsParams): Promise<Loaded<RankingsData>> {
    return this.load(id, 'rankings', params.fetch, (source, _connection, owners) => {
      const range = rankPeriodRange(params.period, cstYesterday(source.now()));
      return Promise.resolve({
        days: rankRange(range),
        read: async () => {
          const read = await readRankings(source.store, source.scope, { ...params, range, owners });
          const data: RankingsData = {
            ...labelledRanking(read, params.metric, range, this.env.ownerNames()),
            period: params.period,
          };
          this.lastRankings = data;
          return data;
        },
      });
    });
  }

  /**
   * One load: the connection and its store, the owners, the fetch of what is missing (asked
   * first above the threshold, stoppable), then `read` from the store.
   */
  private async load<T>(
    id: number,
    what: 'heatmap' | 'rankings',
    choice: FetchChoice,
    prepare: (
      source: InsightSource,
      connection: ActiveConnection,
      owners: readonly string[],
    ) => Promise<{ days: DayRange; read: () => Promise<T> }>,
  ): Promise<Loaded<T>> {
    this.stop();
    const controller = new AbortController();
    this.inFlight = controller;
    let last: CallProgress = { done: 0, total: 0 };
    const report = (): void =>
      this.context.post({ type: 'progress', id, done: last.done, total: last.total });
    const heartbeat = setInterval(report, this.env.heartbeatMs);
    try {
      const connection = await this.env.connections.current();
      if (!connection) {
        throw new UserFacingError({
          message: vscode.l10n.t(
            'WeCom is not set up: set your corp ID and secret (or turn on demo mode), then retry.',
          ),
          retryable: true,
        });
      }
      const source: InsightSource = {
        store: await this.env.history.store(),
        scope: connection.storeScope,
        client: connection.client,
        now: this.env.now,
        onStored: () => void this.env.history.markSynced(connection.storeScope),
      };
      const owners =
        this.context.owners() ?? (await this.env.history.ownersOf(connection, controller.signal));
      const { days, read } = await prepare(source, connection, owners);
      const fetched = await fetchMissing(source, days, owners, {
        choice,
        signal: controller.signal,
        onProgress: (p) => {
          last = p;
          report();
        },
      });
      if ('kind' in fetched) {
        this.context.loaded(what, 'confirm');
        return fetched;
      }
      const data = await read();
      this.context.loaded(what, 'ok');
      return { kind: 'data', data, fetch: fetched };
    } catch (err) {
      this.env.log.warn(`insights: ${describeWeComError(err, 'en')}`);
      throw err;
    } finally {
      clearInterval(heartbeat);
      if (this.inFlight === controller) {
        this.inFlight = undefined;
      }
    }
  }

  private exportCsv(tab: 'heatmap' | 'rankings', colourBy: 'value' | 'change') {
    const notes = {
      legend:
        tab === 'heatmap'
          ? vscode.l10n.t('an empty cell: nothing stored; "absent": not returned by WeCom (not zero)')
          : vscode.l10n.t('incomplete: nothing stored for some owners on'),
      provisional: vscode.l10n.t('provisional (may still change)'),
    };
    const data = tab === 'heatmap' ? this.lastHeatmap : this.lastRankings;
    if (!data) {
      throw nothingYet();
    }
    const csv =
      tab === 'heatmap'
        ? heatmapCsv(data as HeatmapData, colourBy, notes)
        : rankingsCsv(data as RankingsData, notes);
    const name = `${exportName(tab, data.metric, data.range)}.csv`;
    return saveBytes(this.env.pickSaveTarget, csvFile(name), Buffer.from(csv, 'utf8'));
  }

  /** The owner's by-day chart over what the panel shows (the chart's own command). */
  private async openOwner(owner: string): Promise<{ opened: boolean }> {
    const shown = this.context.tab() === 'heatmap' ? this.lastHeatmap : this.lastRankings;
    const options = shown
      ? { metric: shown.metric, range: { kind: 'custom', from: shown.range.from, to: shown.range.to } }
      : undefined;
    await vscode.commands.executeCommand(
      SHOW_BY_DAY_CHART_COMMAND,
      { kind: 'owner', owner },
      undefined,
      options,
    );
    return { opened: true };
  }
}

function nothingYet(): UserFacingError {
  return new UserFacingError({
    message: vscode.l10n.t('There is nothing to export yet: wait until the figures have loaded.'),
    retryable: false,
  });
}

/** A file name from safe characters only. */
function exportName(tab: 'heatmap' | 'rankings', metric: string, range: DayRange): string {
  return `wecom-${tab}-${metric}-${range.from}-${range.to}`;
}
