/**
 * What a heatmap cell says in words: the tooltip's lines and the live readout of the highlighted
 * cell (date, owner as "name · id", value, change, or why there is no figure). Pure (no DOM).
 */
import type { HeatmapData, InsightsLabels } from '../../shared/insightsProtocol';
import { CELL } from '../../shared/insightsProtocol';
import type { OwnerLabel } from '../../shared/protocol';
import { fill } from '../text';

export interface CellWords {
  readonly day: string;
  readonly owner: string;
  readonly value: string;
  readonly change?: string;
}

/** "张三 · zhangsan"; the id alone when no name is set. */
export function ownerText(owner: OwnerLabel): string {
  return owner.name === owner.id ? owner.id : `${owner.name} · ${owner.id}`;
}

/** A signed change: "+4", "−2", "0". */
export function signed(n: number, format: Intl.NumberFormat): string {
  return n > 0 ? `+${format.format(n)}` : n < 0 ? `−${format.format(-n)}` : format.format(0);
}

export function cellWords(
  data: HeatmapData,
  row: number,
  col: number,
  labels: InsightsLabels,
  figure: string,
  format: Intl.NumberFormat,
): CellWords {
  const r = data.rows[row];
  const state = r.cells[col];
  const value = r.values[col];
  const change = r.changes[col];
  const day = fill(labels.cstDays, { days: data.days[col] });
  let valueText: string;
  if (state === CELL.absent) {
    valueText = `${figure}: ${labels.notReturned}`;
  } else if (state === CELL.missing || value === null) {
    valueText = `${figure}: ${labels.notStored}`;
  } else {
    valueText = `${figure}: ${format.format(value)}${state === CELL.provisional ? ` (${labels.provisional})` : ''}`;
  }
  return {
    day,
    owner: ownerText(r.owner),
    value: valueText,
    change: change === null ? undefined : `${labels.change}: ${signed(change, format)}`,
  };
}

/** The readout: one line, the parts joined. */
export function readoutText(words: CellWords): string {
  return [words.day, words.owner, words.value, words.change].filter(Boolean).join(' · ');
}
