/**
 * The owners table's words, localized by the host with `vscode.l10n` (Chinese in
 * l10n/bundle.l10n.zh-cn.json) and handed to the webview in its init message. Figure names and
 * definitions come from the one glossary (shared/metrics.ts + shared/glossary.ts).
 */
import * as vscode from 'vscode';
import { glossaryEntry } from '../../shared/glossary';
import { uiLanguage, type UiLanguage } from '../../shared/i18n';
import { METRIC_KEYS, METRICS, metricLabel, type MetricKey } from '../../shared/metrics';
import type { OwnersTableLabels, TableHeader } from '../../shared/ownersTableProtocol';

export function tableLanguage(): UiLanguage {
  return uiLanguage(vscode.env.language);
}

/** "Total groups (as of that day)\nTotal customer groups as of that day.\n<note>" in `lang`. */
export function figureTooltip(key: MetricKey, lang: UiLanguage): string {
  const entry = glossaryEntry(key);
  const kind = entry.kind === 'flow' ? vscode.l10n.t('new that day') : vscode.l10n.t('as of that day');
  const lines = [`${metricLabel(key, lang)} (${kind})`, entry.definition[lang]];
  if (entry.note) {
    lines.push(entry.note[lang]);
  }
  return lines.join('\n');
}

function figureHeader(key: MetricKey, lang: UiLanguage): TableHeader {
  return { label: METRICS[key].short[lang], tooltip: figureTooltip(key, lang) };
}

export function ownersTableLabels(lang: UiLanguage = tableLanguage()): OwnersTableLabels {
  const t = vscode.l10n.t;
  return {
    owner: { label: t('Owner'), tooltip: t('Group owner: display name and user ID.') },
    figures: METRIC_KEYS.map((key) => figureHeader(key, lang)),
    filterPlaceholder: t('Filter by name or user ID'),
    filterLabel: t('Filter owners'),
    exportCsv: t('Export CSV'),
    sortBy: t('Sort by {label}', { label: '{label}' }),
    totals: t('Total: {present} of {n} owners', { present: '{present}', n: '{n}' }),
    totalsAbsent: t('{absent} not returned, not counted', { absent: '{absent}' }),
    absent: t('not returned'),
    absentHint: t(
      'WeCom returned no figures for this owner on that day: no groups, or a user ID it does not know. Not counted in the totals.',
    ),
    noChange: '—',
    changeHint: t('Change from {day}; "—" when that day is not in the history store.', { day: '{day}' }),
    revised: t('revised: {from} → {to} at {time}', { from: '{from}', to: '{to}', time: '{time}' }),
    asOf: t('as of {0} CST', '{day}'),
    asOfProvisional: t('as of {0} CST (provisional)', '{day}'),
    treeFiltered: t('Only the owners the Group Owners view shows (its filter: "{filter}").', {
      filter: '{filter}',
    }),
    rowCount: t('{shown} of {all} owners', { shown: '{shown}', all: '{all}' }),
    noMatch: t('No owner matches the filter. Clear it to see every owner.'),
    loading: t('Loading group owners…'),
    noAnswer: t(
      'The extension did not answer in time. Try again, or reload the window if it keeps happening.',
    ),
  };
}

/** The panel's tab title: "Owners table: 2026-11-27". */
export function tableTitle(day: string | undefined): string {
  return day ? vscode.l10n.t('Owners table: {0}', day) : vscode.l10n.t('Owners table');
}
