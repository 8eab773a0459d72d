/**
 * The embedded engine: SQLite compiled to WebAssembly (node-sqlite3-wasm), a single file, no
 * native build, so one .vsix runs everywhere. Crash safety needs WAL (the half-written
 * transaction of a killed process is ignored on the next open), and this build keeps WAL only in
 * EXCLUSIVE locking mode (WAL alone silently stays in the rollback journal). EXCLUSIVE keeps
 * other processes out while the file is open, so the file is opened per operation (tens of ms)
 * under a pid lock (fileLock.ts), and a second process waits for it instead of failing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Database } from 'node-sqlite3-wasm';
import { acquireFileLock } from './fileLock';
import type { Row, SqlConn, SqlEngine } from './sql';

export interface SqliteOptions {
  /** How long an operation waits for another process holding the file (default 30 s). */
  readonly busyTimeoutMs?: number;
}

/** `$n` is a *named* parameter in SQLite (numbered by first use); `?n` is truly positional. */
function positional(sql: string): string {
  return sql.replace(/\$(\d+)/g, '?$1');
}

class Conn implements SqlConn {
  readonly dialect = 'sqlite';
  constructor(private readonly db: Database) {}

  async all(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return this.db.all(positional(sql), params as never) as Row[];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<void> {
    this.db.run(positional(sql), params as never);
  }
}

export class SqliteEngine implements SqlEngine {
  readonly dialect = 'sqlite';
  private readonly busyTimeoutMs: number;
  /** Operations of this process take turns before they take the file lock. */
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    readonly file: string,
    options: SqliteOptions = {},
  ) {
    this.busyTimeoutMs = options.busyTimeoutMs ?? 30_000;
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }

  write<T>(_lockKey: string, fn: (conn: SqlConn) => Promise<T>): Promise<T> {
    // The whole file is one lock: the key matters only to PostgreSQL.
    return this.session(async (db) => {
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(new Conn(db));
        db.exec('COMMIT');
        return result;
      } catch (err) {
        if (db.inTransaction) {
          db.exec('ROLLBACK');
        }
        throw err;
      }
    });
  }

  read<T>(fn: (conn: SqlConn) => Promise<T>): Promise<T> {
    return this.session((db) => fn(new Conn(db)));
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.queue.catch(() => undefined);
  }

  private session<T>(fn: (db: Database) => Promise<T>): Promise<T> {
    if (this.closed) {
      return Promise.reject(new Error('the history store is closed'));
    }
    const run = this.queue
      .catch(() => undefined)
      .then(async () => {
        const release = await acquireFileLock(this.file, this.busyTimeoutMs);
        let db: Database | undefined;
        try {
          db = new Database(this.file);
          db.exec('PRAGMA locking_mode = EXCLUSIVE');
          const [mode] = db.all('PRAGMA journal_mode = WAL');
          if (mode?.journal_mode !== 'wal') {
            throw new Error(`the history store could not switch to WAL (got ${String(mode?.journal_mode)})`);
          }
          db.exec('PRAGMA foreign_keys = ON');
          return await fn(db);
        } finally {
          if (db?.isOpen) {
            db.close();
          }
          release();
        }
      });
    this.queue = run;
    return run;
  }
}
