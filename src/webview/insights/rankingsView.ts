/**
 * The rankings tab: the period (last 7 / 30 days, last whole ISO week or month) and how many
 * owners, then the top and the bottom lists with each owner's rank in the previous period of the
 * same length and the movement (↑3, ↓2, new, =). An owner's name opens the owner's chart.
 */
import type { InsightsInit, RankPeriod, RankingItem, RankingsData } from '../../shared/insightsProtocol';
import { RANK_PERIODS, TOP_N_CHOICES } from '../../shared/insightsProtocol';
import { h, replaceChildren } from '../dom';
import { fill } from '../text';
import { rankTable } from '../rankTable';

export interface RankingsActions {
  readonly period: (period: RankPeriod) => void;
  readonly topN: (n: number) => void;
  readonly open: (owner: string) => void;
}

export class RankingsView {
  readonly element: HTMLElement;
  readonly lists = h('div', { className: 'rank-lists' });
  private readonly periodSelect: HTMLSelectElement;
  private readonly topSelect: HTMLSelectElement;

  constructor(
    private readonly init: InsightsInit,
    private readonly format: Intl.NumberFormat,
    private readonly actions: RankingsActions,
  ) {
    const { labels } = init;
    this.periodSelect = h('select', { attrs: { id: 'period', 'aria-label': labels.period } });
    for (const period of RANK_PERIODS) {
      this.periodSelect.append(h('option', { attrs: { value: period }, text: labels.periods[period] }));
    }
    this.periodSelect.addEventListener('change', () => actions.period(this.periodSelect.value as RankPeriod));
    this.topSelect = h('select', { attrs: { id: 'top-n', 'aria-label': labels.show } });
    for (const n of TOP_N_CHOICES) {
      this.topSelect.append(h('option', { attrs: { value: String(n) }, text: String(n) }));
    }
    this.topSelect.addEventListener('change', () => actions.topN(Number(this.topSelect.value)));
    this.element = h(
      'div',
      { className: 'rankings' },
      h(
        'div',
        { className: 'row' },
        h('label', { attrs: { for: 'period' }, text: labels.period }),
        this.periodSelect,
        h('label', { attrs: { for: 'top-n' }, text: labels.show }),
        this.topSelect,
      ),
      this.lists,
    );
  }

  sync(state: { period: RankPeriod; topN: number }): void {
    this.periodSelect.value = state.period;
    this.topSelect.value = String(state.topN);
  }

  show(data: RankingsData, figure: string): void {
    const { labels } = this.init;
    const n = Math.max(data.top.length, data.bottom.length);
    const range = fill(labels.cstDays, { days: `${data.range.from} … ${data.range.to}` });
    const previous = `${labels.previousRank}: ${data.previous.from} … ${data.previous.to}`;
    replaceChildren(
      this.lists,
      h('p', { className: 'rank-range', text: `${figure} · ${range} · ${previous}` }),
      this.table('top', fill(labels.topN, { n }), data.top),
      this.table('bottom', fill(labels.bottomN, { n }), data.bottom),
    );
  }

  private table(name: 'top' | 'bottom', caption: string, items: readonly RankingItem[]): HTMLTableElement {
    return rankTable({
      name,
      caption,
      items,
      labels: this.init.labels,
      format: this.format,
      open: { hint: this.init.labels.openHint, run: this.actions.open },
    });
  }
}
