/**
 * A ranking as a table (rank, owner, value, previous rank, movement), the same in the rankings tab
 * and under the chart. An owner's name is a button when the panel can open the owner's chart.
 */
import type { RankTableLabel } from '../shared/insightsLabels';
import type { RankingItem } from '../shared/insightsProtocol';
import type { ChartLabels } from '../shared/protocol';
import { h } from './dom';
import { ownerText } from './insights/heatmapText';

export type RankTableLabels = Pick<ChartLabels, RankTableLabel>;

export function rankTable(input: {
  readonly name: 'top' | 'bottom';
  readonly caption: string;
  readonly items: readonly RankingItem[];
  readonly labels: RankTableLabels;
  readonly format: Intl.NumberFormat;
  /** Opens the owner's chart (with its hint), when the panel can. */
  readonly open?: { readonly hint: string; readonly run: (owner: string) => void };
}): HTMLTableElement {
  const { labels, format, open } = input;
  const head = h(
    'tr',
    {},
    ...[labels.rank, labels.owner, labels.value, labels.previousRank, labels.movement].map((text, i) =>
      h('th', { attrs: { scope: 'col' }, className: i === 1 ? '' : 'num', text }),
    ),
  );
  const body = h('tbody');
  for (const item of input.items) {
    const movement = item.movement === 'new' ? labels.newOwner : item.movement;
    const trend = item.movement.startsWith('↑') ? 'up' : item.movement.startsWith('↓') ? 'down' : 'same';
    const name = ownerText(item.owner);
    body.append(
      h(
        'tr',
        { dataset: { owner: item.owner.id, rank: String(item.rank) } },
        h('td', { className: 'num', text: String(item.rank) }),
        h(
          'td',
          {},
          open
            ? h('button', {
                className: 'link',
                attrs: { type: 'button', title: open.hint },
                text: name,
                onClick: () => open.run(item.owner.id),
              })
            : name,
        ),
        h('td', {
          className: 'num',
          dataset: { value: String(item.value) },
          text: format.format(item.value),
        }),
        h('td', { className: 'num', text: item.previousRank === null ? '—' : String(item.previousRank) }),
        h('td', { className: `num movement ${trend}`, text: movement }),
      ),
    );
  }
  return h(
    'table',
    { className: 'rank-table', dataset: { list: input.name } },
    h('caption', { text: input.caption }),
    h('thead', {}, head),
    body,
  );
}
