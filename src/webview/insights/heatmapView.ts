/**
 * The heatmap tab: its toolbar row, the legend, and the figures as a canvas (the scroll region,
 * keyboard reachable) or as the table equivalent. The rows' order comes from the host (a new
 * order is a new request); the colouring and the view change here.
 */
import type { HeatmapData, InsightsInit, InsightsUiState } from '../../shared/insightsProtocol';
import { h, replaceChildren } from '../dom';
import type { LegendEntry } from '../exportImage';
import { fill } from '../text';
import type { ChartTheme } from '../theme';
import { HeatmapControls } from './heatmapControls';
import { cellColour } from './heatmapColours';
import { HeatmapGrid, hatch } from './heatmapGrid';
import { renderLegend } from './heatmapLegend';
import { HeatmapTable } from './heatmapTable';

export interface HeatmapViewActions {
  /** A change of the UI state; `reload` when the host must answer again. */
  readonly change: (patch: Partial<InsightsUiState>, reload: boolean) => void;
  readonly open: (owner: string) => void;
  readonly readout: (text: string) => void;
}

export class HeatmapView {
  readonly element: HTMLElement;
  private readonly controls: HeatmapControls;
  private readonly legend = h('div', { className: 'legend-box' });
  private readonly grid: HeatmapGrid;
  private readonly table: HeatmapTable;
  private readonly chartBox: HTMLElement;
  private caption = '';

  constructor(
    private readonly init: InsightsInit,
    private readonly format: Intl.NumberFormat,
    actions: HeatmapViewActions,
  ) {
    const { labels } = init;
    this.controls = new HeatmapControls(init, {
      range: (range) => actions.change({ range }, true),
      colourBy: (colourBy) => actions.change({ colourBy }, false),
      sortBy: (sortBy) => actions.change({ sortBy }, true),
      ascending: (ascending) => actions.change({ ascending }, true),
      view: (view) => actions.change({ view }, false),
    });
    this.grid = new HeatmapGrid(labels, format, { open: actions.open, readout: actions.readout });
    this.table = new HeatmapTable(labels, format, () => this.caption);
    this.chartBox = h(
      'div',
      { className: 'heatmap-box' },
      h('p', { className: 'help', attrs: { id: 'heatmap-help' }, text: labels.gridHelp }),
      this.grid.region,
      this.grid.readout,
    );
    this.element = h(
      'div',
      { className: 'heatmap' },
      this.controls.element,
      this.legend,
      this.chartBox,
      this.table.element,
    );
  }

  sync(state: InsightsUiState): void {
    this.controls.sync(state);
  }

  show(data: HeatmapData, state: InsightsUiState, figure: string, theme: ChartTheme): void {
    this.caption = `${figure} · ${data.range.from} … ${data.range.to}`;
    const table = state.view === 'table';
    this.chartBox.hidden = table;
    this.table.element.hidden = !table;
    // The table shows the figures the grid colours: the legend is the grid's scale either way.
    this.grid.prepare({ data, colourBy: state.colourBy, figure, theme });
    if (table) {
      this.table.show(data, state.colourBy);
    } else {
      this.grid.draw();
    }
    const scale = this.grid.colourScale;
    replaceChildren(
      this.legend,
      scale ? renderLegend(scale, this.grid.palette, theme, this.init.labels, this.format) : null,
    );
    this.grid.region.setAttribute(
      'aria-label',
      `${this.caption} · ${fill(this.init.labels.ownersCount, { n: data.rows.length })}`,
    );
  }

  canvas(): HTMLCanvasElement {
    return this.grid.canvasElement();
  }

  /** The legend as the exported image draws it. */
  legendEntries(theme: ChartTheme): LegendEntry[] {
    const scale = this.grid.colourScale;
    if (!scale) {
      return [];
    }
    const palette = this.grid.palette;
    const labels = this.init.labels;
    const low = scale.kind === 'change' ? labels.legendFall : labels.legendLow;
    const high = scale.kind === 'change' ? labels.legendRise : labels.legendHigh;
    return [
      {
        label: `${low} ${this.format.format(scale.low)}`,
        colour: theme.muted,
        dashed: false,
        fill: cellColour(scale, scale.low, palette),
      },
      {
        label: `${high} ${this.format.format(scale.high)}`,
        colour: theme.muted,
        dashed: false,
        fill: cellColour(scale, scale.high, palette),
      },
      { label: labels.legendMissing, colour: theme.muted, dashed: false, fill: hatch(theme) },
      { label: labels.legendAbsent, colour: theme.muted, dashed: false, fill: theme.background },
      { label: labels.legendProvisional, colour: theme.foreground, dashed: false, fill: theme.background },
    ];
  }

  destroy(): void {
    this.grid.destroy();
  }
}
