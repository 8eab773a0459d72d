/**
 * The inferred figures under the cards (src/analysis/derived.ts): members who left, groups
 * dissolved, active-group share, messages per active member, from the cards' `derivation`: flows
 * summed and as-of changes over the same days, as-of values on the latest day. Negative values
 * are shown as they are, with the note saying why they may be. No DOM here (unit-tested in Node).
 */
import { derive, type DerivedFigure, type DerivedKey } from '../analysis/derived';
import { pick, type UiLanguage } from '../shared/i18n';
import type { CardsView } from './cardsModel';

export interface InferredText {
  readonly key: DerivedKey;
  /** "Members who left (inferred)". */
  readonly label: string;
  /** "12", "57.3%", "3.2", or "—" when an input is unknown. */
  readonly value: string;
  /** "new_member_cnt − Δ member_total". */
  readonly formula: string;
  readonly negative: boolean;
  readonly note?: string;
}

const RATIOS: ReadonlySet<DerivedKey> = new Set(['active_group_share', 'messages_per_active_member']);

function valueText(figure: DerivedFigure, lang: UiLanguage, numberFormat: Intl.NumberFormat): string {
  if (figure.value === null) {
    return '—';
  }
  if (figure.key === 'active_group_share') {
    return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', {
      style: 'percent',
      maximumFractionDigits: 1,
    }).format(figure.value);
  }
  if (RATIOS.has(figure.key)) {
    return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 1 }).format(
      figure.value,
    );
  }
  return numberFormat.format(figure.value);
}

export function inferredTexts(
  view: CardsView,
  lang: UiLanguage,
  numberFormat: Intl.NumberFormat,
): InferredText[] {
  return derive(view.derivation.input).map((figure) => ({
    key: figure.key,
    label: pick(figure.label, lang),
    value: valueText(figure, lang, numberFormat),
    formula: figure.formula,
    negative: figure.value !== null && figure.value < 0,
    ...(figure.note ? { note: pick(figure.note, lang) } : {}),
  }));
}
