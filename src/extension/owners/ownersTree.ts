/**
 * The Group Owners tree: maps `OwnersModel` to tree items. Items are built only when VS Code
 * asks for them, owner lookups go through a Map, so 5,000 owners stay cheap.
 */
import * as vscode from 'vscode';
import type { GroupChatStats } from '../../shared/metrics';
import type { OwnerTreeElement } from '../contracts';
import { Disposable } from '../dispose';
import type { OwnerTreeRow } from './ownerRows';
import { figureElements, figureItem, FigureFormatter, ownerItem, summaryItem } from './ownerItems';
import type { OwnersModel } from './ownersModel';

const ALL_OWNERS: OwnerTreeElement = { kind: 'summary' };

export class OwnersTreeProvider extends Disposable implements vscode.TreeDataProvider<OwnerTreeElement> {
  private readonly _onDidChangeTreeData = this._register(
    new vscode.EventEmitter<OwnerTreeElement | undefined>(),
  );
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;
  private readonly format = new FigureFormatter();
  private rowsByOwner: Map<string, OwnerTreeRow> | undefined;
  private filteredSummary: OwnerTreeElement | undefined;

  constructor(private readonly model: OwnersModel) {
    super();
    this._register(
      model.onDidChange(() => {
        this.rowsByOwner = undefined;
        this.filteredSummary = undefined;
        this._onDidChangeTreeData.fire(undefined);
      }),
    );
  }

  getChildren(element?: OwnerTreeElement): OwnerTreeElement[] {
    const loaded = this.model.data;
    if (!loaded) {
      return [];
    }
    if (!element) {
      const { rows } = this.model.visible();
      if (!rows.length && !loaded.sorted.length) {
        return [];
      }
      const children: OwnerTreeElement[] = new Array(rows.length + 1);
      children[0] = this.summary();
      for (let i = 0; i < rows.length; i++) {
        children[i + 1] = rows[i].element;
      }
      return children;
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

  getTreeItem(element: OwnerTreeElement): vscode.TreeItem {
    const loaded = this.model.data;
    if (!loaded) {
      return new vscode.TreeItem('');
    }
    const sort = this.model.sort;
    switch (element.kind) {
      case 'summary': {
        const { rows, total, absent } = this.model.visible();
        return summaryItem(
          { total, shown: rows.length, all: loaded.sorted.length, absent },
          loaded,
          sort,
          this.format,
        );
      }
      case 'owner': {
        const row = this.row(element.owner);
        return row
          ? ownerItem(row, loaded, { sort, filter: this.model.filter }, this.format)
          : new vscode.TreeItem(element.owner);
      }
      case 'figure': {
        const data = this.figuresOf(element.owner);
        if (!data) {
          return new vscode.TreeItem(element.metric);
        }
        const item = figureItem(element.metric, data, this.format);
        item.id = `figure:${element.owner === undefined ? '*summary*' : `owner:${element.owner}`}:${element.metric}`;
        return item;
      }
    }
  }

  getParent(element: OwnerTreeElement): OwnerTreeElement | undefined {
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

  private row(owner: string): OwnerTreeRow | undefined {
    if (!this.rowsByOwner) {
      this.rowsByOwner = new Map((this.model.data?.sorted ?? []).map((row) => [row.owner, row]));
    }
    return this.rowsByOwner.get(owner);
  }
}
