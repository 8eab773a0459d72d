/**
 * Export CSV / Export PNG: the host writes the file the user picks in a save dialog. The CSV is
 * built from the figures the host fetched; the PNG arrives as a validated data URL.
 */
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { ByDayData, ExportCsvParams, ExportResult, OwnerLabel } from '../../shared/protocol';
import type { ChartSubject } from '../../shared/chartState';
import { pngBase64 } from '../../shared/protocolValidation';
import type { UiLanguage } from '../../shared/i18n';
import { UserFacingError } from './chartErrors';
import { buildByDayCsv } from './csv';

/** The save dialog; a seam so automation can supply the target without the UI. */
export type SaveTargetPicker = (options: vscode.SaveDialogOptions) => Thenable<vscode.Uri | undefined>;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A file name from safe characters only (owner ids are arbitrary text). */
function exportBaseName(subject: ChartSubject, data: Pick<ByDayData, 'from' | 'to'>): string {
  let who: string;
  if (subject.kind === 'all') {
    who = 'all-owners';
  } else if (subject.owners.length === 1) {
    who = subject.owners[0].replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, 40) || 'owner';
  } else {
    who = `${subject.owners.length}-owners`;
  }
  return `wecom-by-day-${who}-${data.from}-${data.to}`;
}

function defaultFolder(): vscode.Uri {
  return vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
}

async function saveBytes(
  pick: SaveTargetPicker,
  fileName: string,
  filters: Record<string, string[]>,
  bytes: Uint8Array,
  /** Said after "Saved …" when the figures are not whole. */
  missingNote?: string,
): Promise<ExportResult> {
  const target = await pick({ defaultUri: vscode.Uri.joinPath(defaultFolder(), fileName), filters });
  if (!target) {
    return {};
  }
  await vscode.workspace.fs.writeFile(target, bytes);
  const saved = vscode.l10n.t('Saved {0}', target.fsPath || target.toString());
  if (missingNote) {
    void vscode.window.showWarningMessage(`${saved}. ${missingNote}`);
  } else {
    void vscode.window.showInformationMessage(saved);
  }
  return { savedTo: target.fsPath || target.toString() };
}

/** What an export of partial figures says about it, or undefined when they are whole. */
function missingNote(data: Pick<ByDayData, 'missingDays'>, kind: 'csv' | 'png'): string | undefined {
  const n = data.missingDays.length;
  if (n === 0) {
    return undefined;
  }
  return kind === 'csv'
    ? vscode.l10n.t(
        'WeCom did not report {0} day(s) for every owner: their rows have empty cells and a note.',
        n,
      )
    : vscode.l10n.t('WeCom did not report {0} day(s) for every owner: the image names them.', n);
}

export async function exportCsv(
  pick: SaveTargetPicker,
  subject: ChartSubject,
  data: ByDayData,
  params: ExportCsvParams,
  owners: readonly OwnerLabel[],
  lang: UiLanguage,
): Promise<ExportResult> {
  const csv = buildByDayCsv(data, {
    metric: params.metric,
    mode: params.mode,
    lang,
    owners,
    dateHeader: 'date',
    notes: {
      missing: vscode.l10n.t('not reported by WeCom for every owner: no figures, not zero'),
      unavailable: vscode.l10n.t('no figures: older than WeCom keeps, and not cached'),
    },
  });
  return saveBytes(
    pick,
    exportBaseName(subject, data) + '.csv',
    { [vscode.l10n.t('CSV files')]: ['csv'] },
    Buffer.from(csv, 'utf8'),
    missingNote(data, 'csv'),
  );
}

export async function exportPng(
  pick: SaveTargetPicker,
  subject: ChartSubject,
  data: Pick<ByDayData, 'from' | 'to' | 'missingDays'>,
  dataUrl: string,
): Promise<ExportResult> {
  const bytes = Buffer.from(pngBase64(dataUrl), 'base64');
  if (bytes.length < PNG_SIGNATURE.length || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new UserFacingError({
      message: vscode.l10n.t('The chart image could not be read. Try Export PNG again.'),
      retryable: false,
    });
  }
  return saveBytes(
    pick,
    exportBaseName(subject, data) + '.png',
    { [vscode.l10n.t('PNG images')]: ['png'] },
    bytes,
    missingNote(data, 'png'),
  );
}
