/** The cards above the chart: the latest day's figures and their change from the day before. */
import type { MetricKey, UiLanguage } from '../shared/metrics';
import { METRICS } from '../shared/metrics';
import type { ChartLabels } from '../shared/protocol';
import { h } from './dom';
import type { CardsView } from './series';

export function renderCards(
  view: CardsView,
  isYesterday: boolean,
  /** Shown after the day when the cards sum several owners (e.g. "Sum of owners"). */
  whose: string | undefined,
  selected: MetricKey,
  labels: ChartLabels,
  lang: UiLanguage,
  numberFormat: Intl.NumberFormat,
  onPick: (metric: MetricKey) => void,
): HTMLElement {
  const day = isYesterday ? `${labels.yesterday} · ${view.day}` : view.day;
  const heading = whose ? `${day} · ${whose}` : day;
  const list = h('div', { className: 'cards', attrs: { role: 'list' } });
  for (const figure of view.figures) {
    const change = figure.change;
    const changeText =
      change === undefined
        ? ''
        : `${change > 0 ? '+' : change < 0 ? '−' : '±'}${numberFormat.format(Math.abs(change))}`;
    const card = h(
      'button',
      {
        className: 'card' + (figure.metric === selected ? ' selected' : ''),
        attrs: { role: 'listitem', type: 'button', 'aria-pressed': String(figure.metric === selected) },
        dataset: { metric: figure.metric },
        onClick: () => onPick(figure.metric),
      },
      h('span', { className: 'card-label', text: METRICS[figure.metric].label[lang] }),
      h('span', { className: 'card-value', text: numberFormat.format(figure.value) }),
      changeText
        ? h('span', {
            className: 'card-change' + (change && change > 0 ? ' up' : change && change < 0 ? ' down' : ''),
            text: `${changeText} ${labels.vsDayBefore}`,
          })
        : null,
    );
    list.append(card);
  }
  return h(
    'section',
    { className: 'cards-section', attrs: { 'aria-label': heading } },
    h('h2', { text: heading }),
    list,
  );
}
