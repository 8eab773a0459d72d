/**
 * The heatmap and rankings panel's strings, localized by the host with `vscode.l10n` (Chinese in
 * l10n/bundle.l10n.zh-cn.json) and handed to the webview in its init message. Strings the by-day
 * chart already words (Figure, Range, Export CSV…) are the same keys, so they read the same.
 */
import * as vscode from 'vscode';
import type { InsightsLabels } from '../../shared/insightsProtocol';
import { sharedPanelLabels } from '../chart/labels';

export function insightsLabels(): InsightsLabels {
  const t = vscode.l10n.t;
  return {
    ...sharedPanelLabels(),
    heatmapTab: t('Heatmap'),
    colourBy: t('Colour by'),
    byValue: t('Value'),
    byChange: t('Change from day before'),
    sortBy: t('Sort rows by'),
    descending: t('Highest first'),
    ascending: t('Lowest first'),
    period: t('Period'),
    periods: {
      last7: t('Last {n} days', { n: 7 }),
      last30: t('Last {n} days', { n: 30 }),
      week: t('Last whole week (ISO)'),
      month: t('Last whole month'),
    },
    show: t('Show'),
    stop: t('Stop'),
    confirmFetch: t(
      'The history lacks {days} day(s) for {owners} owner(s): fetching them from WeCom takes {calls} calls.',
      { days: '{days}', owners: '{owners}', calls: '{calls}' },
    ),
    fetch: t('Fetch'),
    storedOnly: t('Show stored figures only'),
    stopped: t('Stopped: showing what the history holds; the days not fetched are marked missing.'),
    empty: t('The history holds no figures for these owners and days. Pick another range, or fetch them.'),
    incompleteProvisional: t('Incomplete: figures of {days} are provisional and may still change.', {
      days: '{days}',
    }),
    legendMissing: t('Not stored'),
    legendAbsent: t('Not returned by WeCom'),
    legendProvisional: t('Provisional'),
    legendLow: t('Low'),
    legendHigh: t('High'),
    legendFall: t('Fall'),
    legendRise: t('Rise'),
    change: t('Change'),
    notReturned: t('not returned by WeCom'),
    notStored: t('not stored'),
    provisional: t('provisional'),
    ownersCount: t('{n} owners', { n: '{n}' }),
    tablePage: t('Owners {first}–{last} of {n}', { first: '{first}', last: '{last}', n: '{n}' }),
    previousPage: t('Previous'),
    nextPage: t('Next'),
    gridHelp: t(
      'Owners by day. Arrow keys move between cells, Page Up and Page Down move by a screen, Enter opens the owner’s by-day chart.',
    ),
    openHint: t('Click or press Enter: the owner’s by-day chart'),
    refused: t(
      'The panel could not read a message from the extension. Close it and open it again; if that does not help, reload the window.',
    ),
  };
}
