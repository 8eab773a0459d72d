/**
 * The lines' palette (src/webview/palette.ts), per theme kind: the first 24 styles are pairwise
 * distinct; the twelve colours are far apart in CIELAB (the first eight also for deuteranopes) and
 * each meets the least WCAG contrast against its kind's background. The colour science is written
 * out here from the formulas, so the test does not trust the module it checks.
 */
import * as assert from 'node:assert/strict';
import {
  MIN_LINE_CONTRAST,
  PALETTE_BACKGROUNDS,
  PALETTES,
  REVISED_POINT_STYLE,
  seriesStyle,
  THEME_KINDS,
  themeKindOf,
} from '../../../src/webview/palette';

/** sRGB channel (0–1) from `#rrggbb`. */
function channels(hex: string): [number, number, number] {
  assert.match(hex, /^#[0-9a-f]{6}$/);
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
}

function linear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map(linear);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** CIELAB (D65) from linear RGB. */
function lab([r, g, b]: number[]): [number, number, number] {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number): number => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 ΔE between two colours given as linear RGB. */
function deltaE(a: number[], b: number[]): number {
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

/** Deuteranopia (Machado et al. 2009, severity 1) on linear RGB. */
function deuteranope([r, g, b]: number[]): number[] {
  const m = [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ];
  return m.map((row) => Math.min(1, Math.max(0, row[0] * r + row[1] * g + row[2] * b)));
}

const rgb = (hex: string): number[] => channels(hex).map(linear);

suite('webview/palette: twelve distinct lines in every theme', () => {
  for (const kind of THEME_KINDS) {
    test(`${kind}: 24 distinct styles, colours apart and readable on ${PALETTE_BACKGROUNDS[kind]}`, () => {
      const styles = Array.from({ length: 24 }, (_, i) => seriesStyle(kind, i));
      const keys = styles.map((s) => `${s.colour}|${s.dash.join(',')}|${s.pointStyle}`);
      assert.equal(new Set(keys).size, 24, 'no two of the first 24 lines look the same');
      // The first twelve are told apart by colour alone; the next twelve also by dash and point.
      assert.equal(new Set(styles.slice(0, 12).map((s) => s.colour)).size, 12);
      for (let i = 0; i < 12; i++) {
        assert.notDeepEqual(styles[i + 12].dash, styles[i].dash);
        assert.notEqual(styles[i + 12].pointStyle, styles[i].pointStyle);
      }
      const marker: string = REVISED_POINT_STYLE;
      assert.ok(
        styles.every((s) => s.pointStyle !== marker),
        'the revised marker stays unique',
      );

      const colours = PALETTES[kind];
      assert.equal(colours.length, 12);
      for (const colour of colours) {
        const ratio = contrast(colour, PALETTE_BACKGROUNDS[kind]);
        assert.ok(ratio >= MIN_LINE_CONTRAST[kind], `${colour}: contrast ${ratio.toFixed(2)}`);
      }
      for (let i = 0; i < 12; i++) {
        for (let j = i + 1; j < 12; j++) {
          const d = deltaE(rgb(colours[i]), rgb(colours[j]));
          assert.ok(d >= 30, `${colours[i]} and ${colours[j]} are ${d.toFixed(1)} apart (ΔE76)`);
          if (j < 8) {
            const dd = deltaE(deuteranope(rgb(colours[i])), deuteranope(rgb(colours[j])));
            assert.ok(
              dd >= 20,
              `${colours[i]} and ${colours[j]} are ${dd.toFixed(1)} apart for deuteranopes`,
            );
          }
        }
      }
    });
  }

  test('the minimum contrast is WCAG non-text (3:1), 4.5:1 in high contrast', () => {
    assert.equal(contrast('#ffffff', '#000000').toFixed(0), '21'); // the formula itself
    assert.deepEqual(MIN_LINE_CONTRAST, { light: 3, dark: 3, 'hc-dark': 4.5, 'hc-light': 4.5 });
  });

  test("the theme kind from the body's classes (light high contrast before dark)", () => {
    const body = (...names: string[]) => ({ contains: (name: string) => names.includes(name) });
    assert.equal(themeKindOf(body('vscode-light')), 'light');
    assert.equal(themeKindOf(body('vscode-dark')), 'dark');
    assert.equal(themeKindOf(body('vscode-high-contrast')), 'hc-dark');
    assert.equal(themeKindOf(body('vscode-high-contrast', 'vscode-high-contrast-light')), 'hc-light');
  });
});
