/**
 * Reconciliation: for one day and an owner set, the sum of the stored atoms against WeCom's own
 * `statistic_group_by_day` for the same set, fetched now, field by field. A mismatch is reported as
 * it is (a revision, or a difference in how WeCom aggregates); nothing is adjusted or hidden.
 */
import type { CstDay } from '../shared/days';
import { METRIC_KEYS, type MetricKey } from '../shared/metrics';
import type { HistoryStore, ScopeRef } from '../store/types';
import { missingDaysError } from '../wecom/errors';
import type { CallOptions, StatisticsClient } from '../wecom/types';

export interface FieldComparison {
  readonly field: MetricKey;
  readonly sum_of_owners: number;
  readonly by_day: number;
}

export interface ReconcileResult {
  readonly date: CstDay;
  readonly consistent: boolean;
  readonly fields: readonly FieldComparison[];
  /** Owners whose atom that day is absent (WeCom returned no row): they add nothing to the sum. */
  readonly absentOwners: number;
  /** Whether every atom of the sum was final when fetched. */
  readonly final: boolean;
}

/** The store lacks atoms of the day for some owners: there is no sum to compare yet. */
export class StoreGapError extends Error {
  constructor(
    readonly date: CstDay,
    readonly owners: readonly string[],
  ) {
    const named = owners.slice(0, 5).join(', ') + (owners.length > 5 ? `, … (${owners.length} in all)` : '');
    super(`the store has no atom of ${date} for ${named}: run wecom-stats sync first`);
    this.name = 'StoreGapError';
  }
}

export async function reconcileDay(
  client: StatisticsClient,
  store: HistoryStore,
  scope: ScopeRef,
  request: { date: CstDay; owners: readonly string[] },
  options: CallOptions = {},
): Promise<ReconcileResult> {
  const { date, owners } = request;
  const query = { from: date, to: date, owners };
  const [sum] = await store.sumByDay(scope, query);
  if (!sum || !sum.complete) {
    const stored = new Set((await store.coverage(scope, query)).map((entry) => entry.owner));
    throw new StoreGapError(
      date,
      owners.filter((owner) => !stored.has(owner)),
    );
  }
  const reply = await client.getByDay({ from: date, to: date, owners }, options);
  const day = reply.total.find((d) => d.date === date);
  if (!day) {
    // WeCom did not report the day for every owner batch: no figure to compare with.
    throw missingDaysError(reply.missingDays.length > 0 ? reply.missingDays : [date]);
  }
  const fields = METRIC_KEYS.map((field) => ({
    field,
    sum_of_owners: sum.data[field],
    by_day: day.data[field],
  }));
  return {
    date,
    consistent: fields.every((f) => f.sum_of_owners === f.by_day),
    fields,
    absentOwners: sum.stored - sum.present,
    final: sum.final,
  };
}
