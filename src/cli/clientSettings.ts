/**
 * The client options a user can set for wecom-stats: request timeout, concurrency, plain http to a
 * relay, each from a flag or else from the environment (the flag wins), checked against the same
 * ranges as the extension's settings. A bad value is a usage error (exit 2) naming the allowed range.
 */
import { CONCURRENCY_RANGE, TIMEOUT_RANGE } from '../shared/clientLimits';
import { isUsableProxyUrl, proxyForUrl } from '../wecom/proxy';
import { UsageError } from './usage';

export type CliEnv = Readonly<Record<string, string | undefined>>;

/** What the command line said; undefined when the flag was not given. */
export interface ClientFlags {
  readonly timeoutMs?: number;
  readonly concurrency?: number;
  readonly allowInsecureHttp: boolean;
}

/** The options passed to WeComClient; undefined leaves the client's default. */
export interface ClientSettings {
  readonly timeoutMs?: number;
  readonly concurrency?: number;
  readonly allowInsecureHttp: boolean;
}

interface Range {
  readonly min: number;
  readonly max: number;
}

function boundedInteger(text: string, source: string, range: Range, unit: string): number {
  const trimmed = text.trim();
  const value = /^\d+$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isSafeInteger(value) || value < range.min || value > range.max) {
    throw new UsageError(
      `${source} must be a whole number of ${unit} from ${range.min} to ${range.max} (got ${JSON.stringify(text)})`,
    );
  }
  return value;
}

/** `--timeout MS` or WECOM_TIMEOUT_MS: the deadline of one request attempt. */
export function parseTimeout(text: string, source = '--timeout'): number {
  return boundedInteger(text, source, TIMEOUT_RANGE, 'milliseconds');
}

/** `--concurrency N` or WECOM_CONCURRENCY: WeCom requests in flight at once. */
export function parseConcurrency(text: string, source = '--concurrency'): number {
  return boundedInteger(text, source, CONCURRENCY_RANGE, 'requests');
}

function envText(env: CliEnv, name: string): string | undefined {
  const value = env[name];
  return value !== undefined && value.trim() !== '' ? value : undefined;
}

function envSwitch(env: CliEnv, name: string): boolean {
  const value = envText(env, name)?.trim().toLowerCase();
  if (value === undefined || value === '0' || value === 'false') {
    return false;
  }
  if (value === '1' || value === 'true') {
    return true;
  }
  throw new UsageError(`${name} must be 1 (on) or 0 (off)`);
}

export function resolveClientSettings(flags: ClientFlags, env: CliEnv): ClientSettings {
  // The flag wins: the variable is then not read (nor checked).
  const timeoutText = envText(env, 'WECOM_TIMEOUT_MS');
  const concurrencyText = envText(env, 'WECOM_CONCURRENCY');
  return {
    timeoutMs:
      flags.timeoutMs ??
      (timeoutText === undefined ? undefined : parseTimeout(timeoutText, 'WECOM_TIMEOUT_MS')),
    concurrency:
      flags.concurrency ??
      (concurrencyText === undefined ? undefined : parseConcurrency(concurrencyText, 'WECOM_CONCURRENCY')),
    allowInsecureHttp: flags.allowInsecureHttp || envSwitch(env, 'WECOM_ALLOW_INSECURE_HTTP'),
  };
}

/**
 * The proxy the environment gives for `baseUrl` must be an http(s) URL; otherwise the client
 * could not even be built. The value is not printed: a proxy URL may carry a password.
 */
export function checkProxyEnv(baseUrl: string, env: CliEnv): void {
  const proxy = proxyForUrl(baseUrl, undefined, env);
  if (proxy === undefined || isUsableProxyUrl(proxy)) {
    return;
  }
  const name =
    Object.keys(env).find((key) => {
      const value = env[key]?.trim();
      return /^(https?|all)_proxy$/i.test(key) && value && (proxy === value || proxy === `http://${value}`);
    }) ?? 'HTTPS_PROXY';
  throw new UsageError(`${name} is not a valid proxy URL: use http://host:port (or https://host:port)`);
}
