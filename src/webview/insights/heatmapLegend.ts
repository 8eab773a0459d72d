/**
 * The heatmap's legend: the colour scale with its ends in figures (by value: low to high; by
 * change: fall, none, rise), and the cells that are not figures: not stored (hatched), not
 * returned by WeCom (outlined, empty), provisional (outlined in the text colour). Swatches are
 * small canvases: the CSP allows no inline styles, and a canvas needs none.
 */
import type { InsightsLabels } from '../../shared/insightsProtocol';
import { h } from '../dom';
import type { ChartTheme } from '../theme';
import { cellColour, type ColourScale, type HeatPalette } from './heatmapColours';
import { hatch } from './heatmapGrid';
import { signed } from './heatmapText';

const SWATCH = 14;

type Paint = (ctx: CanvasRenderingContext2D) => void;

function swatch(paint: Paint): HTMLCanvasElement {
  const canvas = h('canvas', {
    className: 'swatch',
    attrs: { width: String(SWATCH), height: String(SWATCH), 'aria-hidden': 'true' },
  });
  const ctx = canvas.getContext('2d');
  if (ctx) {
    paint(ctx);
  }
  return canvas;
}

function filled(fill: string | CanvasPattern): Paint {
  return (ctx) => {
    ctx.fillStyle = fill;
    ctx.fillRect(0, 0, SWATCH, SWATCH);
  };
}

function outlined(colour: string, fill?: string): Paint {
  return (ctx) => {
    if (fill) {
      ctx.fillStyle = fill;
      ctx.fillRect(0, 0, SWATCH, SWATCH);
    }
    ctx.strokeStyle = colour;
    ctx.strokeRect(0.5, 0.5, SWATCH - 1, SWATCH - 1);
  };
}

function item(paint: Paint, text: string): HTMLElement {
  return h('span', { className: 'legend-item' }, swatch(paint), h('span', { text }));
}

export function renderLegend(
  scale: ColourScale,
  palette: HeatPalette,
  theme: ChartTheme,
  labels: InsightsLabels,
  format: Intl.NumberFormat,
): HTMLElement {
  const steps = scale.kind === 'change' ? [-1, -0.5, 0, 0.5, 1] : [0, 0.25, 0.5, 0.75, 1];
  const at = (t: number): number =>
    scale.kind === 'change' ? t * scale.high : scale.low + t * (scale.high - scale.low);
  const ends =
    scale.kind === 'change'
      ? [
          `${labels.legendFall} ${signed(scale.low, format)}`,
          `${labels.legendRise} ${signed(scale.high, format)}`,
        ]
      : [
          `${labels.legendLow} ${format.format(scale.low)}`,
          `${labels.legendHigh} ≥ ${format.format(scale.high)}`,
        ];
  const ramp = h(
    'span',
    { className: 'legend-item legend-scale' },
    h('span', { text: ends[0] }),
    ...steps.map((t) => swatch(filled(cellColour(scale, at(t), palette)))),
    h('span', { text: ends[1] }),
  );
  return h(
    'div',
    { className: 'legend', attrs: { role: 'group', 'aria-label': labels.colourBy } },
    ramp,
    item(filled(hatch(theme)), labels.legendMissing),
    item(outlined(theme.muted), labels.legendAbsent),
    item(outlined(theme.foreground, cellColour(scale, at(steps[3]), palette)), labels.legendProvisional),
  );
}
