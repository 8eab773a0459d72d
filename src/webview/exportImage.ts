/**
 * The exported PNG: the plot as drawn, with its title above and a legend below, on one canvas.
 * Composed here because only the webview has the drawn plot and the theme's fonts and colours.
 */
import { granularityOf, type ChartUiState } from '../shared/chartState';
import type { ByDayData, ExportPngParams, InitMessage } from '../shared/protocol';
import { exportTitle, type ExportTitle } from './exportTitle';
import { seriesStyle } from './palette';
import type { ShownView } from './series';
import type { ChartTheme } from './theme';

export interface LegendEntry {
  readonly label: string;
  readonly colour: string;
  readonly dashed: boolean;
  /** A filled box instead of a line (a heatmap's cells); `colour` then outlines it. */
  readonly fill?: string | CanvasPattern;
}

export interface ExportImageInput {
  readonly heading: ExportTitle;
  /** Drawn under the plot; empty when the plot draws its own (several lines). */
  readonly legend: readonly LegendEntry[];
  readonly theme: ChartTheme;
}

/** The composed image as a PNG data URL, in the plot's pixel density. */
export function composeExportPng(plot: HTMLCanvasElement, input: ExportImageInput): string {
  const { theme, heading, legend } = input;
  // The plot's canvas is in device pixels: scale text the same way so it matches on screen.
  const scale = plot.clientWidth > 0 ? plot.width / plot.clientWidth : 1;
  const size = theme.fontSize * scale;
  const pad = Math.round(12 * scale);
  const titleLine = Math.round(size * 1.6);
  const subtitleLine = Math.round(size * 1.4);
  const legendLine = legend.length > 0 ? Math.round(size * 1.6) : 0;
  const top = pad + titleLine + subtitleLine + Math.round(pad / 2);

  const canvas = document.createElement('canvas');
  canvas.width = plot.width;
  canvas.height = top + plot.height + legendLine + (legendLine ? pad : 0);
  const ctx = canvas.getContext('2d');
  if (!ctx) {
    return plot.toDataURL('image/png');
  }
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.textBaseline = 'top';
  ctx.fillStyle = theme.foreground;
  ctx.font = `600 ${Math.round(size * 1.25)}px ${theme.fontFamily}`;
  ctx.fillText(heading.title, pad, pad, canvas.width - 2 * pad);
  ctx.fillStyle = theme.muted;
  ctx.font = `${Math.round(size)}px ${theme.fontFamily}`;
  ctx.fillText(heading.subtitle, pad, pad + titleLine, canvas.width - 2 * pad);
  ctx.drawImage(plot, 0, top);

  let x = pad;
  const y = top + plot.height + Math.round(pad / 2);
  ctx.font = `${Math.round(size)}px ${theme.fontFamily}`;
  for (const entry of legend) {
    const swatch = Math.round(size * 1.2);
    ctx.strokeStyle = entry.colour;
    ctx.lineWidth = Math.max(2, Math.round(2 * scale));
    ctx.setLineDash(entry.dashed ? [6 * scale, 3 * scale] : []);
    if (entry.fill !== undefined) {
      ctx.fillStyle = entry.fill;
      ctx.fillRect(x, y, swatch, size);
      ctx.lineWidth = 1;
      ctx.strokeRect(x + 0.5, y + 0.5, swatch - 1, size - 1);
    } else {
      ctx.beginPath();
      ctx.moveTo(x, y + size / 2);
      ctx.lineTo(x + swatch, y + size / 2);
      ctx.stroke();
    }
    ctx.fillStyle = theme.foreground;
    ctx.fillText(entry.label, x + swatch + pad / 2, y);
    x += swatch + pad / 2 + ctx.measureText(entry.label).width + pad * 2;
  }
  return canvas.toDataURL('image/png');
}

/** The export request for the chart as drawn: the composed image and its title as text (PNG metadata). */
export function exportPngParams(
  plot: HTMLCanvasElement,
  init: InitMessage,
  shown: { readonly data: ByDayData; readonly view: ShownView } | undefined,
  state: Pick<ChartUiState, 'metric' | 'granularity'>,
  theme: ChartTheme,
): ExportPngParams {
  if (!shown) {
    return { dataUrl: plot.toDataURL('image/png') }; // exports are off until figures load
  }
  const heading = exportTitle(init, shown.data, state.metric, granularityOf(state));
  const series = shown.view.series;
  // Several lines: the plot draws its legend (chart.ts); one line gets its legend here.
  const legend =
    series.length === 1
      ? [{ label: series[0].label, colour: seriesStyle(theme.kind, 0).colour, dashed: false }]
      : [];
  return {
    dataUrl: composeExportPng(plot, { heading, legend, theme }),
    title: `${heading.title} · ${heading.subtitle}`,
  };
}
