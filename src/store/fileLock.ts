/**
 * A lock file of our own beside the database, recording who holds it (pid and host), so that a
 * lock left behind by a killed process can be told from a live one and broken. node-sqlite3-wasm
 * has a lock of its own (a `<db>.lock` directory) that records nobody: after a kill it stays and
 * every later query says "database is locked". Whoever holds this lock is the only process using
 * the file, so any `<db>.lock` directory found then is stale and is removed.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { randomUUID } from 'node:crypto';
import { StoreBusyError } from './types';

interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly nonce: string;
  readonly since: number;
}

const POLL_MS = 15;

export function lockPathOf(dbPath: string): string {
  return `${dbPath}.pidlock`;
}

/** True when `holder` is a process on this machine that no longer runs. */
function isStale(holder: Holder): boolean {
  if (holder.host !== os.hostname()) {
    // Another machine (a network share): we cannot see its processes, so it counts as live.
    return false;
  }
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function readHolder(path: string): Holder | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(path, 'utf8')) as Holder;
    return typeof parsed.pid === 'number' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the lock, waiting up to `timeoutMs` for a live holder; returns its release function. */
export async function acquireFileLock(dbPath: string, timeoutMs: number): Promise<() => void> {
  const path = lockPathOf(dbPath);
  const me: Holder = { pid: process.pid, host: os.hostname(), nonce: randomUUID(), since: Date.now() };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = fs.openSync(path, 'wx');
      try {
        fs.writeSync(fd, JSON.stringify(me));
      } finally {
        fs.closeSync(fd);
      }
      // Ours now: a `<db>.lock` directory can only be a killed process's leftover.
      fs.rmSync(`${dbPath}.lock`, { recursive: true, force: true });
      return () => release(path, me.nonce);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw err;
      }
    }
    const holder = readHolder(path);
    // An unreadable lock may be one being written this instant: give it a second.
    const stale = holder === undefined ? Date.now() - mtimeMs(path) > 1000 : isStale(holder);
    if (stale) {
      breakLock(path, holder);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new StoreBusyError(
        `The history store ${dbPath} is in use by process ${holder?.pid ?? '?'} on ${holder?.host ?? '?'} ` +
          `(waited ${timeoutMs} ms). If no such process runs, delete ${path}.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function mtimeMs(path: string): number {
  try {
    return fs.statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Removes a stale lock, but only if it is still the one judged stale: two waiters may both find
 * it stale, and the second must not remove the fresh lock the first has just taken. (A window of
 * a few microseconds between this read and the removal remains; Node has no flock to close it.)
 */
function breakLock(path: string, judged: Holder | undefined): void {
  const now = readHolder(path);
  if (now?.nonce === judged?.nonce) {
    fs.rmSync(path, { force: true });
  }
}

function release(path: string, nonce: string): void {
  if (readHolder(path)?.nonce === nonce) {
    fs.rmSync(path, { force: true });
  }
}
