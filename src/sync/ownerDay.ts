/**
 * One CST day's figures for a set of owners, from the history store: the owners' atoms when every
 * one is there and final (or fetched a moment ago), else that day is synced first (one
 * `groupchat/statistic` call per 100 owners, stored as atoms, absent owners included) and read
 * back. The owners view and `wecom-stats owners --store` both read their day this way.
 */
import { allowedWindow, isInWindow, type CstDay } from '../shared/days';
import type { HistoryStore, Revision, StoreScope, StoredAtom } from '../store/types';
import type { CallOptions, OwnerTotals, StatisticsClient } from '../wecom/types';
import { isReusable, PROVISIONAL_TTL_MS } from './freshness';
import { planFetch } from './planner';
import { UnavailableDaysError } from './storedByDay';
import { runSync } from './sync';

export interface OwnerDayResult {
  /** One entry per owner asked, in the order asked. */
  readonly totals: readonly OwnerTotals[];
  /** The oldest fetch time among the owners' atoms: the day is as provisional as that. */
  readonly fetchedAt: number;
  /** Statistics calls made (0 when the store had it all). */
  readonly calls: number;
  /** The earlier values the store kept for the day, oldest first, of the owners that have any. */
  readonly revisions: ReadonlyMap<string, readonly Revision[]>;
}

export interface OwnerDayOptions extends CallOptions {
  /** Ask WeCom again even when the stored atoms are fresh or final (a day it still serves). */
  readonly refresh?: boolean;
  /** A provisional atom fetched less than this long ago is reused (default 1 h). */
  readonly provisionalTtlMs?: number;
  readonly now: () => number;
}

export async function ownerDayFromStore(
  client: StatisticsClient,
  store: HistoryStore,
  scope: StoreScope,
  owners: readonly string[],
  day: CstDay,
  options: OwnerDayOptions,
): Promise<OwnerDayResult> {
  const ids = [...new Set(owners)];
  const now = options.now();
  const ttl = options.provisionalTtlMs ?? PROVISIONAL_TTL_MS;
  // Refresh asks WeCom again for a day it still serves, final or not, as the chart's Refresh does
  // (a changed value is kept as a revision); a plain load reuses final and fresh atoms.
  const askAgain = options.refresh === true && isInWindow(day, allowedWindow(now));
  const reusable = (atom: StoredAtom): boolean =>
    !askAgain && (atom.final || (!options.refresh && isReusable(atom, now, ttl)));
  let atoms = await store.getAtoms(scope, { from: day, to: day, owners: ids });
  let calls = 0;
  if (atoms.length < ids.length || !atoms.every(reusable)) {
    const keep = new Set(atoms.filter(reusable).map((a) => a.owner));
    const plan = planFetch({
      days: [day],
      owners: ids,
      coverage: { isFinal: (_day, owner) => keep.has(owner) },
      nowMs: now,
    });
    const result = await runSync(client, store, scope, plan, {
      signal: options.signal,
      onProgress: (p) => options.onProgress?.({ done: p.done, total: p.total }),
      now: options.now,
    });
    calls = result.calls;
    atoms = await store.getAtoms(scope, { from: day, to: day, owners: ids });
  }
  const byOwner = new Map(atoms.map((a) => [a.owner, a]));
  const missing = ids.filter((id) => !byOwner.has(id));
  if (missing.length > 0 && !isInWindow(day, allowedWindow(now))) {
    throw new UnavailableDaysError([day]);
  }
  if (missing.length > 0) {
    // The plan asked for every owner without a usable atom; a gap here is a store that lost writes.
    throw new Error(
      `the history store has no figures for ${missing.length} of ${ids.length} owners on ${day} after the sync`,
    );
  }
  const totals = ids.map((owner): OwnerTotals => {
    const atom = byOwner.get(owner) as StoredAtom;
    return atom.absent || !atom.data ? { owner, absent: true } : { owner, data: atom.data };
  });
  const fetchedAt = atoms.length > 0 ? Math.min(...atoms.map((a) => a.fetchedAt)) : now;
  const revisions = new Map(atoms.filter((a) => a.revisions.length > 0).map((a) => [a.owner, a.revisions]));
  return { totals, fetchedAt, calls, revisions };
}
