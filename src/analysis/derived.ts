/**
 * Figures WeCom does not return, inferred from those it does. Each is labelled as inferred with
 * its formula; a negative value is kept as it is, with a note (a revision of a day, or a
 * definition we do not know), never clamped to zero.
 */
import type { MetricKey } from '../shared/metrics';

export type DerivedKey =
  'members_left' | 'groups_dissolved' | 'active_group_share' | 'messages_per_active_member';

export interface DerivedFigure {
  readonly key: DerivedKey;
  /** Null when an input is unknown, or a ratio's denominator is 0. */
  readonly value: number | null;
  readonly inferred: true;
  readonly formula: string;
  readonly label: { readonly en: string; readonly zh: string };
  readonly note?: { readonly en: string; readonly zh: string };
}

/** What a derivation needs: flows over the span, as-of values at its end, their change over it. */
export interface DerivationInput {
  readonly data: Partial<Record<MetricKey, number | null>>;
  readonly change: Partial<Record<MetricKey, number | null>>;
}

const NEGATIVE = {
  en: 'Negative: a day was revised, or the figures are not defined as assumed. Shown as it is.',
  zh: '为负值：某天数据被修正，或字段含义与假设不同。按原值显示。',
};

function num(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function difference(a: number | null | undefined, b: number | null | undefined): number | null {
  return num(a) && num(b) ? a - b : null;
}

function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  return num(a) && num(b) && b !== 0 ? a / b : null;
}

function figure(
  key: DerivedKey,
  value: number | null,
  formula: string,
  label: { en: string; zh: string },
): DerivedFigure {
  return {
    key,
    value,
    inferred: true,
    formula,
    label,
    ...(value !== null && value < 0 ? { note: NEGATIVE } : {}),
  };
}

export function derive(input: DerivationInput): DerivedFigure[] {
  const { data, change } = input;
  return [
    figure(
      'members_left',
      difference(data.new_member_cnt, change.member_total),
      'new_member_cnt − Δ member_total',
      { en: 'Members who left (inferred)', zh: '退群人数（推算）' },
    ),
    figure(
      'groups_dissolved',
      difference(data.new_chat_cnt, change.chat_total),
      'new_chat_cnt − Δ chat_total',
      { en: 'Groups dissolved (inferred)', zh: '解散群数（推算）' },
    ),
    figure('active_group_share', ratio(data.chat_has_msg, data.chat_total), 'chat_has_msg / chat_total', {
      en: 'Active-group share (inferred)',
      zh: '活跃群占比（推算）',
    }),
    figure(
      'messages_per_active_member',
      ratio(data.msg_total, data.member_has_msg),
      'msg_total / member_has_msg',
      { en: 'Messages per active member (inferred)', zh: '人均消息数（推算）' },
    ),
  ];
}
