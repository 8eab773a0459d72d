/**
 * Runs one wecom-stats command: parse, pick the server (real or the built-in demo), fetch through
 * the shared client, print. Every failure becomes one line on stderr and an exit status; no stack
 * trace, and the secret is masked from anything printed.
 */
import { startFakeWeComServer } from '../demo/fakeServer';
import type { FakeWeComServer } from '../demo/fakeServer';
import { WeComClient } from '../wecom/client';
import { missingDaysError } from '../wecom/errors';
import { redactSecrets } from '../wecom/redact';
import { DEFAULT_API_BASE } from '../wecom/types';
import type { CallOptions, StatisticsClient, WeComClientOptions } from '../wecom/types';
import { UsageError, parseCommandLine } from './args';
import type { CliCommand } from './args';
import { checkProxyEnv, resolveClientSettings, type CliEnv } from './clientSettings';
import { EXIT_API, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, exitStatusOf, messageOf } from './failures';
import { formatByDay, formatOwners } from './format';

export { EXIT_API, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE };

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Aborts the running command (Ctrl+C). */
  readonly signal?: AbortSignal;
  /** Requests done/total while fetching (the entry shows it on an interactive stderr). */
  readonly progress?: (done: number, total: number) => void;
  /** Clock seam (ms) for tests; decides "yesterday" and the allowed window. */
  readonly now?: () => number;
  /** Test seam: a shorter retry backoff, so retried faults do not slow the suite down. */
  readonly backoffBaseMs?: number;
}

export type { CliEnv };

interface Connection {
  readonly client: StatisticsClient;
  readonly secret: string;
  readonly close: () => Promise<void>;
}

export async function run(argv: readonly string[], env: CliEnv, io: CliIo): Promise<number> {
  const now = io.now ?? Date.now;
  // The environment's secret stays masked even when --demo brings a secret of its own.
  const secrets = [env.WECOM_CORP_SECRET?.trim() ?? ''];
  let connection: Connection | undefined;
  try {
    const command = parseCommandLine(argv, now());
    if (command.kind === 'help') {
      io.out(command.text);
      return EXIT_OK;
    }
    connection = await connect(command, env, io);
    secrets.push(connection.secret);
    const options: CallOptions = {
      signal: io.signal,
      onProgress: io.progress && ((p) => io.progress?.(p.done, p.total)),
    };
    io.out(await execute(command, connection.client, options));
    return EXIT_OK;
  } catch (err) {
    io.err(`wecom-stats: ${oneLine(messageOf(err), secrets)}\n`);
    return exitStatusOf(err);
  } finally {
    await connection?.close();
  }
}

async function connect(
  command: Exclude<CliCommand, { kind: 'help' }>,
  env: CliEnv,
  io: CliIo,
): Promise<Connection> {
  const settings = resolveClientSettings(command.client, env);
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
    return { client, secret: server.corpSecret, close: () => server.close() };
  }
  const corpId = env.WECOM_CORP_ID?.trim();
  const corpSecret = env.WECOM_CORP_SECRET?.trim();
  if (!corpId) {
    throw new UsageError('set WECOM_CORP_ID to your corp ID (ww…), or use --demo to try demo data');
  }
  if (!corpSecret) {
    throw new UsageError('set WECOM_CORP_SECRET to your app secret, or use --demo to try demo data');
  }
  const baseUrl = env.WECOM_API_BASE?.trim() || DEFAULT_API_BASE;
  if (!/^https?:\/\/[^\s/]+/i.test(baseUrl)) {
    throw new UsageError(`WECOM_API_BASE must be an http(s) URL, e.g. ${DEFAULT_API_BASE}`);
  }
  checkProxyEnv(baseUrl, env);
  // An http:// base URL to another host than loopback is refused here ('input', exit 2) unless allowed.
  const client = new WeComClient(
    { ...common, corpId, corpSecret, baseUrl, allowInsecureHttp: settings.allowInsecureHttp },
    { env },
  );
  return { client, secret: corpSecret, close: async () => undefined };
}

async function execute(
  command: Exclude<CliCommand, { kind: 'help' }>,
  client: StatisticsClient,
  options: CallOptions,
): Promise<string> {
  if (command.kind === 'owners') {
    const items = await client.getOwnerTotals(
      {
        from: command.range.from,
        to: command.range.to,
        owners: command.owners,
        sortBy: command.sortBy,
        ascending: command.ascending,
      },
      options,
    );
    return formatOwners(
      { range: command.range, items, sortBy: command.sortBy, ascending: command.ascending },
      command.format,
    );
  }
  const result = await client.getByDay(
    { from: command.range.from, to: command.range.to, owners: command.owners },
    options,
  );
  if (result.missingDays.length > 0) {
    // Nothing partial on stdout: a sum that lacks an owner batch would read as the whole.
    throw missingDaysError(result.missingDays);
  }
  return formatByDay({ range: command.range, owners: command.owners, items: result.total }, command.format);
}

/** One line, with the secrets and any token-looking parameter masked. */
function oneLine(text: string, secrets: readonly string[]): string {
  return redactSecrets(text.replace(/\s*[\r\n]+\s*/g, ' ').trim(), secrets);
}
