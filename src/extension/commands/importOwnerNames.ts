/**
 * Import Owner Names: reads a CSV of user IDs and names (e.g. the admin console's member export
 * saved as CSV) and merges it into the `ownerNames` setting, which stays where names are kept.
 * Written to the level that holds the setting now (workspace or user), so it takes effect.
 */
import * as vscode from 'vscode';
import type { Notifier } from '../notifications';
import { SETTINGS_SECTION } from '../settings';
import { mergeOwnerNames, parseOwnerNamesCsv, type OwnerNamesCsvProblem } from './ownerNamesCsv';

/** Larger than any member export of 100,000 people; a bigger file is surely something else. */
const MAX_BYTES = 20 * 1024 * 1024;

function problemText(problem: OwnerNamesCsvProblem): string {
  switch (problem.kind) {
    case 'notUtf8':
      return vscode.l10n.t('The file is not UTF-8 text. Save it as "CSV UTF-8" and import it again.');
    case 'empty':
      return vscode.l10n.t('The file has no user ID and name rows.');
    case 'unterminatedQuote':
      return vscode.l10n.t('A quoted field that starts on line {0} is never closed.', problem.line);
    case 'tooFewColumns':
      return vscode.l10n.t(
        'Line {0} has no name column: each row needs a user ID and a name, separated by a comma or a tab.',
        problem.line,
      );
    case 'emptyId':
      return vscode.l10n.t('Line {0} has a name but no user ID.', problem.line);
  }
}

async function pickFile(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title: vscode.l10n.t('Import Owner Names'),
    openLabel: vscode.l10n.t('Import'),
    canSelectMany: false,
    filters: { [vscode.l10n.t('CSV files')]: ['csv', 'tsv', 'txt'] },
  });
  return picked?.[0];
}

/** Returns how many names were imported, or undefined when nothing was (cancelled or refused). */
export async function importOwnerNames(notifier: Notifier, arg?: unknown): Promise<number | undefined> {
  const uri = arg instanceof vscode.Uri ? arg : await pickFile();
  if (!uri) {
    return undefined;
  }
  const refuse = (reason: string): undefined => {
    notifier.show('error', vscode.l10n.t('Owner names not imported: {0}', reason));
    return undefined;
  };
  let bytes: Uint8Array;
  try {
    const { size } = await vscode.workspace.fs.stat(uri);
    if (size > MAX_BYTES) {
      return refuse(vscode.l10n.t('the file is larger than 20 MB.'));
    }
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (err) {
    return refuse(err instanceof Error ? err.message : String(err));
  }
  const parsed = parseOwnerNamesCsv(bytes);
  if (!parsed.ok) {
    return refuse(problemText(parsed.problem));
  }
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const inspected = config.inspect<Record<string, string>>('ownerNames');
  const target =
    inspected?.workspaceValue !== undefined
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
  const current =
    (target === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue) ??
    {};
  const { merged, added, changed } = mergeOwnerNames(current, parsed.names);
  await config.update('ownerNames', merged, target);
  const count = Object.keys(parsed.names).length;
  notifier.show(
    'info',
    vscode.l10n.t(
      'Imported {0} owner names ({1} new, {2} changed) into the ownerNames setting.',
      count,
      added,
      changed,
    ),
    ['settings'],
  );
  return count;
}
