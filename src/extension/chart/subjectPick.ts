/**
 * Which owners the Show by-day chart command is about: the clicked tree element (or the whole
 * selection when the click was part of a multi-select), or, from the palette, a quick pick.
 */
import type { OwnerNames } from '../../shared/ownerNames';
import * as vscode from 'vscode';
import type { MetricKey } from '../../shared/metrics';
import { isMetricKey } from '../../shared/metrics';
import type { ChartSubject } from '../../shared/chartState';
import type { ConnectionSource, OwnerTreeElement } from '../contracts';
import { ownerLabels } from './labels';

export interface ChartTarget {
  readonly subject: ChartSubject;
  /** Set when the command came from a figure row: open on that figure. */
  readonly metric?: MetricKey;
}

function isTreeElement(value: unknown): value is OwnerTreeElement {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { kind, owners } = value as { kind?: unknown; owners?: unknown };
  if (kind === 'summary') {
    return owners === undefined || (Array.isArray(owners) && owners.every((o) => typeof o === 'string'));
  }
  return kind === 'owner' || kind === 'figure';
}

function ownerOf(element: OwnerTreeElement): string | undefined {
  return element.kind === 'summary' ? undefined : element.owner;
}

function sameElement(a: OwnerTreeElement, b: OwnerTreeElement): boolean {
  return a === b || (a.kind === b.kind && ownerOf(a) === ownerOf(b));
}

/** The owners a tree element stands for; undefined: all owners. */
function ownersOf(element: OwnerTreeElement): readonly string[] | undefined {
  if (element.kind === 'summary') {
    return element.owners; // a filtered summary names the owners it sums
  }
  return element.owner === undefined ? undefined : [element.owner];
}

/** The subject from tree arguments (clicked element, selection), or undefined for the palette. */
export function targetFromArgs(clicked: unknown, selected: unknown): ChartTarget | undefined {
  if (!isTreeElement(clicked)) {
    return undefined;
  }
  const selection = Array.isArray(selected) ? selected.filter(isTreeElement) : [];
  // VS Code passes the selection when the clicked row is part of it; otherwise only the row counts.
  const elements =
    selection.length > 1 && selection.some((e) => sameElement(e, clicked)) ? selection : [clicked];
  const metric = clicked.kind === 'figure' && isMetricKey(clicked.metric) ? clicked.metric : undefined;
  const owners = new Set<string>();
  for (const element of elements) {
    const some = ownersOf(element);
    if (!some) {
      return { subject: { kind: 'all' }, metric };
    }
    some.forEach((owner) => owners.add(owner));
  }
  return { subject: { kind: 'owners', owners: [...owners] }, metric };
}

interface OwnerPickItem extends vscode.QuickPickItem {
  readonly owner?: string;
}

/** Palette: pick one or more owners, or "All owners". */
export async function pickTarget(
  connections: ConnectionSource,
  ownerNames: OwnerNames,
): Promise<ChartTarget | undefined> {
  const connection = await connections.current();
  if (!connection) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('WeCom is not set up: set your corp ID and secret (or turn on demo mode) first.'),
    );
    return undefined;
  }
  // The same owners as the tree: the `owners` setting when set, else the follow-user list.
  const owners =
    connection.owners && connection.owners.length > 0
      ? [...connection.owners]
      : await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Loading owners…') },
          () => connection.client.listFollowUsers(),
        );
  const items: OwnerPickItem[] = [
    { label: vscode.l10n.t('All owners'), description: vscode.l10n.t('{0} owners', owners.length) },
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    ...ownerLabels(owners, ownerNames).map((o) => ({
      label: o.name,
      description: o.name === o.id ? undefined : o.id,
      owner: o.id,
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: vscode.l10n.t('Show by-day chart'),
    placeHolder: vscode.l10n.t('Pick owners (or All owners)'),
    matchOnDescription: true,
  });
  if (!picked || picked.length === 0) {
    return undefined;
  }
  if (picked.some((item) => item.owner === undefined)) {
    return { subject: { kind: 'all' } };
  }
  return { subject: { kind: 'owners', owners: picked.map((item) => item.owner as string) } };
}
