/**
 * Export CSV of the owners table: the rows the table shows (its filter and sort) and its totals,
 * worded in the UI language, saved where the user picks (the chart's save dialog and "Saved"
 * notification with Open / Reveal).
 */
import * as vscode from 'vscode';
import type { OwnersTableSnapshot, TableExportResult } from '../../shared/ownersTableProtocol';
import { latestRevision, revisionText, type TableView } from '../../shared/ownersTable';
import { saveBytes, type SaveTargetPicker } from '../chart/exports';
import { buildOwnersTableCsv } from './tableCsv';
import { ownersTableLabels, tableLanguage } from './tableLabels';

export async function exportTableCsv(
  pick: SaveTargetPicker,
  snapshot: OwnersTableSnapshot,
  view: TableView,
): Promise<TableExportResult> {
  const lang = tableLanguage();
  const labels = ownersTableLabels(lang);
  const numbers = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US');
  const csv = buildOwnersTableCsv(view, {
    day: snapshot.day,
    lang,
    words: {
      date: vscode.l10n.t('date (CST)'),
      owner: vscode.l10n.t('user ID'),
      name: vscode.l10n.t('name'),
      change: vscode.l10n.t('{label}: change from the day before', { label: '{label}' }),
      note: 'note',
      totals: vscode.l10n.t('Total ({n} owners)', { n: '{n}' }),
      absent: vscode.l10n.t('not returned by WeCom: no figures, not zero'),
      totalsAbsent: vscode.l10n.t('{n} owner(s) not returned by WeCom, not counted', { n: '{n}' }),
      revision: (label, revised) => `${label}: ${revised}`,
    },
    revisedText: (row, metric) => {
      const revision = latestRevision(row, metric);
      return revision && revisionText(revision, labels.revised, (n) => numbers.format(n), labels.absent);
    },
  });
  return saveBytes(
    pick,
    {
      name: `wecom-owners-${snapshot.day}.csv`,
      dialogTitle: vscode.l10n.t('Export Owners Table as CSV'),
      filters: { [vscode.l10n.t('CSV files')]: ['csv'] },
    },
    Buffer.from(csv, 'utf8'),
  );
}
