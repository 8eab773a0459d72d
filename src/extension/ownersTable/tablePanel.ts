/**
 * The owners table panel (one per window, the webview sample's shape: `createOrShow` reveals or
 * creates, `revive` serves the serializer). It follows the owners tree: whenever the tree's model
 * changes (refresh, another day, its filter, a sync) the webview gets the new snapshot, or a
 * status saying what to do. Messages from the webview are checked before use.
 */
import * as vscode from 'vscode';
import {
  isTableWebviewMessage,
  OWNERS_TABLE_VIEW_TYPE,
  type OwnersTableSnapshot,
  type TableHostMessage,
  type TableWebviewMessage,
} from '../../shared/ownersTableProtocol';
import { DEFAULT_TABLE_VIEW, tableView, type TableViewState } from '../../shared/ownersTable';
import { Disposable } from '../dispose';
import { webviewHtml, webviewPanelOptions } from '../webviewShell';
import type { OwnersTableEnv, RenderedReport } from './tableEnv';
import { exportTableCsv } from './tableExport';
import { ownersTableLabels, tableLanguage, tableTitle } from './tableLabels';
import { NO_STORE_FACTS, tableSnapshot, type StoreFacts } from './tableSnapshot';

export class OwnersTablePanel extends Disposable {
  private static current: OwnersTablePanel | undefined;

  private viewState: TableViewState;
  private snapshot: OwnersTableSnapshot | undefined;
  private rendered: RenderedReport | undefined;
  private facts: { readonly key: string; readonly facts: Promise<StoreFacts> } | undefined;
  private sendSeq = 0;
  private ready = false;

  static get open(): OwnersTablePanel | undefined {
    return OwnersTablePanel.current;
  }

  static createOrShow(env: OwnersTableEnv): OwnersTablePanel {
    const existing = OwnersTablePanel.current;
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      OWNERS_TABLE_VIEW_TYPE,
      tableTitle(env.model.data?.day),
      vscode.ViewColumn.Active,
      webviewPanelOptions(env.extensionUri),
    );
    return new OwnersTablePanel(env, panel, DEFAULT_TABLE_VIEW);
  }

  /** After a window reload: the webview's saved filter and sort come back. */
  static revive(env: OwnersTableEnv, panel: vscode.WebviewPanel, state: TableViewState): OwnersTablePanel {
    OwnersTablePanel.current?.dispose();
    panel.webview.options = webviewPanelOptions(env.extensionUri);
    return new OwnersTablePanel(env, panel, state);
  }

  private constructor(
    private readonly env: OwnersTableEnv,
    readonly panel: vscode.WebviewPanel,
    state: TableViewState,
  ) {
    super();
    OwnersTablePanel.current = this;
    this.viewState = state;
    panel.webview.html = webviewHtml(panel.webview, env.extensionUri, {
      script: 'table.js',
      styles: ['controls.css', 'ownersTable.css'],
      lang: tableLanguage(),
    });
    this._register(panel.onDidDispose(() => this.dispose()));
    this._register(panel.webview.onDidReceiveMessage((msg: unknown) => this.onMessage(msg)));
    this._register(env.model.onDidChange(() => void this.sendData()));
    // The day before or a revision may have just been stored (the status bar, a sync).
    this._register(
      env.onDidSync(() => {
        this.facts = undefined;
        void this.sendData();
      }),
    );
  }

  /** What the table shows now, by the host's model and by the webview's own report (tests). */
  probe(): {
    title: string;
    state: TableViewState;
    view?: ReturnType<typeof tableView>;
    rendered?: RenderedReport;
  } {
    return {
      title: this.panel.title,
      state: this.viewState,
      view: this.snapshot ? tableView(this.snapshot.rows, this.viewState) : undefined,
      rendered: this.rendered,
    };
  }

  override dispose(): void {
    if (this.isDisposed) {
      return;
    }
    if (OwnersTablePanel.current === this) {
      OwnersTablePanel.current = undefined;
    }
    super.dispose();
    this.panel.dispose();
  }

  private post(message: TableHostMessage): void {
    if (!this.isDisposed) {
      void this.panel.webview.postMessage(message);
    }
  }

  private onMessage(msg: unknown): void {
    if (!isTableWebviewMessage(msg)) {
      this.env.log.warn('owners table: ignored an invalid message from the webview');
      return;
    }
    this.handle(msg);
  }

  private handle(msg: TableWebviewMessage): void {
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        this.post({
          type: 'init',
          lang: tableLanguage(),
          labels: ownersTableLabels(),
          state: this.viewState,
        });
        void this.sendData();
        return;
      case 'state':
        this.viewState = msg.state;
        return;
      case 'rendered':
        this.rendered = msg;
        return;
      case 'request':
        void this.exportCsv(msg.id, msg.params);
        return;
    }
  }

  private async exportCsv(id: number, state: TableViewState): Promise<void> {
    const snapshot = this.snapshot;
    if (!snapshot) {
      this.post({ type: 'response', id, ok: false, message: ownersTableLabels().loading });
      return;
    }
    try {
      const result = await exportTableCsv(this.env.pickSaveTarget, snapshot, tableView(snapshot.rows, state));
      this.post({ type: 'response', id, ok: true, result });
    } catch (err) {
      this.env.log.warn(`owners table: export failed: ${String(err)}`);
      const message = vscode.l10n.t(
        'The CSV could not be saved: {0}. Pick another folder and try again.',
        String(err),
      );
      this.post({ type: 'response', id, ok: false, message });
    }
  }

  /** The tree's day as a snapshot, or a status; the newest call wins. */
  private async sendData(): Promise<void> {
    if (!this.ready || this.isDisposed) {
      return;
    }
    const seq = ++this.sendSeq;
    const { model } = this.env;
    const loaded = model.data;
    this.panel.title = tableTitle(loaded?.day);
    if (model.state === 'loading') {
      this.post({ type: 'status', status: 'loading', message: ownersTableLabels().loading });
      return;
    }
    if (!loaded || model.state !== 'ready') {
      this.post({ type: 'status', status: 'error', message: statusMessage(model.state, model.message) });
      return;
    }
    const visible = model.visible().rows;
    const facts = await this.storeFacts(loaded.connectionKey, loaded.day, loaded.fetchedAt);
    if (seq !== this.sendSeq) {
      return; // a newer change is on its way
    }
    this.snapshot = tableSnapshot(loaded, visible, model.filter, facts);
    this.post({ type: 'data', snapshot: this.snapshot });
  }

  /** Read once per loaded day (and again after a sync): the tree's filter and sort need no read. */
  private storeFacts(connectionKey: string, day: string, fetchedAt: number): Promise<StoreFacts> {
    const key = `${connectionKey}\u0000${day}\u0000${fetchedAt}`;
    if (this.facts?.key !== key) {
      const owners = (this.env.model.data?.sorted ?? []).map((row) => row.owner);
      const facts = this.env.readFacts(connectionKey, day, owners).catch((err: unknown) => {
        this.env.log.warn(`owners table: the history store could not be read: ${String(err)}`);
        return NO_STORE_FACTS;
      });
      this.facts = { key, facts };
    }
    return this.facts.facts;
  }
}

/** What the table says when the tree has no figures to show, and what to do. */
function statusMessage(state: string, treeMessage: string | undefined): string {
  if (state === 'unconfigured') {
    return vscode.l10n.t(
      'Nothing to show yet: set up credentials or try the demo data in the Group Owners view.',
    );
  }
  const why = treeMessage ? `${treeMessage} ` : '';
  return why + vscode.l10n.t('Press Refresh in the Group Owners view to load the owners again.');
}
