/**
 * Which shown days a later fetch changed, for the chart's marks ("revised: 1,203 → 1,210 at
 * 11:02"): from the store's revisions of the set's owners, the set's figures before the latest
 * change of each revised owner, and when that change came. Reads only the revised (day, owner)
 * pairs, never the whole range. No `vscode` import: unit-tested with a real store.
 */
import type { CstDay, DayRange } from '../../shared/days';
import { addStats, METRIC_KEYS, type GroupChatStats } from '../../shared/metrics';
import type { DayRevision } from '../../shared/protocol';
import type { HistoryStore, RevisionOf, ScopeRef } from '../../store/types';

/**
 * The revisions of `owners` on the days of `range` that have a current sum in `shown` (the set's
 * figures as drawn). Each revised owner's previous figures are those of its latest revision.
 */
export async function dayRevisions(
  store: HistoryStore,
  scope: ScopeRef,
  range: DayRange,
  owners: readonly string[],
  shown: ReadonlyMap<CstDay, GroupChatStats>,
): Promise<DayRevision[]> {
  const latest = new Map<string, RevisionOf>();
  for (const revision of await store.revisionsIn(scope, { ...range, owners })) {
    if (shown.has(revision.day)) {
      // Oldest first: the last one is the value the current one replaced.
      latest.set(`${revision.day}\u0000${revision.owner}`, revision);
    }
  }
  if (latest.size === 0) {
    return [];
  }
  const revisedOwners = [...new Set([...latest.values()].map((r) => r.owner))];
  const current = new Map(
    (await store.getAtoms(scope, { ...range, owners: revisedOwners })).map((a) => [
      `${a.day}\u0000${a.owner}`,
      a,
    ]),
  );
  const byDay = new Map<CstDay, RevisionOf[]>();
  for (const revision of latest.values()) {
    byDay.set(revision.day, [...(byDay.get(revision.day) ?? []), revision]);
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, revisions]) => {
      // The set's sum as shown, with each revised owner's current figures swapped for its earlier ones.
      const previous = { ...(shown.get(day) as GroupChatStats) };
      for (const revision of revisions) {
        const now = current.get(`${day}\u0000${revision.owner}`)?.data;
        for (const key of METRIC_KEYS) {
          previous[key] -= now?.[key] ?? 0;
        }
        addStats(previous, revision.data ?? {});
      }
      return {
        day,
        previous,
        revisedAt: Math.max(...revisions.map((r) => r.replacedAt)),
        owners: revisions.map((r) => ({ owner: r.owner, previous: r.data ?? null })),
      };
    });
}
