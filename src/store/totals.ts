/**
 * Keeps schema v3's sums in step with the atoms inside the write transaction: each atom written
 * adds its change (new value minus old) to its day's totals and to its owner's blocks. Changes are gathered over the whole batch and written once per row, so a
 * day of 5,000 atoms adds one day row, not 5,000 updates of it. Integer sums and counts are exact
 * under deltas; only the earliest fetch time is not (it can rise), so the days where it may have
 * risen read it again from their atoms.
 */
import { METRIC_KEYS, type GroupChatStats } from '../shared/metrics';
import { BLOCK_SPANS, blockOf } from './blocks';
import { chunks, num, valuesList, type SqlConn } from './sql';

/** An atom's value as the sums see it. */
export interface Counted {
  readonly absent: boolean;
  readonly final: boolean;
  readonly data?: GroupChatStats;
}

interface Delta {
  stored: number;
  present: number;
  finals: number;
  sums: number[];
}

interface DayDelta extends Delta {
  /** The earliest fetch time written to the day. */
  earliest: number;
  /** The earliest fetch time that an update replaced (the day's minimum may have been it). */
  raised?: number;
}

const COUNT_COLUMNS = ['stored', 'present', 'finals', ...METRIC_KEYS];
/** Rows per statement, well below both engines' parameter caps (at most 16 values a row). */
const CHUNK = 500;

export class TotalsDelta {
  private readonly days = new Map<string, DayDelta>();
  private readonly blocks = new Map<string, { span: number; block: number; owner: string; delta: Delta }>();

  /** One atom written: `old` is the stored value it replaces (undefined for a new atom). */
  write(day: string, owner: string, fetchedAt: number, next: Counted, old?: Counted, oldAt?: number): void {
    const change = difference(next, old);
    const d = this.days.get(day) ?? { ...zero(), earliest: fetchedAt };
    add(d, change);
    d.earliest = Math.min(d.earliest, fetchedAt);
    if (oldAt !== undefined && oldAt < fetchedAt) {
      d.raised = Math.min(d.raised ?? oldAt, oldAt);
    }
    this.days.set(day, d);
    if (isZero(change)) {
      return;
    }
    for (const span of BLOCK_SPANS) {
      const block = blockOf(day, span);
      const key = `${span}\u0000${block}\u0000${owner}`;
      const entry = this.blocks.get(key) ?? { span, block, owner, delta: zero() };
      add(entry.delta, change);
      this.blocks.set(key, entry);
    }
  }

  /** Writes the gathered changes; call once, after the batch's atoms, in the same transaction. */
  async flush(conn: SqlConn, sid: number): Promise<void> {
    const added = (table: string): string =>
      COUNT_COLUMNS.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ');
    const lower = (table: string, c: string, than: '<' | '>'): string =>
      `${c} = CASE WHEN excluded.${c} ${than} ${table}.${c} THEN excluded.${c} ELSE ${table}.${c} END`;
    const days = [...this.days].map(([day, d]) => [sid, day, ...cells(d), d.earliest]);
    await upsert(
      conn,
      `history_day_totals (scope_id, day, ${COUNT_COLUMNS.join(', ')}, earliest)`,
      days,
      `(scope_id, day) DO UPDATE SET ${added('history_day_totals')}, ${lower('history_day_totals', 'earliest', '<')}`,
    );
    const blocks = [...this.blocks.values()].map((b) => [sid, b.span, b.block, b.owner, ...cells(b.delta)]);
    await upsert(
      conn,
      `history_owner_blocks (scope_id, span, block, owner, ${COUNT_COLUMNS.join(', ')})`,
      blocks,
      `(scope_id, span, block, owner) DO UPDATE SET ${added('history_owner_blocks')}`,
    );
    for (const [day, d] of this.days) {
      if (d.raised !== undefined) {
        // Still at or above the replaced time: the minimum may have been the replaced value.
        await conn.run(
          `UPDATE history_day_totals SET earliest =
             (SELECT MIN(fetched_at) FROM history_atoms WHERE scope_id = $1 AND day = $2)
           WHERE scope_id = $1 AND day = $2 AND earliest >= $3`,
          [sid, day, d.raised],
        );
      }
    }
  }
}

async function upsert(
  conn: SqlConn,
  into: string,
  rows: readonly unknown[][],
  onConflict: string,
): Promise<void> {
  for (const part of chunks(rows, CHUNK)) {
    await conn.run(
      `INSERT INTO ${into} VALUES ${valuesList(part.length, part[0].length)} ON CONFLICT ${onConflict}`,
      part.flat(),
    );
  }
}

function zero(): Delta {
  return { stored: 0, present: 0, finals: 0, sums: METRIC_KEYS.map(() => 0) };
}

function counted(value: Counted | undefined): Delta {
  if (!value) {
    return zero();
  }
  return {
    stored: 1,
    present: value.absent ? 0 : 1,
    finals: value.final ? 1 : 0,
    sums: METRIC_KEYS.map((k) => (value.data ? value.data[k] : 0)),
  };
}

function difference(next: Counted, old: Counted | undefined): Delta {
  const [a, b] = [counted(next), counted(old)];
  return {
    stored: a.stored - b.stored,
    present: a.present - b.present,
    finals: a.finals - b.finals,
    sums: a.sums.map((v, i) => v - b.sums[i]),
  };
}

function add(into: Delta, change: Delta): void {
  into.stored += change.stored;
  into.present += change.present;
  into.finals += change.finals;
  change.sums.forEach((v, i) => (into.sums[i] += v));
}

function isZero(d: Delta): boolean {
  return d.stored === 0 && d.present === 0 && d.finals === 0 && d.sums.every((v) => v === 0);
}

function cells(d: Delta): number[] {
  return [d.stored, d.present, d.finals, ...d.sums];
}

/** A stored row's value for `TotalsDelta.write`. */
export function countedRow(row: Record<string, unknown>, data: GroupChatStats | undefined): Counted {
  return { absent: num(row.absent) !== 0, final: num(row.final) !== 0, data };
}
