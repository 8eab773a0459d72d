/**
 * The little SQL layer both engines offer the store: the store's SQL is written once, with
 * `$1…$n` placeholders, and each engine runs it in its own dialect and transaction model.
 */

export type Dialect = 'sqlite' | 'postgres';

export type Row = Record<string, unknown>;

export interface SqlConn {
  readonly dialect: Dialect;
  /** Rows of a query; numbers may come back as strings (`pg` and int8), so read them with `num`. */
  all(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  run(sql: string, params?: readonly unknown[]): Promise<void>;
}

export interface SqlEngine {
  readonly dialect: Dialect;
  /**
   * Runs `fn` in one transaction that no other writer of `lockKey` overlaps (SQLite: the whole
   * file is held; PostgreSQL: an advisory lock on the key). Commits when `fn` resolves, rolls
   * back when it throws.
   */
  write<T>(lockKey: string, fn: (conn: SqlConn) => Promise<T>): Promise<T>;
  /** Runs reads; each statement sees committed data. */
  read<T>(fn: (conn: SqlConn) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A number from a column: `pg` returns int8, SUM and COUNT as strings. */
export function num(value: unknown): number {
  if (typeof value === 'number') {
    return value;
  }
  if (typeof value === 'string' || typeof value === 'bigint') {
    return Number(value);
  }
  throw new TypeError(`not a number from the store: ${String(value)}`);
}

/** `($k, $k+1, …), (…)` for `rows` rows of `width` values starting after `offset` parameters. */
export function valuesList(rows: number, width: number, offset = 0): string {
  const groups: string[] = [];
  let n = offset;
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < width; c++) {
      cells.push(`$${++n}`);
    }
    groups.push(`(${cells.join(', ')})`);
  }
  return groups.join(', ');
}

/** `$k, $k+1, …` for a list of `count` values starting after `offset` parameters. */
export function placeholders(count: number, offset = 0): string {
  return Array.from({ length: count }, (_, i) => `$${offset + i + 1}`).join(', ');
}

/** Splits a list into pieces of at most `size` (statements have a parameter limit). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}
