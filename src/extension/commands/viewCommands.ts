/**
 * Commands of the Group Owners view title: refresh, sort (metric + direction), filter, clear filter.
 * Sort and filter accept an optional argument so tests (and keybindings) can skip the pickers.
 */
import * as vscode from 'vscode';
import { uiLanguage } from '../../shared/i18n';
import { isMetricKey, METRIC_KEYS, metricLabel, type MetricKey } from '../../shared/metrics';
import type { SortOrder } from '../owners/ownerRows';
import type { OwnersModel } from '../owners/ownersModel';

interface MetricPick extends vscode.QuickPickItem {
  readonly metric: MetricKey;
}
interface DirectionPick extends vscode.QuickPickItem {
  readonly ascending: boolean;
}

async function pickSort(current: SortOrder): Promise<SortOrder | undefined> {
  const lang = uiLanguage(vscode.env.language);
  const metricItems: MetricPick[] = METRIC_KEYS.map((metric) => ({
    metric,
    label: metricLabel(metric, lang),
    description: metric === current.metric ? vscode.l10n.t('current') : undefined,
  }));
  const metric = await vscode.window.showQuickPick(metricItems, {
    title: vscode.l10n.t('Sort group owners by'),
    placeHolder: vscode.l10n.t('Pick a figure'),
  });
  if (!metric) {
    return undefined;
  }
  const directionItems: DirectionPick[] = [
    { ascending: false, label: vscode.l10n.t('Descending (largest first)') },
    { ascending: true, label: vscode.l10n.t('Ascending (smallest first)') },
  ];
  const quickPick = vscode.window.createQuickPick<DirectionPick>();
  quickPick.title = vscode.l10n.t('Sort by {0}', metric.label);
  quickPick.items = directionItems;
  quickPick.activeItems = [directionItems[current.ascending ? 1 : 0]];
  const direction = await new Promise<DirectionPick | undefined>((resolve) => {
    quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0] ?? quickPick.activeItems[0]));
    quickPick.onDidHide(() => resolve(undefined));
    quickPick.show();
  });
  quickPick.dispose();
  return direction ? { metric: metric.metric, ascending: direction.ascending } : undefined;
}

export async function sortOwners(model: OwnersModel, arg?: unknown): Promise<void> {
  let order: SortOrder | undefined;
  if (arg && typeof arg === 'object' && isMetricKey((arg as { metric?: unknown }).metric)) {
    const given = arg as { metric: MetricKey; ascending?: unknown };
    order = { metric: given.metric, ascending: given.ascending === true };
  } else {
    order = await pickSort(model.sort);
  }
  if (order) {
    await model.setSort(order);
  }
}

/** Long enough to skip the keystrokes of a word typed quickly, short enough to feel immediate. */
const FILTER_DEBOUNCE_MS = 120;

export async function filterOwners(model: OwnersModel, arg?: unknown): Promise<void> {
  if (typeof arg === 'string') {
    model.setFilter(arg);
    return;
  }
  await liveFilter(model);
}

/** The filter box: the tree follows what is typed; Enter keeps it, Escape restores the previous filter. */
function liveFilter(model: OwnersModel): Promise<void> {
  const previous = model.filter;
  const input = vscode.window.createInputBox();
  input.title = vscode.l10n.t('Filter group owners');
  input.prompt = vscode.l10n.t(
    'Part of a user ID or name (case does not matter); the list follows as you type. Empty shows all owners.',
  );
  input.value = previous;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settle = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  let accepted = false;
  return new Promise<void>((resolve) => {
    input.onDidChangeValue((value) => {
      settle();
      timer = setTimeout(() => model.setFilter(value), FILTER_DEBOUNCE_MS);
    });
    input.onDidAccept(() => {
      accepted = true;
      settle();
      model.setFilter(input.value);
      input.hide();
    });
    input.onDidHide(() => {
      settle();
      if (!accepted && model.filter !== previous) {
        model.setFilter(previous);
      }
      input.dispose();
      resolve();
    });
    input.show();
  });
}
