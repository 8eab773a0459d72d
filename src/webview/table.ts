/** The table view: the same numbers as the chart in a real, copyable <table>. */
import type { CstDay } from '../shared/days';
import type { SeriesView } from './series';
import { h } from './dom';

export function renderTable(
  caption: string,
  dateHeader: string,
  days: readonly CstDay[],
  series: readonly SeriesView[],
  numberFormat: Intl.NumberFormat,
  /** Why a day has no figures (not reported whole, or not kept), as the cell's title. */
  noFigures: (day: CstDay) => string,
): HTMLTableElement {
  const head = h('tr', {}, h('th', { attrs: { scope: 'col' }, text: dateHeader }));
  for (const s of series) {
    head.append(h('th', { attrs: { scope: 'col' }, className: 'num', text: s.label }));
  }
  const body = h('tbody');
  // Newest first: the day people look for is usually yesterday.
  for (let i = days.length - 1; i >= 0; i--) {
    const row = h('tr', { dataset: { day: days[i] } }, h('th', { attrs: { scope: 'row' }, text: days[i] }));
    for (const s of series) {
      const value = s.values[i];
      row.append(
        value === null
          ? h('td', { className: 'num missing', attrs: { title: noFigures(days[i]) }, text: '—' })
          : h('td', {
              className: 'num',
              dataset: { value: String(value) },
              text: numberFormat.format(value),
            }),
      );
    }
    body.append(row);
  }
  return h('table', { className: 'figures' }, h('caption', { text: caption }), h('thead', {}, head), body);
}
