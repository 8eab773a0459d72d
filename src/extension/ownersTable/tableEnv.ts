/** What the owners table panel needs from the rest of the host (wired in `registration.ts`). */
import type * as vscode from 'vscode';
import type { TableWebviewMessage } from '../../shared/ownersTableProtocol';
import type { SaveTargetPicker } from '../chart/exports';
import type { RedactingLog } from '../log';
import type { OwnersModel } from '../owners/ownersModel';
import type { StoreFacts } from './tableSnapshot';

export interface OwnersTableEnv {
  readonly extensionUri: vscode.Uri;
  /** The owners tree's model: the table shows its day, its owners, its figures. */
  readonly model: OwnersModel;
  /** The day before and the revisions of `day`, from the history store (no calls). */
  readonly readFacts: (connectionKey: string, day: string, owners: readonly string[]) => Promise<StoreFacts>;
  /** Atoms were written (by anyone in this window). */
  readonly onDidSync: vscode.Event<unknown>;
  readonly log: RedactingLog;
  readonly pickSaveTarget: SaveTargetPicker;
}

/** What the webview last said it draws. */
export type RenderedReport = Omit<Extract<TableWebviewMessage, { type: 'rendered' }>, 'type'>;
