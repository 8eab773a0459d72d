/**
 * The lines' colours, dashes and point styles, per kind of theme. VS Code's `--vscode-charts-*`
 * variables give six colours (eight with two terminal ones) and in Light High Contrast several of
 * them are the same blue, so twelve lines repeat colours. Each theme kind gets its own twelve,
 * chosen against that kind's editor background: at least 3:1 (WCAG non-text contrast; 4.5:1 in
 * high contrast), far apart in CIELAB, and the first eight still apart for deuteranopes (checked in
 * test/unit/chart/palette.test.ts). Past twelve lines the colours repeat with a dash pattern and a
 * point style of their own. Pure (no DOM): theme.ts picks the kind from the body's class.
 */

export type ThemeKind = 'light' | 'dark' | 'hc-dark' | 'hc-light';

export const THEME_KINDS: readonly ThemeKind[] = ['light', 'dark', 'hc-dark', 'hc-light'];

/** The editor background each palette was chosen against (the default theme of each kind). */
export const PALETTE_BACKGROUNDS: Readonly<Record<ThemeKind, string>> = {
  light: '#ffffff',
  dark: '#1f1f1f',
  'hc-dark': '#000000',
  'hc-light': '#ffffff',
};

/** Least WCAG contrast of a line against the background of its theme kind. */
export const MIN_LINE_CONTRAST: Readonly<Record<ThemeKind, number>> = {
  light: 3,
  dark: 3,
  'hc-dark': 4.5,
  'hc-light': 4.5,
};

/** Twelve colours per kind, the most distinct first (a two-line chart gets the clearest pair). */
export const PALETTES: Readonly<Record<ThemeKind, readonly string[]>> = {
  light: [
    '#017fb8',
    '#ff5900',
    '#00522c',
    '#822f73',
    '#a95300',
    '#5e12a0',
    '#00a198',
    '#ba0238',
    '#4d7a00',
    '#6c591e',
    '#ea3496',
    '#40474c',
  ],
  dark: [
    '#6b99d8',
    '#e06f00',
    '#09b686',
    '#f0ef3d',
    '#c13893',
    '#f54656',
    '#8170f3',
    '#d4ffa8',
    '#ffc482',
    '#939f90',
    '#ffa9bf',
    '#39e8ff',
  ],
  'hc-dark': [
    '#3aacdf',
    '#fe8a0e',
    '#00ffb2',
    '#ffff00',
    '#f65db2',
    '#f8625e',
    '#9077ff',
    '#caff83',
    '#e1bbff',
    '#f0ffff',
    '#f5cb7e',
    '#14fcff',
  ],
  'hc-light': [
    '#0659a7',
    '#e42400',
    '#128267',
    '#8f458c',
    '#883b00',
    '#431baf',
    '#00393f',
    '#8c002d',
    '#2e7700',
    '#70494a',
    '#d30085',
    '#454000',
  ],
};

/** Line dash per round of twelve lines (solid first). */
const DASHES: readonly (readonly number[])[] = [[], [8, 4], [2, 3], [10, 3, 2, 3]];

/** Point style per round of twelve lines. 'star' is kept for revised days (chart.ts). */
const POINT_STYLES = ['circle', 'rect', 'triangle', 'rectRot'] as const;
export type SeriesPointStyle = (typeof POINT_STYLES)[number];

/** How a revised day's point is drawn, whatever the line (no line uses it otherwise). */
export const REVISED_POINT_STYLE = 'star';

export interface SeriesStyle {
  readonly colour: string;
  /** Empty for a solid line. */
  readonly dash: readonly number[];
  readonly pointStyle: SeriesPointStyle;
}

/** The style of line `index` (0-based) in a theme of `kind`. */
export function seriesStyle(kind: ThemeKind, index: number): SeriesStyle {
  const palette = PALETTES[kind];
  const round = Math.floor(index / palette.length);
  return {
    colour: palette[index % palette.length],
    dash: DASHES[round % DASHES.length],
    pointStyle: POINT_STYLES[round % POINT_STYLES.length],
  };
}

/** The theme kind from the classes VS Code puts on the webview's body. */
export function themeKindOf(classes: { contains(name: string): boolean }): ThemeKind {
  // Light high contrast is checked first: its body may carry the dark one's class as well.
  if (classes.contains('vscode-high-contrast-light')) {
    return 'hc-light';
  }
  if (classes.contains('vscode-high-contrast')) {
    return 'hc-dark';
  }
  return classes.contains('vscode-light') ? 'light' : 'dark';
}
