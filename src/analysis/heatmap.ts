/**
 * The owner × day heatmap of one figure: each cell's value (or none: the owner was absent that
 * day, or nothing is stored), its change from the day before, and whether it is provisional.
 * Rows are ordered by any figure, valued as a ranking values it (src/analysis/rank.ts: the sum
 * over the range for a flow, the last present day's value for an as-of figure), owners without
 * a figure last. Pure: it reads atoms the store returned.
 */
import { addDays, listDays, type CstDay, type DayRange } from '../shared/days';
import { CELL } from '../shared/insightsProtocol';
import { compareByFigure, type MetricKey } from '../shared/metrics';
import { dayGaps } from './gaps';
import { rankOwners } from './rank';
import type { AtomLike } from './series';

export interface HeatmapRequest {
  readonly range: DayRange;
  /** The rows: every owner asked for, stored or not. */
  readonly owners: readonly string[];
  readonly metric: MetricKey;
  readonly sortBy: MetricKey;
  readonly ascending: boolean;
}

export interface HeatmapMatrixRow {
  readonly owner: string;
  readonly values: (number | null)[];
  readonly changes: (number | null)[];
  /** One `CellState` character per day. */
  readonly cells: string;
  readonly sortValue: number | null;
}

export interface HeatmapMatrix {
  readonly range: DayRange;
  readonly days: CstDay[];
  readonly rows: HeatmapMatrixRow[];
  readonly missingDays: CstDay[];
  readonly provisionalDays: CstDay[];
}

/** The days a heatmap of `range` reads: the day before too, for the first column's change. */
export function heatmapRange(range: DayRange): DayRange {
  return { from: addDays(range.from, -1), to: range.to };
}

/** The matrix of `request.metric` over `request.range` from atoms (which may span `heatmapRange`). */
export function buildHeatmap(atoms: readonly AtomLike[], request: HeatmapRequest): HeatmapMatrix {
  const { range, metric } = request;
  const days = listDays(range);
  const owners = [...new Set(request.owners)];
  // Column 0 is the day before the range. Atoms go into a flat owners × days array through two
  // lookups each: 500 × 180 cells are 90,000 atoms, and keyed maps per owner cost several times more.
  const columns = new Map([addDays(range.from, -1), ...days].map((day, i) => [day, i]));
  const width = days.length + 1;
  const rowOf = new Map(owners.map((owner, i) => [owner, i]));
  const grid: (AtomLike | undefined)[] = new Array(owners.length * width);
  for (const atom of atoms) {
    const row = rowOf.get(atom.owner);
    const col = columns.get(atom.day);
    if (row !== undefined && col !== undefined) {
      grid[row * width + col] = atom;
    }
  }
  const sortValues = new Map(
    rankOwners(atoms, { metric: request.sortBy, range, owners }).map((r) => [r.owner, r.value]),
  );
  const rows = owners.map((owner, r): HeatmapMatrixRow => {
    const at = (col: number): AtomLike | undefined => grid[r * width + col];
    let cells = '';
    let before = at(0)?.data?.[metric] ?? null;
    const values: (number | null)[] = [];
    const changes: (number | null)[] = [];
    for (let col = 1; col < width; col++) {
      const atom = at(col);
      const value = atom?.data?.[metric] ?? null;
      cells += !atom ? CELL.missing : atom.absent ? CELL.absent : atom.final ? CELL.final : CELL.provisional;
      values.push(value);
      changes.push(value !== null && before !== null ? value - before : null);
      before = value;
    }
    return { owner, values, changes, cells, sortValue: sortValues.get(owner) ?? null };
  });
  rows.sort(
    (a, b) =>
      compareByFigure(a.sortValue ?? undefined, b.sortValue ?? undefined, request.ascending) ||
      (a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0),
  );
  return { range, days, rows, ...dayGaps(range, owners, atoms) };
}
