/** code-server's save dialog, answered as a user would (used by the export tests). */
import type { Workbench } from './harness';

/**
 * Answers code-server's save dialog (a quick-input path box, pre-filled with the suggested file):
 * waits for the suggestion, types the target, accepts, and waits until the box is gone.
 */
export async function saveAs(wb: Workbench, target: string, suggestedExtension: string): Promise<void> {
  const input = wb.page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible' });
  const deadline = Date.now() + 15_000;
  while (!(await input.inputValue()).endsWith(suggestedExtension)) {
    if (Date.now() > deadline) {
      throw new Error(
        `the save dialog did not suggest a ${suggestedExtension} file: ${await input.inputValue()}`,
      );
    }
    await wb.page.waitForTimeout(100);
  }
  await input.fill(target);
  // The dialog re-reads the folder as the path changes; accept once it shows the typed path.
  await wb.page.waitForTimeout(300);
  await input.press('Enter');
  await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 15_000 });
}
