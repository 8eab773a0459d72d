/**
 * Output of the insight commands: roll-ups and rankings. Pure; the JSON items are the documented
 * contract: roll-up {"period","from","to","complete","data","change"}, rank
 * {"owner","value","rank","previous_rank"}.
 */
import type { RankedOwner } from '../analysis/rank';
import type { Rollup } from '../analysis/rollup';
import { defuseFormula, toCsv } from '../shared/csv';
import type { DayRange } from '../shared/days';
import { AS_OF_KEYS, figureKind } from '../shared/glossary';
import { METRIC_KEYS, type MetricKey } from '../shared/metrics';
import type { OutputFormat } from './argParts';
import { toTable } from './format';

const cell = (v: number | null | undefined): string => (v === null || v === undefined ? '-' : String(v));
const signed = (v: number | null | undefined): string =>
  v === null || v === undefined ? '-' : v > 0 ? `+${v}` : String(v);

function rollupItem(r: Rollup): object {
  const data = Object.fromEntries(METRIC_KEYS.map((k) => [k, r.data[k]]));
  const change = Object.fromEntries(AS_OF_KEYS.map((k) => [k, r.change[k] ?? null]));
  return { period: r.period, from: r.from, to: r.to, complete: r.complete, data, change };
}

export function formatRollup(
  view: { by: 'week' | 'month'; range: DayRange; owners: number; items: readonly Rollup[] },
  format: OutputFormat,
): string {
  if (format === 'json') {
    const body = {
      by: view.by,
      range: { from: view.range.from, to: view.range.to },
      owners: view.owners,
      items: view.items.map(rollupItem),
    };
    return `${JSON.stringify(body, null, 2)}\n`;
  }
  if (format === 'csv') {
    const header = [
      'period',
      'from',
      'to',
      'complete',
      ...METRIC_KEYS,
      ...AS_OF_KEYS.map((k) => `change_${k}`),
    ];
    const rows = view.items.map((r) => [
      r.period,
      r.from,
      r.to,
      String(r.complete),
      ...METRIC_KEYS.map((k) => cell(r.data[k])),
      ...AS_OF_KEYS.map((k) => cell(r.change[k])),
    ]);
    return toCsv([header, ...rows]);
  }
  // The table: each as-of figure with its change beside it, e.g. "1210 (+7)".
  const rows = view.items.map((r) => [
    r.period,
    `${r.from} … ${r.to}`,
    r.complete ? '' : 'incomplete',
    ...METRIC_KEYS.map((k) =>
      figureKind(k) === 'flow' || r.data[k] === null
        ? cell(r.data[k])
        : `${r.data[k]} (${signed(r.change[k])})`,
    ),
  ]);
  const title =
    `Roll-up by ${view.by}, ${view.range.from} … ${view.range.to} (CST), ${view.owners} owner(s); ` +
    'flows summed, as-of figures at the last day (change over the period)';
  return `${title}\n${toTable(['period', 'days', 'note', ...METRIC_KEYS], rows, undefined, [0, 1, 2])}`;
}

export function formatRank(
  view: {
    metric: MetricKey;
    range: DayRange;
    previous: DayRange;
    bottom: boolean;
    items: readonly RankedOwner[];
  },
  format: OutputFormat,
): string {
  if (format === 'json') {
    const body = {
      metric: view.metric,
      range: { from: view.range.from, to: view.range.to },
      previous: { from: view.previous.from, to: view.previous.to },
      items: view.items.map((r) => ({
        owner: r.owner,
        value: r.value,
        rank: r.rank,
        previous_rank: r.previousRank,
      })),
    };
    return `${JSON.stringify(body, null, 2)}\n`;
  }
  if (format === 'csv') {
    const rows = view.items.map((r) => [
      defuseFormula(r.owner),
      String(r.value),
      String(r.rank),
      cell(r.previousRank),
      r.movement,
    ]);
    return toCsv([['owner', 'value', 'rank', 'previous_rank', 'movement'], ...rows]);
  }
  const how = figureKind(view.metric) === 'flow' ? 'sum over the range' : 'value on the last day';
  const rows = view.items.map((r) => [
    String(r.rank),
    r.owner,
    String(r.value),
    cell(r.previousRank),
    r.movement,
  ]);
  const title =
    `${view.bottom ? 'Bottom' : 'Top'} owners by ${view.metric} (${how}), ${view.range.from} … ${view.range.to} (CST); ` +
    `previous: ${view.previous.from} … ${view.previous.to}`;
  return `${title}\n${toTable(['rank', 'owner', 'value', 'previous', 'move'], rows, undefined, [1, 4])}`;
}
