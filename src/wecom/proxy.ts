/**
 * Which proxy, if any, a request to the API base URL goes through. An explicit proxy option wins;
 * otherwise the usual environment variables apply (lower-case first, as curl reads them).
 */

export type ProxyEnv = Readonly<Record<string, string | undefined>>;

function envValue(env: ProxyEnv, name: string): string | undefined {
  const value = env[name.toLowerCase()] ?? env[name.toUpperCase()];
  return value && value.trim() ? value.trim() : undefined;
}

function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' || hostname === '::1' || hostname === '[::1]' || hostname.startsWith('127.')
  );
}

/**
 * NO_PROXY: comma- or space-separated entries; `*` matches everything; `host`, `.host` and `*.host`
 * match the host and its subdomains; `host:port` matches that port only.
 */
export function matchesNoProxy(hostname: string, port: number, noProxy: string | undefined): boolean {
  if (!noProxy) {
    return false;
  }
  const host = hostname.toLowerCase();
  return noProxy
    .split(/[\s,]+/)
    .filter(Boolean)
    .some((raw) => {
      if (raw === '*') {
        return true;
      }
      const m = /^(.+):(\d+)$/.exec(raw);
      if (m && Number(m[2]) !== port) {
        return false;
      }
      const entry = (m ? m[1] : raw).toLowerCase().replace(/^\*?\.?/, '');
      return entry !== '' && (host === entry || host.endsWith(`.${entry}`));
    });
}

/**
 * The proxy URL for `targetUrl`, or undefined for a direct connection. Loopback targets (the fake
 * server, a local relay) are always reached directly.
 */
export function proxyForUrl(
  targetUrl: string,
  explicitProxy: string | undefined,
  env: ProxyEnv,
): string | undefined {
  if (explicitProxy && explicitProxy.trim()) {
    return withScheme(explicitProxy.trim());
  }
  let url: URL;
  try {
    url = new URL(targetUrl);
  } catch {
    return undefined;
  }
  const scheme = url.protocol.replace(/:$/, '');
  const port = Number(url.port) || (scheme === 'https' ? 443 : 80);
  if (isLoopback(url.hostname) || matchesNoProxy(url.hostname, port, envValue(env, 'no_proxy'))) {
    return undefined;
  }
  const proxy = envValue(env, `${scheme}_proxy`) ?? envValue(env, 'all_proxy');
  if (!proxy) {
    return undefined;
  }
  return withScheme(proxy);
}

/** `host:port` means an HTTP proxy, as curl reads it (else `host:` would parse as a URL scheme). */
function withScheme(proxy: string): string {
  return proxy.includes('://') ? proxy : `http://${proxy}`;
}

/**
 * Why `baseUrl` may not be used, or undefined when it may: an `http://` URL to a host other than
 * loopback would carry the secret (gettoken) and every token across the network in clear text.
 */
export function insecureBaseUrlReason(baseUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' && !isLoopback(url.hostname) ? url.host : undefined;
}

/** A proxy the client can use: an http(s) URL with a host (the CONNECT agent speaks no SOCKS). */
export function isUsableProxyUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
