/**
 * Draws the cards above the chart from their texts (cardsText.ts). Summed: a card per figure,
 * which picks the figure. One line per owner: a card per owner for the chosen figure, which shows
 * or hides that owner's line.
 */
import type { MetricKey } from '../shared/metrics';
import { metricLabel } from '../shared/metrics';
import type { CardsView } from './cardsModel';
import {
  cardsHeading,
  cardsText,
  cardText,
  type CardsInput,
  type CardsText,
  type CardText,
} from './cardsText';
import { h, replaceChildren } from './dom';
import { inferredTexts } from './inferredModel';
import { fill } from './text';

export interface RenderCardsInput extends CardsInput {
  readonly onPick: (metric: MetricKey) => void;
}

/** A list of real buttons: the list item carries the list semantics, the button stays a button. */
function cardList(cards: readonly { text: CardText; button: HTMLButtonElement }[]): HTMLElement {
  const list = h('div', { className: 'cards', attrs: { role: 'list' } });
  for (const { text, button } of cards) {
    replaceChildren(
      button,
      ...button.childNodes,
      h('span', { className: 'card-label', text: text.label }),
      h('span', { className: 'card-value', text: text.value }),
      text.basis === undefined ? null : h('span', { className: 'card-basis', text: text.basis }),
      text.dayLine === undefined ? null : h('span', { className: 'card-day', text: text.dayLine }),
      ...text.changes.map((change) =>
        h('span', {
          className: 'card-change' + (change.direction ? ` ${change.direction}` : ''),
          text: change.text,
        }),
      ),
    );
    list.append(h('div', { className: 'card-item', attrs: { role: 'listitem' } }, button));
  }
  return list;
}

/** The inferred figures over the cards' span: name, value, formula, and why a negative may be. */
function inferredList(input: CardsInput): HTMLElement {
  const rows = inferredTexts(input.view, input.lang, input.numberFormat).map((figure) =>
    h(
      'li',
      { className: 'inferred-figure' + (figure.negative ? ' negative' : ''), dataset: { key: figure.key } },
      h('span', { className: 'inferred-label', text: figure.label }),
      h('span', { className: 'inferred-value', text: figure.value }),
      h('span', { className: 'inferred-formula', text: `= ${figure.formula}` }),
      figure.note === undefined ? null : h('span', { className: 'inferred-note', text: figure.note }),
    ),
  );
  const { from } = input.view.derivation;
  // The days the flows and changes cover (none without a day before to measure changes from).
  const heading = from
    ? `${input.labels.inferredHeading} · ${from === input.view.day ? from : `${from} … ${input.view.day}`}`
    : input.labels.inferredHeading;
  return h(
    'section',
    { className: 'inferred', attrs: { 'aria-label': heading } },
    h('h3', { text: heading }),
    h('ul', {}, ...rows),
  );
}

function section(text: Omit<CardsText, 'cards'>, list: HTMLElement, after?: HTMLElement): HTMLElement {
  return h(
    'section',
    {
      className: 'cards-section' + (text.provisional ? ' provisional' : ''),
      attrs: { 'aria-label': text.heading },
      dataset: { provisional: String(text.provisional) },
    },
    h('h2', { text: text.heading }),
    text.fetchedNote === undefined ? null : h('p', { className: 'cards-fetched', text: text.fetchedNote }),
    text.previousNote === undefined ? null : h('p', { className: 'cards-previous', text: text.previousNote }),
    list,
    after ?? null,
  );
}

/** A card per figure (pressed = the figure on the chart). */
export function renderCards(input: RenderCardsInput): HTMLElement {
  const text = cardsText(input);
  const cards = text.cards.map((card) => ({
    text: card,
    button: h('button', {
      className: 'card' + (card.selected ? ' selected' : ''),
      attrs: { type: 'button', 'aria-pressed': String(card.selected) },
      dataset: { metric: card.metric },
      onClick: () => input.onPick(card.metric),
    }),
  }));
  return section(text, cardList(cards), inferredList(input));
}

export interface OwnerCard {
  readonly owner: string;
  readonly name: string;
  readonly view: CardsView;
  /** The owner's line is drawn (the card toggles it). */
  readonly shown: boolean;
  /** The line's colour, as a swatch on the card. */
  readonly colour: string;
}

/** One line per owner: a card per owner for the chosen figure (pressed = the owner's line is drawn). */
export function renderOwnerCards(
  input: Omit<CardsInput, 'view' | 'whose'> & {
    readonly owners: readonly OwnerCard[];
    readonly onToggle: (owner: string) => void;
  },
): HTMLElement | null {
  const first = input.owners[0];
  if (!first) {
    return null;
  }
  const cards = input.owners.map((o) => {
    const figure = o.view.figures.find((f) => f.metric === input.selected) ?? o.view.figures[0];
    const text = cardText({ ...input, view: o.view, whose: undefined }, figure, o.name);
    const swatch = h('span', { className: 'card-swatch', attrs: { 'aria-hidden': 'true' } });
    swatch.style.backgroundColor = o.colour;
    const button = h(
      'button',
      {
        className: 'card owner-card',
        attrs: { type: 'button', 'aria-pressed': String(o.shown) },
        dataset: { owner: o.owner },
        onClick: () => input.onToggle(o.owner),
      },
      swatch,
    );
    return { text, button };
  });
  const prefix = fill(input.labels.perOwnerCards, { figure: metricLabel(input.selected, input.lang) });
  return section(cardsHeading({ ...input, view: first.view, whose: undefined }, prefix), cardList(cards));
}
