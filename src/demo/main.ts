/**
 * Standalone fake WeCom server: `node dist/fake-server.js --port N [--owners N] [--latency MS]
 * [--token-ttl S] [--busy-every N] [--rate-limit N] [--seed N]`. Prints the base URL, corp ID and
 * secret to use, and stops cleanly on SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startFakeWeComServer } from './fakeServer';

const USAGE = `Usage: fake-server [options]

Starts a fake WeCom server on 127.0.0.1 with deterministic demo data.

Options:
  --port N          port to listen on (default 0 = a free port)
  --owners N        number of follow users / group owners (default 30)
  --seed N          data seed (default 1)
  --latency MS      delay added to every reply (default 0)
  --token-ttl S     access token lifetime in seconds (default 7200)
  --busy-every N    answer errcode -1 on every Nth API call (default off)
  --rate-limit N    answer 45009 above N API calls per second (default off)
  --help            show this help
`;

function nonNegativeInt(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) {
    return fallback;
  }
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value)) {
    throw new Error(`--${name} must be a whole number ≥ 0, got "${text}"`);
  }
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      owners: { type: 'string' },
      seed: { type: 'string' },
      latency: { type: 'string' },
      'token-ttl': { type: 'string' },
      'busy-every': { type: 'string' },
      'rate-limit': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const server = await startFakeWeComServer({
    port: nonNegativeInt('port', values.port, 0),
    ownerCount: nonNegativeInt('owners', values.owners, 30),
    seed: nonNegativeInt('seed', values.seed, 1),
    latencyMs: nonNegativeInt('latency', values.latency, 0),
    tokenTtlSeconds: nonNegativeInt('token-ttl', values['token-ttl'], 7200),
    faults: {
      busyEveryNth: nonNegativeInt('busy-every', values['busy-every'], 0),
      rateLimitPerSecond: nonNegativeInt('rate-limit', values['rate-limit'], 0),
    },
  });
  process.stdout.write(
    [
      `Fake WeCom server listening on ${server.url} (${server.owners.length} owners)`,
      `  WECOM_API_BASE=${server.url}`,
      `  WECOM_CORP_ID=${server.corpId}`,
      `  WECOM_CORP_SECRET=${server.corpSecret}   (a fake secret, for this server only)`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  const stop = (): void => {
    void server.close().then(() => {
      process.stdout.write('Fake WeCom server stopped.\n');
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`fake-server: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
