/** Entry of the `wecom-stats` command (bundled to dist/cli.js with a shebang). */
import { EXIT_API, run } from './run';

const controller = new AbortController();
// Ctrl+C stops the requests in flight; run() then reports "cancelled" and exits with 130.
process.once('SIGINT', () => controller.abort());
process.once('SIGTERM', () => controller.abort());

/**
 * A reader that stops early (`wecom-stats owners --format json | head -1`) closes the pipe: the rest
 * of the output is not wanted, which is no failure. Without a listener the write's EPIPE would be
 * an unhandled 'error' event with a stack trace; instead the output is dropped and the exit status
 * stays run()'s (0 after a complete result).
 */
let stdoutClosed = false;
let outputFailed = false;
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (stdoutClosed) {
    return;
  }
  stdoutClosed = true;
  if (err.code !== 'EPIPE') {
    process.stderr.write(`wecom-stats: cannot write the output (${err.code ?? err.name})\n`);
    outputFailed = true;
  }
});

const interactive = process.stderr.isTTY === true;
let progressShown = false;

function clearProgress(): void {
  if (progressShown) {
    process.stderr.write('\r\x1b[K');
    progressShown = false;
  }
}

run(process.argv.slice(2), process.env, {
  out: (text) => {
    clearProgress();
    if (!stdoutClosed) {
      process.stdout.write(text);
    }
  },
  err: (text) => {
    clearProgress();
    process.stderr.write(text);
  },
  signal: controller.signal,
  // Only on a terminal: piped stderr stays clean for scripts (and cron mail).
  info: interactive ? (text) => process.stderr.write(text) : undefined,
  progress: interactive
    ? (done, total) => {
        process.stderr.write(`\rFetching from WeCom… ${done}/${total} requests`);
        progressShown = true;
      }
    : undefined,
})
  .then((code) => {
    clearProgress();
    process.exitCode = outputFailed ? EXIT_API : code;
  })
  .catch((err: unknown) => {
    // run() reports its own errors; this last resort still prints no stack trace.
    process.stderr.write(`wecom-stats: unexpected failure: ${err instanceof Error ? err.name : 'error'}\n`);
    process.exitCode = 1;
  });
