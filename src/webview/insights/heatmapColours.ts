/**
 * The heatmap's colour scales, from the theme's chart colours (so light, dark and high-contrast
 * themes each get their own): by value, one hue from faint to full; by change, a diverging
 * scale, one hue for a fall and another for a rise, faint near zero. Pure (no DOM): unit-tested.
 *
 * The scale ends at the 98th percentile of the figures, not the maximum: one owner with a
 * hundred times the others' groups would otherwise wash every other cell out to the faintest
 * shade. Values beyond it take the full colour; the legend says where the scale ends.
 */

export type Rgb = readonly [number, number, number];

export interface ColourScale {
  readonly kind: 'value' | 'change';
  /** value: the lowest figure; change: minus `high`. */
  readonly low: number;
  readonly high: number;
}

const PERCENTILE = 0.98;
/** The faintest shade still reads as a cell, not as the background. */
const MIN_ALPHA = 0.12;

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) {
    return 0;
  }
  // Nearest rank: with few figures this is the largest, as it should be.
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1))];
}

/** The scale for the figures drawn (nulls: cells without a figure, left out). */
export function colourScale(kind: 'value' | 'change', figures: Iterable<number | null>): ColourScale {
  const known: number[] = [];
  for (const v of figures) {
    if (v !== null) {
      known.push(kind === 'change' ? Math.abs(v) : v);
    }
  }
  known.sort((a, b) => a - b);
  if (kind === 'change') {
    const high = Math.max(1, percentile(known, PERCENTILE));
    return { kind, low: -high, high };
  }
  const low = known.length > 0 ? known[0] : 0;
  return { kind, low, high: Math.max(low + 1, percentile(known, PERCENTILE)) };
}

/** Where `v` sits on the scale: 0…1 by value, −1…1 by change (clamped). */
export function scalePosition(scale: ColourScale, v: number): number {
  if (scale.kind === 'change') {
    return Math.max(-1, Math.min(1, v / scale.high));
  }
  return Math.max(0, Math.min(1, (v - scale.low) / (scale.high - scale.low)));
}

export interface HeatPalette {
  /** Value scale, and a rise. */
  readonly rise: Rgb;
  /** A fall. */
  readonly fall: Rgb;
}

/** The fill of a cell with figure `v`. */
export function cellColour(scale: ColourScale, v: number, palette: HeatPalette): string {
  const t = scalePosition(scale, v);
  const rgb = t < 0 ? palette.fall : palette.rise;
  const alpha =
    scale.kind === 'change' && t === 0 ? MIN_ALPHA / 2 : MIN_ALPHA + (1 - MIN_ALPHA) * Math.abs(t);
  return `rgba(${rgb[0]}, ${rgb[1]}, ${rgb[2]}, ${alpha.toFixed(3)})`;
}

/** `#rgb`, `#rrggbb`, `#rrggbbaa` or `rgb(a)(…)` as the theme variables write them; `fallback` else. */
export function parseColour(text: string, fallback: Rgb): Rgb {
  const value = text.trim();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(value);
  if (hex) {
    const digits = hex[1].length === 3 ? [...hex[1]].map((d) => d + d).join('') : hex[1].slice(0, 6);
    return [0, 2, 4].map((i) => Number.parseInt(digits.slice(i, i + 2), 16)) as unknown as Rgb;
  }
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(value);
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : fallback;
}
