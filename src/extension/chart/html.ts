/**
 * The panel's HTML: a fixed shell that loads the bundled webview script under a strict CSP.
 * No data is spliced in (owner ids and names can contain `<`, quotes…): everything the webview
 * shows arrives through the `init` message and is rendered as text.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** Where the webview may load files from: the webview bundle and the stylesheet. */
function chartResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')];
}

/** Options for creating and for reviving the panel (re-applied so the roots point at this install). */
export function chartWebviewOptions(
  extensionUri: vscode.Uri,
): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    localResourceRoots: chartResourceRoots(extensionUri),
    // The webview restores itself from getState + the host's init; keeping it alive costs memory.
    retainContextWhenHidden: false,
    enableFindWidget: true,
  };
}

function cspNonce(): string {
  return randomBytes(16).toString('base64');
}

function chartCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
  ].join('; ');
}

/** A panel's bundle in dist/webview and its stylesheets in media (the chart's by default). */
export interface WebviewFiles {
  readonly script: string;
  readonly styles: readonly string[];
}

const CHART_FILES: WebviewFiles = { script: 'main.js', styles: ['chart.css'] };

export function chartHtml(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  lang: string,
  files: WebviewFiles = CHART_FILES,
): string {
  const nonce = cspNonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', files.script));
  const styles = files.styles
    .map((name) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', name)))
    .map((uri) => `<link rel="stylesheet" href="${uri.toString()}">`)
    .join('\n');
  // `lang` is 'en' or 'zh' (never user text); the URIs are ours.
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${chartCsp(webview.cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
</head>
<body data-state="starting">
<main id="app" aria-busy="true"></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
