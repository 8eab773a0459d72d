/** Builds the test API from the live services and the test seam (see testApi.ts); Test mode only. */
import * as vscode from 'vscode';
import type { ConnectionManager } from './connection';
import type { OwnerTreeElement } from './contracts';
import type { DemoMode } from './demoMode';
import type { OwnersModel } from './owners/ownersModel';
import type { OwnersTreeView } from './owners/ownersView';
import type { StatusBarSummary } from './statusBar/statusBarSummary';
import type { TreeRowSnapshot, WeComGroupStatsApi } from './testApi';
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
}): WeComGroupStatsApi {
  const { provider } = services.view;
  const snapshot = (element: OwnerTreeElement): TreeRowSnapshot => {
    const item = provider.getTreeItem(element);
    return {
      kind: element.kind,
      owner: element.kind === 'summary' ? undefined : element.owner,
      metric: element.kind === 'figure' ? element.metric : undefined,
      label: labelText(item.label),
      description: typeof item.description === 'string' ? item.description : '',
      tooltip: tooltipText(item.tooltip),
      contextValue: item.contextValue ?? '',
      collapsible:
        item.collapsibleState !== undefined && item.collapsibleState !== vscode.TreeItemCollapsibleState.None,
    };
  };
  return {
    mode: async () => (await services.connections.current())?.mode,
    state: () => services.model.state,
    whenIdle: async () => {
      // The status bar's day before follows the tree's load: idle means both have settled.
      await services.model.whenIdle();
      await services.statusBar.whenIdle();
      await services.model.whenIdle();
    },
    rows: () => provider.getChildren().map(snapshot),
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
  };
}
