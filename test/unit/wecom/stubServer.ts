/**
 * A tiny scriptable HTTP server for what the fake WeCom server does not do on purpose: replies
 * that break the documented shape, paging that never advances, slow replies, a CONNECT proxy.
 */
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface StubReply {
  readonly status?: number;
  /** Sent as JSON unless `text` is given. */
  readonly json?: unknown;
  readonly text?: string;
  readonly delayMs?: number;
  /** Writes the whole reply itself (a body cut off, dripped or oversized); the rest is then unused. */
  readonly respond?: (res: http.ServerResponse) => void;
}

export interface StubRequest {
  readonly path: string;
  readonly query: URLSearchParams;
  readonly url: string;
  readonly body: unknown;
}

export interface Stub {
  readonly url: string;
  readonly requests: StubRequest[];
  close(): Promise<void>;
}

export async function startStub(handler: (req: StubRequest) => StubReply): Promise<Stub> {
  const requests: StubRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stub');
      const text = Buffer.concat(chunks).toString('utf8');
      const request: StubRequest = {
        path: url.pathname,
        query: url.searchParams,
        url: req.url ?? '',
        body: text ? (JSON.parse(text) as unknown) : undefined,
      };
      requests.push(request);
      const reply = handler(request);
      const send = (): void => {
        if (res.destroyed) {
          return;
        }
        if (reply.respond) {
          reply.respond(res);
          return;
        }
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
        res.end(reply.text ?? JSON.stringify(reply.json ?? {}));
      };
      if (reply.delayMs) {
        setTimeout(send, reply.delayMs);
      } else {
        send();
      }
    });
  });
  return listen(server, requests);
}

export interface ConnectProxy {
  readonly url: string;
  /** `host:port` of every CONNECT request received. */
  readonly tunnels: string[];
  close(): Promise<void>;
}

/** A CONNECT proxy that tunnels every request to `target` (whatever host was asked for). */
export async function startConnectProxy(target: { host: string; port: number }): Promise<ConnectProxy> {
  const tunnels: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((_req, res) => {
    res.writeHead(405);
    res.end();
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    tunnels.push(req.url ?? '');
    const upstream = net.connect(target.port, target.host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
  });
  const port = await new Promise<number>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}

async function listen(server: http.Server, requests: StubRequest[]): Promise<Stub> {
  const port = await new Promise<number>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
