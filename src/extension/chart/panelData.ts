/**
 * Where a chart panel's figures come from: the current connection, its closed-day cache scope,
 * how far back a subject's cached history goes, and the range check that history widens. The
 * panel (`panel.ts`) owns the webview side: messages, aborts and the events tests observe.
 */
import * as vscode from 'vscode';
import type { CstDay } from '../../shared/days';
import { DayRangeError } from '../../shared/days';
import type { ByDayData, ByDayParams, ChartSubject } from '../../shared/protocol';
import { checkChartRange } from '../../shared/protocol';
import type { CallOptions } from '../../wecom/types';
import type { ConnectionSource } from '../contracts';
import { loadByDay } from './byDayLoader';
import type { CacheScope, ClosedDayCache, SeriesOwners } from './closedDayCache';
import { UserFacingError } from './chartErrors';
import type { ChartEnv } from './panelTypes';

/** The cache scope of the current connection; undefined when nothing is configured. */
export async function currentScope(connections: ConnectionSource): Promise<CacheScope | undefined> {
  const connection = await connections.current();
  return connection ? { mode: connection.mode, corpId: connection.corpId } : undefined;
}

function seriesOwners(subject: ChartSubject): SeriesOwners {
  return subject.kind === 'all' ? 'all' : subject.owners;
}

/** Oldest cached day of a subject: its own series, or (compare mode) any owner's. */
export async function oldestCachedDay(
  cache: ClosedDayCache,
  scope: CacheScope,
  subject: ChartSubject,
): Promise<CstDay | undefined> {
  const series: SeriesOwners[] = [seriesOwners(subject)];
  if (subject.kind === 'owners' && subject.owners.length > 1) {
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
  const scope = { mode: connection.mode, corpId: connection.corpId };
  const oldest = await oldestCachedDay(env.cache, scope, subject);
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
    { subject, range: params, perOwner: params.perOwner, refresh: params.refresh },
    options,
  );
}
