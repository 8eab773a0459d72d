/** Entry of the `wecom-stats` command (bundled to dist/cli.js with a shebang). */
import { run } from './run';

const controller = new AbortController();
// Ctrl+C stops the requests in flight; run() then reports "cancelled" and exits with 130.
process.once('SIGINT', () => controller.abort());
process.once('SIGTERM', () => controller.abort());

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
    process.stdout.write(text);
  },
  err: (text) => {
    clearProgress();
    process.stderr.write(text);
  },
  signal: controller.signal,
  // Only on a terminal: piped stderr stays clean for scripts.
  progress: interactive
    ? (done, total) => {
        process.stderr.write(`\rFetching from WeCom… ${done}/${total} requests`);
        progressShown = true;
      }
    : undefined,
})
  .then((code) => {
    clearProgress();
    process.exitCode = code;
  })
  .catch((err: unknown) => {
    // run() reports its own errors; this last resort still prints no stack trace.
    process.stderr.write(`wecom-stats: unexpected failure: ${err instanceof Error ? err.name : 'error'}\n`);
    process.exitCode = 1;
  });
