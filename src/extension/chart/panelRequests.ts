/**
 * A panel's answers to its webview's typed requests: the by-day figures (one load at a time,
 * aborted when superseded, the panel closes or hides; a heartbeat of progress messages while it
 * runs) and the exports of the figures last loaded.
 */
import * as vscode from 'vscode';
import { BACKFILL_COMMAND } from '../history/historySync';
import type {
  ByDayData,
  ByDayParams,
  HostToWebview,
  RequestMessage,
  RequestMethod,
  RequestResult,
} from '../../shared/protocol';
import type { ChartSubject } from '../../shared/chartState';
import { describeWeComError, isAbortError } from '../../wecom/errors';
import type { CallProgress } from '../../wecom/types';
import { toErrorInfo, UserFacingError } from './chartErrors';
import { exportCsv, exportPng } from './exports';
import { chartLanguage, ownerLabels } from './labels';
import { loadSubjectByDay, loadSubjectRankings } from './panelData';
import type { ChartEnv, ChartLoadOutcome } from './panelTypes';

export interface RequestContext {
  readonly subject: () => ChartSubject;
  /** The subject's key (panel identity, load reports). */
  readonly key: string;
  readonly openedAt: number;
  readonly post: (message: HostToWebview) => void;
  readonly loaded: (outcome: ChartLoadOutcome) => void;
}

export class PanelRequests {
  private inFlight: AbortController | undefined;
  private lastData: ByDayData | undefined;

  constructor(
    private readonly env: ChartEnv,
    private readonly context: RequestContext,
  ) {}

  /** Stops the load in flight (panel closed or hidden, connection changed). */
  abort(): void {
    this.inFlight?.abort();
    this.inFlight = undefined;
  }

  /** Forgets the figures (a new connection: they are someone else's now). */
  forget(): void {
    this.lastData = undefined;
  }

  async answer(msg: RequestMessage): Promise<void> {
    try {
      const result = await this.handle(msg);
      this.context.post({ type: 'response', id: msg.id, ok: true, result });
    } catch (err) {
      this.context.post({
        type: 'response',
        id: msg.id,
        ok: false,
        error: toErrorInfo(err, chartLanguage(), this.env.log),
      });
    }
  }

  private async handle(msg: RequestMessage): Promise<RequestResult<RequestMethod>> {
    const lang = chartLanguage();
    const subject = this.context.subject();
    switch (msg.method) {
      case 'byDay':
        return this.fetchByDay(msg.id, msg.params);
      case 'exportCsv': {
        const data = this.requireData();
        const owners = ownerLabels(data.perOwner?.map((p) => p.owner) ?? [], this.env.ownerNames());
        return exportCsv(this.env.pickSaveTarget, subject, data, msg.params, owners, lang);
      }
      case 'exportPng':
        return exportPng(this.env.pickSaveTarget, subject, this.requireData(), msg.params);
      case 'backfill':
        // The command asks first (with the call count); Refresh then draws from the history.
        void vscode.commands.executeCommand(BACKFILL_COMMAND);
        return { started: true };
      case 'rankings':
        return loadSubjectRankings(this.env, subject, msg.params);
    }
  }

  private requireData(): ByDayData {
    if (!this.lastData) {
      throw new UserFacingError({
        message: vscode.l10n.t('There is nothing to export yet: wait until the chart has loaded.'),
        retryable: false,
      });
    }
    return this.lastData;
  }

  private async fetchByDay(id: number, params: ByDayParams): Promise<ByDayData> {
    this.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    const subject = this.context.key;
    const started = Date.now();
    const timing = (): { fetchMs: number; sinceOpenMs: number } => ({
      fetchMs: Date.now() - started,
      sinceOpenMs: Date.now() - this.context.openedAt,
    });
    // The webview gives up after a silence: keep telling it the host is still at work, even
    // while nothing finishes (the client waits out a 45009 for a minute).
    let last: CallProgress = { done: 0, total: 0 };
    const report = (): void =>
      this.context.post({ type: 'progress', id, done: last.done, total: last.total });
    const heartbeat = setInterval(report, this.env.heartbeatMs);
    try {
      const data = await loadSubjectByDay(this.env, this.context.subject(), params, {
        signal: controller.signal,
        onProgress: (p) => {
          last = p;
          report();
        },
      });
      if (this.inFlight === controller) {
        // A superseded load (aborted after its last await, e.g. all from the cache) must not
        // replace what the newer request or connection exports.
        this.lastData = data;
      }
      this.context.loaded({
        subject,
        outcome: 'ok',
        cachedDays: data.cachedDays,
        provisionalDays: data.provisionalDays?.length ?? 0,
        revisedDays: data.revisions?.length ?? 0,
        ...timing(),
      });
      if (data.missingDays.length > 0) {
        this.env.log.warn(
          `by-day chart: WeCom did not report ${data.missingDays.length} day(s) for every owner: ${data.missingDays.join(', ')}`,
        );
      }
      return data;
    } catch (err) {
      const aborted = controller.signal.aborted || isAbortError(err);
      this.context.loaded({ subject, outcome: aborted ? 'aborted' : 'error', ...timing() });
      if (!aborted) {
        this.env.log.warn(`by-day chart: ${describeWeComError(err, 'en')}`);
      }
      throw err;
    } finally {
      clearInterval(heartbeat);
      if (this.inFlight === controller) {
        this.inFlight = undefined;
      }
    }
  }
}
