/** The table view: the same points and lines as the chart in a real, copyable <table>. */
import type { ShownPeriod } from '../analysis/chartPeriods';
import type { SeriesView } from './series';
import { h } from './dom';

export interface TableInput {
  readonly caption: string;
  /** Header of the first column ("Date (CST)", "Period (CST)"). */
  readonly periodHeader: string;
  readonly periods: readonly ShownPeriod[];
  readonly series: readonly SeriesView[];
  readonly numberFormat: Intl.NumberFormat;
  /** Why a point has no figures (not reported whole, or not kept), as the cell's title. */
  readonly noFigures: (period: ShownPeriod) => string;
  /** Said after a point with figures that is not complete ("provisional" day, "incomplete" week). */
  readonly incomplete: string;
}

export function renderTable(input: TableInput): HTMLTableElement {
  const { periods, series, numberFormat } = input;
  const head = h('tr', {}, h('th', { attrs: { scope: 'col' }, text: input.periodHeader }));
  for (const s of series) {
    head.append(h('th', { attrs: { scope: 'col' }, className: 'num', text: s.label }));
  }
  const body = h('tbody');
  // Newest first: the day people look for is usually yesterday.
  for (let i = periods.length - 1; i >= 0; i--) {
    const period = periods[i];
    const whole = period.from === period.to && period.id === period.from;
    const marked = !period.complete && series.some((s) => s.values[i] !== null);
    const header = h(
      'th',
      { attrs: { scope: 'row', ...(whole ? {} : { title: `${period.from} … ${period.to}` }) } },
      period.id,
      marked ? h('span', { className: 'incomplete', text: ` (${input.incomplete})` }) : null,
    );
    const row = h('tr', { dataset: { day: period.id, complete: String(period.complete) } }, header);
    for (const s of series) {
      const value = s.values[i];
      const note = s.notes?.[i];
      row.append(
        value === null
          ? h('td', { className: 'num missing', attrs: { title: input.noFigures(period) }, text: '—' })
          : h('td', {
              className: 'num' + (note ? ' revised' : ''),
              attrs: note ? { title: note } : {},
              dataset: { value: String(value) },
              text: numberFormat.format(value),
            }),
      );
    }
    body.append(row);
  }
  return h(
    'table',
    { className: 'figures' },
    h('caption', { text: input.caption }),
    h('thead', {}, head),
    body,
  );
}
