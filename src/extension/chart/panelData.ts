/**
 * Where a chart panel's figures come from: the current connection, its history store (scoped by
 * the connection), how far back the history goes, and the range check that history widens. The
 * panel (`panel.ts`) owns the webview side: messages, aborts and the events tests observe.
 */
import * as vscode from 'vscode';
import type { CstDay } from '../../shared/days';
import { DayRangeError } from '../../shared/days';
import type { ByDayData, ByDayParams, ChartRankings, ChartRankingsParams } from '../../shared/protocol';
import { CHART_RANK_N } from '../../shared/protocol';
import type { ChartSubject } from '../../shared/chartState';
import { checkChartRange, MAX_COMPARE_OWNERS, MAX_SUBJECT_OWNERS } from '../../shared/chartState';
import { describeWeComError } from '../../wecom/errors';
import type { CallOptions } from '../../wecom/types';
import type { ActiveConnection, ConnectionSource } from '../contracts';
import { readRankings } from '../insights/insightsLoader';
import { loadByDay } from './byDayLoader';
import { labelledRanking } from './labels';
import { UserFacingError } from './chartErrors';
import type { ChartEnv, ChartHistory } from './panelTypes';

/** The current connection; undefined when nothing is configured. */
export async function currentScope(
  connections: ConnectionSource,
): Promise<{ readonly connection: ActiveConnection } | undefined> {
  const connection = await connections.current();
  return connection ? { connection } : undefined;
}

/**
 * Whose figures a subject means: "All owners" is the connection's owner set (the `owners`
 * setting) when it has one, as in the tree's summary row; else the follow-user list (asked
 * once in a while, see `ChartHistory.ownersOf`).
 */
export function seriesOwners(
  subject: ChartSubject,
  connection: ActiveConnection,
  history: ChartHistory,
  signal?: AbortSignal,
): Promise<readonly string[]> {
  if (subject.kind === 'owners') {
    return Promise.resolve(subject.owners);
  }
  return history.ownersOf(connection, signal);
}

/** Why the host will not chart a subject (or its compare mode), in words; undefined when it will. */
export function subjectProblem(owners: number, perOwner: boolean): string | undefined {
  if (owners > MAX_SUBJECT_OWNERS) {
    return vscode.l10n.t(
      'A chart can sum at most {0} owners; {1} are selected. Select fewer owners.',
      MAX_SUBJECT_OWNERS,
      owners,
    );
  }
  if (perOwner && owners > MAX_COMPARE_OWNERS) {
    return vscode.l10n.t(
      'One line per owner shows at most {0} owners; {1} are selected. Use Sum of owners, or select fewer owners.',
      MAX_COMPARE_OWNERS,
      owners,
    );
  }
  return undefined;
}

/** The oldest day the history holds for the connection (any owner): how far back a range may go. */
export async function oldestStoredDay(
  history: ChartHistory,
  connection: ActiveConnection,
): Promise<CstDay | undefined> {
  const store = await history.store();
  return (await store.days(connection.storeScope))?.from;
}

/**
 * The oldest stored day of the current connection for a panel's init; undefined when nothing is
 * configured or the store cannot be read (logged: without init the webview would wait forever,
 * and its first request reports the problem).
 */
export async function oldestForInit(
  connections: ConnectionSource,
  history: ChartHistory,
  log: vscode.LogOutputChannel,
  who: string,
): Promise<CstDay | undefined> {
  try {
    const current = await currentScope(connections);
    return current ? await oldestStoredDay(history, current.connection) : undefined;
  } catch (err) {
    log.warn(`${who}: could not read the history store: ${describeWeComError(err, 'en')}`);
    return undefined;
  }
}

/** The current connection, or the error that says to set it up. */
async function requireConnection(env: ChartEnv): Promise<ActiveConnection> {
  const connection = await env.connections.current();
  if (!connection) {
    throw new UserFacingError({
      message: vscode.l10n.t(
        'WeCom is not set up: set your corp ID and secret (or turn on demo mode), then retry.',
      ),
      retryable: true,
    });
  }
  return connection;
}

/**
 * The subject's owners ranked by a figure over the chart's days, against the same number of days
 * before, from the history only (the chart's load stored what WeCom serves; a day some owner
 * lacks is named, never guessed).
 */
export async function loadSubjectRankings(
  env: ChartEnv,
  subject: ChartSubject,
  params: ChartRankingsParams,
): Promise<ChartRankings> {
  const connection = await requireConnection(env);
  const store = await env.history.store();
  const owners = await seriesOwners(subject, connection, env.history);
  const range = { from: params.from, to: params.to };
  const read = await readRankings(store, connection.storeScope, {
    metric: params.metric,
    range,
    owners,
    topN: CHART_RANK_N,
  });
  return labelledRanking(read, params.metric, range, env.ownerNames());
}

/**
 * The figures of one by-day request: refused when nothing is configured or the range is outside
 * the server's window (widened back to the cached history), else from the cache and the client.
 */
export async function loadSubjectByDay(
  env: ChartEnv,
  subject: ChartSubject,
  params: ByDayParams,
  options: CallOptions,
): Promise<ByDayData> {
  const connection = await requireConnection(env);
  const perOwner = params.perOwner && subject.kind === 'owners';
  const problem = subjectProblem(subject.kind === 'owners' ? new Set(subject.owners).size : 0, perOwner);
  if (problem) {
    throw new UserFacingError({ message: problem, retryable: false });
  }
  const store = await env.history.store();
  const oldest = (await store.days(connection.storeScope))?.from;
  const reason = checkChartRange(params.from, params.to, (env.now ?? Date.now)(), oldest);
  if (reason) {
    throw new DayRangeError(reason);
  }
  const owners = await seriesOwners(subject, connection, env.history, options.signal);
  return loadByDay(
    {
      client: connection.client,
      store,
      scope: connection.storeScope,
      now: env.now,
      onStored: () => void env.history.markSynced(connection.storeScope),
    },
    { owners, range: params, perOwner, refresh: params.refresh },
    options,
  );
}
