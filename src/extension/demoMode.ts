/**
 * Demo mode: the built-in fake WeCom server runs inside the extension host on a random
 * loopback port, and the host talks to it through the same client as a real corp. The user's
 * real credentials are neither read nor changed. A status-bar item shows the mode; clicking it
 * asks, then leaves demo mode.
 */
import * as vscode from 'vscode';
import type { FakeWeComServer } from '../demo/fakeServer';
import { COMMANDS } from './commands/commandIds';
import { setDemoContext } from './contextKeys';
import { Disposable } from './dispose';
import type { RedactingLog } from './log';

export const DEMO_ENV_VARIABLE = 'WECOM_GROUP_STATS_DEMO';

/** The argument of the stop command from the status item: confirm before leaving. */
export const LEAVE_DEMO_ASK = { confirm: true } as const;

/** Leaves demo mode; when `arg` is `LEAVE_DEMO_ASK`, only after the user confirms in a modal dialog. */
export async function leaveDemo(demo: DemoMode, arg?: unknown): Promise<boolean> {
  const ask = typeof arg === 'object' && arg !== null && (arg as { confirm?: unknown }).confirm === true;
  if (ask && demo.isOn) {
    const leave = vscode.l10n.t('Leave Demo Mode');
    const picked = await vscode.window.showInformationMessage(
      vscode.l10n.t('Leave demo mode?'),
      {
        modal: true,
        detail: vscode.l10n.t(
          "The demo server stops and the view shows your corp's figures, or the setup page when no credentials are set.",
        ),
      },
      leave,
    );
    if (picked !== leave) {
      return false;
    }
  }
  await demo.stop();
  return true;
}

export class DemoMode extends Disposable {
  private server: FakeWeComServer | undefined;
  private starting: Promise<FakeWeComServer> | undefined;
  private readonly statusItem: vscode.StatusBarItem;
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  /** Fires after demo mode turned on or off. */
  readonly onDidChange = this._onDidChange.event;

  constructor(
    private readonly log: RedactingLog,
    /** The host's clock: the demo server's "today" is the tree's and the chart's. */
    private readonly now: () => number,
  ) {
    super();
    this.statusItem = this._register(
      vscode.window.createStatusBarItem('wecomGroupStats.demo', vscode.StatusBarAlignment.Left),
    );
    this.statusItem.name = vscode.l10n.t('WeCom demo mode');
    this.statusItem.text = `$(beaker) ${vscode.l10n.t('WeCom demo')}`;
    this.statusItem.tooltip = vscode.l10n.t(
      'WeCom Group Stats shows generated demo data. Click to leave demo mode.',
    );
    // One stray click must not end the demo: the item's call asks first (the palette's does not).
    this.statusItem.command = {
      command: COMMANDS.stopDemo,
      arguments: [LEAVE_DEMO_ASK],
      title: vscode.l10n.t('Leave demo mode'),
    };
    setDemoContext(false);
  }

  get isOn(): boolean {
    return this.server !== undefined;
  }

  /** The running fake server, when demo mode is on. */
  get demoServer(): FakeWeComServer | undefined {
    return this.server;
  }

  /** Starts the fake server (once; concurrent calls share the start). */
  async start(): Promise<FakeWeComServer> {
    if (this.server) {
      return this.server;
    }
    // Loaded on first use: most sessions never start the demo server.
    this.starting ??= import(/* webpackChunkName: "demo-server" */ '../demo/fakeServer').then(
      ({ startFakeWeComServer }) => startFakeWeComServer({ port: 0, now: this.now }),
    );
    try {
      const server = await this.starting;
      if (this.isDisposed) {
        await server.close();
        throw new Error('The extension was deactivated while demo mode was starting.');
      }
      this.server = server;
      this.log.addSecret(server.corpSecret);
      this.log.info(`Demo mode on: fake WeCom server at ${server.url} with ${server.owners.length} owners.`);
      this.statusItem.show();
      setDemoContext(true);
      this._onDidChange.fire();
      return server;
    } finally {
      this.starting = undefined;
    }
  }

  async stop(): Promise<void> {
    // Leaving while the server is still starting must not let the start turn demo mode on after.
    await this.starting?.catch(() => undefined);
    const server = this.server;
    if (!server) {
      return;
    }
    this.server = undefined;
    this.statusItem.hide();
    setDemoContext(false);
    await server.close();
    this.log.info('Demo mode off: fake WeCom server stopped.');
    this._onDidChange.fire();
  }

  override dispose(): void {
    const server = this.server;
    this.server = undefined;
    if (server) {
      void server.close();
    }
    super.dispose();
  }
}
