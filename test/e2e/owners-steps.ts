/** Small UI steps shared by the owners e2e tests. */
import type { Locator } from 'playwright-core';
import type { TreeRow, Workbench } from './harness';

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

/** Top-level owner rows (not the summary row) of the owners view. */
export function ownerRows(rows: TreeRow[]): TreeRow[] {
  return rows.filter(
    (row) =>
      row.level === 1 && !/^(All owners|Filtered owners|全部群主|筛选|Rankings$|排行榜$)/.test(row.label),
  );
}

/** The user ID of an owner row: the label is "name · id", or the id alone. */
export function ownerIdOf(row: TreeRow): string {
  return row.label.split(' · ').pop() ?? row.label;
}

/** The message VS Code shows above the tree (TreeView.message). */
export function treeMessage(wb: Workbench): Locator {
  return wb.page.locator('[id="workbench.parts.sidebar"] .tree-explorer-viewlet-tree-view > .message');
}

/** Picks the quick-pick item whose label is exactly `label` (pickItem matches substrings). */
export async function pickExactItem(wb: Workbench, label: string): Promise<void> {
  const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  await wb.page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row')
    .filter({ has: wb.page.locator('.label-name', { hasText: exact }) })
    .first()
    .click();
}
