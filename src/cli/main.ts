/** Entry of the `wecom-stats` command (bundled to dist/cli.js with a shebang). */
import { run } from './run';

const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
process.once('SIGTERM', () => controller.abort());

run(process.argv.slice(2), process.env, {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  signal: controller.signal,
})
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err: unknown) => {
    // run() reports its own errors; this is a last resort that still avoids a stack trace.
    process.stderr.write(`wecom-stats: unexpected failure: ${err instanceof Error ? err.name : 'error'}\n`);
    process.exitCode = 1;
  });
