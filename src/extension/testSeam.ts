/**
 * The one test seam of the host. `activate` creates it only when VS Code runs the extension in
 * `ExtensionMode.Test` (an integration run: extensionDevelopmentPath + extensionTestsPath); in a
 * real install it does not exist, so neither the test API nor the buffers below do.
 *
 * It keeps what the test API reports (log lines, notifications) and owns the pinnable clock.
 */
import type { ShownNotification } from './notifications';

/** ISO time (`2026-06-15T09:59:00+08:00`) or ms since epoch; read once at activation, Test mode only. */
export const TEST_NOW_ENV_VARIABLE = 'WECOM_GROUP_STATS_TEST_NOW';

const KEPT_LINES = 2000;
const KEPT_MESSAGES = 50;

/** Parses the override: ms since epoch or an ISO time; undefined when absent or unreadable. */
export function parseTestNow(value: string | undefined): number | undefined {
  const text = value?.trim();
  if (!text) {
    return undefined;
  }
  const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  return Number.isFinite(ms) ? ms : undefined;
}

export class TestSeam {
  private readonly lines: string[] = [];
  private readonly shown: ShownNotification[] = [];
  private pinned: number | undefined;
  private readonly answers: (string | undefined)[] = [];
  private backfillOffer = false;

  constructor(pinnedNow: number | undefined) {
    this.pinned = pinnedNow;
  }

  /**
   * The seam when the extension runs in `ExtensionMode.Test`, else undefined. Takes a boolean, not
   * the enum, so this file needs no vscode import and is unit-tested in plain Node.
   */
  static forMode(isTestMode: boolean, env: NodeJS.ProcessEnv): TestSeam | undefined {
    return isTestMode ? new TestSeam(parseTestNow(env[TEST_NOW_ENV_VARIABLE])) : undefined;
  }

  /** The host's clock: the pinned time when one is set, else the real time. */
  now(): number {
    return this.pinned ?? Date.now();
  }

  /** Pins the clock (ms since epoch); undefined lets it run again. */
  setNow(ms: number | undefined): void {
    this.pinned = ms;
  }

  recordLine(line: string): void {
    this.lines.push(line);
    if (this.lines.length > KEPT_LINES) {
      this.lines.splice(0, this.lines.length - KEPT_LINES);
    }
  }

  recordMessage(message: ShownNotification): void {
    this.shown.push(message);
    if (this.shown.length > KEPT_MESSAGES) {
      this.shown.shift();
    }
  }

  /** Queues the button the next question is answered with (undefined: dismissed). */
  answerNextQuestion(button: string | undefined): void {
    this.answers.push(button);
  }

  /** The queued answer of a question, when a test queued one; else undefined (the user answers). */
  takeAnswer(): { readonly button: string | undefined } | undefined {
    return this.answers.length > 0 ? { button: this.answers.shift() } : undefined;
  }

  /** The first-use backfill offer stays off under tests unless a test turns it on. */
  get backfillOfferEnabled(): boolean {
    return this.backfillOffer;
  }

  setBackfillOffer(enabled: boolean): void {
    this.backfillOffer = enabled;
  }

  logLines(): readonly string[] {
    return this.lines;
  }

  messages(): readonly ShownNotification[] {
    return this.shown;
  }
}

/** The clock every time-dependent part of the host reads: built once in `activate`. */
export function hostClock(seam: TestSeam | undefined): () => number {
  return seam ? () => seam.now() : Date.now;
}
