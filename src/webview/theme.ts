/**
 * Colours and fonts from the VS Code theme (the `--vscode-*` CSS variables the webview host
 * sets on <body>), re-read when the theme changes (VS Code swaps the body's class).
 */

import { themeKindOf, type ThemeKind } from './palette';

export interface ChartTheme {
  readonly foreground: string;
  readonly muted: string;
  readonly grid: string;
  readonly background: string;
  readonly fontFamily: string;
  readonly fontSize: number;
  readonly highContrast: boolean;
  /** Which palette the lines take (palette.ts): VS Code's chart colours repeat after a few. */
  readonly kind: ThemeKind;
}

export function readTheme(): ChartTheme {
  const style = getComputedStyle(document.body);
  const read = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  const kind = themeKindOf(document.body.classList);
  const highContrast = kind === 'hc-dark' || kind === 'hc-light';
  const foreground = read('--vscode-editor-foreground', read('--vscode-foreground', '#cccccc'));
  return {
    foreground,
    muted: read('--vscode-descriptionForeground', foreground),
    grid: highContrast
      ? read('--vscode-contrastBorder', foreground)
      : read('--vscode-charts-lines', 'rgba(128,128,128,0.35)'),
    background: read('--vscode-editor-background', '#1e1e1e'),
    fontFamily: read('--vscode-editor-font-family', read('--vscode-font-family', 'sans-serif')),
    fontSize: Number.parseFloat(read('--vscode-editor-font-size', '13')) || 13,
    highContrast,
    kind,
  };
}

/** Calls `onChange` after VS Code switches theme (the body's class or inline variables change). */
export function watchTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(() => onChange());
  observer.observe(document.body, { attributes: true, attributeFilter: ['class', 'data-vscode-theme-id'] });
  return () => observer.disconnect();
}
