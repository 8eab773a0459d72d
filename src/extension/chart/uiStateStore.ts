/**
 * The host's copy of each chart's latest UI state (metric, range, mode, view), keyed by subject.
 *
 * Why: the webview's `setState` lives in the workbench (in the browser for code-server / VS Code
 * for the Web) and is written out lazily, so a browser-level reload can restore a panel with an
 * older state than the user last saw. The webview tells the host every change (`state` message),
 * and the host writes it to a small JSON file straight away from the extension host, which a
 * browser reload does not interrupt. The serializer prefers this copy when it revives a panel.
 *
 * A file rather than `workspaceState`: a memento update also travels through the workbench's
 * storage, the very thing that may not be flushed before the reload. No `vscode` import.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ChartUiState } from '../../shared/protocol';
import { subjectKey } from '../../shared/protocol';
import { isChartUiState } from '../../shared/protocolValidation';

interface StoredEntry {
  readonly state: ChartUiState;
  /** When the host received it (ms); the oldest entries are dropped beyond the cap. */
  readonly savedAt: number;
}

/** Subjects remembered; the least recently saved are forgotten beyond this. */
const MAX_ENTRIES = 100;

export class ChartUiStateStore {
  private entries: Promise<Map<string, StoredEntry>> | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** The latest state the host was told for this state's subject (same subject), if any. */
  async latest(subjectOf: ChartUiState): Promise<ChartUiState | undefined> {
    const entry = (await this.load()).get(subjectKey(subjectOf.subject));
    return entry ? { ...entry.state, subject: subjectOf.subject } : undefined;
  }

  /** Remembers `state` as its subject's latest; resolves once it is on disk. */
  async save(state: ChartUiState): Promise<void> {
    const entries = await this.load();
    const key = subjectKey(state.subject);
    entries.delete(key);
    entries.set(key, { state, savedAt: this.now() });
    while (entries.size > MAX_ENTRIES) {
      const oldest = [...entries.entries()].sort((a, b) => a[1].savedAt - b[1].savedAt)[0][0];
      entries.delete(oldest);
    }
    const json = JSON.stringify([...entries.values()]);
    // Writes run one after another, each with the whole map at its time: the last one wins.
    const next = this.writing.then(() => this.write(json));
    this.writing = next.catch(() => undefined);
    return next;
  }

  private load(): Promise<Map<string, StoredEntry>> {
    this.entries ??= this.read();
    return this.entries;
  }

  private async read(): Promise<Map<string, StoredEntry>> {
    const entries = new Map<string, StoredEntry>();
    try {
      const parsed: unknown = JSON.parse(await fs.readFile(this.file, 'utf8'));
      for (const item of Array.isArray(parsed) ? (parsed as unknown[]) : []) {
        if (isStoredEntry(item)) {
          entries.set(subjectKey(item.state.subject), item);
        }
      }
    } catch {
      // Missing or unreadable: nothing remembered; the next save replaces the file.
    }
    return entries;
  }

  private async write(json: string): Promise<void> {
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    await fs.writeFile(temp, json);
    await fs.rename(temp, this.file);
  }
}

function isStoredEntry(value: unknown): value is StoredEntry {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const entry = value as { state?: unknown; savedAt?: unknown };
  return isChartUiState(entry.state) && typeof entry.savedAt === 'number' && Number.isFinite(entry.savedAt);
}
