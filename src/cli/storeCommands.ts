/**
 * The history commands: sync, history (with export and import) and reconcile. Each opens the
 * store named by --store (else WECOM_STORE, else the XDG data file); only sync and reconcile
 * connect to WeCom. Output is returned whole, so stdout stays empty unless the command completed;
 * only export streams, since a store may hold millions of atoms.
 */
import { DEMO_CORP_ID, DEMO_CORP_SECRET } from '../demo/fakeServer';
import { lastNDays, listDays } from '../shared/days';
import { defaultStorePath, isPostgresUrl, openHistoryStore } from '../store/open';
import type { HistoryStore, StoreScope } from '../store/types';
import { reconcileDay } from '../sync/reconcile';
import { DEMO_SCOPE_BASE, scopeFor } from '../sync/scope';
import { ownerDayFromStore } from '../sync/ownerDay';
import { byDayWithStore } from '../sync/storedByDay';
import { sortOwnerTotals } from '../wecom/statistics';
import { planSync } from '../sync/sync';
import type { CliCommand } from './args';
import type { CliEnv } from './clientSettings';
import { apiBaseOf, connect, credentialsOf, ownersOrAll, type Connection } from './connection';
import { readExport, writeExport } from './exchange';
import { formatByDay, formatOwners } from './format';
import { StoreOpenError } from './failures';
import { formatHistory, formatPlan, formatReconcile, formatSyncResult, planLine } from './historyFormat';
import type { InsightCommand } from './insightArgs';
import { runInsight } from './insightCommands';
import type { CliIo } from './run';
import { runPlan } from './runPlan';
import type { StoreCommand } from './storeArgs';

/** by-day with --store: stored days first, the rest fetched; owners with --store: one day, likewise. */
type StoredByDayCommand = Extract<CliCommand, { kind: 'by-day' }>;
type StoredOwnersCommand = Extract<CliCommand, { kind: 'owners' }>;

export async function runStoreCommand(
  command: StoreCommand | StoredByDayCommand | StoredOwnersCommand | InsightCommand,
  env: CliEnv,
  io: CliIo,
  secrets: string[],
): Promise<string> {
  const location = command.store ?? defaultStorePath(env as NodeJS.ProcessEnv);
  secrets.push(...passwordsIn(location));
  let store: HistoryStore | undefined;
  let connection: Connection | undefined;
  try {
    // Checked before the store is opened: a missing credential is a usage error, not a store error.
    const scope =
      command.kind === 'history-export' || command.kind === 'history-import'
        ? undefined
        : scopeOf(command.demo, env);
    store = await openStore(location, env);
    switch (command.kind) {
      case 'history': {
        const atoms = await store.getAtoms(scope as StoreScope, { ...command.range, owners: command.owners });
        return formatHistory(command.range, atoms, command.format);
      }
      case 'history-export': {
        // Streamed: written page by page as the store yields rows.
        await writeExport(store.exportAll(), command.format, io.out);
        return '';
      }
      case 'rollup':
      case 'rank':
        // Connects only when the store lacks days (and --no-fetch is not given).
        return await runInsight(command, store, scope as StoreScope, env, io, secrets);
      case 'history-import': {
        // Checked whole first, so a bad line leaves the store as it was.
        let rows = 0;
        for await (const _row of readExport(command.file)) {
          rows++;
        }
        const put = await store.importRows(readExport(command.file));
        return `Imported ${rows} row(s) from ${command.file}: ${put.inserted} new, ${put.revised} revised, ${put.unchanged} unchanged.\n`;
      }
      default: {
        // sync, reconcile and by-day: the ones that ask WeCom.
        connection = await connect(command, env, io);
        secrets.push(connection.secret);
        if (command.kind === 'by-day') {
          return await byDay(command, connection, store, scope as StoreScope, io);
        }
        if (command.kind === 'owners') {
          return await ownersDay(command, connection, store, scope as StoreScope, io);
        }
        return command.kind === 'sync'
          ? await sync(command, connection, store, scope as StoreScope, io)
          : await reconcile(command, connection, store, scope as StoreScope, io);
      }
    }
  } finally {
    await connection?.close();
    await store?.close();
  }
}

async function sync(
  command: Extract<StoreCommand, { kind: 'sync' }>,
  connection: Connection,
  store: HistoryStore,
  scope: StoreScope,
  io: CliIo,
): Promise<string> {
  const now = io.now ?? Date.now;
  const owners = await connection.client.listFollowUsers({ signal: io.signal });
  const nowMs = now();
  const days = listDays(lastNDays(command.days, nowMs));
  const plan = await planSync(store, scope, { days, owners, recheck: command.recheck, nowMs });
  if (command.dryRun) {
    return formatPlan(plan, command.format);
  }
  io.info?.(`${planLine(plan)}\n`);
  const result = await runPlan(connection, store, scope, plan, io);
  return formatSyncResult(plan, result, command.format);
}

async function byDay(
  command: StoredByDayCommand,
  connection: Connection,
  store: HistoryStore,
  scope: StoreScope,
  io: CliIo,
): Promise<string> {
  const result = await byDayWithStore(
    connection.client,
    store,
    scope,
    { ...command.range, owners: command.owners, nowMs: (io.now ?? Date.now)() },
    { signal: io.signal, onProgress: io.progress && ((p) => io.progress?.(p.done, p.total)) },
  );
  return formatByDay({ range: command.range, owners: command.owners, items: result.total }, command.format);
}

async function ownersDay(
  command: StoredOwnersCommand,
  connection: Connection,
  store: HistoryStore,
  scope: StoreScope,
  io: CliIo,
): Promise<string> {
  const options = { signal: io.signal };
  const owners = await ownersOrAll(command.owners, connection, io.signal);
  const result = await ownerDayFromStore(connection.client, store, scope, owners, command.range.from, {
    ...options,
    onProgress: io.progress && ((p) => io.progress?.(p.done, p.total)),
    now: io.now ?? Date.now,
  });
  const items = sortOwnerTotals(result.totals, command.sortBy, command.ascending);
  return formatOwners(
    { range: command.range, items, sortBy: command.sortBy, ascending: command.ascending },
    command.format,
  );
}

async function reconcile(
  command: Extract<StoreCommand, { kind: 'reconcile' }>,
  connection: Connection,
  store: HistoryStore,
  scope: StoreScope,
  io: CliIo,
): Promise<string> {
  const options = { signal: io.signal };
  const owners = await ownersOrAll(command.owners, connection, io.signal);
  const result = await reconcileDay(connection.client, store, scope, { date: command.date, owners }, options);
  return formatReconcile(result, command.format);
}

/** The store part of this source: (API base URL, corp ID, app), or the demo corp's. */
function scopeOf(demo: boolean, env: CliEnv): StoreScope {
  if (demo) {
    return scopeFor({ apiBaseUrl: DEMO_SCOPE_BASE, corpId: DEMO_CORP_ID, corpSecret: DEMO_CORP_SECRET });
  }
  const { corpId, corpSecret } = credentialsOf(env);
  return scopeFor({ apiBaseUrl: apiBaseOf(env), corpId, corpSecret });
}

async function openStore(location: string, env: CliEnv): Promise<HistoryStore> {
  try {
    return await openHistoryStore(location, { password: env.PGPASSWORD });
  } catch (err: unknown) {
    throw new StoreOpenError(location, err);
  }
}

/** A password written into a postgres:// URL is masked from every message. */
function passwordsIn(location: string): string[] {
  if (!isPostgresUrl(location)) {
    return [];
  }
  try {
    const password = decodeURIComponent(new URL(location).password);
    return password ? [password] : [];
  } catch {
    return [];
  }
}
