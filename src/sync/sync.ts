/**
 * Executes a fetch plan: the shared client fetches, the store keeps. Each unit (one day of
 * `groupchat/statistic`, or one owner's run of `statistic_group_by_day`) is written in its own
 * transaction as soon as its replies are in, so Ctrl-C or a failure keeps everything stored so far
 * and the next run plans only the rest.
 */
import { listDays, type CstDay } from '../shared/days';
import type { AtomInput, HistoryStore, PutResult, StoreScope } from '../store/types';
import { abortedError, WeComError } from '../wecom/errors';
import type { OwnerTotals, StatisticsClient } from '../wecom/types';
import { MAX_OWNERS_PER_REQUEST } from '../shared/wecomApi';
import { planFetch, type Coverage, type DayUnit, type FetchPlan, type OwnerUnit } from './planner';

export interface SyncProgress {
  /** Statistics calls finished so far, and the plan's count. */
  readonly done: number;
  readonly total: number;
  /** Atoms written so far. */
  readonly stored: number;
}

export interface SyncOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: SyncProgress) => void;
  /** Units fetched at once; the client's own limiter still caps requests in flight. Default 8. */
  readonly parallelUnits?: number;
  /** Clock of the reply times (tests pin it). */
  readonly now: () => number;
}

export interface SyncResult extends PutResult {
  /** Statistics calls made (retries inside the client not counted). */
  readonly calls: number;
  /** Atoms written, absent ones included. */
  readonly atoms: number;
  readonly absent: number;
  /** Units left out because the budget was used up (extra pages); the next run fetches them. */
  readonly skippedUnits: number;
}

/** WeCom's "no valid userid": for a one-owner query, WeCom does not know the owner (absent). */
const NO_VALID_USERID = 81013;

/** Reads the store's coverage for `days` × `owners` and plans what is missing or provisional. */
export async function planSync(
  store: HistoryStore,
  scope: StoreScope,
  request: { days: readonly CstDay[]; owners: readonly string[]; recheck?: number; nowMs: number },
): Promise<FetchPlan> {
  const coverage = await readCoverage(store, scope, request.days, request.owners);
  return planFetch({ ...request, coverage });
}

async function readCoverage(
  store: HistoryStore,
  scope: StoreScope,
  days: readonly CstDay[],
  owners: readonly string[],
): Promise<Coverage> {
  if (days.length === 0 || owners.length === 0) {
    return { isFinal: () => false };
  }
  const sorted = [...days].sort();
  const entries = await store.coverage(scope, { from: sorted[0], to: sorted[sorted.length - 1], owners });
  const final = new Set(entries.filter((e) => e.final).map((e) => key(e.day, e.owner)));
  return { isFinal: (day, owner) => final.has(key(day, owner)) };
}

function key(day: CstDay, owner: string): string {
  return `${day}\u0000${owner}`;
}

export async function runSync(
  client: StatisticsClient,
  store: HistoryStore,
  scope: StoreScope,
  plan: FetchPlan,
  options: SyncOptions,
): Promise<SyncResult> {
  const controller = new AbortController();
  const onAbort = (): void => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) {
    controller.abort();
  }
  const tally = { calls: 0, atoms: 0, absent: 0, inserted: 0, revised: 0, unchanged: 0, skipped: 0 };
  const report = (): void =>
    options.onProgress?.({ done: tally.calls, total: plan.calls, stored: tally.atoms });
  // Writes go one at a time: one transaction per unit, never two interleaved on one connection.
  let writes: Promise<void> = Promise.resolve();
  const write = (atoms: AtomInput[]): Promise<void> => {
    writes = writes.then(async () => {
      if (atoms.length === 0) {
        return;
      }
      const put = await store.putAtoms(scope, atoms);
      tally.inserted += put.inserted;
      tally.revised += put.revised;
      tally.unchanged += put.unchanged;
      tally.atoms += atoms.length;
      tally.absent += atoms.filter((a) => a.absent).length;
      report();
    });
    return writes;
  };

  // The budget: a unit starts only when the calls made so far, plus the calls units in flight have
  // reserved and not made yet, plus its own fit in the plan's count; so extra pages can never push
  // the total past it (the units left out are fetched by the next run).
  let outstanding = 0;
  const units: ReadonlyArray<DayUnit | OwnerUnit> = plan.units;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < units.length && !controller.signal.aborted) {
      const unit = units[next++];
      if (tally.calls + outstanding + unit.calls > plan.calls) {
        tally.skipped++;
        continue;
      }
      let made = 0;
      outstanding += unit.calls;
      const unreserved = (): number => Math.max(0, unit.calls - made);
      const onCall = (done: number): void => {
        outstanding -= unreserved();
        tally.calls += done - made;
        made = done;
        outstanding += unreserved();
        report();
      };
      try {
        const atoms =
          'day' in unit
            ? await fetchDay(client, unit, controller.signal, onCall, options.now)
            : await fetchOwnerRun(client, unit, controller.signal, onCall, options.now);
        await write(atoms);
      } finally {
        outstanding -= unreserved();
      }
    }
  };
  const parallel = Math.max(1, options.parallelUnits ?? 8);
  try {
    report();
    await Promise.all(
      Array.from({ length: Math.min(parallel, units.length) }, () =>
        worker().catch((err: unknown) => {
          // The first failure stops the others; what was written stays written.
          controller.abort();
          throw err;
        }),
      ),
    );
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await writes.catch(() => undefined);
  }
  await writes;
  if (options.signal?.aborted) {
    throw abortedError();
  }
  const { skipped, ...rest } = tally;
  return { ...rest, skippedUnits: skipped };
}

/** One day for the unit's owners: present owners with their figures, the others absent. */
async function fetchDay(
  client: StatisticsClient,
  unit: DayUnit,
  signal: AbortSignal,
  onCall: (done: number) => void,
  now: () => number,
): Promise<AtomInput[]> {
  let rows: readonly OwnerTotals[];
  try {
    rows = await client.getOwnerTotals(
      { from: unit.day, to: unit.day, owners: unit.owners },
      { signal, onProgress: (p) => onCall(p.done) },
    );
  } catch (err) {
    if (!isNoValidUserid(err)) {
      throw err;
    }
    // One batch of 100 named only owners WeCom does not know, and it refuses the whole batch
    // rather than leaving them out. Asked again batch by batch, such a batch is absent owners.
    rows = await fetchDayByBatch(client, unit, signal, onCall);
  }
  // The reply time of the whole call: a day's atoms are only as final as its last batch.
  const fetchedAt = now();
  return rows.map((row) =>
    row.absent
      ? { day: unit.day, owner: row.owner, fetchedAt, absent: true }
      : { day: unit.day, owner: row.owner, fetchedAt, data: row.data },
  );
}

function isNoValidUserid(err: unknown): boolean {
  return err instanceof WeComError && err.kind === 'api' && err.errcode === NO_VALID_USERID;
}

async function fetchDayByBatch(
  client: StatisticsClient,
  unit: DayUnit,
  signal: AbortSignal,
  onCall: (done: number) => void,
): Promise<OwnerTotals[]> {
  const rows: OwnerTotals[] = [];
  let done = 0;
  for (let i = 0; i < unit.owners.length; i += MAX_OWNERS_PER_REQUEST) {
    const batch = unit.owners.slice(i, i + MAX_OWNERS_PER_REQUEST);
    try {
      rows.push(
        ...(await client.getOwnerTotals({ from: unit.day, to: unit.day, owners: batch }, { signal })),
      );
    } catch (err) {
      if (!isNoValidUserid(err)) {
        throw err;
      }
      rows.push(...batch.map((owner): OwnerTotals => ({ owner, absent: true })));
    }
    onCall(++done);
  }
  return rows;
}

/** One owner over a run of days: the days WeCom reported are atoms; missing days stay missing. */
async function fetchOwnerRun(
  client: StatisticsClient,
  unit: OwnerUnit,
  signal: AbortSignal,
  onCall: (done: number) => void,
  now: () => number,
): Promise<AtomInput[]> {
  try {
    const result = await client.getByDay(
      { from: unit.run.from, to: unit.run.to, owners: [unit.owner] },
      { signal, onProgress: (p) => onCall(p.done) },
    );
    return result.total.map((day) => ({
      day: day.date,
      owner: unit.owner,
      fetchedAt: day.fetchedAt,
      data: day.data,
    }));
  } catch (err: unknown) {
    if (isNoValidUserid(err)) {
      // WeCom knows no such owner: absent on every day asked, as groupchat/statistic would say.
      // Counted as the whole unit: the budget errs on the side of fewer calls.
      onCall(unit.calls);
      const fetchedAt = now();
      return listDays(unit.run).map((day) => ({ day, owner: unit.owner, fetchedAt, absent: true }));
    }
    throw err;
  }
}
