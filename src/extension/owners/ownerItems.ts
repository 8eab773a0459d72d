/**
 * How one row of the owners view looks: label, description, tooltip, children. Owner ids and
 * names are shown verbatim (plain-text labels and tooltips, never markdown or HTML).
 */
import * as vscode from 'vscode';
import { METRIC_KEYS, METRICS, metricLabel, type GroupChatStats, type MetricKey } from '../../shared/metrics';
import { uiLanguage } from '../../shared/i18n';
import type { OwnerTreeElement } from '../contracts';
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

  /** e.g. "56 msgs · 12 groups · 340 members · +3 new members" when sorted by messages. */
  summary(data: GroupChatStats, sort: SortOrder): string {
    return describeFigures(data, sort.metric, (metric, value) => PHRASES[metric](this.number(value)));
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

export function ownerItem(
  row: OwnerTreeRow,
  loaded: LoadedOwners,
  { sort, filter }: { readonly sort: SortOrder; readonly filter: string },
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
  item.tooltip = row.data
    ? `${heading}\n${format.asOf(loaded)}\n\n${format.figureLines(row.data)}`
    : `${heading}\n${vscode.l10n.t('WeCom returned no figures for this owner on {0} (no groups, or a user ID it does not know). The owner is not counted in the sums.', loaded.day)}`;
  if (!row.data) {
    item.collapsibleState = vscode.TreeItemCollapsibleState.None;
  }
  item.contextValue = 'owner';
  item.iconPath = new vscode.ThemeIcon('person');
  item.accessibilityInformation = { label: `${heading}, ${figures}` };
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
  item.tooltip = `${label}\n${format.asOf(loaded)}${note}${absentNote}\n\n${format.figureLines(total)}`;
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
): vscode.TreeItem {
  const item = new vscode.TreeItem(metricLabel(metric, format.lang), vscode.TreeItemCollapsibleState.None);
  item.description = format.number(data[metric]);
  const kind =
    METRICS[metric].kind === 'flow' ? vscode.l10n.t('new that day') : vscode.l10n.t('as of that day');
  item.tooltip = `${metricLabel(metric, format.lang)}: ${format.number(data[metric])} (${kind})`;
  item.contextValue = 'figure';
  return item;
}
