/**
 * Figures of days that will not change any more, kept in the extension's global storage so
 * reopening a chart or widening its range costs only the missing days. One JSON file per series
 * (scope + owner set); no `vscode` import, so it is unit-tested against the fake server.
 *
 * Freshness: WeCom computes a day's figures after the day ends and may still adjust them the next
 * morning, so a day counts as final only when it was fetched at or after 10:00 CST on the following
 * day. Yesterday is re-fetched once an hour whatever its state. Days the server no longer keeps
 * (older than 180 days) are served from whatever is cached.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CstDay } from '../../shared/days';
import { allowedWindow, cstYesterday, finalAfterMs, tryParseCstDay } from '../../shared/days';
import type { GroupChatStats } from '../../shared/metrics';
import { emptyStats, METRIC_KEYS } from '../../shared/metrics';

/**
 * Whose data: demo figures must never be served for a real corp, nor one corp's for another, nor
 * one server's (a relay, a test server) or one app's (another secret of the same corp) for another.
 */
export interface CacheScope {
  readonly mode: 'real' | 'demo';
  /** The API base URL the figures came from (normalized by the settings: no trailing slash). */
  readonly apiBaseUrl: string;
  readonly corpId: string;
  /** A hash of the secret (the connection's; never the secret itself). */
  readonly secretHash: string;
}

/** A figure set to store: the day, its figures and when its reply arrived (ms). */
export interface StoredEntry {
  readonly date: CstDay;
  readonly data: GroupChatStats;
  /** When the reply carrying this day arrived (ms); default: now. */
  readonly fetchedAt?: number;
}

/** A series: every owner (`'all'`) or an explicit owner set (order does not matter). */
export type SeriesOwners = 'all' | readonly string[];

export interface ClosedDayCacheOptions {
  /** Series files kept; the least recently written are removed beyond this (default 300). */
  readonly maxSeries?: number;
  /** Days kept per series; the oldest are dropped beyond this (default 400). */
  readonly maxDaysPerSeries?: number;
  /** How long yesterday's figures are reused (default 1 h). */
  readonly yesterdayTtlMs?: number;
  readonly now?: () => number;
}

/** Stored per day: fetch time (ms) then the eight figures in `METRIC_KEYS` order. */
type StoredDay = number[];
interface SeriesFile {
  readonly key: string;
  days: Record<CstDay, StoredDay>;
}

/** v2: the scope gained the API base URL and the secret hash (v1 files are never read again). */
const FILE_VERSION = 'v2';

export class ClosedDayCache {
  private readonly loaded = new Map<string, Promise<SeriesFile>>();
  /** Writes per file run one after another. */
  private readonly writes = new Map<string, Promise<void>>();
  private readonly maxSeries: number;
  private readonly maxDays: number;
  private readonly yesterdayTtlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly dir: string,
    options: ClosedDayCacheOptions = {},
  ) {
    this.maxSeries = options.maxSeries ?? 300;
    this.maxDays = options.maxDaysPerSeries ?? 400;
    this.yesterdayTtlMs = options.yesterdayTtlMs ?? 3600_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * The cached figures of `days` that can be used now: fresh ones inside the server's window,
   * and any cached value for days the server no longer has.
   */
  async lookup(
    scope: CacheScope,
    owners: SeriesOwners,
    days: readonly CstDay[],
  ): Promise<Map<CstDay, GroupChatStats>> {
    const file = await this.load(seriesKey(scope, owners));
    const now = this.now();
    const window = allowedWindow(now);
    const yesterday = cstYesterday(now);
    const found = new Map<CstDay, GroupChatStats>();
    for (const day of days) {
      const stored = file.days[day];
      if (!Array.isArray(stored)) {
        continue;
      }
      const fetchedAt = stored[0];
      const usable =
        day < window.from ||
        (day === yesterday ? now - fetchedAt < this.yesterdayTtlMs : fetchedAt >= finalAfterMs(day));
      if (usable && day <= window.to) {
        found.set(day, fromStored(stored));
      }
    }
    return found;
  }

  /** When the cached figures of `day` were fetched (ms), if it is cached (e.g. to mark yesterday provisional). */
  async fetchedAt(scope: CacheScope, owners: SeriesOwners, day: CstDay): Promise<number | undefined> {
    const stored = (await this.load(seriesKey(scope, owners))).days[day];
    return Array.isArray(stored) ? stored[0] : undefined;
  }

  /** Oldest day held for a series (lets the UI offer history the server has dropped). */
  async oldestDay(scope: CacheScope, owners: SeriesOwners): Promise<CstDay | undefined> {
    const file = await this.load(seriesKey(scope, owners));
    const days = Object.keys(file.days).sort();
    return days[0];
  }

  /**
   * Records figures just fetched from the server (today and later are never stored). Each day
   * keeps the time its own reply arrived, not the time the whole load ended: a day is final only
   * if its reply came after 10:00 CST the next day.
   */
  async store(scope: CacheScope, owners: SeriesOwners, entries: Iterable<StoredEntry>): Promise<void> {
    const key = seriesKey(scope, owners);
    const file = await this.load(key);
    const now = this.now();
    const yesterday = cstYesterday(now);
    let changed = false;
    for (const entry of entries) {
      if (entry.date <= yesterday && tryParseCstDay(entry.date) === entry.date) {
        const fetchedAt = entry.fetchedAt ?? now;
        file.days[entry.date] = [fetchedAt, ...METRIC_KEYS.map((k) => entry.data[k] ?? 0)];
        changed = true;
      }
    }
    if (!changed) {
      return;
    }
    const days = Object.keys(file.days).sort();
    for (const day of days.slice(0, Math.max(0, days.length - this.maxDays))) {
      delete file.days[day];
    }
    await this.write(key, file);
  }

  private load(key: string): Promise<SeriesFile> {
    let file = this.loaded.get(key);
    if (!file) {
      file = this.read(key);
      this.loaded.set(key, file);
    }
    return file;
  }

  private async read(key: string): Promise<SeriesFile> {
    try {
      const parsed: unknown = JSON.parse(await fs.readFile(this.fileOf(key), 'utf8'));
      if (isSeriesFile(parsed) && parsed.key === key) {
        return parsed;
      }
    } catch {
      // Missing or unreadable: start empty; the next write replaces it.
    }
    return { key, days: {} };
  }

  private write(key: string, file: SeriesFile): Promise<void> {
    const previous = this.writes.get(key) ?? Promise.resolve();
    const next = previous.then(async () => {
      await fs.mkdir(this.dir, { recursive: true });
      const target = this.fileOf(key);
      const temp = `${target}.${process.pid}.tmp`;
      await fs.writeFile(temp, JSON.stringify(file));
      await fs.rename(temp, target);
      await this.prune();
    });
    // A failed write must not block later ones; the caller still sees this one's error.
    this.writes.set(
      key,
      next.catch(() => undefined),
    );
    return next;
  }

  /** Keeps the store bounded: drop the least recently written series files. */
  private async prune(): Promise<void> {
    const names = (await fs.readdir(this.dir)).filter((n) => n.endsWith('.json'));
    if (names.length <= this.maxSeries) {
      return;
    }
    const stats = await Promise.all(
      names.map(async (name) => ({ name, mtime: (await fs.stat(path.join(this.dir, name))).mtimeMs })),
    );
    stats.sort((a, b) => a.mtime - b.mtime);
    const removed = new Set(stats.slice(0, names.length - this.maxSeries).map((s) => s.name));
    for (const name of removed) {
      await fs.rm(path.join(this.dir, name), { force: true });
    }
    // Forget only the removed series: re-reading a kept one from disk while its next write is
    // still queued would start from an older file, and that write's days would be lost.
    for (const key of [...this.loaded.keys()]) {
      if (removed.has(path.basename(this.fileOf(key)))) {
        this.loaded.delete(key);
      }
    }
  }

  private fileOf(key: string): string {
    return path.join(this.dir, createHash('sha256').update(key).digest('hex').slice(0, 40) + '.json');
  }
}

/** Mode, server, corp, secret hash and the sorted owner set: a series' identity. */
export function seriesKey(scope: CacheScope, owners: SeriesOwners): string {
  const ownerPart = owners === 'all' ? '*all*' : JSON.stringify([...new Set(owners)].sort());
  return JSON.stringify([
    FILE_VERSION,
    scope.mode,
    scope.apiBaseUrl,
    scope.corpId,
    scope.secretHash,
    ownerPart,
  ]);
}

function fromStored(stored: StoredDay): GroupChatStats {
  const stats = emptyStats();
  METRIC_KEYS.forEach((key, i) => {
    stats[key] = stored[i + 1] ?? 0;
  });
  return stats;
}

function isSeriesFile(value: unknown): value is SeriesFile {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const file = value as { key?: unknown; days?: unknown };
  if (typeof file.key !== 'string' || typeof file.days !== 'object' || file.days === null) {
    return false;
  }
  return Object.entries(file.days).every(
    ([day, stored]) =>
      tryParseCstDay(day) === day &&
      Array.isArray(stored) &&
      stored.length === METRIC_KEYS.length + 1 &&
      stored.every((n) => typeof n === 'number' && Number.isFinite(n)),
  );
}
