/**
 * The team's figures of the day before yesterday, for the status bar's day-over-day change. The
 * owners model loads yesterday only, so this reads that day the way the model reads its own: from
 * the history store, synced when missing (one call per 100 owners the first time, none once it
 * is stored final). A failure only means no change is shown.
 */
import { addDays, type CstDay } from '../../shared/days';
import { addStats, emptyStats, type GroupChatStats } from '../../shared/metrics';
import type { ConnectionManager } from '../connection';
import type { OwnerDaySource } from '../history/ownerDaySource';

/** The day before `day` summed over the same owners, or undefined when it cannot be had. */
export type PreviousDayTotals = (
  request: { readonly day: CstDay; readonly connectionKey: string },
  signal: AbortSignal,
) => Promise<GroupChatStats | undefined>;

export function previousDayFromStore(
  connections: ConnectionManager,
  days: OwnerDaySource,
): PreviousDayTotals {
  return async ({ day, connectionKey }, signal) => {
    const connection = await connections.currentConnection();
    if (!connection || connection.key !== connectionKey) {
      return undefined; // the connection changed since yesterday's rows were loaded
    }
    const previous = addDays(day, -1);
    const { totals } = await days.ownerDay(connection, previous, { signal });
    const sum = emptyStats();
    for (const { data } of totals) {
      if (data) {
        addStats(sum, data);
      }
    }
    return sum;
  };
}
