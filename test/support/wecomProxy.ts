/**
 * A small HTTP proxy in front of the fake WeCom server (real HTTP on 127.0.0.1) that can rewrite,
 * replace or delay chosen replies: what a misbehaving WeCom does that the fake does not do on its
 * own (a by-day reply of one owner batch that leaves a day out, a malformed reply). Used by the
 * chart's unit tests and, inside the extension host, by its integration tests.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  readonly path: string;
  readonly body: unknown;
  /** Arrival time (Date.now()). */
  readonly at: number;
}

/** What to do with one request: pass it on (maybe rewriting the reply), or answer it here. */
export interface ProxyAction {
  /** Rewrites the upstream JSON reply. */
  readonly transform?: (reply: Record<string, unknown>) => unknown;
  /** Answers this (JSON) without asking upstream. */
  readonly reply?: unknown;
  /** Waits this long before answering. */
  readonly delayMs?: number;
}

export interface WeComProxy {
  readonly url: string;
  readonly requests: ProxiedRequest[];
  /** Replaces the rule (undefined: pass everything through unchanged). */
  setRule(rule: ((req: ProxiedRequest) => ProxyAction | undefined) | undefined): void;
  close(): Promise<void>;
}

export async function startWeComProxy(
  target: string,
  rule?: (req: ProxiedRequest) => ProxyAction | undefined,
): Promise<WeComProxy> {
  const requests: ProxiedRequest[] = [];
  let current = rule;
  const upstream = new URL(target);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://proxy');
      let body: unknown;
      try {
        body = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : undefined;
      } catch {
        body = undefined;
      }
      const request: ProxiedRequest = { path: url.pathname, body, at: Date.now() };
      requests.push(request);
      const action = current?.(request) ?? {};
      const send = (status: number, text: string): void => {
        const go = (): void => {
          if (!res.destroyed) {
            res.writeHead(status, {
              'content-type': 'application/json; charset=UTF-8',
              'content-length': Buffer.byteLength(text),
            });
            res.end(text);
          }
        };
        if (action.delayMs) {
          setTimeout(go, action.delayMs);
        } else {
          go();
        }
      };
      if (action.reply !== undefined) {
        send(200, JSON.stringify(action.reply));
        return;
      }
      const forward = http.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
        },
        (up) => {
          const parts: Buffer[] = [];
          up.on('data', (c: Buffer) => parts.push(c));
          up.on('end', () => {
            let text = Buffer.concat(parts).toString('utf8');
            if (action.transform) {
              try {
                text = JSON.stringify(action.transform(JSON.parse(text) as Record<string, unknown>));
              } catch {
                // Not JSON: pass it on as it came.
              }
            }
            send(up.statusCode ?? 502, text);
          });
        },
      );
      forward.on('error', () => send(502, '{"errcode":-1,"errmsg":"proxy: upstream failed"}'));
      forward.end(raw);
    });
  });
  const port = await new Promise<number>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setRule: (next) => {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The owner ids of a statistics request body (`owner_filter.userid_list`). */
export function ownersOfBody(body: unknown): readonly string[] {
  const filter = (body as { owner_filter?: { userid_list?: unknown } } | undefined)?.owner_filter;
  return Array.isArray(filter?.userid_list) ? (filter.userid_list as string[]) : [];
}

/** A by-day reply without the item of the day starting at `statTime` (Unix seconds). */
export function withoutDay(statTime: number): (reply: Record<string, unknown>) => unknown {
  return (reply) => ({
    ...reply,
    items: Array.isArray(reply.items)
      ? (reply.items as { stat_time?: unknown }[]).filter((item) => item.stat_time !== statTime)
      : reply.items,
  });
}
