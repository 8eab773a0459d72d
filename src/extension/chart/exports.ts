/**
 * Export CSV / Export PNG: the host writes the file the user picks in a save dialog. The CSV is
 * built from the figures the host fetched; the PNG arrives as a validated data URL (composed with
 * its title and legend in the webview), and gets that title as metadata. "Saved …" offers Open
 * and a reveal action.
 */
import * as os from 'node:os';
import * as vscode from 'vscode';
import type {
  ByDayData,
  ExportCsvParams,
  ExportPngParams,
  ExportResult,
  OwnerLabel,
} from '../../shared/protocol';
import type { ChartSubject } from '../../shared/chartState';
import { pngBase64 } from '../../shared/protocolValidation';
import type { UiLanguage } from '../../shared/i18n';
import { UserFacingError } from './chartErrors';
import { buildByDayCsv } from './csv';
import { withPngText } from './pngText';

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

export async function saveBytes(
  pick: SaveTargetPicker,
  file: { readonly name: string; readonly dialogTitle: string; readonly filters: Record<string, string[]> },
  bytes: Uint8Array,
  /** Said after "Saved …" when the figures are not whole. */
  missingNote?: string,
): Promise<ExportResult> {
  const target = await pick({
    title: file.dialogTitle,
    defaultUri: vscode.Uri.joinPath(defaultFolder(), file.name),
    filters: file.filters,
  });
  if (!target) {
    return {};
  }
  await vscode.workspace.fs.writeFile(target, bytes);
  const where = target.fsPath || target.toString();
  const saved = vscode.l10n.t('Saved {0}', where);
  void offerOpen(target, missingNote ? `${saved}. ${missingNote}` : saved, missingNote !== undefined);
  return { savedTo: where };
}

/**
 * "Saved …" with Open and a reveal action. Revealing in the OS file manager needs a local desktop
 * window; in the browser (code-server) the file is shown in the Explorer view instead.
 */
async function offerOpen(target: vscode.Uri, text: string, warn: boolean): Promise<void> {
  const open = vscode.l10n.t('Open');
  const local = vscode.env.uiKind === vscode.UIKind.Desktop && vscode.env.remoteName === undefined;
  const reveal = local ? revealInOsLabel() : vscode.l10n.t('Reveal in Explorer View');
  const show = warn ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  const picked = await show(text, open, reveal);
  if (picked === open) {
    await vscode.commands.executeCommand('vscode.open', target);
  } else if (picked === reveal) {
    await vscode.commands.executeCommand(local ? 'revealFileInOS' : 'revealInExplorer', target);
  }
}

/** VS Code's own wording for each platform's file manager. */
function revealInOsLabel(): string {
  switch (process.platform) {
    case 'win32':
      return vscode.l10n.t('Reveal in File Explorer');
    case 'darwin':
      return vscode.l10n.t('Reveal in Finder');
    default:
      return vscode.l10n.t('Open Containing Folder');
  }
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
    granularity: params.granularity,
    movingAverage: params.movingAverage,
    lang,
    owners,
    dateHeader: 'date',
    averageHeader: vscode.l10n.t('7-day average'),
    notes: {
      missing: vscode.l10n.t('not reported by WeCom for every owner: no figures, not zero'),
      unavailable: vscode.l10n.t('no figures: older than WeCom keeps, and not cached'),
      provisional: vscode.l10n.t('provisional: fetched before 10:00 CST the next day, may still change'),
      incomplete: vscode.l10n.t('incomplete: a day is missing, provisional, or outside the range'),
    },
  });
  return saveBytes(
    pick,
    csvFile(exportBaseName(subject, data) + '.csv'),
    Buffer.from(csv, 'utf8'),
    missingNote(data, 'csv'),
  );
}

export async function exportPng(
  pick: SaveTargetPicker,
  subject: ChartSubject,
  data: Pick<ByDayData, 'from' | 'to' | 'missingDays'>,
  params: ExportPngParams,
): Promise<ExportResult> {
  return saveBytes(
    pick,
    pngFile(exportBaseName(subject, data) + '.png'),
    pngExportBytes(params),
    missingNote(data, 'png'),
  );
}

/** The save dialog's name, title and filter for a PNG. */
export function pngFile(name: string): {
  name: string;
  dialogTitle: string;
  filters: Record<string, string[]>;
} {
  return {
    name,
    dialogTitle: vscode.l10n.t('Export PNG'),
    filters: { [vscode.l10n.t('PNG images')]: ['png'] },
  };
}

/** The save dialog's name, title and filter for a CSV. */
export function csvFile(name: string): {
  name: string;
  dialogTitle: string;
  filters: Record<string, string[]>;
} {
  return {
    name,
    dialogTitle: vscode.l10n.t('Export CSV'),
    filters: { [vscode.l10n.t('CSV files')]: ['csv'] },
  };
}

/** The bytes of a validated PNG export, its drawn title kept as metadata; refused when not a PNG. */
export function pngExportBytes(params: ExportPngParams): Buffer {
  const bytes = Buffer.from(pngBase64(params.dataUrl), 'base64');
  if (bytes.length < PNG_SIGNATURE.length || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new UserFacingError({
      message: vscode.l10n.t('The chart image could not be read. Try Export PNG again.'),
      retryable: false,
    });
  }
  // The drawn title as text too, so a file manager or a script can read what the image shows.
  return params.title ? withPngText(bytes, 'Title', params.title) : bytes;
}
