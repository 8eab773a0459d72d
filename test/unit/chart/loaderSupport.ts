/** Shared bits of the chart loader tests: the cache scope of a test server, a subject's owners. */
import type { CacheScope, SeriesOwners } from '../../../src/extension/chart/closedDayCache';
import type { ChartSubject } from '../../../src/shared/chartState';

/** The scope a connection to `server` would have (its URL, corp, and a stand-in secret hash). */
export function testScope(server: { readonly url: string; readonly corpId: string }): CacheScope {
  return { mode: 'real', apiBaseUrl: server.url, corpId: server.corpId, secretHash: 'test-secret-hash' };
}

export function ownersOf(subject: ChartSubject): SeriesOwners {
  return subject.kind === 'all' ? 'all' : subject.owners;
}
