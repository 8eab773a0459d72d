/**
 * The corp secret in VS Code SecretStorage, one entry per corp ID. Nothing else in the host
 * touches `context.secrets`. SecretStorage is shared by all windows, so changes made elsewhere
 * arrive through `onDidChange`.
 */
import * as vscode from 'vscode';
import { Disposable } from './dispose';

const SECRET_KEY_PREFIX = 'wecomGroupStats.secret.';
/** The team history database's password (the `history.store` URL carries none). */
const HISTORY_PASSWORD_KEY = 'wecomGroupStats.historyPassword';

function secretKey(corpId: string): string {
  return SECRET_KEY_PREFIX + corpId;
}

export class CredentialStore extends Disposable {
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  /** Fires when any stored corp secret or the history password changes (in this window or another). */
  readonly onDidChange = this._onDidChange.event;

  constructor(private readonly secrets: vscode.SecretStorage) {
    super();
    this._register(
      secrets.onDidChange((e) => {
        if (e.key.startsWith(SECRET_KEY_PREFIX) || e.key === HISTORY_PASSWORD_KEY) {
          this._onDidChange.fire();
        }
      }),
    );
  }

  async getSecret(corpId: string): Promise<string | undefined> {
    if (!corpId) {
      return undefined;
    }
    const value = await this.secrets.get(secretKey(corpId));
    return value || undefined;
  }

  async storeSecret(corpId: string, secret: string): Promise<void> {
    await this.secrets.store(secretKey(corpId), secret);
  }

  async deleteSecret(corpId: string): Promise<void> {
    await this.secrets.delete(secretKey(corpId));
  }

  async getHistoryPassword(): Promise<string | undefined> {
    return (await this.secrets.get(HISTORY_PASSWORD_KEY)) || undefined;
  }

  /** An empty password removes the stored one. */
  async storeHistoryPassword(password: string): Promise<void> {
    await (password
      ? this.secrets.store(HISTORY_PASSWORD_KEY, password)
      : this.secrets.delete(HISTORY_PASSWORD_KEY));
  }
}
