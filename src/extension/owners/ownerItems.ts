/**
 * How one row of the owners view looks: label, description, tooltip, children. Owner ids and
 * names are shown verbatim (plain-text labels and tooltips, never markdown or HTML).
 */
import * as vscode from 'vscode';
import { METRIC_KEYS, metricLabel, type GroupChatStats, type MetricKey } from '../../shared/metrics';
import { uiLanguage } from '../../shared/i18n';
import type { Revision } from '../../store/types';
import type { OwnerTreeElement } from '../contracts';
import { revisedMetrics } from './figureHistory';
import { kindText, meaningText, revisionLines, syncedText } from './figureTooltips';
import { describeFigures, filterHighlights, rowLabel, type OwnerTreeRow, type SortOrder } from './ownerRows';
import type { LoadedOwners } from './ownersModel';

/** One figure with its short name, worded as each language counts ("1,092 msgs", "1,092 条消息"). */
const PHRASES: Readonly<Record<MetricKey, (n: string) => string>> = {
  new_chat_cnt: (n) => vscode.l10n.t('{0} new groups', n),
  chat_total: (n) => vscode.l10n.t('{0} groups', n),
  chat_has_msg: (n) => vscode.l10n.t('{0} active groups', n),
  new_member_cnt: (n) => vscode.l10n.t('+{0} new members', n),
  member_total: (n) => vscode.l10n.t('{0} members', n),
  member_has_msg: (n) => vscode.l10n.t('{0} active members', n),
  msg_total: (n) => vscode.l10n.t('{0} msgs', n),
  migrate_trainee_chat_cnt: (n) => vscode.l10n.t('{0} migrated groups', n),
};

export class FigureFormatter {
  readonly lang = uiLanguage(vscode.env.language);
  // Created on first use: the first Intl.NumberFormat loads ICU data (~13 ms), which would
  // otherwise be spent during activation, before any row is shown.
  private numbers: Intl.NumberFormat | undefined;

  number(value: number): string {
    this.numbers ??= new Intl.NumberFormat(this.lang === 'zh' ? 'zh-CN' : 'en-US');
    return this.numbers.format(value);
  }

  /** One figure with its short name: "1,092 msgs". */
  figure(metric: MetricKey, value: number): string {
    return PHRASES[metric](this.number(value));
  }

  /** e.g. "56 msgs · 12 groups · 340 members · +3 new members" when sorted by messages. */
  summary(data: GroupChatStats, sort: SortOrder): string {
    return describeFigures(data, sort.metric, (metric, value) => this.figure(metric, value));
  }

  /**
   * The sorted figure explained under a row's figures: "Messages (as of that day): definition",
   * the doc's open questions, and how the store saw it revised.
   */
  explained(metric: MetricKey, data: GroupChatStats | undefined, revisions: RevisionContext): string {
    const lines = [
      `${metricLabel(metric, this.lang)} (${kindText(metric)}): ${meaningText(metric, this.lang)}`,
      ...revisionLines(revisions.revisions, data, metric, (n) => this.number(n), revisions.nowMs),
    ];
    return lines.join('\n');
  }

  /** One line per figure, labelled in the UI language. */
  figureLines(data: GroupChatStats): string {
    return METRIC_KEYS.map((key) => `${metricLabel(key, this.lang)}: ${this.number(data[key])}`).join('\n');
  }

  asOf(loaded: LoadedOwners): string {
    return loaded.provisional
      ? vscode.l10n.t('as of {0} CST (provisional)', loaded.day)
      : vscode.l10n.t('as of {0} CST', loaded.day);
  }
}

/** What a tooltip needs to say how a figure was revised: the kept revisions and the clock. */
export interface RevisionContext {
  readonly revisions: readonly Revision[] | undefined;
  readonly nowMs: number;
}

export function ownerItem(
  row: OwnerTreeRow,
  loaded: LoadedOwners,
  { sort, filter, nowMs }: { readonly sort: SortOrder; readonly filter: string; readonly nowMs: number },
  format: FigureFormatter,
): vscode.TreeItem {
  const label = rowLabel(row);
  const item = new vscode.TreeItem(
    { label, highlights: filterHighlights(label, filter) },
    vscode.TreeItemCollapsibleState.Collapsed,
  );
  item.id = `owner:${row.owner}`;
  const heading = row.name === row.owner ? row.owner : `${row.name} (${row.owner})`;
  // An owner WeCom did not return has no figures: saying so beats showing zeros.
  const figures = row.data ? format.summary(row.data, sort) : vscode.l10n.t('not returned by WeCom');
  item.description = figures;
  const revisions = loaded.revisions.get(row.owner);
  const revised = revisedMetrics(revisions, row.data);
  const revisedNote = revised.length
    ? `\n\n${vscode.l10n.t('Revised since first fetched: {0}.', revised.map((m) => metricLabel(m, format.lang)).join(', '))}`
    : '';
  item.tooltip = row.data
    ? `${heading}\n${format.asOf(loaded)}\n\n${format.figureLines(row.data)}\n\n` +
      `${format.explained(sort.metric, row.data, { revisions, nowMs })}${revisedNote}`
    : `${heading}\n${vscode.l10n.t('WeCom returned no figures for this owner on {0} (no groups, or a user ID it does not know). The owner is not counted in the sums.', loaded.day)}`;
  if (!row.data) {
    item.collapsibleState = vscode.TreeItemCollapsibleState.None;
  }
  item.contextValue = 'owner';
  // A subtle marker: the person icon tinted, and the tooltip and screen reader say what changed.
  item.iconPath = revised.length
    ? new vscode.ThemeIcon('person', new vscode.ThemeColor('list.warningForeground'))
    : new vscode.ThemeIcon('person');
  const revisedLabel = revised.length ? `, ${vscode.l10n.t('revised')}` : '';
  item.accessibilityInformation = { label: `${heading}, ${figures}${revisedLabel}` };
  return item;
}

/** What the summary row sums: the visible rows, of all loaded, and how many of them WeCom did not return. */
export interface SummaryCounts {
  readonly total: GroupChatStats;
  readonly shown: number;
  readonly all: number;
  readonly absent: number;
}

export function summaryItem(
  { total, shown, all, absent }: SummaryCounts,
  loaded: LoadedOwners,
  sort: SortOrder,
  format: FigureFormatter,
  nowMs: number,
): vscode.TreeItem {
  const label =
    shown === all
      ? vscode.l10n.t('All owners ({0})', format.number(all))
      : vscode.l10n.t('Filtered owners ({0} of {1})', format.number(shown), format.number(all));
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = 'summary';
  // Owners WeCom did not return are not in the sum: say how many, so it is not read as the whole team.
  const counted = absent ? `${absentCount(shown - absent, absent, format)} · ` : '';
  item.description = `${counted}${format.summary(total, sort)} · ${format.asOf(loaded)}`;
  const note = loaded.provisional
    ? `\n${vscode.l10n.t("Yesterday's figures may still change until about 10:00 CST.")}`
    : '';
  const absentNote = absent
    ? `\n${vscode.l10n.t('Owners not returned by WeCom, not counted in these sums: {0}.', format.number(absent))}`
    : '';
  const synced = syncedText(loaded.fetchedAt, nowMs);
  item.tooltip =
    `${label}\n${format.asOf(loaded)}\n${synced}${note}${absentNote}\n\n${format.figureLines(total)}\n\n` +
    format.explained(sort.metric, total, { revisions: undefined, nowMs });
  // A filter that matches no one leaves nothing to chart: no chart action on that row.
  item.contextValue = shown === 0 ? 'emptySummary' : 'summary';
  item.iconPath = new vscode.ThemeIcon('organization');
  return item;
}

/** "28 owners · 2 not returned" (owners with figures, owners without). */
function absentCount(present: number, absent: number, format: FigureFormatter): string {
  return present === 1
    ? vscode.l10n.t('1 owner · {0} not returned', format.number(absent))
    : vscode.l10n.t('{0} owners · {1} not returned', format.number(present), format.number(absent));
}

export function figureElements(owner: string | undefined): OwnerTreeElement[] {
  return METRIC_KEYS.map((metric) => ({ kind: 'figure', owner, metric }));
}

export function figureItem(
  metric: MetricKey,
  data: GroupChatStats,
  format: FigureFormatter,
  { revisions, nowMs }: RevisionContext,
): vscode.TreeItem {
  const item = new vscode.TreeItem(metricLabel(metric, format.lang), vscode.TreeItemCollapsibleState.None);
  const changes = revisionLines(revisions, data, metric, (n) => format.number(n), nowMs);
  // The marker stays small: the value, then "(revised)"; the tooltip says from what and when.
  item.description = changes.length
    ? `${format.number(data[metric])} ${vscode.l10n.t('(revised)')}`
    : format.number(data[metric]);
  item.tooltip = [
    `${metricLabel(metric, format.lang)}: ${format.number(data[metric])} (${kindText(metric)})`,
    meaningText(metric, format.lang),
    ...changes,
  ].join('\n');
  item.contextValue = 'figure';
  return item;
}
