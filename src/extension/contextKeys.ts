/**
 * The one place that sets this extension's context keys (used by `when` clauses in
 * package.json: viewsWelcome, menus). Keep the names in sync with the manifest.
 */
import * as vscode from 'vscode';

export type ViewState = 'unconfigured' | 'loading' | 'ready' | 'error';

const CONTEXT_KEYS = {
  state: 'wecomGroupStats.state',
  demo: 'wecomGroupStats.demo',
  filtered: 'wecomGroupStats.filtered',
  secretStored: 'wecomGroupStats.secretStored',
} as const;

function set(key: string, value: unknown): void {
  void vscode.commands.executeCommand('setContext', key, value);
}

export function setViewStateContext(state: ViewState): void {
  set(CONTEXT_KEYS.state, state);
}

export function setDemoContext(on: boolean): void {
  set(CONTEXT_KEYS.demo, on);
}

export function setFilteredContext(on: boolean): void {
  set(CONTEXT_KEYS.filtered, on);
}

/** A secret is stored for the configured corp ID (Clear Credentials has something to clear). */
export function setSecretStoredContext(on: boolean): void {
  set(CONTEXT_KEYS.secretStored, on);
}
