/**
 * The chart panel's HTML and options: the shared webview shell (`../webviewShell.ts`: strict CSP,
 * nonce'd bundle, no data spliced in) with the chart's bundle and stylesheet.
 */
import type * as vscode from 'vscode';
import { webviewHtml, webviewPanelOptions } from '../webviewShell';

/** Options for creating and for reviving the panel (re-applied so the roots point at this install). */
export function chartWebviewOptions(
  extensionUri: vscode.Uri,
): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return webviewPanelOptions(extensionUri);
}

export function chartHtml(webview: vscode.Webview, extensionUri: vscode.Uri, lang: string): string {
  return webviewHtml(webview, extensionUri, {
    script: 'main.js',
    styles: ['controls.css', 'chart.css'],
    lang,
  });
}
