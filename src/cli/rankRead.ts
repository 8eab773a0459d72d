/**
 * The atoms a ranking needs, read with as little as the figure allows: a flow needs every day of
 * the range and of the previous period; an as-of figure only each period's last day, and, for the
 * owners absent (or not stored) that day, their earlier days of the period.
 */
import { previousRange } from '../analysis/periods';
import { rankRange } from '../analysis/rank';
import type { DayRange } from '../shared/days';
import { figureKind } from '../shared/glossary';
import type { MetricKey } from '../shared/metrics';
import type { HistoryStore, ScopeRef, StoredAtom } from '../store/types';

export async function readForRank(
  store: HistoryStore,
  scope: ScopeRef,
  metric: MetricKey,
  range: DayRange,
  owners: readonly string[],
): Promise<StoredAtom[]> {
  if (figureKind(metric) === 'flow') {
    return store.getAtoms(scope, { ...rankRange(range), owners });
  }
  const atoms: StoredAtom[] = [];
  for (const period of [previousRange(range), range]) {
    const last = await store.getAtoms(scope, { from: period.to, to: period.to, owners });
    atoms.push(...last);
    const present = new Set(last.filter((a) => !a.absent).map((a) => a.owner));
    const rest = owners.filter((o) => !present.has(o));
    if (rest.length > 0 && period.from < period.to) {
      // Their last present day is earlier in the period (rankOwners takes the latest one).
      atoms.push(...(await store.getAtoms(scope, { ...period, owners: rest })));
    }
  }
  return atoms;
}
