/**
 * The WeCom side of a command: the built-in demo server or the corp named by the environment,
 * behind the shared client. Shared by the commands that fetch (owners, by-day, sync, reconcile).
 */
import { startFakeWeComServer } from '../demo/fakeServer';
import type { FakeWeComServer } from '../demo/fakeServer';
import { CONCURRENCY_RANGE } from '../shared/clientLimits';
import { WeComClient } from '../wecom/client';
import { DEFAULT_API_BASE } from '../wecom/types';
import type { StatisticsClient, WeComClientOptions } from '../wecom/types';
import { checkProxyEnv, resolveClientSettings, type ClientFlags, type CliEnv } from './clientSettings';
import { UsageError } from './usage';

export interface Connection {
  readonly client: StatisticsClient;
  readonly secret: string;
  /** Requests in flight at once (the client's setting), for callers that pace their own work. */
  readonly concurrency: number;
  readonly close: () => Promise<void>;
}

/** The owners a command names (--owners), else every owner WeCom lists (one call). */
export async function ownersOrAll(
  owners: readonly string[] | undefined,
  connection: Connection,
  signal: AbortSignal | undefined,
): Promise<readonly string[]> {
  return owners ?? (await connection.client.listFollowUsers({ signal }));
}

/** What connect needs of the command line and of the run's seams. */
export interface ConnectFlags {
  readonly demo: boolean;
  readonly client: ClientFlags;
}

export interface ConnectSeams {
  readonly now?: () => number;
  readonly backoffBaseMs?: number;
}

/** WECOM_API_BASE (checked) or the default. */
export function apiBaseOf(env: CliEnv): string {
  const baseUrl = env.WECOM_API_BASE?.trim() || DEFAULT_API_BASE;
  if (!/^https?:\/\/[^\s/]+/i.test(baseUrl)) {
    throw new UsageError(`WECOM_API_BASE must be an http(s) URL, e.g. ${DEFAULT_API_BASE}`);
  }
  return baseUrl;
}

/** WECOM_CORP_ID and WECOM_CORP_SECRET, or a usage error naming the one missing. */
export function credentialsOf(env: CliEnv): { corpId: string; corpSecret: string } {
  const corpId = env.WECOM_CORP_ID?.trim();
  const corpSecret = env.WECOM_CORP_SECRET?.trim();
  if (!corpId) {
    throw new UsageError('set WECOM_CORP_ID to your corp ID (ww…), or use --demo to try demo data');
  }
  if (!corpSecret) {
    throw new UsageError('set WECOM_CORP_SECRET to your app secret, or use --demo to try demo data');
  }
  return { corpId, corpSecret };
}

export async function connect(command: ConnectFlags, env: CliEnv, io: ConnectSeams): Promise<Connection> {
  const settings = resolveClientSettings(command.client, env);
  const concurrency = settings.concurrency ?? CONCURRENCY_RANGE.default;
  const common: Pick<WeComClientOptions, 'timeoutMs' | 'concurrency' | 'now' | 'backoffBaseMs'> = {
    timeoutMs: settings.timeoutMs,
    concurrency: settings.concurrency,
    now: io.now ?? Date.now,
    backoffBaseMs: io.backoffBaseMs,
  };
  if (command.demo) {
    const server: FakeWeComServer = await startFakeWeComServer({ now: common.now });
    const client = new WeComClient({
      ...common,
      corpId: server.corpId,
      corpSecret: server.corpSecret,
      baseUrl: server.url,
    });
    return { client, secret: server.corpSecret, concurrency, close: () => server.close() };
  }
  const { corpId, corpSecret } = credentialsOf(env);
  const baseUrl = apiBaseOf(env);
  checkProxyEnv(baseUrl, env);
  // An http:// base URL to another host than loopback is refused here ('input', exit 2) unless allowed.
  const client = new WeComClient(
    { ...common, corpId, corpSecret, baseUrl, allowInsecureHttp: settings.allowInsecureHttp },
    { env },
  );
  return { client, secret: corpSecret, concurrency, close: async () => undefined };
}
