/** Runs wecom-stats in-process (run()) or as a child process, capturing its output. */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from '../../../src/cli/run';
import type { CliEnv } from '../../../src/cli/run';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `backoffBaseMs` shortens the client's retry waits (tests of retried faults). */
export async function runInProcess(
  argv: string[],
  env: CliEnv,
  now?: () => number,
  backoffBaseMs?: number,
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, env, {
    out: (t) => (stdout += t),
    err: (t) => (stderr += t),
    now,
    backoffBaseMs,
  });
  return { code, stdout, stderr };
}

const ROOT = path.join(__dirname, '..', '..', '..', '..');

/** The entries to spawn: the tsc output always, the webpack bundle when it has been built. */
export function cliEntries(): Array<{ name: string; file: string }> {
  const entries = [{ name: 'out/src/cli/main.js', file: path.join(ROOT, 'out', 'src', 'cli', 'main.js') }];
  const bundle = path.join(ROOT, 'dist', 'cli.js');
  if (fs.existsSync(bundle)) {
    entries.push({ name: 'dist/cli.js', file: bundle });
  }
  return entries;
}

export function spawnCli(file: string, argv: string[], env: CliEnv): Promise<CliResult> {
  return startCli(file, argv, env).result;
}

/** Starts the CLI and returns the child (to signal it) with its eventual result. */
export function startCli(
  file: string,
  argv: string[],
  env: CliEnv,
): { child: ChildProcess; result: Promise<CliResult> } {
  // Only PATH, TZ and the variables under test: no credentials leak in from the developer's shell.
  const childEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH };
  if (process.env.TZ !== undefined) {
    childEnv.TZ = process.env.TZ;
  }
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined) {
      childEnv[key] = value;
    }
  }
  const child = spawn(process.execPath, [file, ...argv], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const result = new Promise<CliResult>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
  return { child, result };
}
