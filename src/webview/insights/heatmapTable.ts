/**
 * The heatmap's table equivalent: the same owners in the same order and the same figures (the
 * values, or the changes when the cells are coloured by change) in a real <table>, paged by
 * owners so 500 × 180 cells never become 90,000 DOM nodes at once.
 */
import type { ColourBy, HeatmapData, InsightsLabels } from '../../shared/insightsProtocol';
import { CELL } from '../../shared/insightsProtocol';
import { h, replaceChildren } from '../dom';
import { fill } from '../text';
import { ownerText, signed } from './heatmapText';

export const TABLE_PAGE_ROWS = 25;

export class HeatmapTable {
  readonly element = h('div', { className: 'table-box heatmap-table' });
  private page = 0;
  private data: HeatmapData | undefined;
  private colourBy: ColourBy = 'value';

  constructor(
    private readonly labels: InsightsLabels,
    private readonly format: Intl.NumberFormat,
    private readonly caption: () => string,
  ) {}

  show(data: HeatmapData, colourBy: ColourBy): void {
    if (data !== this.data) {
      this.page = 0;
    }
    this.data = data;
    this.colourBy = colourBy;
    this.render();
  }

  private render(): void {
    const data = this.data;
    if (!data) {
      return;
    }
    const { labels } = this;
    const pages = Math.max(1, Math.ceil(data.rows.length / TABLE_PAGE_ROWS));
    this.page = Math.min(this.page, pages - 1);
    const first = this.page * TABLE_PAGE_ROWS;
    const rows = data.rows.slice(first, first + TABLE_PAGE_ROWS);
    const head = h('tr', {}, h('th', { attrs: { scope: 'col' }, text: labels.owner }));
    for (const day of data.days) {
      const provisional = data.provisionalDays.includes(day);
      head.append(
        h('th', {
          attrs: { scope: 'col', ...(provisional ? { title: labels.provisional } : {}) },
          className: 'num',
          text: provisional ? `${day} *` : day,
        }),
      );
    }
    const body = h('tbody');
    for (const row of rows) {
      const tr = h(
        'tr',
        { dataset: { owner: row.owner.id } },
        h('th', { attrs: { scope: 'row' }, text: ownerText(row.owner) }),
      );
      const figures = this.colourBy === 'change' ? row.changes : row.values;
      data.days.forEach((_day, i) => {
        const state = row.cells[i];
        const v = figures[i];
        if (state === CELL.absent || state === CELL.missing || v === null) {
          const why = state === CELL.absent ? labels.notReturned : labels.notStored;
          tr.append(
            h('td', { className: 'num missing', attrs: { title: why }, dataset: { state }, text: '—' }),
          );
          return;
        }
        tr.append(
          h('td', {
            className: 'num',
            dataset: { value: String(v), state },
            text: this.colourBy === 'change' ? signed(v, this.format) : this.format.format(v),
          }),
        );
      });
      body.append(tr);
    }
    const pager = h(
      'div',
      { className: 'pager' },
      h('button', {
        attrs: { type: 'button', ...(this.page === 0 ? { disabled: '' } : {}) },
        dataset: { name: 'previous-page' },
        text: labels.previousPage,
        onClick: () => this.turn(-1),
      }),
      h('span', {
        attrs: { 'aria-live': 'polite' },
        text: fill(labels.tablePage, {
          first: rows.length > 0 ? first + 1 : 0,
          last: first + rows.length,
          n: data.rows.length,
        }),
      }),
      h('button', {
        attrs: { type: 'button', ...(this.page >= pages - 1 ? { disabled: '' } : {}) },
        dataset: { name: 'next-page' },
        text: labels.nextPage,
        onClick: () => this.turn(1),
      }),
    );
    replaceChildren(
      this.element,
      pager,
      h(
        'table',
        { className: 'figures' },
        h('caption', { text: this.caption() }),
        h('thead', {}, head),
        body,
      ),
    );
  }

  private turn(by: number): void {
    this.page += by;
    this.render();
  }
}
