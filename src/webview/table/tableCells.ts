/**
 * The cells of the owners table: one owner row, the totals row and the header row, as elements
 * whose text is set through `textContent` only (owner ids and names are arbitrary text).
 */
import { METRIC_KEYS, type MetricKey } from '../../shared/metrics';
import {
  dayChange,
  formatChange,
  latestRevision,
  revisionText,
  type TableOwnerRow,
  type TableSort,
  type TableTotals,
} from '../../shared/ownersTable';
import type { OwnersTableLabels, OwnersTableSnapshot } from '../../shared/ownersTableProtocol';
import { h } from '../dom';
import { fill } from '../text';

export interface CellContext {
  readonly labels: OwnersTableLabels;
  readonly snapshot: OwnersTableSnapshot;
  readonly format: (n: number) => string;
  /** "Change from 2026-11-26; …": the change line's tooltip. */
  readonly changeHint: string;
}

/** A figure cell: the value, and under it the change from the day before ("+12", "−3", "—"). */
function figureCell(value: number, change: number | undefined, ctx: CellContext): HTMLTableCellElement {
  const changeText = change === undefined ? ctx.labels.noChange : formatChange(change, ctx.format);
  const kind = change === undefined || change === 0 ? 'flat' : change > 0 ? 'up' : 'down';
  return h(
    'td',
    { className: 'num', dataset: { value: String(value) } },
    h('span', { className: 'value', text: ctx.format(value) }),
    h('span', { className: `change ${kind}`, attrs: { title: ctx.changeHint }, text: changeText }),
  );
}

function ownerCell(row: TableOwnerRow): HTMLTableCellElement {
  return h(
    'th',
    { attrs: { scope: 'row', title: row.name === row.owner ? row.owner : `${row.name} (${row.owner})` } },
    h('span', { className: 'name', text: row.name }),
    row.name === row.owner ? null : h('span', { className: 'id', text: row.owner }),
  );
}

export function ownerRowElement(row: TableOwnerRow, index: number, ctx: CellContext): HTMLTableRowElement {
  const tr = h('tr', {
    className: 'owner',
    dataset: { owner: row.owner },
    attrs: { 'aria-rowindex': String(index + 3) },
  });
  tr.append(ownerCell(row));
  for (const key of METRIC_KEYS) {
    if (!row.data) {
      tr.append(
        h('td', {
          className: 'num absent',
          attrs: { title: ctx.labels.absentHint },
          text: ctx.labels.absent,
        }),
      );
      continue;
    }
    const cell = figureCell(row.data[key], dayChange(row, key), ctx);
    markRevision(cell, row, key, ctx);
    tr.append(cell);
  }
  return tr;
}

/** A revised figure: a marker, and the revision in words as the cell's tooltip. */
function markRevision(
  cell: HTMLTableCellElement,
  row: TableOwnerRow,
  key: MetricKey,
  ctx: CellContext,
): void {
  const revision = latestRevision(row, key);
  if (!revision) {
    return;
  }
  const text = revisionText(revision, ctx.labels.revised, ctx.format, ctx.labels.absent);
  cell.classList.add('revised');
  cell.title = text;
  cell.dataset.revised = text;
  cell.prepend(h('span', { className: 'revised-marker', attrs: { 'aria-label': text }, text: '✎' }));
}

export function totalsRowElement(totals: TableTotals, shown: number, ctx: CellContext): HTMLTableRowElement {
  const counted = fill(ctx.labels.totals, { present: ctx.format(totals.present), n: ctx.format(shown) });
  const absent = totals.absent ? fill(ctx.labels.totalsAbsent, { absent: ctx.format(totals.absent) }) : '';
  const tr = h('tr', { className: 'totals', attrs: { 'aria-rowindex': '2' } });
  tr.append(
    h(
      'th',
      { attrs: { scope: 'row', title: absent ? `${counted}\n${absent}` : counted } },
      h('span', { className: 'name', text: counted }),
      absent ? h('span', { className: 'id', text: absent }) : null,
    ),
  );
  for (const key of METRIC_KEYS) {
    tr.append(figureCell(totals.data[key], totals.change?.[key], ctx));
  }
  return tr;
}

/** The header row: one real button per column, its accessible name saying what it sorts by. */
export function headerRowElement(
  labels: OwnersTableLabels,
  sort: TableSort,
  onSort: (column: TableSort['column']) => void,
): HTMLTableRowElement {
  const columns: { column: TableSort['column']; label: string; tooltip: string }[] = [
    { column: 'owner', ...labels.owner },
    ...METRIC_KEYS.map((key, i) => ({ column: key, ...labels.figures[i] })),
  ];
  const tr = h('tr', { className: 'headers', attrs: { 'aria-rowindex': '1' } });
  for (const { column, label, tooltip } of columns) {
    const active = sort.column === column;
    const arrow = active ? (sort.ascending ? ' ▲' : ' ▼') : '';
    const button = h('button', {
      attrs: { type: 'button', title: tooltip, 'aria-label': fill(labels.sortBy, { label }) },
      dataset: { column },
      text: `${label}${arrow}`,
      onClick: () => onSort(column),
    });
    const th = h(
      'th',
      {
        attrs: { scope: 'col', 'aria-sort': active ? (sort.ascending ? 'ascending' : 'descending') : 'none' },
      },
      button,
    );
    th.className = column === 'owner' ? 'owner-col' : 'num';
    tr.append(th);
  }
  return tr;
}
