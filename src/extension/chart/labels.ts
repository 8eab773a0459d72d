/**
 * The chart's user-facing strings, localized by the host with `vscode.l10n` (Chinese in
 * l10n/bundle.l10n.zh-cn.json) and handed to the webview in its init message.
 */
import * as vscode from 'vscode';
import { uiLanguage, type UiLanguage } from '../../shared/i18n';
import { ownerDisplayName, ownerListTitle, type OwnerNames } from '../../shared/ownerNames';
import type { SharedPanelLabel } from '../../shared/insightsProtocol';
import type { ChartLabels, ChartRankings, OwnerLabel } from '../../shared/protocol';
import type { RankedOwner } from '../../analysis/rank';
import type { DayRange } from '../../shared/days';
import type { RankingItem } from '../../shared/insightsProtocol';
import type { MetricKey } from '../../shared/metrics';
import type { RankingsRead } from '../insights/insightsLoader';
import type { ChartSubject } from '../../shared/chartState';

export function chartLanguage(): UiLanguage {
  return uiLanguage(vscode.env.language);
}

/** The labels both panels (the by-day chart, heatmap and rankings) show, worded once. */
export function sharedPanelLabels(): Pick<ChartLabels, SharedPanelLabel> {
  const t = vscode.l10n.t;
  return {
    figure: t('Figure'),
    range: t('Range'),
    lastNDays: t('Last {n} days', { n: '{n}' }),
    custom: t('Custom'),
    from: t('From'),
    to: t('To'),
    apply: t('Apply'),
    chartView: t('Chart'),
    tableView: t('Table'),
    exportCsv: t('Export CSV'),
    exportPng: t('Export PNG'),
    retry: t('Retry'),
    loading: t('Loading figures…'),
    loadingProgress: t('Loading figures… {done} of {total} requests', { done: '{done}', total: '{total}' }),
    errorTitle: t('Could not load the figures'),
    cstDays: t('{days} (CST)', { days: '{days}' }),
    noAnswer: t('The extension did not answer in time. Retry, or reload the window if it keeps happening.'),
    rankingsTab: t('Rankings'),
    topN: t('Top {n}', { n: '{n}' }),
    bottomN: t('Bottom {n}', { n: '{n}' }),
    rank: t('Rank'),
    owner: t('Owner'),
    value: t('Value'),
    previousRank: t('Previous rank'),
    movement: t('Movement'),
    newOwner: t('new'),
    incompleteMissing: t('Incomplete: nothing stored for some owners on {days}.', { days: '{days}' }),
  };
}

export function chartLabels(): ChartLabels {
  const t = vscode.l10n.t;
  return {
    ...sharedPanelLabels(),
    sum: t('Sum of owners'),
    compare: t('One line per owner'),
    refresh: t('Refresh'),
    startAtZero: t('Start at zero'),
    empty: t('No data for that range.'),
    emptyHint: t(
      'WeCom has no figures for these days, or only zeros (these owners may own no groups). Pick another range or other owners.',
    ),
    yesterday: t('Yesterday'),
    vsDayBefore: t('vs. day before'),
    provisional: t('Provisional'),
    provisionalHint: t(
      "Fetched at {time} CST, before 10:00 CST: yesterday's figures may be incomplete and can still change.",
      { time: '{time}' },
    ),
    fetchedAt: t('Fetched at {time} CST', { time: '{time}' }),
    dateColumn: t('Date (CST)'),
    allOwners: t('All owners'),
    cachedHistory: t('Days older than 180 days come from the history store: WeCom no longer keeps them.'),
    allHistory: t('All history'),
    historyDays: t('From history: {n} day(s) before {from}, which WeCom no longer serves.', {
      n: '{n}',
      from: '{from}',
    }),
    unstoredDays: t(
      'Not kept in the history: {n} day(s) were fetched as totals, since keeping every owner’s figures costs many more calls. Backfill History keeps them.',
      { n: '{n}' },
    ),
    backfill: t('Backfill History…'),
    noFigures: t('no figures'),
    missingDays: t('WeCom did not report {days} for every owner: not shown.', { days: '{days}' }),
    unavailableDays: t(
      'No figures for {n} day(s) before {from}: WeCom no longer keeps them and they were not cached here.',
      { n: '{n}', from: '{from}' },
    ),
    notReported: t('not reported by WeCom for every owner'),
    compareCap: t(
      'One line per owner shows at most {max} owners; {n} are selected. Showing their sum instead.',
      { max: '{max}', n: '{n}' },
    ),
    refused: t(
      'The chart could not read a message from the extension. Close the chart and open it again; if that does not help, reload the window.',
    ),
    period: t('Period'),
    day: t('Day'),
    week: t('Week'),
    month: t('Month'),
    movingAverage: t('7-day average'),
    movingAverageDaysOnly: t('The 7-day average is drawn on days: pick Day to see it.'),
    totalOverDays: t('Total over {n} days', { n: '{n}' }),
    totalIn: t('Total in {period}', { period: '{period}' }),
    onDay: t('On {day}', { day: '{day}' }),
    changeSince: t('{change} since {day}', { change: '{change}', day: '{day}' }),
    dayValue: t('{day}: {value} that day', { day: '{day}', value: '{value}' }),
    vsWeekBefore: t('vs. same day last week'),
    vsPreviousDays: t('vs. previous {n} days', { n: '{n}' }),
    vsPeriod: t('vs. {period}', { period: '{period}' }),
    previousMissing: t('No comparison with {days}: {n} day(s) not in the history', {
      days: '{days}',
      n: '{n}',
    }),
    inferredHeading: t('Inferred from these figures (WeCom does not return them)'),
    daysWithoutFigures: t('No total: {n} day(s) without figures', { n: '{n}' }),
    incomplete: t('incomplete'),
    incompleteNote: t(
      'Hollow points: incomplete periods (a day missing, provisional, or outside the range), not whole sums.',
    ),
    perOwnerCards: t('{figure} per owner', { figure: '{figure}' }),
    revised: t('revised: {old} → {new} at {time}', { old: '{old}', new: '{new}', time: '{time}' }),
    glossaryLink: t('What do these figures mean?'),
    rankingsEmpty: t(
      'No owner of this chart has figures in the history for these days, so none is ranked. Backfill History keeps every owner’s figures.',
    ),
    insights: t('Heatmap & rankings'),
  };
}

/** A ranking as both panels show it: each listed owner with its display name. */
export function labelledRanking(
  read: RankingsRead,
  metric: MetricKey,
  range: DayRange,
  names: OwnerNames,
): ChartRankings {
  const label = (item: RankedOwner): RankingItem => ({ ...item, owner: ownerLabels([item.owner], names)[0] });
  return { ...read, metric, range, top: read.top.map(label), bottom: read.bottom.map(label) };
}

/** Owner ids with their display names (ids are the fallback; both are opaque text). */
export function ownerLabels(owners: readonly string[], names: OwnerNames): OwnerLabel[] {
  return owners.map((id) => ({ id, name: ownerDisplayName(id, names) }));
}

/**
 * "By day: 张伟" / "By day: all owners" / "By day: 张三, 李四, 王五" / "By day: 张三, 李四 and 3 more":
 * VS Code has no tab tooltip for webview panels, so the title names the owners.
 */
export function panelTitle(subject: ChartSubject, names: OwnerNames): string {
  if (subject.kind === 'all') {
    return vscode.l10n.t('By day: all owners');
  }
  if (subject.owners.length === 1) {
    return vscode.l10n.t('By day: {0}', ownerDisplayName(subject.owners[0], names));
  }
  const list = ownerListTitle(
    subject.owners.map((id) => ownerDisplayName(id, names)),
    (n) => vscode.l10n.t('and {0} more', n),
  );
  return vscode.l10n.t('By day: {0}', list);
}
