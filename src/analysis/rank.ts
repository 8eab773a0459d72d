/**
 * Owner rankings for one figure over a range: value = the sum over the range for a flow, the
 * value on the owner's last present day of the range for an as-of figure. Higher ranks first;
 * ties go by owner id, so every owner has its own rank. Each owner also gets its rank over the
 * same number of days just before, and the movement between the two.
 */
import { type CstDay, type DayRange } from '../shared/days';
import { figureKind } from '../shared/glossary';
import type { MetricKey } from '../shared/metrics';
import { previousRange } from './periods';
import type { AtomLike } from './series';

export interface RankedOwner {
  readonly owner: string;
  readonly value: number;
  /** 1 = highest. */
  readonly rank: number;
  /** Rank in the previous period of the same length; null when the owner had no figures there. */
  readonly previousRank: number | null;
  /** "↑3", "↓2", "=" or "new". */
  readonly movement: string;
}

export interface RankRequest {
  readonly metric: MetricKey;
  readonly range: DayRange;
  /** Only these owners; every owner with atoms when absent. */
  readonly owners?: readonly string[];
}

/** The days a ranking reads: the previous period and the range. */
export function rankRange(range: DayRange): DayRange {
  return { from: previousRange(range).from, to: range.to };
}

/** Every owner with figures in the range, ranked (atoms may span `rankRange(range)`). */
export function rankOwners(atoms: Iterable<AtomLike>, request: RankRequest): RankedOwner[] {
  const previous = previousRange(request.range);
  const flow = figureKind(request.metric) === 'flow';
  const wanted = request.owners ? new Set(request.owners) : undefined;
  const now = new Map<string, Value>();
  const before = new Map<string, Value>();
  for (const atom of atoms) {
    if (atom.absent || !atom.data || (wanted && !wanted.has(atom.owner))) {
      continue;
    }
    const into = within(atom.day, request.range) ? now : within(atom.day, previous) ? before : undefined;
    if (into) {
      accumulate(into, atom.owner, atom.day, atom.data[request.metric], flow);
    }
  }
  const previousRanks = new Map(order(before).map((o, i) => [o, i + 1]));
  return order(now).map((owner, i): RankedOwner => {
    const rank = i + 1;
    const previousRank = previousRanks.get(owner) ?? null;
    return {
      owner,
      value: (now.get(owner) as Value).value,
      rank,
      previousRank,
      movement: movement(rank, previousRank),
    };
  });

  function order(values: Map<string, Value>): string[] {
    return [...values.keys()].sort((a, b) => {
      const d = (values.get(b) as Value).value - (values.get(a) as Value).value;
      return d !== 0 ? d : a < b ? -1 : a > b ? 1 : 0;
    });
  }
}

interface Value {
  value: number;
  day: CstDay;
}

function within(day: CstDay, range: DayRange): boolean {
  return day >= range.from && day <= range.to;
}

function accumulate(into: Map<string, Value>, owner: string, day: CstDay, v: number, flow: boolean): void {
  const seen = into.get(owner);
  if (!seen) {
    into.set(owner, { value: v, day });
  } else if (flow) {
    seen.value += v;
  } else if (day > seen.day) {
    seen.value = v;
    seen.day = day;
  }
}

export function movement(rank: number, previousRank: number | null): string {
  if (previousRank === null) {
    return 'new';
  }
  const up = previousRank - rank;
  return up > 0 ? `↑${up}` : up < 0 ? `↓${-up}` : '=';
}

/** The first `n` (top) or the last `n` (bottom, lowest first) of a ranking. */
export function topOwners(ranked: readonly RankedOwner[], n: number, bottom = false): RankedOwner[] {
  return bottom ? ranked.slice(-n).reverse() : ranked.slice(0, n);
}
