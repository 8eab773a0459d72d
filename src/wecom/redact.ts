/**
 * Removes credentials from any text that may reach a log, an error message or the UI.
 * The host's logger and the CLI use `redactSecrets` too, so one rule covers every output.
 */

const MASK = '***';

/** `access_token=…` / `corpsecret=…` in a query string, form body or loose text. */
const QUERY_SECRET = /\b(access_token|corpsecret)=[^&\s"'#<>]*/gi;
/** `"access_token": "…"` and `"corpsecret": "…"` in JSON (a gettoken reply, a logged body). */
const JSON_SECRET = /("(?:access_token|corpsecret)"\s*:\s*")[^"]*"/gi;
/** `scheme://user:password@host` — proxy URLs often carry credentials. */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^/\s@:]+:[^/\s@]*@/gi;

/** Shorter values are never masked: they would hide ordinary words. Secrets and tokens are long. */
const MIN_SECRET_LENGTH = 6;

/**
 * Every form in which a known value can reach a text: as is, percent-encoded as in a query string
 * built with `encodeURIComponent` (`+` → `%2B`, `/` → `%2F`, `=` → `%3D`), and form-encoded as
 * `URLSearchParams` writes it. The one place that decides what "the secret" looks like in output.
 */
export function secretForms(value: string): readonly string[] {
  if (value.length < MIN_SECRET_LENGTH) {
    return [];
  }
  const forms = new Set([
    value,
    encodeURIComponent(value),
    new URLSearchParams({ v: value }).toString().slice(2),
  ]);
  // Longest first, so a form containing another is masked whole.
  return [...forms].sort((a, b) => b.length - a.length);
}

/**
 * Masks token and secret parameters, JSON fields and URL credentials. `known` lists exact values
 * (the secret, tokens issued so far) to mask wherever they appear, in every form of
 * `secretForms`, e.g. echoed back in an errmsg or inside a logged URL.
 */
export function redactSecrets(text: string, known: readonly string[] = []): string {
  let out = text
    .replace(QUERY_SECRET, (_m, name: string) => `${name}=${MASK}`)
    .replace(JSON_SECRET, (_m, head: string) => `${head}${MASK}"`)
    .replace(URL_USERINFO, (_m, scheme: string) => `${scheme}${MASK}@`);
  for (const value of known) {
    for (const form of secretForms(value)) {
      out = out.split(form).join(MASK);
    }
  }
  return out;
}

/**
 * The exact values one output must never print. Used by the client (its secret and recent
 * tokens) and by the extension's log (every secret the host has seen), so there is one registry.
 */
export class SecretRegistry {
  private readonly kept: string[] = [];
  private readonly recent: string[] = [];

  /** `maxRecent`: how many `addRecent` values are remembered (the oldest is forgotten first). */
  constructor(private readonly maxRecent = Number.POSITIVE_INFINITY) {}

  /** Masked from now on, for good (a secret). Too short values are ignored. */
  add(value: string): void {
    if (value.length >= MIN_SECRET_LENGTH && !this.kept.includes(value)) {
      this.kept.push(value);
    }
  }

  /** Masked from now on, among the latest `maxRecent` such values (access tokens). */
  addRecent(value: string): void {
    if (value.length >= MIN_SECRET_LENGTH && !this.recent.includes(value)) {
      this.recent.push(value);
      if (this.recent.length > this.maxRecent) {
        this.recent.shift();
      }
    }
  }

  values(): readonly string[] {
    return [...this.kept, ...this.recent];
  }

  redact(text: string): string {
    return redactSecrets(text, this.values());
  }
}

/** The exact values one client must never print: its secret and the tokens it received (recent ones). */
export class KnownSecrets extends SecretRegistry {
  constructor(secret: string) {
    super(20);
    this.add(secret);
  }

  addToken(token: string): void {
    this.addRecent(token);
  }
}
