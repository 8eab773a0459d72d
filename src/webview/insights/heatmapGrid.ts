/**
 * The heatmap's scroll region and keyboard: a tall spacer gives the native scrollbar its length
 * (rows × ROW_PX) while the canvas stays in view and draws the rows scrolled to. The region is
 * one focusable element: arrow keys move a highlighted cell (scrolling it into view), Page Up /
 * Page Down move by a screen, Home / End to the first / last day, Enter opens the owner's chart;
 * the highlighted cell is read out in an aria-live line and shown in the tooltip.
 */
import { PALETTES } from '../palette';
import type { ColourBy, HeatmapData, InsightsLabels } from '../../shared/insightsProtocol';
import { CELL } from '../../shared/insightsProtocol';
import { h } from '../dom';
import type { ChartTheme } from '../theme';
import { HeatmapChart, ROW_PX } from './heatmapChart';
import { cellColour, colourScale, parseColour, type ColourScale, type HeatPalette } from './heatmapColours';
import { cellWords, readoutText } from './heatmapText';

/** Rows the region shows at most; fewer owners make it shorter. */
const MAX_VISIBLE_ROWS = 32;
const AXIS_PX = 28;
const NO_CHANGE_FILL = 'rgba(128, 128, 128, 0.15)';

export interface GridEvents {
  readonly open: (owner: string) => void;
  /** The readout changed (the app reports it to the host for tests). */
  readonly readout: (text: string) => void;
}

export interface GridInput {
  readonly data: HeatmapData;
  readonly colourBy: ColourBy;
  readonly figure: string;
  readonly theme: ChartTheme;
}

export class HeatmapGrid {
  readonly region: HTMLElement;
  readonly readout = h('p', {
    className: 'readout',
    attrs: { 'aria-live': 'polite', id: 'heatmap-readout' },
  });
  private readonly spacer = h('div', { className: 'heatmap-spacer' });
  private readonly sticky = h('div', { className: 'heatmap-sticky' });
  private readonly canvas = h('canvas', { attrs: { role: 'img' } });
  private readonly chart: HeatmapChart;
  private input: GridInput | undefined;
  private scale: ColourScale | undefined;
  private first = 0;
  private focus = { row: 0, col: 0 };
  private focused = false;
  private missingPattern: CanvasPattern | string = NO_CHANGE_FILL;

  constructor(
    private readonly labels: InsightsLabels,
    private readonly format: Intl.NumberFormat,
    private readonly events: GridEvents,
  ) {
    this.sticky.append(this.canvas);
    this.spacer.append(this.sticky);
    this.region = h(
      'div',
      {
        className: 'heatmap-region',
        attrs: {
          tabindex: '0',
          role: 'application',
          'aria-roledescription': labels.heatmapTab,
          'aria-describedby': 'heatmap-help heatmap-readout',
        },
      },
      this.spacer,
    );
    this.chart = new HeatmapChart(this.canvas, {
      hover: (row, col) => this.say(this.first + row, col),
      click: (row, col) => this.openAt(this.first + row, col),
    });
    this.region.addEventListener('scroll', () => this.onScroll());
    this.region.addEventListener('keydown', (e) => this.onKey(e));
    this.region.addEventListener('focus', () => {
      this.focused = true;
      this.moveTo(this.focus.row, this.focus.col);
    });
    this.region.addEventListener('blur', () => {
      this.focused = false;
      this.draw();
    });
  }

  /**
   * Takes new figures (or a new colouring / theme) and sizes the region; `draw` then draws them.
   * The highlighted cell stays where it was.
   */
  prepare(input: GridInput): void {
    this.input = input;
    const figures = input.data.rows.flatMap((r) => (input.colourBy === 'change' ? r.changes : r.values));
    this.scale = colourScale(input.colourBy, figures);
    this.missingPattern = hatch(input.theme);
    const rows = input.data.rows.length;
    const visible = Math.max(1, Math.min(rows, MAX_VISIBLE_ROWS));
    this.region.style.height = `${visible * ROW_PX + AXIS_PX + 2}px`;
    this.sticky.style.height = `${visible * ROW_PX + AXIS_PX}px`;
    this.spacer.style.height = `${rows * ROW_PX + AXIS_PX}px`;
    this.focus = {
      row: Math.min(this.focus.row, Math.max(0, rows - 1)),
      col: Math.min(this.focus.col, Math.max(0, input.data.days.length - 1)),
    };
  }

  /** The colour scale drawn (the legend shows it). */
  get colourScale(): ColourScale | undefined {
    return this.scale;
  }

  get palette(): HeatPalette {
    // The first two line colours of the theme kind (blue, orange), chosen against its background.
    const lines = PALETTES[this.input?.theme.kind ?? 'dark'];
    return {
      rise: parseColour(lines[0], [55, 148, 255]),
      fall: parseColour(lines[1], [209, 134, 22]),
    };
  }

  canvasElement(): HTMLCanvasElement {
    return this.canvas;
  }

  destroy(): void {
    this.chart.destroy();
  }

  private capacity(): number {
    return Math.max(1, Math.min(this.input?.data.rows.length ?? 1, MAX_VISIBLE_ROWS));
  }

  private onScroll(): void {
    const first = Math.floor(this.region.scrollTop / ROW_PX);
    if (first !== this.first) {
      this.first = first;
      this.draw();
    }
  }

  draw(): void {
    const input = this.input;
    const scale = this.scale;
    if (!input || !scale) {
      return;
    }
    const { data, theme } = input;
    const capacity = this.capacity();
    this.first = Math.max(0, Math.min(this.first, data.rows.length - capacity));
    const rows = data.rows.slice(this.first, this.first + capacity);
    const fills: (string | CanvasPattern)[] = [];
    const borders: string[] = [];
    const widths: number[] = [];
    const palette = this.palette;
    rows.forEach((row, i) => {
      const figures = input.colourBy === 'change' ? row.changes : row.values;
      for (let c = 0; c < data.days.length; c++) {
        const state = row.cells[c];
        const figure = figures[c];
        const isFocus = this.focused && this.first + i === this.focus.row && c === this.focus.col;
        fills.push(
          state === CELL.missing
            ? this.missingPattern
            : state === CELL.absent
              ? 'transparent'
              : figure === null
                ? NO_CHANGE_FILL
                : cellColour(scale, figure, palette),
        );
        // The highlighted cell: a thick border in the text colour, visible on any shade.
        borders.push(
          isFocus ? theme.foreground : state === CELL.provisional ? theme.foreground : theme.muted,
        );
        widths.push(isFocus ? 3 : state === CELL.provisional || state === CELL.absent ? 1 : 0);
      }
    });
    this.chart.render(
      {
        columns: data.days.map((d) => d.slice(5)),
        rowNames: rows.map((r) => r.owner.name),
        capacity,
        fills,
        borders,
        borderWidths: widths,
        tooltip: (row, col) => {
          const w = cellWords(data, this.first + row, col, this.labels, input.figure, this.format);
          return [w.day, w.owner, w.value, ...(w.change ? [w.change] : [])];
        },
      },
      theme,
    );
  }

  private say(row: number, col: number): void {
    const input = this.input;
    if (!input || row >= input.data.rows.length) {
      return;
    }
    const text = readoutText(cellWords(input.data, row, col, this.labels, input.figure, this.format));
    this.readout.textContent = text;
    this.events.readout(text);
  }

  private openAt(row: number, col: number): void {
    const owner = this.input?.data.rows[row]?.owner.id;
    if (owner !== undefined) {
      this.focus = { row, col };
      this.events.open(owner);
    }
  }

  private onKey(e: KeyboardEvent): void {
    const data = this.input?.data;
    if (!data || data.rows.length === 0) {
      return;
    }
    const page = this.capacity();
    const { row, col } = this.focus;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [row - 1, col],
      ArrowDown: [row + 1, col],
      ArrowLeft: [row, col - 1],
      ArrowRight: [row, col + 1],
      PageUp: [row - page, col],
      PageDown: [row + page, col],
      Home: [row, 0],
      End: [row, data.days.length - 1],
    };
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.openAt(row, col);
      return;
    }
    const to = moves[e.key];
    if (to) {
      e.preventDefault();
      this.moveTo(to[0], to[1]);
    }
  }

  /** Highlights a cell: scrolls its row into view, redraws, shows its tooltip and reads it out. */
  private moveTo(row: number, col: number): void {
    const data = this.input?.data;
    if (!data || data.rows.length === 0) {
      return;
    }
    this.focus = {
      row: Math.max(0, Math.min(data.rows.length - 1, row)),
      col: Math.max(0, Math.min(data.days.length - 1, col)),
    };
    const capacity = this.capacity();
    if (this.focus.row < this.first) {
      this.first = this.focus.row;
    } else if (this.focus.row >= this.first + capacity) {
      this.first = this.focus.row - capacity + 1;
    }
    this.region.scrollTop = this.first * ROW_PX;
    this.draw();
    this.chart.showTooltip({ row: this.focus.row - this.first, col: this.focus.col });
    this.say(this.focus.row, this.focus.col);
  }
}

/** Diagonal hatching in the muted colour: "nothing stored", never a shade of the scale. */
export function hatch(theme: ChartTheme): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = 6;
  tile.height = 6;
  const ctx = tile.getContext('2d');
  if (!ctx) {
    return NO_CHANGE_FILL;
  }
  ctx.strokeStyle = theme.muted;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(0, 6);
  ctx.lineTo(6, 0);
  ctx.stroke();
  return ctx.createPattern(tile, 'repeat') ?? NO_CHANGE_FILL;
}
