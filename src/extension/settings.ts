/**
 * Reads and validates the `wecomGroupStats.*` settings. A bad value never stops the extension:
 * it is replaced by the default and reported (as a whole sentence naming the setting) so the
 * user can fix it.
 */
import type { OwnerNames } from '../shared/ownerNames';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CONCURRENCY_RANGE, TIMEOUT_RANGE } from '../shared/clientLimits';
import { DEFAULT_API_BASE } from '../wecom/types';

export const SETTINGS_SECTION = 'wecomGroupStats';

export const SETTING_KEYS = [
  'corpId',
  'apiBaseUrl',
  'proxy',
  'owners',
  'ownerNames',
  'concurrency',
  'requestTimeoutMs',
  'allowInsecureHttp',
  'history.store',
] as const;

/**
 * Settings with `"scope": "application"`: where requests (and so the stored secret) go. Only the
 * user's own value counts; a workspace's `.vscode/settings.json` must not redirect the secret.
 */
export const APPLICATION_SETTING_KEYS = [
  'apiBaseUrl',
  'proxy',
  'allowInsecureHttp',
  'history.store',
] as const;

export type SettingKey = (typeof SETTING_KEYS)[number];

export interface WeComSettings {
  /** '' when not set. */
  readonly corpId: string;
  readonly apiBaseUrl: string;
  /** The extension's own proxy setting, else VS Code's `http.proxy`; undefined for none. */
  readonly proxy: string | undefined;
  /** Empty = use the follow-user list. */
  readonly owners: readonly string[];
  readonly ownerNames: OwnerNames;
  readonly concurrency: number;
  readonly requestTimeoutMs: number;
  /** Plain http:// to a host other than loopback is allowed (off by default: clear-text secret). */
  readonly allowInsecureHttp: boolean;
  /**
   * Where the history is kept: '' for the embedded file in the extension's storage, a
   * `postgres://` URL (its password in SecretStorage), or the absolute path of a file.
   */
  readonly historyStore: string;
}

export interface SettingsReading {
  readonly settings: WeComSettings;
  /** One sentence per bad value, already localized. */
  readonly problems: readonly string[];
}

// Shared with the CLI's --concurrency and --timeout.
export { CONCURRENCY_RANGE, TIMEOUT_RANGE };

/** Corp IDs are opaque but never contain whitespace; they usually start with ww or wx. */
export function checkCorpId(value: string): { error?: string; warning?: string } {
  const trimmed = value.trim();
  if (!trimmed) {
    return { error: vscode.l10n.t('Enter the corp ID (企业ID) from My Company → Company Info.') };
  }
  if (/\s/.test(trimmed)) {
    return {
      error: vscode.l10n.t('A corp ID contains no spaces: copy it again from My Company → Company Info.'),
    };
  }
  if (!/^w[wx]/i.test(trimmed)) {
    return {
      warning: vscode.l10n.t(
        'WeCom corp IDs usually start with "ww" or "wx": check it if verification fails.',
      ),
    };
  }
  return {};
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** '' (embedded), a parsable postgres:// URL, or an absolute file path. */
function isHistoryLocation(value: string): boolean {
  if (value === '') {
    return true;
  }
  if (/^postgres(ql)?:\/\//i.test(value)) {
    try {
      return new URL(value).hostname !== '';
    } catch {
      return false;
    }
  }
  return path.isAbsolute(value);
}

function integerIn(value: unknown, range: { min: number; max: number }): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max;
}

/**
 * The user-level value of an application-scoped setting, else its default: never a workspace or
 * folder value, even where a VS Code version would still report one.
 */
function applicationValue(
  config: vscode.WorkspaceConfiguration,
  key: (typeof APPLICATION_SETTING_KEYS)[number],
  fallback: unknown,
): unknown {
  const inspected = config.inspect<unknown>(key);
  return inspected?.globalValue ?? inspected?.defaultValue ?? fallback;
}

export function readSettings(): SettingsReading {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const problems: string[] = [];
  const bad = (key: SettingKey, why: string): void => {
    problems.push(vscode.l10n.t('Setting "{0}.{1}": {2}', SETTINGS_SECTION, key, why));
  };

  let corpId = config.get<unknown>('corpId', '');
  if (typeof corpId !== 'string' || (corpId.trim() !== '' && checkCorpId(corpId).error)) {
    bad('corpId', vscode.l10n.t('a corp ID is one word without spaces; it is ignored until fixed.'));
    corpId = '';
  }

  let apiBaseUrl = applicationValue(config, 'apiBaseUrl', DEFAULT_API_BASE);
  if (typeof apiBaseUrl !== 'string' || !isHttpUrl(apiBaseUrl.trim())) {
    bad('apiBaseUrl', vscode.l10n.t('not an http(s) URL; using {0}.', DEFAULT_API_BASE));
    apiBaseUrl = DEFAULT_API_BASE;
  }

  let proxy = applicationValue(config, 'proxy', '');
  if (typeof proxy !== 'string' || (proxy.trim() !== '' && !isHttpUrl(proxy.trim()))) {
    bad('proxy', vscode.l10n.t('not an http(s) URL such as http://host:3128; ignored.'));
    proxy = '';
  }
  const vscodeProxy = vscode.workspace.getConfiguration('http').get<unknown>('proxy', '');
  const effectiveProxy =
    (proxy as string).trim() ||
    (typeof vscodeProxy === 'string' && isHttpUrl(vscodeProxy.trim()) ? vscodeProxy.trim() : '');

  const ownersValue = config.get<unknown>('owners', []);
  let owners: string[] = [];
  if (Array.isArray(ownersValue) && ownersValue.every((o) => typeof o === 'string' && o !== '')) {
    owners = [...new Set(ownersValue as string[])];
  } else {
    bad('owners', vscode.l10n.t('must be a list of non-empty user IDs; using the follow-user list.'));
  }

  const namesValue = config.get<unknown>('ownerNames', {});
  const ownerNames: Record<string, string> = {};
  if (namesValue && typeof namesValue === 'object' && !Array.isArray(namesValue)) {
    for (const [id, name] of Object.entries(namesValue)) {
      if (typeof name === 'string' && name.trim()) {
        ownerNames[id] = name;
      } else {
        bad('ownerNames', vscode.l10n.t('the name of "{0}" must be a non-empty string.', id));
      }
    }
  } else {
    bad('ownerNames', vscode.l10n.t('must be an object mapping user IDs to names.'));
  }

  let concurrency = config.get<unknown>('concurrency', CONCURRENCY_RANGE.default);
  if (!integerIn(concurrency, CONCURRENCY_RANGE)) {
    bad(
      'concurrency',
      vscode.l10n.t(
        'must be a whole number from {0} to {1}; using {2}.',
        CONCURRENCY_RANGE.min,
        CONCURRENCY_RANGE.max,
        CONCURRENCY_RANGE.default,
      ),
    );
    concurrency = CONCURRENCY_RANGE.default;
  }

  let requestTimeoutMs = config.get<unknown>('requestTimeoutMs', TIMEOUT_RANGE.default);
  if (!integerIn(requestTimeoutMs, TIMEOUT_RANGE)) {
    bad(
      'requestTimeoutMs',
      vscode.l10n.t(
        'must be a whole number from {0} to {1}; using {2}.',
        TIMEOUT_RANGE.min,
        TIMEOUT_RANGE.max,
        TIMEOUT_RANGE.default,
      ),
    );
    requestTimeoutMs = TIMEOUT_RANGE.default;
  }

  let allowInsecureHttp = applicationValue(config, 'allowInsecureHttp', false);
  if (typeof allowInsecureHttp !== 'boolean') {
    bad('allowInsecureHttp', vscode.l10n.t('must be true or false; using false.'));
    allowInsecureHttp = false;
  }

  let historyStore = applicationValue(config, 'history.store', '');
  if (typeof historyStore !== 'string' || !isHistoryLocation(historyStore.trim())) {
    bad(
      'history.store',
      vscode.l10n.t(
        'must be empty (the embedded store), a postgres:// URL or the absolute path of a file; using the embedded store.',
      ),
    );
    historyStore = '';
  }

  return {
    settings: {
      corpId: (corpId as string).trim(),
      apiBaseUrl: (apiBaseUrl as string).trim().replace(/\/+$/, ''),
      proxy: effectiveProxy || undefined,
      owners,
      ownerNames,
      concurrency: concurrency as number,
      requestTimeoutMs: requestTimeoutMs as number,
      allowInsecureHttp: allowInsecureHttp as boolean,
      historyStore: (historyStore as string).trim(),
    },
    problems,
  };
}

/** True when a configuration change touches anything `readSettings` reads. */
export function affectsSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SETTINGS_SECTION) || event.affectsConfiguration('http.proxy');
}
