/** Draws the cards above the chart from their texts (cardsModel.ts); a card picks its figure. */
import type { MetricKey } from '../shared/metrics';
import { cardsText, type CardsInput } from './cardsModel';
import { h } from './dom';

export interface RenderCardsInput extends CardsInput {
  readonly onPick: (metric: MetricKey) => void;
}

export function renderCards(input: RenderCardsInput): HTMLElement {
  const text = cardsText(input);
  const list = h('div', { className: 'cards', attrs: { role: 'list' } });
  for (const card of text.cards) {
    // A list of real buttons: the list item carries the list semantics, the button inside stays
    // a button (pressed = the figure on the chart) for screen readers and the keyboard.
    const button = h(
      'button',
      {
        className: 'card' + (card.selected ? ' selected' : ''),
        attrs: { type: 'button', 'aria-pressed': String(card.selected) },
        dataset: { metric: card.metric },
        onClick: () => input.onPick(card.metric),
      },
      h('span', { className: 'card-label', text: card.label }),
      h('span', { className: 'card-value', text: card.value }),
      card.change === undefined
        ? null
        : h('span', {
            className: 'card-change' + (card.direction ? ` ${card.direction}` : ''),
            text: card.change,
          }),
    );
    list.append(h('div', { className: 'card-item', attrs: { role: 'listitem' } }, button));
  }
  return h(
    'section',
    {
      className: 'cards-section' + (text.provisional ? ' provisional' : ''),
      attrs: { 'aria-label': text.heading },
      dataset: { provisional: String(text.provisional) },
    },
    h('h2', { text: text.heading }),
    text.fetchedNote === undefined ? null : h('p', { className: 'cards-fetched', text: text.fetchedNote }),
    list,
  );
}
