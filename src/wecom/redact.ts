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

/**
 * Masks token and secret parameters, JSON fields and URL credentials. `known` lists exact values
 * (the secret, tokens issued so far) to mask wherever they appear, e.g. echoed back in an errmsg.
 */
export function redactSecrets(text: string, known: readonly string[] = []): string {
  let out = text
    .replace(QUERY_SECRET, (_m, name: string) => `${name}=${MASK}`)
    .replace(JSON_SECRET, (_m, head: string) => `${head}${MASK}"`)
    .replace(URL_USERINFO, (_m, scheme: string) => `${scheme}${MASK}@`);
  for (const value of known) {
    // Very short values would mask ordinary words; real secrets and tokens are long.
    if (value.length >= 6) {
      out = out.split(value).join(MASK);
    }
  }
  return out;
}

/** The exact values one client must never print: its secret and the tokens it received (recent ones). */
export class KnownSecrets {
  private readonly tokens: string[] = [];

  constructor(private readonly secret: string) {}

  addToken(token: string): void {
    if (!this.tokens.includes(token)) {
      this.tokens.push(token);
      if (this.tokens.length > 20) {
        this.tokens.shift();
      }
    }
  }

  values(): readonly string[] {
    return [this.secret, ...this.tokens];
  }
}
