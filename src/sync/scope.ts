/**
 * The store scope of a connection: (API base URL, corp ID, app identity). Two apps of one corp may
 * see different owners, and a relay or the fake server is another source, so their atoms never
 * mix. The app is identified by a hash of its secret: the secret itself is never stored.
 */
import { createHash } from 'node:crypto';
import type { StoreScope } from '../store/types';

export interface ScopeSource {
  readonly apiBaseUrl: string;
  readonly corpId: string;
  readonly corpSecret: string;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** `https://QYAPI.weixin.qq.com/` and `https://qyapi.weixin.qq.com` are one server. */
export function normalizeBaseUrl(url: string): string {
  const trimmed = url.trim().replace(/\/+$/, '');
  try {
    const parsed = new URL(trimmed);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/+$/, '')}`;
  } catch {
    // Not a URL (e.g. the demo's fixed label): compared as written.
    return trimmed;
  }
}

/**
 * The API base URL the demo server's history is kept under, by the CLI and the extension alike:
 * the server listens on a new port each run, and its data is the same whichever.
 */
export const DEMO_SCOPE_BASE = 'demo';

export function scopeFor(source: ScopeSource): StoreScope {
  const apiBaseUrl = normalizeBaseUrl(source.apiBaseUrl);
  const corpId = source.corpId.trim();
  // 12 hex digits tell apps apart in a listing without being a usable secret digest.
  const app = `app-${sha256(`wecom-group-stats:${source.corpSecret}`).slice(0, 12)}`;
  const key = sha256(`${apiBaseUrl}\n${corpId}\n${app}`).slice(0, 32);
  return { key, apiBaseUrl, corpId, app };
}
