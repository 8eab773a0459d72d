/**
 * How the Rankings group of the owners view looks: the group row (what is ranked, over which
 * days, or which days are missing), "Top 5" / "Bottom 5", one row per ranked owner
 * ("↑3 张三 · zhangsan", "1,092 msgs") that opens that owner's chart on click, and the Backfill
 * row when the history lacks days.
 */
import * as vscode from 'vscode';
import type { RankedOwner } from '../../analysis/rank';
import { figureKind } from '../../shared/glossary';
import { metricLabel } from '../../shared/metrics';
import type { OwnerRanking } from '../../sync/ownerRanking';
import { SHOW_BY_DAY_CHART_COMMAND } from '../chart/registration';
import type { OwnerTreeElement } from '../contracts';
import { BACKFILL_COMMAND } from '../history/historySync';
import type { FigureFormatter } from './ownerItems';
import { rowLabel, type OwnerTreeRow } from './ownerRows';
import { meaningText } from './figureTooltips';
import type { RankingsState } from './rankingsModel';

export type RankingSide = 'top' | 'bottom';

/** The Rankings group's elements, next to the owners view's own (OwnerTreeElement). */
export type RankingElement =
  | { readonly kind: 'rankings' }
  | { readonly kind: 'rankingSide'; readonly side: RankingSide }
  | { readonly kind: 'ranked'; readonly side: RankingSide; readonly owner: string }
  | { readonly kind: 'rankingsBackfill' };

export type OwnersViewElement = OwnerTreeElement | RankingElement;

export const RANKINGS: RankingElement = { kind: 'rankings' };
export const RANKING_SIDES: Readonly<Record<RankingSide, RankingElement>> = {
  top: { kind: 'rankingSide', side: 'top' },
  bottom: { kind: 'rankingSide', side: 'bottom' },
};
export const RANKINGS_BACKFILL: RankingElement = { kind: 'rankingsBackfill' };

export function isRankingElement(element: OwnersViewElement): element is RankingElement {
  return (
    element.kind === 'rankings' ||
    element.kind === 'rankingSide' ||
    element.kind === 'ranked' ||
    element.kind === 'rankingsBackfill'
  );
}

/** "2026-06-08 – 2026-06-14". */
function span(range: { readonly from: string; readonly to: string }): string {
  return `${range.from} – ${range.to}`;
}

export function rankingsItem(state: RankingsState | undefined, format: FigureFormatter): vscode.TreeItem {
  const item = new vscode.TreeItem(vscode.l10n.t('Rankings'), vscode.TreeItemCollapsibleState.Collapsed);
  item.id = 'rankings';
  item.iconPath = new vscode.ThemeIcon('list-ordered');
  item.contextValue = 'rankings';
  if (!state || state.status === 'loading') {
    item.description = vscode.l10n.t('reading the history…');
    return item;
  }
  if (state.status === 'failed') {
    item.description = vscode.l10n.t('history unavailable');
    item.tooltip = state.message;
    return item;
  }
  const { ranking } = state;
  const figure = metricLabel(ranking.metric, format.lang);
  if (!ranking.complete) {
    item.description = vscode.l10n.t(
      '{0} of {1} days not in the history',
      ranking.missingDays.length,
      ranking.spanDays,
    );
    item.tooltip = vscode.l10n.t(
      'Ranking by {0} needs every owner on every day from {1} to {2}; the history lacks {3}. Backfill the history to fill them (its call count is shown first).',
      figure,
      ranking.previous.from,
      ranking.range.to,
      missingList(ranking.missingDays),
    );
    return item;
  }
  const how =
    figureKind(ranking.metric) === 'flow'
      ? vscode.l10n.t('sum over the days')
      : vscode.l10n.t('value on the last day');
  item.description = vscode.l10n.t('{0}, last 7 days', figure);
  const provisional = ranking.provisional
    ? `\n${vscode.l10n.t("Yesterday's figures may still change until about 10:00 CST.")}`
    : '';
  item.tooltip =
    vscode.l10n.t(
      'Owners ranked by {0} ({1}) over {2}, against the 7 days before ({3}).',
      figure,
      how,
      span(ranking.range),
      span(ranking.previous),
    ) + `${provisional}\n\n${figure}: ${meaningText(ranking.metric, format.lang)}`;
  return item;
}

function missingList(days: readonly string[]): string {
  return days.length <= 4 ? days.join(', ') : `${days.slice(0, 3).join(', ')} … ${days[days.length - 1]}`;
}

export function rankingSideItem(side: RankingSide, count: number): vscode.TreeItem {
  const label = side === 'top' ? vscode.l10n.t('Top {0}', count) : vscode.l10n.t('Bottom {0}', count);
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
  item.id = `rankings:${side}`;
  item.contextValue = 'rankingSide';
  return item;
}

export function rankedItem(
  ranked: RankedOwner,
  side: RankingSide,
  ranking: Extract<OwnerRanking, { complete: true }>,
  row: Pick<OwnerTreeRow, 'owner' | 'name'>,
  format: FigureFormatter,
): vscode.TreeItem {
  const move = ranked.movement === 'new' ? vscode.l10n.t('new') : ranked.movement;
  const item = new vscode.TreeItem(`${move} ${rowLabel(row)}`, vscode.TreeItemCollapsibleState.None);
  item.id = `rankings:${side}:${ranked.owner}`;
  item.description = format.figure(ranking.metric, ranked.value);
  const previous =
    ranked.previousRank === null
      ? vscode.l10n.t('Not ranked over {0}: no figures then.', span(ranking.previous))
      : vscode.l10n.t('Rank {0} over {1}.', ranked.previousRank, span(ranking.previous));
  item.tooltip = [
    row.name === row.owner ? row.owner : `${row.name} (${row.owner})`,
    vscode.l10n.t(
      'Rank {0} of {1} over {2}: {3}.',
      ranked.rank,
      ranking.ranked,
      span(ranking.range),
      format.figure(ranking.metric, ranked.value),
    ),
    previous,
  ].join('\n');
  item.contextValue = 'rankedOwner';
  item.iconPath = new vscode.ThemeIcon('person');
  item.accessibilityInformation = {
    label: `${rowLabel(row)}, ${vscode.l10n.t('rank {0}', ranked.rank)}, ${move}, ${item.description}`,
  };
  // A click opens that owner's chart on the ranked figure, as the owner row's chart action does.
  const target: OwnerTreeElement = { kind: 'figure', owner: ranked.owner, metric: ranking.metric };
  item.command = {
    command: SHOW_BY_DAY_CHART_COMMAND,
    title: vscode.l10n.t('Show by-day chart'),
    arguments: [target],
  };
  return item;
}

export function backfillItem(): vscode.TreeItem {
  const item = new vscode.TreeItem(
    vscode.l10n.t('Backfill the history…'),
    vscode.TreeItemCollapsibleState.None,
  );
  item.id = 'rankings:backfill';
  item.iconPath = new vscode.ThemeIcon('history');
  item.tooltip = vscode.l10n.t(
    'Fetch the missing days into the history; the call count is shown before anything is fetched.',
  );
  item.command = { command: BACKFILL_COMMAND, title: vscode.l10n.t('Backfill History') };
  item.contextValue = 'rankingsBackfill';
  return item;
}
