/**
 * The team engine: a PostgreSQL server several machines sync into. Writers of one scope take an
 * advisory lock on its key for their transaction, so two machines fetching the same atom with
 * different values run one after the other: the second sees the first's value and keeps the
 * older of the two as a revision, instead of both reading "nothing there" and one value vanishing.
 * Writers of different scopes do not wait for each other.
 */
import { Pool, type PoolClient } from 'pg';
import type { Row, SqlConn, SqlEngine } from './sql';

export interface PostgresOptions {
  /** The password when the URL has none (the extension's SecretStorage; `pg` reads PGPASSWORD itself). */
  readonly password?: string;
  /** A schema for the tables (created if missing); `public` by default. Tests use one each. */
  readonly schema?: string;
  /** Connections in the pool (default 4). */
  readonly max?: number;
}

class Conn implements SqlConn {
  readonly dialect = 'postgres';
  constructor(private readonly client: PoolClient) {}

  async all(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return (await this.client.query(sql, params as unknown[])).rows as Row[];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<void> {
    await this.client.query(sql, params as unknown[]);
  }
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export class PostgresEngine implements SqlEngine {
  readonly dialect = 'postgres';
  private readonly pool: Pool;

  private constructor(pool: Pool) {
    this.pool = pool;
  }

  static async connect(url: string, options: PostgresOptions = {}): Promise<PostgresEngine> {
    const schema = options.schema;
    if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
      throw new RangeError(`not a plain schema name: ${JSON.stringify(schema)}`);
    }
    const pool = new Pool({
      connectionString: url,
      password: options.password,
      max: options.max ?? 4,
      // Every connection resolves the tables in the chosen schema (validated above).
      options: schema ? `-c search_path=${schema}` : undefined,
    });
    // An idle client losing its server must not crash the host: the next query reports it.
    pool.on('error', () => undefined);
    try {
      if (schema) {
        await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      } else {
        await pool.query('SELECT 1');
      }
    } catch (err) {
      await pool.end();
      throw err;
    }
    return new PostgresEngine(pool);
  }

  async write<T>(lockKey: string, fn: (conn: SqlConn) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      try {
        await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [lockKey]);
        const result = await fn(new Conn(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    } finally {
      client.release();
    }
  }

  async read<T>(fn: (conn: SqlConn) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      return await fn(new Conn(client));
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
