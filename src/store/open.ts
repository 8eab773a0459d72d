/**
 * Opening a store by where it lives: a `postgres://` (or `postgresql://`) URL names the team
 * server, anything else is the path of the embedded file.
 */
import * as path from 'node:path';
import * as os from 'node:os';
import { PostgresEngine, type PostgresOptions } from './postgres';
import { SqliteEngine, type SqliteOptions } from './sqlite';
import { SqlHistoryStore } from './sqlStore';
import type { HistoryStore } from './types';

export interface OpenOptions extends SqliteOptions, PostgresOptions {
  /** Migrate only up to this schema version (tests of the migrations). */
  readonly schemaVersion?: number;
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

export async function openHistoryStore(location: string, options: OpenOptions = {}): Promise<HistoryStore> {
  const engine = isPostgresUrl(location)
    ? await PostgresEngine.connect(location, options)
    : new SqliteEngine(location, options);
  return SqlHistoryStore.open(engine, options.schemaVersion);
}

/**
 * The CLI's store: `WECOM_STORE` when set, else `$XDG_DATA_HOME/wecom-group-stats/history.db`
 * (XDG's default `~/.local/share` when unset). A `--store` flag overrides both.
 */
export function defaultStorePath(env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  if (env.WECOM_STORE) {
    return env.WECOM_STORE;
  }
  const dataHome =
    env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME)
      ? env.XDG_DATA_HOME
      : path.join(home, '.local', 'share');
  return path.join(dataHome, 'wecom-group-stats', 'history.db');
}
