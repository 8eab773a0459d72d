/**
 * The HTML shell every webview panel of this extension loads: one bundled script under a strict
 * CSP with a fresh nonce, its stylesheets, an empty `<main>`. No data is spliced in (owner ids and
 * names can contain `<`, quotes…): everything a webview shows arrives by message, as text.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** Where a webview may load files from: the webview bundles and the stylesheets. */
function webviewResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')];
}

/** Options for creating and for reviving a panel (re-applied so the roots point at this install). */
export function webviewPanelOptions(
  extensionUri: vscode.Uri,
): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    localResourceRoots: webviewResourceRoots(extensionUri),
    // The webview restores itself from getState + the host's init; keeping it alive costs memory.
    retainContextWhenHidden: false,
    enableFindWidget: true,
  };
}

function cspNonce(): string {
  return randomBytes(16).toString('base64');
}

function webviewCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
  ].join('; ');
}

export interface WebviewShell {
  /** The bundle under dist/webview, e.g. 'main.js'. */
  readonly script: string;
  /** The stylesheets under media, in order, e.g. ['controls.css', 'chart.css', 'insights.css']. */
  readonly styles: readonly string[];
  /** The UI language ('en' or 'zh'; never user text). */
  readonly lang: string;
}

export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, shell: WebviewShell): string {
  const nonce = cspNonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', shell.script));
  const styles = shell.styles
    .map((name) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', name)))
    .map((uri) => `<link rel="stylesheet" href="${uri.toString()}">`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${shell.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${webviewCsp(webview.cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
</head>
<body data-state="starting">
<main id="app" aria-busy="true"></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
