/**
 * The glossary as one Markdown page in the UI language: the eight figures WeCom returns (English
 * and Chinese name, flow or as-of, the API doc's definition, what the doc leaves open), then the
 * figures inferred from them, labelled as inferred with their formulas. No vscode here: the text
 * comes from the glossary (src/shared/glossary.ts) and the derivations (src/analysis/derived.ts),
 * and the page's own few headings are written in both languages below.
 */
import { derive } from '../../analysis/derived';
import { glossary, type FigureKind } from '../../shared/glossary';
import { pick, type Localized, type UiLanguage } from '../../shared/i18n';

const TEXT = {
  title: { en: 'What do these figures mean?', zh: '这些数字是什么意思？' },
  intro: {
    en: 'The eight figures WeCom returns per group owner and CST day (`groupchat/statistic`, `statistic_group_by_day`), as the API documentation defines them. Where the documentation leaves the meaning open, the note says so.',
    zh: '企业微信按群主和北京时间自然日返回的八项数据（`groupchat/statistic`、`statistic_group_by_day`），释义取自接口文档。文档未说明之处，在“说明”中写明。',
  },
  field: { en: 'API field', zh: '接口字段' },
  kind: { en: 'Kind', zh: '类型' },
  definition: { en: 'Definition', zh: '释义' },
  note: { en: 'Note', zh: '说明' },
  derivedTitle: { en: 'Inferred figures', zh: '推算指标' },
  derivedIntro: {
    en: 'WeCom does not return these; they are inferred from the figures above. Δ is the change of an as-of figure over the period. A negative value is shown as it is: a revised day, or a definition other than assumed.',
    zh: '企业微信不返回以下数据，它们由上面的数据推算。Δ 表示“截至当天”类数据在区间内的变化。负值按原样显示：可能某天数据被修正，或字段含义与假设不同。',
  },
  formula: { en: 'Formula', zh: '公式' },
} satisfies Record<string, Localized>;

const KINDS: Readonly<Record<FigureKind, Localized>> = {
  flow: {
    en: 'flow: new that day; summed over days',
    zh: '增量：当天新增；跨天可相加',
  },
  'as-of': {
    en: 'as of that day: a level on that day; never summed over days (a period takes its last day)',
    zh: '截至当天：当天的存量；跨天不可相加（区间取最后一天）',
  },
};

export function glossaryMarkdown(lang: UiLanguage): string {
  const say = (text: Localized): string => pick(text, lang);
  const lines = [`# ${say(TEXT.title)}`, '', say(TEXT.intro), ''];
  for (const entry of glossary()) {
    const other = lang === 'zh' ? entry.label.en : entry.label.zh;
    lines.push(`## ${pick(entry.label, lang)} · ${other}`, '');
    lines.push(`- **${say(TEXT.field)}**: \`${entry.key}\``);
    lines.push(`- **${say(TEXT.kind)}**: ${say(KINDS[entry.kind])}`);
    lines.push(`- **${say(TEXT.definition)}**: ${say(entry.definition)}`);
    if (entry.note) {
      lines.push(`- **${say(TEXT.note)}**: ${say(entry.note)}`);
    }
    lines.push('');
  }
  lines.push(`## ${say(TEXT.derivedTitle)}`, '', say(TEXT.derivedIntro), '');
  // Labels and formulas live with the derivations; asked with no input, each is listed once.
  for (const figure of derive({ data: {}, change: {} })) {
    lines.push(`- **${say(figure.label)}**: ${say(TEXT.formula)} \`${figure.formula}\``);
  }
  lines.push('');
  return lines.join('\n');
}
