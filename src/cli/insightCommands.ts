/**
 * rollup and rank: read the history store, fetch first what it lacks (the sync planner's plan,
 * its call count on stderr before any call), then hand the stored figures to src/analysis.
 * --no-fetch never calls WeCom: it names the days the store lacks and stops (exit 2).
 */
import { rankOwners, rankRange, topOwners } from '../analysis/rank';
import { previousRange } from '../analysis/periods';
import { rollupCuts, rollupRange, rollupRuns } from '../analysis/rollup';
import { listDays, type CstDay, type DayRange } from '../shared/days';
import type { HistoryStore, StoreScope } from '../store/types';
import { planSync } from '../sync/sync';
import type { CliEnv } from './clientSettings';
import { connect, ownersOrAll, type Connection } from './connection';
import { planLine } from './historyFormat';
import type { InsightCommand } from './insightArgs';
import { formatRank, formatRollup } from './insightFormat';
import { readForRank } from '../sync/rankRead';
import type { CliIo } from './run';
import { runPlan } from './runPlan';
import { UsageError } from './usage';

export async function runInsight(
  command: InsightCommand,
  store: HistoryStore,
  scope: StoreScope,
  env: CliEnv,
  io: CliIo,
  secrets: string[],
): Promise<string> {
  // What the figures read: a roll-up also the day before (its change), a ranking also the
  // previous period of the same length (the previous rank).
  const load = command.kind === 'rollup' ? rollupRange(command.range) : rankRange(command.range);
  // The days that must be stored for --no-fetch: a roll-up's change is null without the day before.
  const needed = command.kind === 'rollup' ? command.range : load;
  let connection: Connection | undefined;
  try {
    let owners = command.owners;
    if (command.noFetch) {
      owners ??= await store.owners(scope);
      const missing = await missingDays(store, scope, needed, owners);
      if (missing.length > 0) {
        throw new UsageError(
          `--no-fetch: the store lacks ${describeDays(missing)} for some owners; ` +
            'run without --no-fetch (or wecom-stats sync) to fetch them',
        );
      }
    } else {
      connection = await connect(command, env, io);
      secrets.push(connection.secret);
      owners = await ownersOrAll(owners, connection, io.signal);
      await fetchMissing(connection, store, scope, load, owners, io);
      const missing = await missingDays(store, scope, needed, owners);
      if (missing.length > 0) {
        io.err(
          `Note: neither the store nor WeCom (180 days) has ${describeDays(missing)} for every owner.\n`,
        );
      }
    }
    if (command.kind === 'rollup') {
      // Runs between the periods' first days: a subset of the owners reads block sums, not atoms.
      const cuts = rollupCuts(command.range, command.by);
      const items = rollupRuns(
        await store.sumByRuns(scope, { ...load, owners, cuts }),
        command.range,
        command.by,
      );
      return formatRollup(
        { by: command.by, range: command.range, owners: owners.length, items },
        command.format,
      );
    }
    const atoms = await readForRank(store, scope, command.metric, command.range, owners);
    const ranked = rankOwners(atoms, { metric: command.metric, range: command.range, owners });
    return formatRank(
      {
        metric: command.metric,
        range: command.range,
        previous: previousRange(command.range),
        bottom: command.bottom,
        items: topOwners(ranked, command.top, command.bottom),
      },
      command.format,
    );
  } finally {
    await connection?.close();
  }
}

async function fetchMissing(
  connection: Connection,
  store: HistoryStore,
  scope: StoreScope,
  load: DayRange,
  owners: readonly string[],
  io: CliIo,
): Promise<void> {
  const now = io.now ?? Date.now;
  const plan = await planSync(store, scope, { days: listDays(load), owners, nowMs: now() });
  // The count first, before any statistics call.
  io.err(`${planLine(plan)}\n`);
  if (plan.calls === 0) {
    return;
  }
  await runPlan(connection, store, scope, plan, io);
}

/** Days of `range` the store lacks for at least one of `owners` (present or absent atoms count). */
async function missingDays(
  store: HistoryStore,
  scope: StoreScope,
  range: DayRange,
  owners: readonly string[],
): Promise<CstDay[]> {
  if (owners.length === 0) {
    return [];
  }
  const stored = new Map<CstDay, number>();
  for (const entry of await store.coverage(scope, { ...range, owners })) {
    stored.set(entry.day, (stored.get(entry.day) ?? 0) + 1);
  }
  return listDays(range).filter((day) => (stored.get(day) ?? 0) < owners.length);
}

function describeDays(days: readonly CstDay[]): string {
  const shown =
    days.length <= 5 ? days.join(', ') : `${days.slice(0, 5).join(', ')} and ${days.length - 5} more`;
  return `${days.length === 1 ? 'the day' : `${days.length} days`} ${shown}`;
}
