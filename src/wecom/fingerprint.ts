/**
 * The one way a secret is identified without being kept: the first 16 hex digits of its SHA-256.
 * Token caches, client keys and the history's scope (one app of a corp) all use it, so two secrets
 * never share a token or figures, and no copy of a secret is ever stored or logged.
 */
import { createHash } from 'node:crypto';

export function secretFingerprint(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 16);
}
