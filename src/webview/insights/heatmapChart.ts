/**
 * The heatmap's one Chart.js matrix chart (chartjs-chart-matrix), created once, `update()`d and
 * `destroy()`ed. It draws a window of rows only: 500 owners × 180 days are 90,000 cells, and
 * redrawing all of them on each scroll or key press would be slow, while the window (the rows the
 * scroll region shows, ~40) is a few thousand. The scroll region (heatmapView.ts) decides the
 * window; rows keep a fixed height so a scroll moves exactly by rows.
 */
import type { ActiveElement, ChartConfiguration, ChartEvent, TooltipItem } from 'chart.js';
import { CategoryScale, Chart, Tooltip } from 'chart.js';
import { MatrixController, MatrixElement } from 'chartjs-chart-matrix';
import type { MatrixDataPoint } from 'chartjs-chart-matrix';
import { backgroundPlugin } from '../chartBackground';
import { drawOrUpdate } from '../chartDraw';
import type { ChartTheme } from '../theme';

Chart.register(MatrixController, MatrixElement, CategoryScale, Tooltip);

/** Pixels per owner row, and the width kept for the owners' names. */
export const ROW_PX = 18;
export const NAMES_PX = 170;

export interface HeatmapDraw {
  /** Day labels of the columns ("11-26"). */
  readonly columns: readonly string[];
  /** The names of the rows in the window, top to bottom. */
  readonly rowNames: readonly string[];
  /** Rows the window has room for (the last window may show fewer). */
  readonly capacity: number;
  /** Per cell of the window, row by row: its fill and border. */
  readonly fills: readonly (string | CanvasPattern)[];
  readonly borders: readonly string[];
  readonly borderWidths: readonly number[];
  /** Tooltip lines of a cell of the window (title first). */
  readonly tooltip: (windowRow: number, col: number) => string[];
}

export interface HeatmapEvents {
  readonly hover: (windowRow: number, col: number) => void;
  readonly click: (windowRow: number, col: number) => void;
}

type MatrixConfig = ChartConfiguration<'matrix', MatrixDataPoint[]>;

export class HeatmapChart {
  private chart: Chart<'matrix', MatrixDataPoint[]> | undefined;
  private columns = 0;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly events: HeatmapEvents,
  ) {}

  render(draw: HeatmapDraw, theme: ChartTheme): void {
    this.columns = draw.columns.length;
    this.chart = drawOrUpdate(this.chart, this.canvas, this.configure(draw, theme));
  }

  /** Shows the tooltip on a cell (keyboard moves), or hides it. */
  showTooltip(cell: { row: number; col: number } | undefined): void {
    const chart = this.chart;
    if (!chart) {
      return;
    }
    const active = cell ? [{ datasetIndex: 0, index: cell.row * this.columns + cell.col }] : [];
    const element = cell ? chart.getDatasetMeta(0).data[active[0].index] : undefined;
    // The tooltip updates itself; a plain redraw shows it (no second layout of every cell).
    chart.tooltip?.setActiveElements(active, element ? { x: element.x, y: element.y } : { x: 0, y: 0 });
    chart.render();
  }

  destroy(): void {
    this.chart?.destroy();
    this.chart = undefined;
  }

  private cellOf(elements: ActiveElement[]): { row: number; col: number } | undefined {
    return this.cellAt(elements[0]?.index);
  }

  private cellAt(index: number | undefined): { row: number; col: number } | undefined {
    return index === undefined || this.columns === 0
      ? undefined
      : { row: Math.floor(index / this.columns), col: index % this.columns };
  }

  private configure(draw: HeatmapDraw, theme: ChartTheme): MatrixConfig {
    const cols = draw.columns.length;
    const data: MatrixDataPoint[] = [];
    for (let r = 0; r < draw.rowNames.length; r++) {
      for (let c = 0; c < cols; c++) {
        // Category keys, not numbers: a category scale reads a number as the point's own index.
        data.push({ x: String(c), y: String(r) });
      }
    }
    const font = { family: theme.fontFamily, size: theme.fontSize };
    // Narrow cells touch (a gap would be most of a 4-pixel cell); wider ones keep a hairline.
    const gap = (width: number): number => (width / cols > 6 ? 1 : 0);
    return {
      type: 'matrix',
      data: {
        datasets: [
          {
            data,
            backgroundColor: [...draw.fills],
            borderColor: [...draw.borders],
            borderWidth: [...draw.borderWidths],
            width: ({ chart }) => Math.max(1, chart.chartArea.width / cols - gap(chart.chartArea.width)),
            height: ({ chart }) => Math.max(1, chart.chartArea.height / draw.capacity - 1),
          },
        ],
      },
      plugins: [backgroundPlugin],
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        color: theme.foreground,
        font,
        onHover: (_event: ChartEvent, elements: ActiveElement[]) => {
          const cell = this.cellOf(elements);
          if (cell) {
            this.events.hover(cell.row, cell.col);
          }
        },
        onClick: (_event: ChartEvent, elements: ActiveElement[]) => {
          const cell = this.cellOf(elements);
          if (cell) {
            this.events.click(cell.row, cell.col);
          }
        },
        scales: {
          // Category scales: the columns are days, the rows the window's owners (padded to the
          // window's capacity so a row keeps its height on the last screen).
          x: {
            type: 'category',
            labels: draw.columns.map((_, c) => String(c)),
            position: 'top',
            offset: true,
            grid: { display: false },
            border: { color: theme.grid },
            ticks: {
              color: theme.muted,
              font,
              autoSkip: true,
              autoSkipPadding: 12,
              maxRotation: 0,
              callback: (_value, index) => draw.columns[index] ?? '',
            },
          },
          y: {
            type: 'category',
            labels: Array.from({ length: draw.capacity }, (_, r) => String(r)),
            reverse: false,
            offset: true,
            grid: { display: false },
            border: { color: theme.grid },
            afterFit: (scale) => {
              // Fixed: the columns must not move when a scroll brings longer names.
              scale.width = NAMES_PX;
            },
            ticks: {
              color: theme.foreground,
              font,
              autoSkip: false,
              callback: (_value, index) => clip(draw.rowNames[index] ?? ''),
            },
          },
        },
        plugins: {
          editorBackground: { color: theme.background },
          legend: { display: false },
          tooltip: {
            titleFont: font,
            bodyFont: font,
            displayColors: false,
            callbacks: {
              title: (items: TooltipItem<'matrix'>[]) => {
                const cell = this.cellAt(items[0]?.dataIndex);
                return cell ? draw.tooltip(cell.row, cell.col)[0] : '';
              },
              label: (item: TooltipItem<'matrix'>) => {
                const cell = this.cellAt(item.dataIndex);
                return cell ? draw.tooltip(cell.row, cell.col).slice(1) : '';
              },
            },
          },
        },
      },
    };
  }
}

/** A name cut to fit the names' column. */
function clip(name: string): string {
  const chars = [...name];
  return chars.length > 16 ? `${chars.slice(0, 15).join('')}…` : name;
}
