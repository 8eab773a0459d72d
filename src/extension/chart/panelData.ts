/**
 * Where a chart panel's figures come from: the current connection, its closed-day cache scope,
 * how far back a subject's cached history goes, and the range check that history widens. The
 * panel (`panel.ts`) owns the webview side: messages, aborts and the events tests observe.
 */
import * as vscode from 'vscode';
import type { CstDay } from '../../shared/days';
import { DayRangeError } from '../../shared/days';
import type { ByDayData, ByDayParams } from '../../shared/protocol';
import type { ChartSubject } from '../../shared/chartState';
import { checkChartRange, MAX_COMPARE_OWNERS, MAX_SUBJECT_OWNERS } from '../../shared/chartState';
import type { CallOptions } from '../../wecom/types';
import type { ActiveConnection, ConnectionSource } from '../contracts';
import { loadByDay } from './byDayLoader';
import type { CacheScope, ClosedDayCache, SeriesOwners } from './closedDayCache';
import { UserFacingError } from './chartErrors';
import type { ChartEnv } from './panelTypes';

/** The built-in demo server listens on a new port each session; its figures never change. */
const DEMO_SERVER = 'builtin-demo';

/** Whose figures a connection gives: its mode, server, corp and secret (hashed). */
function scopeOf(connection: ActiveConnection): CacheScope {
  return {
    mode: connection.mode,
    apiBaseUrl: connection.mode === 'demo' ? DEMO_SERVER : connection.apiBaseUrl,
    corpId: connection.corpId,
    secretHash: connection.secretHash,
  };
}

/** The cache scope and owner set of the current connection; undefined when nothing is configured. */
export async function currentScope(
  connections: ConnectionSource,
): Promise<{ readonly scope: CacheScope; readonly connection: ActiveConnection } | undefined> {
  const connection = await connections.current();
  return connection ? { scope: scopeOf(connection), connection } : undefined;
}

/**
 * Whose figures a subject means: "All owners" is the connection's owner set (the `owners`
 * setting) when it has one, as in the tree's summary row; else the follow-user list.
 */
export function seriesOwners(subject: ChartSubject, connection: ActiveConnection): SeriesOwners {
  if (subject.kind === 'owners') {
    return subject.owners;
  }
  return connection.owners?.length ? connection.owners : 'all';
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

/** Oldest cached day of a subject: its own series, or (compare mode) any owner's. */
export async function oldestCachedDay(
  cache: ClosedDayCache,
  scope: CacheScope,
  owners: SeriesOwners,
  subject: ChartSubject,
): Promise<CstDay | undefined> {
  const series: SeriesOwners[] = [owners];
  if (subject.kind === 'owners' && subject.owners.length > 1 && subject.owners.length <= MAX_COMPARE_OWNERS) {
    series.push(...subject.owners.map((owner) => [owner]));
  }
  const days = await Promise.all(series.map((owners) => cache.oldestDay(scope, owners)));
  return days.filter((day): day is string => day !== undefined).sort()[0];
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
  const connection = await env.connections.current();
  if (!connection) {
    throw new UserFacingError({
      message: vscode.l10n.t(
        'WeCom is not set up: set your corp ID and secret (or turn on demo mode), then retry.',
      ),
      retryable: true,
    });
  }
  const scope = scopeOf(connection);
  const owners = seriesOwners(subject, connection);
  const perOwner = params.perOwner && subject.kind === 'owners';
  const problem = subjectProblem(owners === 'all' ? 0 : new Set(owners).size, perOwner);
  if (problem) {
    throw new UserFacingError({ message: problem, retryable: false });
  }
  const oldest = await oldestCachedDay(env.cache, scope, owners, subject);
  const reason = checkChartRange(params.from, params.to, (env.now ?? Date.now)(), oldest);
  if (reason) {
    throw new DayRangeError(reason);
  }
  return loadByDay(
    {
      client: connection.client,
      cache: env.cache,
      scope,
      now: env.now,
      onCacheError: (err) => env.log.warn(`by-day chart: could not cache figures: ${String(err)}`),
    },
    { owners, range: params, perOwner, refresh: params.refresh },
    options,
  );
}
