/**
 * Lifetime helpers: every long-lived host object extends `Disposable` and `_register`s what it
 * owns, so `activate` only has to push the roots into `context.subscriptions`.
 */
import * as vscode from 'vscode';

function disposeAll(disposables: vscode.Disposable[]): void {
  while (disposables.length) {
    disposables.pop()?.dispose();
  }
}

export abstract class Disposable implements vscode.Disposable {
  private _isDisposed = false;
  private readonly _disposables: vscode.Disposable[] = [];

  protected get isDisposed(): boolean {
    return this._isDisposed;
  }

  /** Takes ownership of `value`; disposes it at once when this object is already disposed. */
  protected _register<T extends vscode.Disposable>(value: T): T {
    if (this._isDisposed) {
      value.dispose();
    } else {
      this._disposables.push(value);
    }
    return value;
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    disposeAll(this._disposables);
  }
}
