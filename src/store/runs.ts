/**
 * `sumByRuns` for a subset of the owners: the sums between the cuts (a roll-up's period starts)
 * from the per-owner block sums (schema v3, blocks.ts) and a few days' atoms, instead of every
 * atom of the subset (2,500 of 5,000 owners over a year: 0.9 M atoms, about 1 s embedded).
 *
 * Every sum here is over the subset's atoms, so it is exact whatever is stored: the sum from a
 * fixed base day up to a cut, `P(x)`, is some whole 64-day blocks, then either the 8-day blocks
 * of the cut's 64-day block before it or that block minus the ones after, then likewise the days
 * of the cut's 8-day block before it or that block minus the days after (whichever reads less).
 * Between two cuts, `P(next) - P(cut)` gives the stored and final counts as well as the figures:
 * when every owner has a final atom on every day there, the days are one settled run, its last
 * day's figures read with the atoms (the as-of days); otherwise each of its days is read and
 * returned as `sumByDay` would. All the block sums and days are read in one statement per chunk
 * of owners (one snapshot on PostgreSQL too).
 */
import { METRIC_KEYS, emptyStats, type GroupChatStats } from '../shared/metrics';
import { IN_SCOPE, OWNER_CHUNK } from './aggregates';
import { dayNumber, dayOfNumber } from './blocks';
import { chunks, num, placeholders, type Row, type SqlConn } from './sql';
import type { RunSum, RunsQuery, ScopeRef } from './types';

/** stored, finals, then the eight figures (METRIC_KEYS order). */
type Vec = number[];

const WIDTH = 2 + METRIC_KEYS.length;

/** A unit summed in SQL: a 64- or 8-day block (its number) or a day (its day number). */
type Kind = 64 | 8 | 1;

interface Term {
  readonly kind: Kind;
  readonly unit: number;
  readonly sign: 1 | -1;
}

/** What a block read costs against a day's atoms (measured: a day's atoms take about twice a block's rows). */
const DAY_COST = 2;

/**
 * The runs of `query` (owners distinct, at least one; `from` ≤ `to`) over the subset's blocks and
 * atoms, as the contract of `HistoryStore.sumByRuns` says.
 */
export async function runsFromBlocks(conn: SqlConn, scope: ScopeRef, query: RunsQuery): Promise<RunSum[]> {
  const first = dayNumber(query.from);
  const end = dayNumber(query.to) + 1;
  const cuts = [
    ...new Set([first, ...query.cuts.map(dayNumber).filter((x) => x > first && x < end), end]),
  ].sort((a, b) => a - b);
  const base = Math.floor(first / 64);
  // The last day of every piece but the first cut's: its figures are the run's `last`.
  const asOf = new Set(cuts.slice(1).map((x) => x - 1));
  const prefixes = cuts.map((x) => prefixTerms(x, base, asOf));
  const units = unitsOf(prefixes.flat(), asOf);
  const owners = query.owners;
  const sums = await readUnits(conn, scope, owners, units);

  const at = (terms: readonly Term[]): Vec => {
    const v = zero();
    for (const t of terms) {
      const u = sums.get(key(t.kind, t.unit));
      if (u) {
        for (let i = 0; i < WIDTH; i++) {
          v[i] += t.sign * u[i];
        }
      }
    }
    return v;
  };
  // A settled piece is one run; any other is left as its days, read below.
  const pieces: (RunSum | readonly number[])[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, next] = [cuts[i], cuts[i + 1]];
    const [lo, hi] = [at(prefixes[i]), at(prefixes[i + 1])];
    const piece = hi.map((v, j) => v - lo[j]);
    if (piece[0] === owners.length * (next - from) && piece[1] === piece[0]) {
      pieces.push({
        from: dayOfNumber(from),
        to: dayOfNumber(next - 1),
        data: figures(piece),
        last: figures(sums.get(key(1, next - 1)) ?? zero()),
        complete: true,
        final: true,
      });
    } else {
      // Some owner lacks a day there, or some atom is provisional: day by day, as sumByDay.
      pieces.push(range(from, next - 1));
    }
  }
  const wanted = pieces.flatMap((p) => (Array.isArray(p) ? p : [])).filter((d) => !sums.has(key(1, d)));
  const more = await readUnits(conn, scope, owners, { b64: [], b8: [], days: wanted });
  return pieces.flatMap((p) =>
    !Array.isArray(p)
      ? [p as RunSum]
      : p.map((d): RunSum => {
          const v = sums.get(key(1, d)) ?? more.get(key(1, d)) ?? zero();
          const complete = v[0] === owners.length;
          const data = figures(v);
          const day = dayOfNumber(d);
          return { from: day, to: day, data, last: data, complete, final: complete && v[1] === v[0] };
        }),
  );
}

/**
 * `P(x)` as signed units: the subset's sum over the days from the 64-day block `base` up to the
 * day before `x`. Of the four ways to end it (the 8-day blocks before or after, the days before
 * or after) the one with the fewest rows to read; a day of `asOf` costs nothing (it is read anyway).
 */
function prefixTerms(x: number, base: number, asOf: ReadonlySet<number>): Term[] {
  const x8 = Math.floor(x / 8);
  let best: { terms: Term[]; cost: number } | undefined;
  // m: the 8-day block whose first day the days are counted from (x8: the days before x are
  // added; x8 + 1: the days from x to the end of x's block are taken away).
  for (const m of x8 * 8 === x ? [x8] : [x8, x8 + 1]) {
    const days: Term[] =
      m === x8
        ? range(x8 * 8, x - 1).map((unit) => ({ kind: 1, unit, sign: 1 }))
        : range(x, x8 * 8 + 7).map((unit) => ({ kind: 1, unit, sign: -1 }));
    // Up to the first day of block m: whole 64-day blocks, then the 8-day blocks of m's 64-day
    // block before m, or that 64-day block minus its 8-day blocks from m on.
    const m64 = Math.floor(m / 8);
    const whole = range(base, m64 - 1).map((unit): Term => ({ kind: 64, unit, sign: 1 }));
    const before = range(m64 * 8, m - 1).map((unit): Term => ({ kind: 8, unit, sign: 1 }));
    const after: Term[] = [
      { kind: 64, unit: m64, sign: 1 },
      ...range(m, m64 * 8 + 7).map((unit): Term => ({ kind: 8, unit, sign: -1 })),
    ];
    const terms = [...whole, ...(after.length - 1 < before.length ? after : before), ...days];
    const cost =
      terms.filter((t) => t.kind === 8).length +
      DAY_COST * terms.filter((t) => t.kind === 1 && !asOf.has(t.unit)).length;
    if (!best || cost < best.cost) {
      best = { terms, cost };
    }
  }
  return (best as { terms: Term[] }).terms;
}

interface Units {
  readonly b64: readonly number[];
  readonly b8: readonly number[];
  readonly days: readonly number[];
}

function unitsOf(terms: readonly Term[], asOf: ReadonlySet<number>): Units {
  const of = (kind: Kind): number[] =>
    [...new Set(terms.filter((t) => t.kind === kind).map((t) => t.unit))].sort((a, b) => a - b);
  return {
    b64: of(64),
    b8: of(8),
    days: [...new Set([...of(1), ...asOf])].sort((a, b) => a - b),
  };
}

/**
 * The subset's sums of each unit, in one statement per chunk of owners: block sums from
 * `history_owner_blocks`, days from the atoms. Units with no rows are left out.
 */
async function readUnits(
  conn: SqlConn,
  scope: ScopeRef,
  owners: readonly string[],
  units: Units,
): Promise<Map<string, Vec>> {
  const out = new Map<string, Vec>();
  if (units.b64.length + units.b8.length + units.days.length === 0) {
    return out;
  }
  const figureSums = METRIC_KEYS.map((k) => `, SUM(${k}) AS ${k}`).join('');
  for (const part of chunks(owners, OWNER_CHUNK)) {
    const params: unknown[] = [scope.key, ...units.days.map(dayOfNumber), ...part];
    const dayList = placeholders(units.days.length, 1);
    const ownerList = `owner IN (${placeholders(part.length, 1 + units.days.length)})`;
    const blocks = (span: 64 | 8, list: readonly number[]): string =>
      `SELECT ${span} AS kind, CAST(block AS TEXT) AS unit, SUM(stored) AS stored, SUM(finals) AS finals${figureSums}
       FROM history_owner_blocks WHERE ${IN_SCOPE} AND span = ${span} AND block IN (${list.map(integer).join(', ')})
       AND ${ownerList} GROUP BY block`;
    const branches = [
      ...(units.b64.length > 0 ? [blocks(64, units.b64)] : []),
      ...(units.b8.length > 0 ? [blocks(8, units.b8)] : []),
      ...(units.days.length > 0
        ? [
            `SELECT 1 AS kind, day AS unit, COUNT(*) AS stored, SUM(final) AS finals${figureSums}
             FROM history_atoms WHERE ${IN_SCOPE} AND day IN (${dayList}) AND ${ownerList} GROUP BY day`,
          ]
        : []),
    ];
    for (const r of await conn.all(branches.join(' UNION ALL '), params)) {
      const kind = num(r.kind) as Kind;
      const unit = kind === 1 ? dayNumber(String(r.unit)) : num(r.unit);
      const k = key(kind, unit);
      const v = out.get(k) ?? zero();
      const row = vec(r);
      for (let i = 0; i < WIDTH; i++) {
        v[i] += row[i];
      }
      out.set(k, v);
    }
  }
  return out;
}

function vec(r: Row): Vec {
  // A figure's SUM is NULL when every atom summed is absent: nothing was added.
  return [
    num(r.stored),
    num(r.finals),
    ...METRIC_KEYS.map((k) => (r[k] === null || r[k] === undefined ? 0 : num(r[k]))),
  ];
}

function figures(v: Vec): GroupChatStats {
  const data = emptyStats();
  METRIC_KEYS.forEach((k, i) => (data[k] = v[2 + i]));
  return data;
}

function zero(): Vec {
  return new Array<number>(WIDTH).fill(0);
}

function key(kind: Kind, unit: number): string {
  return `${kind}:${unit}`;
}

/** a..b inclusive (empty when b < a). */
function range(a: number, b: number): number[] {
  return b < a ? [] : Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

/** A block number written into the SQL: always an integer computed here, never caller text. */
function integer(n: number): string {
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`not a block number: ${n}`);
  }
  return String(n);
}
