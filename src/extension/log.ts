/**
 * The "WeCom Group Stats" log channel. Everything written through it is redacted first
 * (`redactSecrets` for token/secret query parameters, plus every secret value the host knows
 * about, in each of its encoded forms), so neither our code nor the chart feature can leak a
 * credential into the log. Under tests only, the lines are also handed to the test seam.
 */
import * as vscode from 'vscode';
import { inspect } from 'util';
import { SecretRegistry } from '../wecom/redact';
import { requestLogLine } from '../wecom/requestLog';
import type { RequestLogEntry } from '../wecom/types';
import type { TestSeam } from './testSeam';

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error';

export class RedactingLog implements vscode.LogOutputChannel {
  private readonly secrets = new SecretRegistry();

  constructor(
    private readonly channel: vscode.LogOutputChannel,
    private readonly seam?: TestSeam,
  ) {}

  /** Creates the extension's one log channel. */
  static create(seam?: TestSeam): RedactingLog {
    return new RedactingLog(vscode.window.createOutputChannel('WeCom Group Stats', { log: true }), seam);
  }

  get name(): string {
    return this.channel.name;
  }
  get logLevel(): vscode.LogLevel {
    return this.channel.logLevel;
  }
  get onDidChangeLogLevel(): vscode.Event<vscode.LogLevel> {
    return this.channel.onDidChangeLogLevel;
  }

  /** Also redact this exact value from now on (a secret typed by the user, a demo secret). */
  addSecret(secret: string): void {
    this.secrets.add(secret);
  }

  redact(text: string): string {
    return this.secrets.redact(text);
  }

  /** One line per HTTP request of the client (see requestLogLine); never the query. */
  request(entry: RequestLogEntry): void {
    this.write(entry.errcode !== 0 ? 'warn' : 'info', requestLogLine(entry), []);
  }

  trace(message: string, ...args: unknown[]): void {
    this.write('trace', message, args);
  }
  debug(message: string, ...args: unknown[]): void {
    this.write('debug', message, args);
  }
  info(message: string, ...args: unknown[]): void {
    this.write('info', message, args);
  }
  warn(message: string, ...args: unknown[]): void {
    this.write('warn', message, args);
  }
  error(error: string | Error, ...args: unknown[]): void {
    this.write('error', typeof error === 'string' ? error : `${error.name}: ${error.message}`, args);
  }

  append(value: string): void {
    this.channel.append(this.redact(value));
  }
  appendLine(value: string): void {
    const safe = this.redact(value);
    this.seam?.recordLine(safe);
    this.channel.appendLine(safe);
  }
  replace(value: string): void {
    this.channel.replace(this.redact(value));
  }
  clear(): void {
    this.channel.clear();
  }
  show(preserveFocusOrColumn?: boolean | vscode.ViewColumn, preserveFocus?: boolean): void {
    if (typeof preserveFocusOrColumn === 'boolean' || preserveFocusOrColumn === undefined) {
      this.channel.show(preserveFocusOrColumn);
    } else {
      this.channel.show(preserveFocusOrColumn, preserveFocus);
    }
  }
  hide(): void {
    this.channel.hide();
  }
  dispose(): void {
    this.channel.dispose();
  }

  private write(level: Level, message: string, args: readonly unknown[]): void {
    const formatted = [
      message,
      ...args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 3 }))),
    ].join(' ');
    const safe = this.redact(formatted);
    this.seam?.recordLine(`[${level}] ${safe}`);
    this.channel[level](safe);
  }
}
