/**
 * What each of the eight figures means: its definition as the API doc words it (English and the
 * doc's own Chinese), and a note where the doc leaves the meaning open. Names, kinds and groups
 * are not restated here: they live in METRICS (src/shared/metrics.ts), one source per fact, and
 * `glossaryEntry` joins the two.
 */
import { METRIC_KEYS, METRICS, type MetricInfo, type MetricKey } from './metrics';

/** "flow": new that day, summed over days; "as-of": a level on that day, never summed over days. */
export type FigureKind = 'flow' | 'as-of';

export interface FigureMeaning {
  /** The doc's definition (zh: verbatim from the API doc). */
  readonly definition: { readonly en: string; readonly zh: string };
  /** Where the doc leaves the meaning open; what we do not know. */
  readonly note?: { readonly en: string; readonly zh: string };
}

const AS_OF_UNKNOWN = {
  en: 'The doc says "as of that day" only: whether this is a running total since the group was created, or a count over the day, is not documented.',
  zh: '文档只写“截至当天”：是建群以来的累计值，还是当天的数量，文档未说明。',
};

export const FIGURE_MEANINGS: Readonly<Record<MetricKey, FigureMeaning>> = {
  new_chat_cnt: {
    definition: { en: 'Customer groups newly created that day.', zh: '新增客户群数量' },
  },
  chat_total: {
    definition: { en: 'Total customer groups as of that day.', zh: '截至当天客户群总数量' },
  },
  chat_has_msg: {
    definition: {
      en: 'Customer groups that have sent messages, as of that day.',
      zh: '截至当天有发过消息的客户群数量',
    },
    note: AS_OF_UNKNOWN,
  },
  new_member_cnt: {
    definition: { en: 'Members newly joined customer groups that day.', zh: '客户群新增群人数。' },
  },
  member_total: {
    definition: { en: 'Total members of customer groups as of that day.', zh: '截至当天客户群总人数' },
  },
  member_has_msg: {
    definition: {
      en: 'Group members who have sent messages, as of that day.',
      zh: '截至当天有发过消息的群成员数',
    },
    note: AS_OF_UNKNOWN,
  },
  msg_total: {
    definition: { en: 'Total messages in customer groups as of that day.', zh: '截至当天客户群消息总数' },
    note: AS_OF_UNKNOWN,
  },
  migrate_trainee_chat_cnt: {
    definition: {
      en: 'Newly migrated groups as of that day (education industry only).',
      zh: '截至当天新增迁移群数(仅教培行业返回)',
    },
    note: {
      en: 'Returned only to education-industry corps; read as 0 elsewhere. "New … as of that day" is not explained further.',
      zh: '仅教培行业返回，其他企业按 0 处理；“截至当天新增”的含义文档未进一步说明。',
    },
  },
};

/** A figure's kind in the glossary's words, read from METRICS ('stock' is "as of that day"). */
export function figureKind(key: MetricKey): FigureKind {
  return METRICS[key].kind === 'flow' ? 'flow' : 'as-of';
}

export interface GlossaryEntry extends FigureMeaning {
  readonly key: MetricKey;
  readonly kind: FigureKind;
  readonly label: MetricInfo['label'];
  readonly group: MetricInfo['group'];
}

export function glossaryEntry(key: MetricKey): GlossaryEntry {
  const info = METRICS[key];
  return { key, kind: figureKind(key), label: info.label, group: info.group, ...FIGURE_MEANINGS[key] };
}

/** Every figure, in METRIC_KEYS order. */
export function glossary(): GlossaryEntry[] {
  return METRIC_KEYS.map(glossaryEntry);
}

export const FLOW_KEYS: readonly MetricKey[] = METRIC_KEYS.filter((k) => METRICS[k].kind === 'flow');
export const AS_OF_KEYS: readonly MetricKey[] = METRIC_KEYS.filter((k) => METRICS[k].kind !== 'flow');

/** Plain-text lines for help: "  key  kind  English name (中文名): definition". */
export function glossaryLines(keys: readonly MetricKey[] = METRIC_KEYS): string[] {
  const width = Math.max(...keys.map((k) => k.length));
  return keys.map((k) => {
    const e = glossaryEntry(k);
    return `  ${k.padEnd(width)}  ${e.kind.padEnd(5)}  ${e.label.en} (${e.label.zh}): ${e.definition.en}`;
  });
}
