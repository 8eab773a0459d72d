/**
 * One HTTP request to the WeCom API, turned into either a successful JSON reply or a WeComError,
 * with one log entry per request. Axios errors are translated here and never escape: their
 * config and request objects hold the URL with the token or secret.
 */
import { performance } from 'node:perf_hooks';
import type { Agent } from 'node:http';
import axios, { type AxiosInstance } from 'axios';
import { inputError, WeComError } from './errors';
import { isUsableProxyUrl, proxyForUrl, type ProxyEnv } from './proxy';
import { redactSecrets } from './redact';
import { numericValue } from './replies';
import type { RequestLogEntry, WeComReply } from './types';
import type { DayRange } from '../shared/days';

export interface TransportOptions {
  /** Without a trailing slash (the client strips it once, as it also keys tokens by it). */
  readonly baseUrl: string;
  /** Deadline of one attempt: connect, headers and the whole body. */
  readonly timeoutMs: number;
  /** Bodies above this are refused while they stream in, so memory stays bounded. */
  readonly maxReplyBytes: number;
  readonly proxy?: string;
  /** Environment for HTTPS_PROXY/NO_PROXY; `process.env` by default. */
  readonly env?: ProxyEnv;
  readonly onRequestLog?: (entry: RequestLogEntry) => void;
  /** Exact secret values to mask in any text that is logged or thrown (the secret, issued tokens). */
  readonly knownSecrets: () => readonly string[];
}

export interface ApiRequest {
  readonly method: 'GET' | 'POST';
  /** Path without query, e.g. `/cgi-bin/gettoken`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly signal?: AbortSignal;
  /** 1 for the first try; reported in the log. */
  readonly attempt: number;
  /** Owner ids of this request, for hints about user ids and the log line. */
  readonly owners?: readonly string[];
  /** The days this request asks about, for the log line. */
  readonly range?: DayRange;
}

export class Transport {
  private readonly http: AxiosInstance;
  private readonly host: string;
  private readonly proxyUrl: string | undefined;
  private proxyAgent: Promise<Agent> | undefined;

  constructor(private readonly options: TransportOptions) {
    const { baseUrl } = options;
    this.proxyUrl = checkedProxyUrl(proxyForUrl(baseUrl, options.proxy, options.env ?? process.env));
    this.http = axios.create({
      baseURL: baseUrl,
      // No idle timeout: the attempt's deadline signal (see send) also covers a dripping body.
      proxy: false,
      maxContentLength: options.maxReplyBytes,
      // WeCom never redirects; following one could carry the token to another host.
      maxRedirects: 0,
      responseType: 'text',
      validateStatus: () => true,
      transitional: { clarifyTimeoutError: true },
    });
    this.host = safeHost(baseUrl);
  }

  async send(request: ApiRequest): Promise<WeComReply> {
    const started = performance.now();
    const log = (fields: Omit<RequestLogEntry, 'endpoint' | 'durationMs' | 'attempt'>): void => {
      this.options.onRequestLog?.({
        endpoint: request.path,
        durationMs: Math.round(performance.now() - started),
        attempt: request.attempt,
        owners: request.owners,
        range: request.range,
        ...fields,
        message: fields.message === undefined ? undefined : this.redact(fields.message),
      });
    };
    let status: number;
    let text: string;
    // Axios' own timeout is idle time; this deadline holds from connect to the last byte.
    const deadline = AbortSignal.timeout(this.options.timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, deadline]) : deadline;
    try {
      const agent = this.proxyUrl ? await this.agentFor(this.proxyUrl) : undefined;
      const response = await this.http.request<string>({
        method: request.method,
        url: request.path,
        params: request.query,
        data: request.body,
        signal,
        httpAgent: agent,
        httpsAgent: agent,
      });
      status = response.status;
      text = typeof response.data === 'string' ? response.data : '';
    } catch (err: unknown) {
      const failure = this.translateFailure(err, request, deadline.aborted);
      log({ message: failure.errmsg || failure.kind });
      throw failure;
    }
    const reply = parseReply(text);
    if (status !== 200 || reply === undefined) {
      const errmsg = status === 200 ? 'reply is not WeCom JSON' : `HTTP ${status}`;
      // A non-200 status is an HTTP failure whatever its body says: no errcode is reported.
      log({ status, message: errmsg });
      throw new WeComError({ kind: 'http', endpoint: request.path, status, errmsg });
    }
    const errmsg = this.redact(typeof reply.errmsg === 'string' ? reply.errmsg : '');
    log({ status, errcode: reply.errcode, message: errmsg });
    if (reply.errcode !== 0) {
      throw new WeComError({
        kind: 'api',
        endpoint: request.path,
        errcode: reply.errcode,
        errmsg,
        status,
        owners: request.owners,
      });
    }
    return reply;
  }

  /**
   * The CONNECT agent, loaded on first use: most users have no proxy, and the agent's code stays
   * out of the extension's startup. Axios' own proxy support is off (`proxy: false`): the client
   * chooses the proxy itself (explicit setting, then HTTPS_PROXY/NO_PROXY) and always tunnels.
   */
  private agentFor(proxyUrl: string): Promise<Agent> {
    this.proxyAgent ??= import(/* webpackChunkName: "proxy-agent" */ 'https-proxy-agent').then(
      ({ HttpsProxyAgent }) => new HttpsProxyAgent(proxyUrl),
    );
    return this.proxyAgent;
  }

  private redact(text: string): string {
    return redactSecrets(text, this.options.knownSecrets());
  }

  private translateFailure(err: unknown, request: ApiRequest, pastDeadline: boolean): WeComError {
    const endpoint = request.path;
    if (request.signal?.aborted) {
      return new WeComError({ kind: 'aborted', endpoint });
    }
    if (pastDeadline) {
      return new WeComError({
        kind: 'timeout',
        endpoint,
        errmsg: `no complete reply within ${this.options.timeoutMs} ms`,
      });
    }
    const code = axios.isAxiosError(err) ? err.code : undefined;
    const message = this.redact(err instanceof Error ? err.message : String(err));
    if (code === 'ETIMEDOUT' || code === 'ECONNABORTED' || axios.isCancel(err)) {
      return new WeComError({ kind: 'timeout', endpoint, errmsg: message });
    }
    if (message.includes('maxContentLength')) {
      return new WeComError({
        kind: 'malformed',
        endpoint,
        reason: 'tooLarge',
        errmsg: `reply larger than ${this.options.maxReplyBytes} bytes`,
      });
    }
    if (axios.isAxiosError(err) && err.response) {
      // Headers arrived, then the connection ended before the body did.
      const status = err.response.status;
      return new WeComError({ kind: 'malformed', endpoint, status, reason: 'cutOff', errmsg: message });
    }
    return new WeComError({ kind: 'network', endpoint, errmsg: message, host: this.host });
  }
}

function parseReply(text: string): WeComReply | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return undefined;
    }
    const errcode = numericValue((value as Record<string, unknown>)['errcode']);
    if (errcode !== undefined) {
      return { ...(value as Record<string, unknown>), errcode };
    }
  } catch {
    // Not JSON (an HTML error page from a relay, an empty body): the caller reports 'http'.
  }
  return undefined;
}

/** A proxy URL that cannot be parsed is the user's input to fix, said before any request. */
function checkedProxyUrl(proxyUrl: string | undefined): string | undefined {
  if (proxyUrl === undefined) {
    return undefined;
  }
  if (!isUsableProxyUrl(proxyUrl)) {
    const shown = redactSecrets(proxyUrl);
    throw inputError({
      en: `The proxy "${shown}" is not a valid proxy URL. Write it as http://host:port (or host:port), with user:password@ before the host if the proxy needs a login.`,
      zh: `代理“${shown}”不是有效的代理地址。请写成 http://主机:端口（或 主机:端口）；若代理需要登录，在主机前加 用户名:密码@。`,
    });
  }
  return proxyUrl;
}

function safeHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return redactSecrets(baseUrl);
  }
}
