/** Small UI steps shared by the owners e2e tests. */
import type { Workbench } from './harness';

/** Drags the side bar's edge so the descriptions fit in the screenshots. */
export async function widenSideBar(wb: Workbench, width: number): Promise<void> {
  const box = await wb.page.locator('[id="workbench.parts.sidebar"]').boundingBox();
  if (!box) {
    return;
  }
  const y = box.y + box.height / 2;
  await wb.page.mouse.move(box.x + box.width, y);
  await wb.page.mouse.down();
  await wb.page.mouse.move(box.x + width, y, { steps: 8 });
  await wb.page.mouse.up();
}
