/** Builds the test API from the live services and the test seam (see testApi.ts); Test mode only. */
import * as vscode from 'vscode';
import type { ConnectionManager } from './connection';
import type { DemoMode } from './demoMode';
import type { HistoryService } from './history/historyService';
import type { HistorySync } from './history/historySync';
import type { OwnersModel } from './owners/ownersModel';
import type { OwnersTreeView } from './owners/ownersView';
import { isRankingElement, RANKINGS, type OwnersViewElement } from './owners/rankingItems';
import type { RankingsModel } from './owners/rankingsModel';
import type { StatusBarSummary } from './statusBar/statusBarSummary';
import type { RankingRowSnapshot, TreeRowSnapshot, WeComGroupStatsApi } from './testApi';
import type { TestSeam } from './testSeam';

function labelText(label: string | vscode.TreeItemLabel | undefined): string {
  return typeof label === 'string' ? label : (label?.label ?? '');
}

function tooltipText(tooltip: string | vscode.MarkdownString | undefined): string {
  return typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '');
}

export function createTestApi(services: {
  seam: TestSeam;
  globalState: vscode.Memento;
  connections: ConnectionManager;
  demo: DemoMode;
  model: OwnersModel;
  view: OwnersTreeView;
  statusBar: StatusBarSummary;
  rankings: RankingsModel;
  history: HistoryService;
  historySync: HistorySync;
}): WeComGroupStatsApi {
  const { provider } = services.view;
  const snapshot = (element: OwnersViewElement): TreeRowSnapshot => {
    const item = provider.getTreeItem(element);
    return {
      kind: element.kind,
      owner: 'owner' in element ? element.owner : undefined,
      metric: element.kind === 'figure' ? element.metric : undefined,
      label: labelText(item.label),
      description: typeof item.description === 'string' ? item.description : '',
      tooltip: tooltipText(item.tooltip),
      contextValue: item.contextValue ?? '',
      collapsible:
        item.collapsibleState !== undefined && item.collapsibleState !== vscode.TreeItemCollapsibleState.None,
      command: item.command
        ? { command: item.command.command, arguments: item.command.arguments ?? [] }
        : undefined,
    };
  };
  const below = (element: OwnersViewElement, level: number): RankingRowSnapshot[] =>
    provider
      .getChildren(element)
      .flatMap((child) => [{ ...snapshot(child), level }, ...below(child, level + 1)]);
  return {
    mode: async () => (await services.connections.current())?.mode,
    state: () => services.model.state,
    whenIdle: async () => {
      // The status bar's day before and the rankings follow the tree's load: idle means all settled.
      await services.model.whenIdle();
      await services.statusBar.whenIdle();
      await services.model.whenIdle();
      await services.rankings.whenIdle();
    },
    rows: () =>
      provider
        .getChildren()
        .filter((element) => !isRankingElement(element))
        .map(snapshot),
    rankings: () =>
      provider.getChildren().includes(RANKINGS)
        ? { group: snapshot(RANKINGS), rows: below(RANKINGS, 1) }
        : undefined,
    figures: (owner) =>
      provider
        .getChildren(owner === undefined ? { kind: 'summary' } : { kind: 'owner', owner })
        .map(snapshot),
    view: () => ({ description: services.view.description, message: services.view.message }),
    messages: () => services.seam.messages(),
    logLines: () => services.seam.logLines(),
    globalState: () =>
      Object.fromEntries(services.globalState.keys().map((key) => [key, services.globalState.get(key)])),
    demoServerUrl: () => services.demo.demoServer?.url,
    now: () => services.seam.now(),
    setNow: (ms) => services.seam.setNow(ms),
    statusBar: () => services.statusBar.snapshot(),
    setBackfillOffer: (enabled) => services.seam.setBackfillOffer(enabled),
    answerNextQuestion: (button) => services.seam.answerNextQuestion(button),
    cancelBackfill: () => services.historySync.cancel(),
    whenBackfillIdle: () => services.historySync.whenIdle(),
    historyDays: async () => {
      const connection = await services.connections.currentConnection();
      return connection ? (await services.history.store()).days(connection.storeScope) : undefined;
    },
    backfillPlanCalls: () => services.historySync.plannedCalls(),
  };
}
