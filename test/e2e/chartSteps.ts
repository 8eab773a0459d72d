/**
 * Steps the chart's end-to-end suites share: waiting for a draw, reading the canvas and the table
 * view, and switching the colour theme.
 */
import type { FrameLocator } from 'playwright-core';
import type { Workbench } from './harness';

/** Waits until the webview has drawn more than `after` times and is in `state`; returns the count. */
export async function waitForDraw(frame: FrameLocator, after: number, timeoutMs = 30_000): Promise<number> {
  const body = frame.locator('body');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const drawn = Number((await body.getAttribute('data-drawn').catch(() => null)) ?? '0');
    const state = await body.getAttribute('data-state').catch(() => null);
    if (drawn > after && state === 'ready') {
      return drawn;
    }
    if (state === 'error') {
      throw new Error(`the chart shows an error: ${await frame.locator('.status').innerText()}`);
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for a draw after ${after} (state ${state}, drawn ${drawn})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The little of the DOM these page functions use (the test tsconfig has no DOM lib). */
interface PageElement {
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}

export { canvasColours } from './canvas';

/** The table view as { header cells, rows of [day, ...data-value] }. */
export async function readTable(frame: FrameLocator): Promise<{ header: string[]; rows: string[][] }> {
  const table = frame.locator('table.figures');
  await table.waitFor({ state: 'visible' });
  const header = await table.locator('thead th').allInnerTexts();
  const rows = await table.locator('tbody tr').evaluateAll((elements) =>
    (elements as unknown as PageElement[]).map((tr) => [
      // The row's period, without the "(provisional)" / "(incomplete)" mark of its header cell.
      tr.getAttribute('data-day') ?? '',
      ...Array.from(tr.querySelectorAll('td')).map((td: PageElement) => td.getAttribute('data-value') ?? ''),
    ]),
  );
  return { header, rows };
}

/** Switches the colour theme by its name in the palette's theme picker. */
export async function setColorTheme(wb: Workbench, name: string): Promise<void> {
  await wb.runCommand('Preferences: Color Theme');
  await wb.page.locator('.quick-input-widget input.input').fill(name);
  await wb.pickItem(name);
}

/**
 * A screenshot without the toasts that other parts raise meanwhile (the backfill offer, "verified
 * and saved"), which would cover the chart; with `scrollTo`, that part of the webview in view.
 */
export async function chartScreenshot(wb: Workbench, name: string, scrollTo?: FrameLocator): Promise<void> {
  await wb.runCommand('Notifications: Clear All Notifications');
  await scrollTo?.locator('.chart-box:visible, .table-box:visible').first().scrollIntoViewIfNeeded();
  await wb.screenshot(name);
}

/** Sets up credentials for `fake` the way a user does (palette, corp ID, secret) and waits for "saved". */
export async function signInWithFake(
  wb: Workbench,
  fake: { corpId: string; corpSecret: string },
): Promise<void> {
  await wb.runCommand('WeCom: Set Up Credentials');
  await wb.fillInput(fake.corpId);
  await wb.fillPassword(fake.corpSecret);
  await wb.waitForNotification(/verified and saved/);
}
