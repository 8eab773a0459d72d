/**
 * Driving VS Code's quick input (command palette, input boxes, code-server's file dialogs)
 * robustly from Playwright. Used by the Workbench in harness.ts.
 */
import type { Locator, Page } from 'playwright-core';

export const QUICK_INPUT = '.quick-input-widget';

/** Opens the palette with F1 and runs the command whose title is `title`. */
export async function runPaletteCommand(page: Page, title: string, timeoutMs: number): Promise<void> {
  const input = page.locator(`${QUICK_INPUT} input.input`);
  const rows = page.locator(`${QUICK_INPUT} .quick-input-list .monaco-list-row`);
  // Right after start-up the extension host may not have announced its commands yet:
  // reopen the palette until the command shows up.
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    const found = await rows
      .filter({ hasText: title })
      .first()
      .waitFor({ state: 'visible', timeout: 1_500 })
      .then(() => true)
      .catch(() => false);
    if (found) {
      break;
    }
    await page.keyboard.press('Escape');
    if (Date.now() > deadline) {
      throw new Error(`command "${title}" not found in the command palette`);
    }
  }
  // Several commands may contain the title; pick the row whose label is exactly it.
  const labels = await rows.locator('.label-name').allInnerTexts();
  const exact = labels.findIndex((label) => label.trim() === title);
  if (exact >= 0) {
    await rows.nth(exact).click();
  } else {
    await rows.filter({ hasText: title }).first().click();
  }
}

/**
 * Types into a quick input and presses Enter, robustly. code-server's save/open dialog is a
 * quick input over the remote file system: it sets its initial path a moment after it opens
 * (overwriting anything typed earlier) and ignores an Enter that arrives while it is still
 * resolving a typed path. Validation of ordinary input boxes is asynchronous too.
 */
export async function typeAndAccept(page: Page, input: Locator, text: string): Promise<void> {
  await input.waitFor({ state: 'visible' });
  await waitForStableValue(page, input);
  for (let attempt = 0; attempt < 3; attempt++) {
    await input.fill(text);
    await settleQuickInput(page);
    if ((await input.inputValue()) === text) {
      break;
    }
  }
  await input.press('Enter');
}

/** Waits until the input's value stops changing (three equal reads) and nothing is busy. */
async function waitForStableValue(page: Page, input: Locator): Promise<void> {
  const deadline = Date.now() + 3_000;
  let previous = await input.inputValue();
  let sameReads = 0;
  while (sameReads < 2 && Date.now() < deadline) {
    await page.waitForTimeout(150);
    const current = await input.inputValue();
    sameReads = current === previous ? sameReads + 1 : 0;
    previous = current;
  }
  await settleQuickInput(page, 0);
}

/** Waits `minimumMs`, then until the quick input's progress bar is idle (at most 5 s). */
async function settleQuickInput(page: Page, minimumMs = 400): Promise<void> {
  if (minimumMs > 0) {
    await page.waitForTimeout(minimumMs);
  }
  const busy = page.locator(`${QUICK_INPUT} .quick-input-progress.active`);
  const deadline = Date.now() + 5_000;
  while ((await busy.count()) > 0 && Date.now() < deadline) {
    await page.waitForTimeout(100);
  }
}

/** Re-reads `read()` every 200 ms until `done` holds; throws with the last value after `timeoutMs`. */
export async function poll<T>(
  page: Page,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!done(last)) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    }
    await page.waitForTimeout(200);
    last = await read();
  }
  return last;
}
