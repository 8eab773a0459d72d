/**
 * Smoke test of what users install: the packaged .vsix in a real VS Code shows the WeCom
 * activity-bar item, and clicking it opens the Group Owners view.
 */
import * as assert from 'assert';
import { Workbench } from './harness';

suite('Workbench with the installed .vsix', () => {
  let workbench: Workbench | undefined;

  suiteSetup(async () => {
    workbench = await Workbench.start();
  });

  suiteTeardown(async () => {
    await workbench?.close();
  });

  test('the WeCom activity opens the Group Owners view', async function () {
    const wb = workbench;
    assert.ok(wb, 'the workbench did not start');
    try {
      await wb.activityItem('WeCom').waitFor({ state: 'visible', timeout: 30_000 });
      await wb.clickActivity('WeCom');
      const sidebar = wb.page.locator('[id="workbench.parts.sidebar"]');
      await sidebar
        .getByText(/group owners/i)
        .first()
        .waitFor({ state: 'visible', timeout: 20_000 });
      await wb.screenshot('workbench-wecom-view');
    } catch (error) {
      await wb.screenshot(`FAILED-${this.test?.title ?? 'workbench'}`);
      throw error;
    }
  });
});
