/** What the store's sums should be, worked out from its atoms by hand (the tests' reference). */
import { listDays } from '../../../src/shared/days';
import { addStats, emptyStats } from '../../../src/shared/metrics';
import type { DaySum, OwnerSum, StoredAtom } from '../../../src/store/types';

/** sumByDay as the atoms say it should be. */
export function expectedDays(
  atoms: readonly StoredAtom[],
  from: string,
  to: string,
  owners: number,
): DaySum[] {
  return listDays({ from, to }).map((day) => {
    const of = atoms.filter((a) => a.day === day);
    const data = emptyStats();
    of.forEach((a) => a.data && addStats(data, a.data));
    const complete = of.length === owners;
    return {
      day,
      data,
      present: of.filter((a) => !a.absent).length,
      stored: of.length,
      complete,
      final: complete && of.every((a) => a.final),
      ...(of.length > 0 ? { earliestFetchedAt: Math.min(...of.map((a) => a.fetchedAt)) } : {}),
    };
  });
}

export function expectedOwners(atoms: readonly StoredAtom[], from: string, to: string): OwnerSum[] {
  const inRange = atoms.filter((a) => a.day >= from && a.day <= to);
  return [...new Set(inRange.map((a) => a.owner))].sort().map((owner) => {
    const of = inRange.filter((a) => a.owner === owner);
    const sums = emptyStats();
    of.forEach((a) => a.data && addStats(sums, a.data));
    return {
      owner,
      sums,
      present: of.filter((a) => !a.absent).length,
      stored: of.length,
      finals: of.filter((a) => a.final).length,
    };
  });
}
