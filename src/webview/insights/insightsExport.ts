/**
 * Export PNG of what the panel shows, composed by the chart's `composeExportPng` (title above,
 * legend below): the heatmap's canvas as drawn, or the rankings' two lists drawn as text. The
 * title names the figure, the owners count and the CST range, and "incomplete" when it is.
 */
import type { HeatmapData, InsightsLabels, RankingsData } from '../../shared/insightsProtocol';
import type { ExportPngParams } from '../../shared/protocol';
import { composeExportPng, type LegendEntry } from '../exportImage';
import type { ExportTitle } from '../exportTitle';
import { fill } from '../text';
import type { ChartTheme } from '../theme';
import { ownerText } from './heatmapText';

export function insightsTitle(
  labels: InsightsLabels,
  figure: string,
  owners: number,
  data: HeatmapData | RankingsData,
): ExportTitle {
  const range = fill(labels.cstDays, { days: `${data.range.from} … ${data.range.to}` });
  const incomplete = data.missingDays.length > 0 || data.provisionalDays.length > 0;
  return {
    title: `${figure} · ${fill(labels.ownersCount, { n: owners })}`,
    subtitle: incomplete ? `${range} · ${labels.legendProvisional}/${labels.legendMissing}` : range,
  };
}

export function exportParams(
  plot: HTMLCanvasElement,
  heading: ExportTitle,
  legend: LegendEntry[],
  theme: ChartTheme,
): ExportPngParams {
  return {
    dataUrl: composeExportPng(plot, { heading, legend, theme }),
    title: `${heading.title} · ${heading.subtitle}`,
  };
}

/** The rankings as an image: one line per owner, the top list then the bottom list. */
export function rankingsCanvas(
  data: RankingsData,
  labels: InsightsLabels,
  theme: ChartTheme,
  format: Intl.NumberFormat,
): HTMLCanvasElement {
  const scale = window.devicePixelRatio || 1;
  const line = Math.round(theme.fontSize * 1.6);
  const lists = [
    [fill(labels.topN, { n: data.top.length }), data.top],
    [fill(labels.bottomN, { n: data.bottom.length }), data.bottom],
  ] as const;
  const lines = lists.reduce((n, [, items]) => n + items.length + 2, 0);
  const canvas = document.createElement('canvas');
  const width = 720;
  const height = lines * line + line;
  canvas.width = width * scale;
  canvas.height = height * scale;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx) {
    return canvas;
  }
  ctx.scale(scale, scale);
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, width, height);
  ctx.textBaseline = 'top';
  const columns = [12, 70, 400, 520, 640];
  let y = line / 2;
  for (const [caption, items] of lists) {
    ctx.font = `600 ${theme.fontSize}px ${theme.fontFamily}`;
    ctx.fillStyle = theme.foreground;
    ctx.fillText(caption, columns[0], y);
    y += line;
    ctx.font = `${theme.fontSize}px ${theme.fontFamily}`;
    ctx.fillStyle = theme.muted;
    [labels.rank, labels.owner, labels.value, labels.previousRank, labels.movement].forEach((t, i) =>
      ctx.fillText(t, columns[i], y, columns[i + 1] ? columns[i + 1] - columns[i] - 8 : 80),
    );
    y += line;
    ctx.fillStyle = theme.foreground;
    for (const item of items) {
      const cells = [
        String(item.rank),
        ownerText(item.owner),
        format.format(item.value),
        item.previousRank === null ? '—' : String(item.previousRank),
        item.movement === 'new' ? labels.newOwner : item.movement,
      ];
      cells.forEach((t, i) =>
        ctx.fillText(t, columns[i], y, columns[i + 1] ? columns[i + 1] - columns[i] - 8 : 80),
      );
      y += line;
    }
  }
  return canvas;
}
