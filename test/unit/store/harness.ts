/**
 * The engines the store's tests run against: the embedded file always, PostgreSQL when
 * WECOM_TEST_PG_URL names a server. In CI (CI=1 or WECOM_REQUIRE_PG=1) a missing URL fails the
 * run instead of skipping the PostgreSQL half silently.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { openHistoryStore, type OpenOptions } from '../../../src/store/open';
import type { HistoryStore, StoreScope } from '../../../src/store/types';
import type { SqlEngine } from '../../../src/store/sql';
import { SqliteEngine } from '../../../src/store/sqlite';
import { PostgresEngine } from '../../../src/store/postgres';
import { METRIC_KEYS, type GroupChatStats } from '../../../src/shared/metrics';

export const PG_URL = process.env.WECOM_TEST_PG_URL;
export const PG_REQUIRED =
  process.env.CI === '1' || process.env.CI === 'true' || process.env.WECOM_REQUIRE_PG === '1';

/** One place a store lives during a test; `reopen` opens the same place again. */
export interface Place {
  open(options?: OpenOptions): Promise<HistoryStore>;
  dispose(): Promise<void>;
  /** The bare engine on the same place, for tests that write SQL of an older schema. */
  engine(): Promise<SqlEngine>;
  /** The file (embedded) or URL (PostgreSQL). */
  readonly location: string;
  readonly options: OpenOptions;
}

export interface EngineCase {
  readonly name: 'sqlite' | 'postgres';
  /** Undefined when the engine is unavailable here (PostgreSQL without a URL outside CI). */
  readonly available: boolean;
  place(): Promise<Place>;
}

export const SQLITE: EngineCase = {
  name: 'sqlite',
  available: true,
  async place() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wecom-store-'));
    const location = path.join(dir, 'history.db');
    const options: OpenOptions = { busyTimeoutMs: 20_000 };
    return {
      location,
      options,
      open: (extra) => openHistoryStore(location, { ...options, ...extra }),
      engine: async () => new SqliteEngine(location, options),
      dispose: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  },
};

export const POSTGRES: EngineCase = {
  name: 'postgres',
  available: PG_URL !== undefined && PG_URL !== '',
  async place() {
    const url = PG_URL as string;
    // Each test gets a schema of its own, so runs (and the three time zones) never share rows.
    const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const options: OpenOptions = { schema, max: 4 };
    return {
      location: url,
      options,
      open: (extra) => openHistoryStore(url, { ...options, ...extra }),
      engine: () => PostgresEngine.connect(url, options),
      dispose: async () => {
        const client = new Client({ connectionString: url });
        await client.connect();
        try {
          await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        } finally {
          await client.end();
        }
      },
    };
  },
};

export const ENGINES: readonly EngineCase[] = [SQLITE, POSTGRES];

/**
 * Declares `body` for each engine. For PostgreSQL without a URL: a failing test in CI, a
 * pending one elsewhere (visible in the report, never silent).
 */
export function forEachEngine(
  title: string,
  body: (engine: EngineCase) => void,
  only?: EngineCase['name'],
): void {
  for (const engine of ENGINES.filter((e) => only === undefined || e.name === only)) {
    suite(`${title} (${engine.name})`, function () {
      if (!engine.available) {
        if (PG_REQUIRED) {
          test('WECOM_TEST_PG_URL names a PostgreSQL server (required in CI)', () => {
            throw new Error(
              'WECOM_TEST_PG_URL is not set: run scripts/start-test-postgres.sh and export its URL',
            );
          });
        } else {
          test(
            'skipped: set WECOM_TEST_PG_URL (see scripts/start-test-postgres.sh) to run against PostgreSQL',
          );
        }
        return;
      }
      body(engine);
    });
  }
}

export const SCOPE: StoreScope = {
  key: 'scope-a',
  apiBaseUrl: 'https://qyapi.weixin.qq.com',
  corpId: 'ww1',
  app: 'app-1a2b',
};
export const OTHER_SCOPE: StoreScope = {
  key: 'scope-b',
  apiBaseUrl: 'http://127.0.0.1:8080',
  corpId: 'ww1',
  app: 'app-9f9f',
};

/** Figures that differ per field, so a swapped column shows. */
export function stats(base: number): GroupChatStats {
  const data = {} as GroupChatStats;
  METRIC_KEYS.forEach((key, i) => (data[key] = base + i));
  return data;
}

/** ms of a UTC ISO time, for pinning fetch times. */
export function at(iso: string): number {
  return Date.parse(iso);
}

/**
 * A fresh store for each test of the suite: opened in setup, closed and removed in teardown.
 * `use` hands the suite the place and the store as each test starts.
 */
export function storePerTest(engine: EngineCase, use: (place: Place, store: HistoryStore) => void): void {
  let place: Place | undefined;
  let store: HistoryStore | undefined;
  setup(async () => {
    place = await engine.place();
    store = await place.open();
    use(place, store);
  });
  teardown(async () => {
    await store?.close();
    await place?.dispose();
  });
}
