/**
 * Per-owner sums kept by block of days (schema v3), so a sum over half a year reads a few block
 * rows per owner instead of one atom per day. Blocks are aligned runs of `span` days counted from
 * 1970-01-01 (8 and 64 days: each 64-day block is exactly eight 8-day blocks), so any range is
 * some 64-day blocks, at most seven 8-day blocks and seven days at either end.
 */
import { addDays, daysBetween, type CstDay, type DayRange } from '../shared/days';

/** Frozen in schema v3: its migration fills blocks of these spans, the writes keep them. */
export const BLOCK_SPANS = [64, 8] as const;

export type BlockSpan = (typeof BLOCK_SPANS)[number];

/** Whole blocks `from..to` (block numbers, inclusive) of one span. */
export interface BlockRun {
  readonly span: BlockSpan;
  readonly from: number;
  readonly to: number;
}

export interface Decomposition {
  readonly blocks: readonly BlockRun[];
  /** The days no whole block covers, as ranges of atoms to read. */
  readonly days: readonly DayRange[];
}

const EPOCH = '1970-01-01';

/** Days since 1970-01-01 (the store's days are later, so never negative). */
export function dayNumber(day: CstDay): number {
  return daysBetween(EPOCH, day);
}

/** The day `n` days after 1970-01-01 (the inverse of `dayNumber`). */
export function dayOfNumber(n: number): CstDay {
  return addDays(EPOCH, n);
}

export function blockOf(day: CstDay, span: BlockSpan): number {
  return Math.floor(dayNumber(day) / span);
}

/** Splits a range into whole blocks (largest span first) and the days left at its ends. */
export function decompose(range: DayRange): Decomposition {
  const blocks: BlockRun[] = [];
  const days: DayRange[] = [];
  const split = (from: number, to: number, level: number): void => {
    if (from > to) {
      return;
    }
    const span = BLOCK_SPANS[level] as BlockSpan | undefined;
    if (span === undefined) {
      days.push({ from: addDays(EPOCH, from), to: addDays(EPOCH, to) });
      return;
    }
    const first = Math.ceil(from / span);
    const last = Math.floor((to + 1) / span) - 1;
    if (first > last) {
      split(from, to, level + 1);
      return;
    }
    blocks.push({ span, from: first, to: last });
    split(from, first * span - 1, level + 1);
    split((last + 1) * span, to, level + 1);
  };
  split(dayNumber(range.from), dayNumber(range.to), 0);
  return { blocks, days };
}
