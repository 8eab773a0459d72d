/**
 * What an exported PNG says about itself: the figure, whose figures, the CST range, and
 * "provisional" when yesterday is in it and may still change. Pure (unit-tested in Node); the
 * drawing is in exportImage.ts.
 */
import type { Granularity } from '../shared/chartState';
import { isProvisional } from '../shared/days';
import { metricLabel, type MetricKey } from '../shared/metrics';
import type { ByDayData, InitMessage } from '../shared/protocol';
import { fill } from './text';

/** Owners named in a title before the rest are counted ("张三, 李四, 王五 +4"). */
const NAMED_OWNERS = 3;

export interface ExportTitle {
  /** "Total groups · All owners" */
  readonly title: string;
  /** "2026-05-17 … 2026-06-15 (CST) · provisional" */
  readonly subtitle: string;
}

export function ownersText(init: InitMessage): string {
  if (init.subject.kind === 'all') {
    return init.labels.allOwners;
  }
  const names = init.subject.owners.map((id) => init.owners.find((o) => o.id === id)?.name ?? id);
  const named = names.slice(0, NAMED_OWNERS).join(', ');
  return names.length > NAMED_OWNERS ? `${named} +${names.length - NAMED_OWNERS}` : named;
}

export function exportTitle(
  init: InitMessage,
  data: ByDayData,
  metric: MetricKey,
  granularity: Granularity = 'day',
): ExportTitle {
  const range = fill(init.labels.cstDays, {
    days: data.from === data.to ? data.from : `${data.from} … ${data.to}`,
  });
  const fetchedAt = data.to === init.window.to ? data.yesterdayFetchedAt : undefined;
  const provisional = fetchedAt !== undefined && isProvisional(data.to, fetchedAt);
  const per = { day: undefined, week: init.labels.week, month: init.labels.month }[granularity];
  return {
    title: `${metricLabel(metric, init.lang)} · ${ownersText(init)}`,
    subtitle: [range, per, provisional ? init.labels.provisional : undefined].filter(Boolean).join(' · '),
  };
}
