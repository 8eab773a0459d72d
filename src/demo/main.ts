/**
 * Standalone fake WeCom server: `node dist/fake-server.js --port N [--owners N] [--latency MS]
 * [--token-ttl S] [--busy-every N] [--rate-limit N] [--seed N] [--faults JSON]`. Prints the base
 * URL, corp ID and secret to use, and stops cleanly on SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startFakeWeComServer } from './fakeServer';
import { checkFakeFaults } from './faults';
import type { FakeFaults } from './faults';

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
  --faults JSON     faults as a JSON object (default: the WECOM_FAKE_FAULTS environment
                    variable); --busy-every and --rate-limit override its keys. Keys:
                      busyEveryNth, http500EveryNth, rateLimitPerSecond, maxConcurrent (N),
                      rejectFromIp ("IP"), tokenExpiresAfterCalls (N),
                      replyFaults: [{ "kind": K, ...options, "endpoint"?, "ownerInBatch"?, "times"? }]
                    where K (with its options) is one of
                      missingItems                     no "items" key in the reply
                      dropDay       day?               by-day leaves out a day (default: the last)
                      shortPage                        a statistic page one row short of its counts
                      foreignOwner  owner?             a statistic row for an owner not asked for
                      figure        field, value|json  the first item's figure set to that value
                      drip          bytesPerSecond     the body trickled at that rate
                      oversize      bytes, chunked?    the body padded to that many bytes
                      truncate                         half the body, then the connection closed
                    "endpoint": statistic | byDay | followUsers | token, or a list (default:
                    the statistics endpoints the kind applies to); "ownerInBatch": only calls
                    whose owner_filter.userid_list has that owner; "times": only the first N.
                    Example: --faults '{"replyFaults":[{"kind":"dropDay","times":1}]}'
  --help            show this help
`;

function parseFaults(text: string | undefined, source: string): FakeFaults {
  if (text === undefined || text.trim() === '') {
    return {};
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`${source} is not valid JSON`);
  }
  try {
    return checkFakeFaults(value);
  } catch (err) {
    throw new Error(`${source}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

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
      faults: { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const faults =
    values.faults !== undefined
      ? parseFaults(values.faults, '--faults')
      : parseFaults(process.env.WECOM_FAKE_FAULTS, 'WECOM_FAKE_FAULTS');
  if (values['busy-every'] !== undefined) {
    faults.busyEveryNth = nonNegativeInt('busy-every', values['busy-every'], 0);
  }
  if (values['rate-limit'] !== undefined) {
    faults.rateLimitPerSecond = nonNegativeInt('rate-limit', values['rate-limit'], 0);
  }
  const server = await startFakeWeComServer({
    port: nonNegativeInt('port', values.port, 0),
    ownerCount: nonNegativeInt('owners', values.owners, 30),
    seed: nonNegativeInt('seed', values.seed, 1),
    latencyMs: nonNegativeInt('latency', values.latency, 0),
    tokenTtlSeconds: nonNegativeInt('token-ttl', values['token-ttl'], 7200),
    faults,
  });
  process.stdout.write(
    [
      `Fake WeCom server listening on ${server.url} (${server.owners.length} owners)`,
      `  WECOM_API_BASE=${server.url}`,
      `  WECOM_CORP_ID=${server.corpId}`,
      `  WECOM_CORP_SECRET=${server.corpSecret}   (a fake secret, for this server only)`,
      ...(Object.keys(faults).length > 0 ? [`Faults: ${JSON.stringify(faults)}`] : []),
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
