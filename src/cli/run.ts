/**
 * Runs one wecom-stats command: parse, pick the server (real or the built-in demo), fetch through
 * the shared client, print. Every failure becomes one line on stderr and an exit status; no stack
 * trace, and the secret is masked from anything printed.
 */
import { missingDaysError } from '../wecom/errors';
import { redactSecrets } from '../wecom/redact';
import type { CallOptions, StatisticsClient } from '../wecom/types';
import { parseCommandLine } from './args';
import type { CliCommand } from './args';
import type { CliEnv } from './clientSettings';
import { connect, type Connection } from './connection';
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
  /** A line for a person watching (sync's plan); the entry shows it on an interactive stderr. */
  readonly info?: (text: string) => void;
}

export type { CliEnv };

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
    if ((command.kind !== 'owners' && command.kind !== 'by-day') || command.store !== undefined) {
      // The history commands (and owners/by-day --store) open the store, and connect only when they need to.
      // Evaluated on first use, so owners and by-day never load the store's engines (SQLite's
      // wasm); "eager" keeps it in cli.js, beside which the wasm file is found (not in chunks/).
      const { runStoreCommand } = await import(/* webpackMode: "eager" */ './storeCommands');
      io.out(await runStoreCommand(command, env, io, secrets));
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

async function execute(
  command: Extract<CliCommand, { kind: 'owners' | 'by-day' }>,
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
export function oneLine(text: string, secrets: readonly string[]): string {
  return redactSecrets(text.replace(/\s*[\r\n]+\s*/g, ' ').trim(), secrets);
}
