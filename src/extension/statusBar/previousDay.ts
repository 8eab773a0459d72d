/**
 * The team's figures of the day before yesterday, for the status bar's day-over-day change. The
 * owners model loads yesterday only, so this asks WeCom for that one closed day, once per
 * connection and day; a failure only means no change is shown.
 */
import { addDays, type CstDay } from '../../shared/days';
import { addStats, emptyStats, type GroupChatStats } from '../../shared/metrics';
import type { ConnectionManager } from '../connection';

/** The day before `day` summed over the same owners, or undefined when it cannot be had. */
export type PreviousDayTotals = (
  request: { readonly day: CstDay; readonly connectionKey: string },
  signal: AbortSignal,
) => Promise<GroupChatStats | undefined>;

export function previousDayFromConnection(connections: ConnectionManager): PreviousDayTotals {
  return async ({ day, connectionKey }, signal) => {
    const connection = await connections.currentConnection();
    if (!connection || connection.key !== connectionKey) {
      return undefined; // the connection changed since yesterday's rows were loaded
    }
    const previous = addDays(day, -1);
    const totals = await connection.client.getOwnerTotals(
      { from: previous, to: previous, owners: connection.owners },
      { signal },
    );
    const sum = emptyStats();
    for (const { data } of totals) {
      if (data) {
        addStats(sum, data);
      }
    }
    return sum;
  };
}
