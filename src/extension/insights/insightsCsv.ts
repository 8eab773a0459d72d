/**
 * Export CSV of exactly what the panel shows: the heatmap's matrix (owners in the drawn order,
 * one column per day, the values or the changes as coloured) or the rankings' two lists. A cell
 * with no figure is empty, and a note row says why (absent, not stored); provisional days are
 * named. Text cells go through the one formula rule (src/shared/csv.ts). No `vscode` here.
 */
import { defuseFormula, toCsv } from '../../shared/csv';
import type { ColourBy, HeatmapData, RankingItem, RankingsData } from '../../shared/insightsProtocol';
import { CELL } from '../../shared/insightsProtocol';

export interface CsvNotes {
  /** "absent: not returned by WeCom; missing: not stored" and the like, in the UI language. */
  readonly legend: string;
  readonly provisional: string;
}

export function heatmapCsv(data: HeatmapData, colourBy: ColourBy, notes: CsvNotes): string {
  const records: string[][] = [['owner', 'name', ...data.days]];
  for (const row of data.rows) {
    const figures = colourBy === 'change' ? row.changes : row.values;
    const cells = figures.map((v, i) =>
      row.cells[i] === CELL.absent ? 'absent' : row.cells[i] === CELL.missing ? '' : String(v ?? ''),
    );
    records.push([defuseFormula(row.owner.id), defuseFormula(row.owner.name), ...cells]);
  }
  records.push([]);
  records.push([`# ${data.metric}${colourBy === 'change' ? ' (change from the day before)' : ''}`]);
  records.push([`# ${notes.legend}`]);
  if (data.provisionalDays.length > 0) {
    records.push([`# ${notes.provisional}: ${data.provisionalDays.join(' ')}`]);
  }
  return toCsv(records);
}

function rankingRecord(list: 'top' | 'bottom', item: RankingItem): string[] {
  return [
    list,
    String(item.rank),
    defuseFormula(item.owner.id),
    defuseFormula(item.owner.name),
    String(item.value),
    item.previousRank === null ? '' : String(item.previousRank),
    item.movement,
  ];
}

export function rankingsCsv(data: RankingsData, notes: CsvNotes): string {
  const records: string[][] = [
    ['list', 'rank', 'owner', 'name', data.metric, 'previous_rank', 'movement'],
    ...data.top.map((item) => rankingRecord('top', item)),
    ...data.bottom.map((item) => rankingRecord('bottom', item)),
    [],
    [`# ${data.range.from} … ${data.range.to} (CST); previous ${data.previous.from} … ${data.previous.to}`],
  ];
  if (data.missingDays.length > 0) {
    records.push([`# ${notes.legend}: ${data.missingDays.join(' ')}`]);
  }
  if (data.provisionalDays.length > 0) {
    records.push([`# ${notes.provisional}: ${data.provisionalDays.join(' ')}`]);
  }
  return toCsv(records);
}
