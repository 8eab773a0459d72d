/**
 * The Group Owners TreeView itself: creates it (multi-select, for the chart) and keeps its
 * description (sort order and active filter) and message (errors, empty results) in step with the model.
 */
import * as vscode from 'vscode';
import { uiLanguage } from '../../shared/i18n';
import { metricLabel } from '../../shared/metrics';
import { Disposable } from '../dispose';
import { withSyncedSentence } from './figureTooltips';
import { OWNERS_VIEW_ID, type OwnersModel } from './ownersModel';
import { OwnersTreeProvider } from './ownersTree';
import type { OwnersViewElement } from './rankingItems';
import type { RankingsModel } from './rankingsModel';

export class OwnersTreeView extends Disposable {
  readonly provider: OwnersTreeProvider;
  readonly treeView: vscode.TreeView<OwnersViewElement>;

  constructor(
    private readonly model: OwnersModel,
    rankings: RankingsModel,
  ) {
    super();
    this.provider = this._register(new OwnersTreeProvider(model, rankings));
    this.treeView = this._register(
      vscode.window.createTreeView(OWNERS_VIEW_ID, {
        treeDataProvider: this.provider,
        canSelectMany: true,
        showCollapseAll: true,
      }),
    );
    this._register(model.onDidChange(() => this.update()));
    this.update();
  }

  private update(): void {
    const { metric, ascending } = this.model.sort;
    const sortText = `${metricLabel(metric, uiLanguage(vscode.env.language))} ${ascending ? '↑' : '↓'}`;
    const filter = this.model.filter;
    this.treeView.description = filter ? `${sortText} · ${vscode.l10n.t('filter: "{0}"', filter)}` : sortText;
    this.treeView.message = this.currentMessage();
  }

  private currentMessage(): string | undefined {
    const data = this.model.data;
    if (this.model.message && data) {
      // An error while previous rows stay: say so above them.
      return this.model.message;
    }
    if (data && this.model.filter && this.model.visible().rows.length === 0) {
      return vscode.l10n.t('No owner matches "{0}". Use Clear filter to see all owners.', this.model.filter);
    }
    if (data && data.sorted.length === 0) {
      return vscode.l10n.t('WeCom returned no group owners for {0}.', data.day);
    }
    if (data) {
      // The view's description is hidden when this is the container's only view: the message
      // is what says how the rows are sorted (and filtered), and when the day was synced.
      return withSyncedSentence(this.sortMessage(data.sorted.length), data.fetchedAt, this.model.now());
    }
    if (this.model.state === 'error' && this.model.message) {
      return this.model.message;
    }
    return undefined;
  }

  private sortMessage(all: number): string {
    const { metric, ascending } = this.model.sort;
    const figure = metricLabel(metric, uiLanguage(vscode.env.language));
    const direction = ascending ? vscode.l10n.t('smallest first') : vscode.l10n.t('largest first');
    const filter = this.model.filter;
    return filter
      ? vscode.l10n.t(
          'Owners matching "{0}" ({1} of {2}), sorted by {3}, {4}.',
          filter,
          this.model.visible().rows.length,
          all,
          figure,
          direction,
        )
      : vscode.l10n.t('Sorted by {0}, {1}.', figure, direction);
  }

  get message(): string | undefined {
    return this.treeView.message;
  }

  get description(): string | undefined {
    return this.treeView.description;
  }
}
