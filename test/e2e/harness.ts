/**
 * Playwright helpers for end-to-end tests: a real VS Code (code-server) with the packaged
 * `.vsix` installed, driven through headless Chromium the way a user drives it.
 *
 *   const wb = await Workbench.start({ settings: { 'wecomGroupStats.apiBaseUrl': fake.url } });
 *   await wb.clickActivity('WeCom');
 *   await wb.screenshot('owners-view');
 *   await wb.close();
 *
 * The .vsix comes from `WECOM_E2E_VSIX` (set by scripts/run-e2e-tests.js) or
 * `wecom-group-stats.vsix` at the repository root (`npm run package`).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import { activateLanguagePack, buildLanguagePackVsix, type TestLocale } from './languagePack';
import { QUICK_INPUT, poll, runPaletteCommand, typeAndAccept } from './quickInput';

/** The parts of scripts/code-server.js the harness uses (a plain JS module shared with the scripts). */
interface CodeServer {
  readonly url: string;
  readonly port: number;
  readonly logFile: string;
  stop(): Promise<void>;
}
interface CodeServerModule {
  readonly ROOT: string;
  ensureCodeServer(): void;
  installVsix(dir: string, vsix: string): void;
  startCodeServer(options: {
    dir: string;
    settings?: Record<string, unknown>;
    env?: Record<string, string>;
  }): Promise<CodeServer>;
  launchChromium(profileDir: string): Promise<BrowserContext>;
  makeTempDir(prefix: string): string;
  workbenchUrl(server: CodeServer, target: { folder?: string }): string;
}

// out/test/e2e/harness.js → repository root is three levels up (the scripts are not compiled).
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const codeServer = require(path.join(REPO_ROOT, 'scripts', 'code-server.js')) as CodeServerModule;

export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');

export interface WorkbenchOptions {
  /** User settings, merged over quiet defaults (telemetry off, no startup editor, …). */
  settings?: Record<string, unknown>;
  /** Environment of the code-server process; it reaches the extension host (e.g. WECOM_GROUP_STATS_DEMO=1). */
  env?: Record<string, string>;
  /** Folder to open; default a fresh empty one. */
  folder?: string;
  /** The .vsix to install; default WECOM_E2E_VSIX or <repo>/wecom-group-stats.vsix. */
  vsix?: string;
  /**
   * Display language of the workbench. Offline there is no language pack, and without one VS Code
   * stays English whatever the locale: a generated test pack is installed (see languagePack.ts).
   */
  locale?: TestLocale;
}

export interface TreeRow {
  readonly label: string;
  readonly description: string;
  /** 1 for top-level rows. */
  readonly level: number;
  readonly expanded: boolean | undefined;
}

const SIDEBAR_ROWS = '[id="workbench.parts.sidebar"] .monaco-list-row[role="treeitem"]';
const TOASTS = '.notifications-toasts .notification-list-item-message';

export class Workbench {
  private constructor(
    readonly page: Page,
    private readonly browser: BrowserContext,
    private readonly server: CodeServer,
    private readonly tempDir: string,
  ) {}

  /** Installs the .vsix into a fresh isolated code-server, opens the workbench and waits until it is up. */
  static async start(options: WorkbenchOptions = {}): Promise<Workbench> {
    const vsix = options.vsix ?? process.env.WECOM_E2E_VSIX ?? path.join(REPO_ROOT, 'wecom-group-stats.vsix');
    if (!fs.existsSync(vsix)) {
      throw new Error(`no .vsix at ${vsix}: run \`npm run package\` (or npm run test:e2e)`);
    }
    codeServer.ensureCodeServer();
    const tempDir = codeServer.makeTempDir('wecom-e2e-');
    const serverDir = path.join(tempDir, 'server');
    codeServer.installVsix(serverDir, vsix);
    if (options.locale) {
      const pack = buildLanguagePackVsix(REPO_ROOT, tempDir, options.locale);
      codeServer.installVsix(serverDir, pack.vsix);
      // The user-data and extensions folders that scripts/code-server.js gives an instance.
      const [userData, extensions] = ['user-data', 'extensions'].map((dir) => path.join(serverDir, dir));
      activateLanguagePack(userData, extensions, pack.id, options.locale);
    }
    const server = await codeServer.startCodeServer({
      dir: serverDir,
      settings: options.settings,
      env: options.env,
    });
    let browser: BrowserContext | undefined;
    try {
      browser = await codeServer.launchChromium(path.join(tempDir, 'chromium-profile'));
      const page = browser.pages()[0] ?? (await browser.newPage());
      const folder = options.folder ?? path.join(tempDir, 'workspace');
      fs.mkdirSync(folder, { recursive: true });
      await page.goto(codeServer.workbenchUrl(server, { folder }));
      await page
        .locator('.monaco-workbench .part.activitybar')
        .waitFor({ state: 'visible', timeout: 30_000 });
      return new Workbench(page, browser, server, tempDir);
    } catch (error) {
      await browser?.close().catch(() => undefined);
      await server.stop();
      fs.rmSync(tempDir, { recursive: true, force: true });
      throw error;
    }
  }

  /** Runs a command by its palette title (e.g. 'WeCom: Refresh'), as a user would with F1. */
  async runCommand(title: string, timeoutMs = 30_000): Promise<void> {
    await runPaletteCommand(this.page, title, timeoutMs);
  }

  /**
   * The prompt / validation message under the open input box. With `pattern`, polls until the
   * message matches: right after a command runs, the palette's own message may still be shown.
   */
  async inputMessage(pattern?: string | RegExp, timeoutMs = 10_000): Promise<string> {
    const message = this.page.locator(`${QUICK_INPUT} .quick-input-message`);
    const read = async () => ((await message.count()) > 0 ? (await message.first().innerText()).trim() : '');
    if (pattern === undefined) {
      return read();
    }
    const matches = (text: string) =>
      typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
    return this.poll(read, matches, timeoutMs, `input message ${String(pattern)}`);
  }

  /** Types into the open (non-password) input box and accepts it with Enter. */
  async fillInput(text: string): Promise<void> {
    await typeAndAccept(
      this.page,
      this.page.locator(`${QUICK_INPUT} input.input:not([type="password"])`),
      text,
    );
  }

  /** Types into the open password box and accepts it with Enter. */
  async fillPassword(text: string): Promise<void> {
    await typeAndAccept(this.page, this.page.locator(`${QUICK_INPUT} input[type="password"]`), text);
  }

  /** Picks an item of an open quick pick by its label. */
  async pickItem(label: string): Promise<void> {
    const row = this.page
      .locator(`${QUICK_INPUT} .quick-input-list .monaco-list-row`)
      .filter({ hasText: label });
    await row.first().click();
  }

  /** Clicks an activity-bar item by its container title, e.g. 'WeCom'. */
  async clickActivity(title: string): Promise<void> {
    // The exact aria-label prefix: a looser selector also matches the hidden badge, which Playwright refuses to click.
    await this.activityItem(title).click();
  }

  activityItem(title: string): Locator {
    return this.page.locator(`.part.activitybar a.action-label[aria-label^="${title}"]`).first();
  }

  /** Visible rows of the trees in the side bar (label and description), top to bottom. */
  async treeRows(): Promise<TreeRow[]> {
    return this.page.locator(SIDEBAR_ROWS).evaluateAll((rows) =>
      rows.map((row) => ({
        label: row.querySelector('.label-name')?.textContent?.trim() ?? '',
        description: row.querySelector('.label-description')?.textContent?.trim() ?? '',
        level: Number(row.getAttribute('aria-level') ?? '1'),
        expanded: row.hasAttribute('aria-expanded')
          ? row.getAttribute('aria-expanded') === 'true'
          : undefined,
      })),
    );
  }

  /** A tree row by label (for clicking, expanding, context menus). */
  treeRow(label: string | RegExp): Locator {
    return this.page
      .locator(SIDEBAR_ROWS)
      .filter({ has: this.page.locator('.label-name', { hasText: label }) })
      .first();
  }

  /** Polls until some tree row satisfies `predicate`; returns the rows then. */
  async waitForTreeRows(predicate: (rows: TreeRow[]) => boolean, timeoutMs = 20_000): Promise<TreeRow[]> {
    return this.poll(() => this.treeRows(), predicate, timeoutMs, 'tree rows');
  }

  /** Texts of the notification toasts currently shown. */
  async notifications(): Promise<string[]> {
    const texts = await this.page.locator(TOASTS).allInnerTexts();
    return texts.map((text) => text.trim());
  }

  /** Polls until a toast matches; returns its text. */
  async waitForNotification(pattern: string | RegExp, timeoutMs = 20_000): Promise<string> {
    const matches = (text: string) =>
      typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
    const texts = await this.poll(
      () => this.notifications(),
      (all) => all.some(matches),
      timeoutMs,
      'notification',
    );
    return texts.find(matches) ?? '';
  }

  /** The content of the (first ready) webview: two iframes deep. */
  webviewFrame(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').first().frameLocator('#active-frame');
  }

  /** Drags the side bar's edge so it is `width` pixels wide (long tree descriptions stay readable). */
  async setSidebarWidth(width: number): Promise<void> {
    const box = await this.page.locator('[id="workbench.parts.sidebar"]').boundingBox();
    if (!box) {
      throw new Error('the side bar is not visible');
    }
    const edgeX = box.x + box.width;
    const middleY = box.y + box.height / 2;
    await this.page.mouse.move(edgeX - 1, middleY);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + width, middleY, { steps: 5 });
    await this.page.mouse.up();
  }

  /**
   * Saves a full-window screenshot to test-results/screenshots/<name>.png and returns its path.
   * The pointer is parked over the editor area first, so no hover tooltip covers the picture.
   */
  /**
   * Runs a palette command that opens a quick pick and returns its row containing `rowText`, once
   * visible. A focus change (a webview settling, a notification) can close a quick pick just
   * opened: then the command is run again, until the row is on screen.
   */
  async quickPickRow(command: string, rowText: string): Promise<Locator> {
    const row = this.page
      .locator('.quick-input-widget .quick-input-list .monaco-list-row')
      .filter({ hasText: rowText })
      .first();
    for (let attempt = 1; ; attempt++) {
      await this.runCommand(command);
      const shown = await row
        .waitFor({ state: 'visible', timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      if (shown) {
        return row;
      }
      if (attempt >= 4) {
        throw new Error(`"${command}" never showed a row with "${rowText}"`);
      }
      await this.page.keyboard.press('Escape');
    }
  }

  /**
   * Clicks the inline action `selector` of a tree row. VS Code shows inline actions on hover; a
   * hover in headless Chromium does not always register, and a row that moves (the view's message
   * appearing above it) loses it. Hover and click are repeated until the click lands.
   */
  async clickRowAction(row: Locator, selector: string): Promise<void> {
    const action = row.locator(selector);
    for (let attempt = 1; ; attempt++) {
      await this.page.mouse.move(0, 0);
      await row.hover();
      const clicked = await action
        .click({ timeout: 2_000 })
        .then(() => true)
        .catch(() => false);
      if (clicked) {
        return;
      }
      if (attempt >= 6) {
        throw new Error(`the row action ${selector} could not be clicked`);
      }
    }
  }

  /**
   * Clicks a row's inline action until `shown` (what the action opens) is visible. A click can
   * land while the tree re-renders under it (another writer's sync, e.g. the daily one after
   * 10:00 CST, changed a row): then nothing opens, and the click is made again.
   */
  async clickRowActionUntil(
    row: Locator,
    selector: string,
    shown: Locator,
    options: {
      /** Before each click, e.g. selecting the rows the action is for (a re-render drops a selection). */
      readonly select?: () => Promise<void>;
    } = {},
  ): Promise<void> {
    const tries = 3;
    for (let attempt = 1; ; attempt++) {
      await options.select?.();
      await this.clickRowAction(row, selector);
      const visible = await shown.waitFor({ state: 'visible', timeout: 15_000 }).then(
        () => true,
        () => false,
      );
      if (visible) {
        return;
      }
      if (attempt >= tries) {
        await this.screenshot('failed-row-action');
        throw new Error(`the row action ${selector} opened nothing after ${attempt} clicks`);
      }
      if (options.select) {
        // It may have opened something for a lost selection: close that before selecting again.
        await this.page
          .locator('.tab.active .codicon-close')
          .first()
          .click({ timeout: 2_000 })
          .catch(() => undefined);
      }
    }
  }

  /** Answers VS Code's modal dialog with `button` and waits until it has closed. */
  async answerDialog(button: string): Promise<void> {
    const dialog = this.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible' });
    await dialog.locator('.monaco-button', { hasText: button }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  async screenshot(name: string, options: { keepPointer?: boolean } = {}): Promise<string> {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const viewport = this.page.viewportSize();
    if (!options.keepPointer && viewport) {
      await this.page.mouse.move(viewport.width - 10, viewport.height / 2);
    }
    // Toasts slide in: wait until they have settled so they are readable in the picture.
    const sliding = this.page.locator('.notification-toast:not(.notification-fade-in-done)');
    await sliding
      .first()
      .waitFor({ state: 'detached', timeout: 2_000 })
      .catch(() => undefined);
    const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** The last lines of code-server's own log (for failure messages). */
  serverLogTail(lines = 40): string {
    if (!fs.existsSync(this.server.logFile)) {
      return '';
    }
    return fs.readFileSync(this.server.logFile, 'utf8').split('\n').slice(-lines).join('\n');
  }

  /** Closes the browser, stops code-server's process group and removes the temp folders. */
  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.server.stop();
    fs.rmSync(this.tempDir, { recursive: true, force: true });
  }

  private poll<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, what: string) {
    return poll(this.page, read, done, timeoutMs, what);
  }
}
