/** Bodies of the two statistics endpoints, computed from the dataset for a validated query. */
import { dayStartTs } from '../shared/days';
import { METRIC_KEYS, METRICS, addStats, emptyStats } from '../shared/metrics';
import type { GroupChatStats, MetricKey } from '../shared/metrics';
import { dayOfNumber, type DemoDataset } from './dataset';
import type { StatsQuery } from './statsQuery';

/** order_by → the figure it sorts on, from the shared glossary. */
const ORDER_KEYS: Readonly<Record<1 | 2 | 3 | 4, MetricKey>> = (() => {
  const keys = {} as Record<1 | 2 | 3 | 4, MetricKey>;
  for (const key of METRIC_KEYS) {
    const order = METRICS[key].serverOrderBy;
    if (order !== undefined) {
      keys[order] = key;
    }
  }
  return keys;
})();

/**
 * One owner over the query's days. Flows are summed over the days; "as of" figures are the last
 * day's value (the real server's behaviour is undocumented; this is the reading that keeps a
 * one-day query and a multi-day query ending the same day consistent for totals).
 */
function ownerRangeStats(
  dataset: DemoDataset,
  owner: string,
  fromDay: number,
  toDay: number,
): GroupChatStats {
  const result = dataset.statsOnDay(owner, toDay);
  for (let n = fromDay; n < toDay; n++) {
    const day = dataset.statsOnDay(owner, n);
    for (const key of METRIC_KEYS) {
      if (METRICS[key].kind === 'flow') {
        result[key] += day[key];
      }
    }
  }
  return result;
}

export interface StatisticBody {
  readonly total: number;
  readonly next_offset: number;
  readonly items: Array<{ owner: string; data: GroupChatStats }>;
}

export function statisticBody(dataset: DemoDataset, q: StatsQuery): StatisticBody {
  const key = ORDER_KEYS[q.orderBy];
  const direction = q.ascending ? 1 : -1;
  const rows = q.owners.map((owner) => ({
    owner,
    data: ownerRangeStats(dataset, owner, q.fromDay, q.toDay),
  }));
  // Ties are broken by owner id (always ascending) so that pages never overlap or skip a row.
  rows.sort(
    (a, b) => direction * (a.data[key] - b.data[key]) || (a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0),
  );
  const total = rows.length;
  const nextOffset = Math.min(q.offset + q.limit, total);
  return { total, next_offset: nextOffset, items: rows.slice(q.offset, nextOffset) };
}

export interface ByDayBody {
  readonly items: Array<{ stat_time: number; data: GroupChatStats }>;
}

export function byDayBody(dataset: DemoDataset, q: StatsQuery): ByDayBody {
  const items: ByDayBody['items'] = [];
  for (let n = q.fromDay; n <= q.toDay; n++) {
    const data = emptyStats();
    for (const owner of q.owners) {
      addStats(data, dataset.statsOnDay(owner, n));
    }
    items.push({ stat_time: dayStartTs(dayOfNumber(n)), data });
  }
  return { items };
}
