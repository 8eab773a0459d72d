/**
 * `npm run bench`: the shared client against the fake WeCom server with 80 ms latency, next to
 * the naive way (one owner per request, sequential). Options: --latency MS, --concurrency N,
 * --sample N (naive requests measured before extrapolating), --quick (small sizes only), --help.
 */
import { parseArgs } from 'node:util';
import { toTable } from '../cli/format';
import { byDayWorkload, ownerTotalsWorkload, warmUp } from './measure';
import type { BenchSettings, Measurement, WorkloadResult } from './measure';

const USAGE = `Usage: node dist/bench.js [--latency MS] [--concurrency N] [--sample N] [--quick]

The shared client against the fake WeCom server, next to the naive way (one owner per request,
sequential). Prints requests, wall time and lower bounds; exit 1 if a figure mismatches.

  --latency MS      delay added to every reply of the fake server (default 80)
  --concurrency N   requests the client runs at once (default 4)
  --sample N        naive runs over N requests are measured on N and extrapolated (default 200)
  --quick           small sizes only (100 and 1000 owners; by-day for 200 owners)
  --help            show this help
`;

function seconds(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`;
}

function row(name: string, m: Measurement): string[] {
  const approx = m.sampledRequests !== undefined ? '~' : '';
  return [
    name,
    m.method,
    `${approx}${m.requests.toLocaleString('en-US')}`,
    `${approx}${seconds(m.wallMs)}`,
    seconds(m.lowerBoundMs),
    (m.wallMs / m.lowerBoundMs).toFixed(2),
    m.sampledRequests !== undefined
      ? `EXTRAPOLATED from ${m.sampledRequests} measured requests`
      : m.verified === undefined
        ? 'measured'
        : m.verified
          ? 'measured, figures verified'
          : 'MEASURED, MISMATCH with ground truth',
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      latency: { type: 'string', default: '80' },
      concurrency: { type: 'string', default: '4' },
      sample: { type: 'string', default: '200' },
      quick: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const settings: BenchSettings = {
    latencyMs: Number(values.latency),
    concurrency: Number(values.concurrency),
    naiveSample: Number(values.sample),
  };
  for (const [name, value] of Object.entries(settings)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(`--${name === 'naiveSample' ? 'sample' : name} must be a whole number ≥ 1`);
    }
  }
  const sizes = values.quick ? [100, 1000] : [100, 1000, 5000];
  const byDayOwners = values.quick ? 200 : 1000;
  console.log(
    `WeCom Group Stats benchmark: fake server on 127.0.0.1 with ${settings.latencyMs} ms added to every reply, ` +
      `client concurrency ${settings.concurrency}. Naive runs over ${settings.naiveSample} requests are sampled.\n`,
  );
  await warmUp();
  const results: WorkloadResult[] = [];
  for (const size of sizes) {
    console.error(`… owners' totals for ${size} owners`);
    results.push(await ownerTotalsWorkload(size, settings));
  }
  console.error(`… 180-day by-day series for ${byDayOwners} owners`);
  results.push(await byDayWorkload(byDayOwners, 180, settings));

  const header = ['workload', 'method', 'requests', 'wall time', 'lower bound', 'wall/bound', 'note'];
  const rows = results.flatMap((r) => [row(r.name, r.batched), row('', r.naive)]);
  console.log(toTable(header, rows, undefined, [0, 1, 6]));
  console.log(
    [
      'requests: counted by the fake server, gettoken and get_follow_user_list included.',
      `lower bound: rounds × ${settings.latencyMs} ms — gettoken and the follow-user list are one round each (everything`,
      `  else needs them), the rest run ${settings.concurrency} at a time; the naive way is sequential, so one round per request.`,
      'speed-up (naive wall / client wall):',
      ...results.map((r) => `  ${r.name}: ${(r.naive.wallMs / r.batched.wallMs).toFixed(0)}×`),
    ].join('\n'),
  );
  if (results.some((r) => r.batched.verified === false || r.naive.verified === false)) {
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
