/**
 * What a ranking needs, summed by the store: a flow's sum per owner over the range and over the
 * previous period; an as-of figure's value on each owner's last present day of each period. Each
 * comes back as one atom-like row per owner and period, which rankOwners ranks exactly as it
 * would the day-by-day atoms (a sum of one value is that value; the latest day is the only day).
 */
import { previousRange } from '../analysis/periods';
import type { AtomLike } from '../analysis/series';
import type { DayRange } from '../shared/days';
import { figureKind } from '../shared/glossary';
import { emptyStats, type MetricKey } from '../shared/metrics';
import type { HistoryStore, ScopeRef } from '../store/types';

export async function readForRank(
  store: HistoryStore,
  scope: ScopeRef,
  metric: MetricKey,
  range: DayRange,
  owners: readonly string[],
): Promise<AtomLike[]> {
  const rows: AtomLike[] = [];
  for (const period of [previousRange(range), range]) {
    if (figureKind(metric) === 'flow') {
      for (const sum of await store.sumByOwner(scope, { ...period, owners, metrics: [metric] })) {
        // An owner absent every stored day has no figure to rank, as with day-by-day atoms.
        if (sum.present > 0) {
          const data = { ...emptyStats(), [metric]: sum.sums[metric] ?? 0 };
          rows.push({
            day: period.to,
            owner: sum.owner,
            final: sum.finals === sum.stored,
            absent: false,
            data,
          });
        }
      }
    } else {
      // The period's last day first: one row per owner. Only the owners without figures that
      // day send the store looking further back (a search of the whole period scans every atom).
      const found = await store.lastPresent(scope, { from: period.to, to: period.to, owners });
      const seen = new Set(found.map((l) => l.owner));
      const rest = owners.filter((o) => !seen.has(o));
      if (rest.length > 0 && period.from < period.to) {
        found.push(...(await store.lastPresent(scope, { ...period, owners: rest })));
      }
      for (const last of found) {
        rows.push({ day: last.day, owner: last.owner, final: true, absent: false, data: last.data });
      }
    }
  }
  return rows;
}
