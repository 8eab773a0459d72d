/**
 * The cards above the chart: the latest day's figures and their change from the day before.
 * Yesterday's cards say when they were fetched, and are marked provisional when that was before
 * 10:00 CST (the rule in shared/days, the same as the owners tree's).
 */
import { cstClockTime, isProvisional } from '../shared/days';
import { pick, type UiLanguage } from '../shared/i18n';
import type { MetricKey } from '../shared/metrics';
import { METRICS } from '../shared/metrics';
import type { ChartLabels } from '../shared/protocol';
import { fill, h } from './dom';
import type { CardsView } from './series';

export function renderCards(
  view: CardsView,
  isYesterday: boolean,
  /** When yesterday's figures were fetched (ms), if known. */
  yesterdayFetchedAt: number | undefined,
  /** Shown after the day when the cards sum several owners (e.g. "Sum of owners"). */
  whose: string | undefined,
  selected: MetricKey,
  labels: ChartLabels,
  lang: UiLanguage,
  numberFormat: Intl.NumberFormat,
  onPick: (metric: MetricKey) => void,
): HTMLElement {
  const fetchedAt = isYesterday ? yesterdayFetchedAt : undefined;
  const provisional = fetchedAt !== undefined && isProvisional(view.day, fetchedAt);
  const day = isYesterday ? `${labels.yesterday} · ${view.day}` : view.day;
  const heading = [day, whose, provisional ? labels.provisional : undefined].filter(Boolean).join(' · ');
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
      h('span', { className: 'card-label', text: pick(METRICS[figure.metric].label, lang) }),
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
  const time = fetchedAt === undefined ? '' : cstClockTime(fetchedAt);
  const fetchedNote =
    fetchedAt === undefined
      ? null
      : h('p', {
          className: 'cards-fetched',
          text: fill(provisional ? labels.provisionalHint : labels.fetchedAt, { time }),
        });
  return h(
    'section',
    {
      className: 'cards-section' + (provisional ? ' provisional' : ''),
      attrs: { 'aria-label': heading },
      dataset: { provisional: String(provisional) },
    },
    h('h2', { text: heading }),
    fetchedNote,
    list,
  );
}
