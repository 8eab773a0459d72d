/**
 * The Group Owners tree: maps `OwnersModel` (and the Rankings group's `RankingsModel`) to tree
 * items. Items are built only when VS Code asks for them, owner lookups go through a Map, so 5,000
 * owners stay cheap.
 */
import * as vscode from 'vscode';
import type { GroupChatStats } from '../../shared/metrics';
import type { OwnerTreeElement } from '../contracts';
import { Disposable } from '../dispose';
import type { OwnerTreeRow } from './ownerRows';
import { figureElements, figureItem, FigureFormatter, ownerItem, summaryItem } from './ownerItems';
import type { OwnersModel } from './ownersModel';
import {
  backfillItem,
  isRankingElement,
  rankedItem,
  RANKING_SIDES,
  rankingSideItem,
  RANKINGS,
  RANKINGS_BACKFILL,
  rankingsItem,
  type OwnersViewElement,
  type RankingElement,
} from './rankingItems';
import type { RankingsModel } from './rankingsModel';

const ALL_OWNERS: OwnerTreeElement = { kind: 'summary' };

export class OwnersTreeProvider extends Disposable implements vscode.TreeDataProvider<OwnersViewElement> {
  private readonly _onDidChangeTreeData = this._register(
    new vscode.EventEmitter<OwnersViewElement | undefined>(),
  );
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;
  private readonly format = new FigureFormatter();
  private rowsByOwner: Map<string, OwnerTreeRow> | undefined;
  private filteredSummary: OwnerTreeElement | undefined;

  constructor(
    private readonly model: OwnersModel,
    private readonly rankings: RankingsModel,
  ) {
    super();
    this._register(
      model.onDidChange(() => {
        this.rowsByOwner = undefined;
        this.filteredSummary = undefined;
        this._onDidChangeTreeData.fire(undefined);
      }),
    );
    // Only the Rankings group changes: the owner rows stay as they are.
    this._register(rankings.onDidChange(() => this._onDidChangeTreeData.fire(RANKINGS)));
  }

  getChildren(element?: OwnersViewElement): OwnersViewElement[] {
    const loaded = this.model.data;
    if (!loaded) {
      return [];
    }
    if (!element) {
      const { rows } = this.model.visible();
      if (!rows.length && !loaded.sorted.length) {
        return [];
      }
      const children: OwnersViewElement[] = new Array(rows.length + 2);
      children[0] = this.summary();
      children[1] = RANKINGS;
      for (let i = 0; i < rows.length; i++) {
        children[i + 2] = rows[i].element;
      }
      return children;
    }
    if (isRankingElement(element)) {
      return this.rankingChildren(element);
    }
    if (element.kind === 'summary') {
      return figureElements(undefined);
    }
    if (element.kind === 'owner') {
      // An owner WeCom did not return has no figures to list.
      return this.row(element.owner)?.data ? figureElements(element.owner) : [];
    }
    return [];
  }

  getTreeItem(element: OwnersViewElement): vscode.TreeItem {
    const loaded = this.model.data;
    if (!loaded) {
      return new vscode.TreeItem('');
    }
    if (isRankingElement(element)) {
      return this.rankingItem(element);
    }
    const sort = this.model.sort;
    const nowMs = this.model.now();
    switch (element.kind) {
      case 'summary': {
        const { rows, total, absent } = this.model.visible();
        return summaryItem(
          { total, shown: rows.length, all: loaded.sorted.length, absent },
          loaded,
          sort,
          this.format,
          nowMs,
        );
      }
      case 'owner': {
        const row = this.row(element.owner);
        return row
          ? ownerItem(row, loaded, { sort, filter: this.model.filter, nowMs }, this.format)
          : new vscode.TreeItem(element.owner);
      }
      case 'figure': {
        const data = this.figuresOf(element.owner);
        if (!data) {
          return new vscode.TreeItem(element.metric);
        }
        // The summary's sum has no revisions of its own: its owners' rows show theirs.
        const revisions = element.owner === undefined ? undefined : loaded.revisions.get(element.owner);
        const item = figureItem(element.metric, data, this.format, { revisions, nowMs });
        item.id = `figure:${element.owner === undefined ? '*summary*' : `owner:${element.owner}`}:${element.metric}`;
        return item;
      }
    }
  }

  getParent(element: OwnersViewElement): OwnersViewElement | undefined {
    if (element.kind === 'rankingSide' || element.kind === 'rankingsBackfill') {
      return RANKINGS;
    }
    if (element.kind === 'ranked') {
      return RANKING_SIDES[element.side];
    }
    if (element.kind !== 'figure') {
      return undefined;
    }
    return element.owner === undefined ? this.summary() : this.row(element.owner)?.element;
  }

  /**
   * The summary row's element: the chart command gets it as its argument, so a filtered
   * summary names its owners and charts exactly the rows it sums.
   */
  private summary(): OwnerTreeElement {
    if (!this.model.filter) {
      return ALL_OWNERS;
    }
    this.filteredSummary ??= {
      kind: 'summary',
      owners: this.model.visible().rows.map((row) => row.owner),
    };
    return this.filteredSummary;
  }

  /** The figures behind an owner row, or the visible total for the summary (owner undefined). */
  figuresOf(owner: string | undefined): GroupChatStats | undefined {
    return owner === undefined ? this.model.visible().total : this.row(owner)?.data;
  }

  private rankingChildren(element: RankingElement): OwnersViewElement[] {
    const state = this.rankings.state;
    if (state?.status !== 'ready') {
      return [];
    }
    const { ranking } = state;
    if (element.kind === 'rankings') {
      if (!ranking.complete) {
        return [RANKINGS_BACKFILL];
      }
      return ranking.bottom.length ? [RANKING_SIDES.top, RANKING_SIDES.bottom] : [RANKING_SIDES.top];
    }
    if (element.kind === 'rankingSide' && ranking.complete) {
      const side = element.side;
      return (side === 'top' ? ranking.top : ranking.bottom).map((r) => ({
        kind: 'ranked',
        side,
        owner: r.owner,
      }));
    }
    return [];
  }

  private rankingItem(element: RankingElement): vscode.TreeItem {
    const state = this.rankings.state;
    const ranking = state?.status === 'ready' && state.ranking.complete ? state.ranking : undefined;
    switch (element.kind) {
      case 'rankings':
        return rankingsItem(state, this.format);
      case 'rankingsBackfill':
        return backfillItem();
      case 'rankingSide':
        return rankingSideItem(
          element.side,
          (element.side === 'top' ? ranking?.top : ranking?.bottom)?.length ?? 0,
        );
      case 'ranked': {
        const ranked = (element.side === 'top' ? ranking?.top : ranking?.bottom)?.find(
          (r) => r.owner === element.owner,
        );
        if (!ranking || !ranked) {
          return new vscode.TreeItem(element.owner);
        }
        const row = this.row(element.owner) ?? { owner: element.owner, name: element.owner };
        return rankedItem(ranked, element.side, ranking, row, this.format);
      }
    }
  }

  private row(owner: string): OwnerTreeRow | undefined {
    if (!this.rowsByOwner) {
      this.rowsByOwner = new Map((this.model.data?.sorted ?? []).map((row) => [row.owner, row]));
    }
    return this.rowsByOwner.get(owner);
  }
}
