/**
 * `node dist/bench-store.js`: the history store at the size, 365 days x 5,000 owners
 * (1.8 M atoms), loaded as one transaction per day (how a by-day sync writes), then the two reads
 * the views need: a 30-day sum over all owners and one owner's 365 days (target ≤ 200 ms each on
 * the embedded store). The embedded engine always runs; PostgreSQL when --pg URL (or
 * WECOM_BENCH_PG_URL) names a server. Prints figures; asserts nothing.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { addDays } from '../shared/days';
import { openHistoryStore, type OpenOptions } from '../store/open';
import type { AtomInput, HistoryStore } from '../store/types';
import { BENCH_SCOPE, benchFigures } from './storeFixture';

const USAGE = `Usage: node dist/bench-store.js [--owners N] [--days N] [--pg URL] [--runs N]

  --owners N   owners per day (default 5000)
  --days N     days (default 365)
  --pg URL     also measure PostgreSQL (default: $WECOM_BENCH_PG_URL); a scratch schema is used and dropped
  --runs N     timed repetitions of each read (default 5)
  --pg-only    skip the embedded store
`;

const SCOPE = BENCH_SCOPE;
const FIRST_DAY = '2025-01-01';

const figures = benchFigures;

async function timed<T>(
  runs: number,
  fn: () => Promise<T>,
): Promise<{ first: number; min: number; result: T }> {
  let first = 0;
  let min = Infinity;
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = await fn();
    const ms = performance.now() - start;
    first = i === 0 ? ms : first;
    min = Math.min(min, ms);
  }
  return { first, min, result: result as T };
}

async function bench(
  name: string,
  open: () => Promise<HistoryStore>,
  size: () => Promise<number>,
  owners: number,
  days: number,
  runs: number,
): Promise<void> {
  const ownerIds = Array.from({ length: owners }, (_, o) => `owner${String(o).padStart(5, '0')}`);
  const fetchedAt = Date.parse('2026-11-28T03:00:00Z');
  console.log(
    `\n${name}: loading ${days} days x ${owners} owners = ${(days * owners).toLocaleString('en-US')} atoms…`,
  );
  const store = await open();
  const loadStart = performance.now();
  for (let d = 0; d < days; d++) {
    if (d > 0 && d % 73 === 0) {
      console.log(`  … ${d} days in ${((performance.now() - loadStart) / 1000).toFixed(0)} s`);
    }
    const day = addDays(FIRST_DAY, d);
    const atoms: AtomInput[] = ownerIds.map((owner, o) => ({ day, owner, fetchedAt, data: figures(o, d) }));
    await store.putAtoms(SCOPE, atoms);
  }
  const loadMs = performance.now() - loadStart;
  await store.close();
  const bytes = await size();
  const ms = (t: { first: number; min: number }): string =>
    `${t.first.toFixed(1)} / ${t.min.toFixed(1)} ms (first / min)`;
  console.log(
    `  load: ${(loadMs / 1000).toFixed(1)} s (${Math.round((days * owners) / (loadMs / 1000)).toLocaleString('en-US')} atoms/s)`,
  );
  console.log(`  on disk: ${(bytes / 1e6).toFixed(1)} MB, ${(bytes / (days * owners)).toFixed(0)} B/atom`);

  const openRun = await timed(runs, async () => (await open()).close());
  console.log(`  open + close: ${ms(openRun)}`);
  const reader = await open();
  const last = addDays(FIRST_DAY, days - 1);
  const sum30 = await timed(runs, () =>
    reader.sumByDay(SCOPE, { from: addDays(last, -29), to: last, owners: ownerIds }),
  );
  const complete = sum30.result.filter((s) => s.complete).length;
  console.log(
    `  30-day sum over ${owners} owners: ${ms(sum30)}  [target ≤ 200 ms] (${complete} complete days)`,
  );
  const series = await timed(runs, () =>
    reader.getAtoms(SCOPE, { from: FIRST_DAY, to: last, owners: [ownerIds[owners >> 1]] }),
  );
  console.log(`  one owner's ${days} days: ${ms(series)}  [target ≤ 200 ms] (${series.result.length} atoms)`);
  const cover = await timed(runs, () =>
    reader.coverage(SCOPE, { from: addDays(last, -29), to: last, owners: ownerIds }),
  );
  console.log(`  coverage, 30 days x ${owners} owners: ${ms(cover)} (${cover.result.length} entries)`);
  const recheck = await timed(1, () =>
    reader.putAtoms(
      SCOPE,
      ownerIds.map((owner, o) => ({
        day: last,
        owner,
        fetchedAt: fetchedAt + 1,
        data: figures(o, days - 1),
      })),
    ),
  );
  await reader.close();
  console.log(`  re-write one day (${owners} unchanged atoms): ${recheck.min.toFixed(0)} ms`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      owners: { type: 'string', default: '5000' },
      days: { type: 'string', default: '365' },
      pg: { type: 'string', default: process.env.WECOM_BENCH_PG_URL ?? '' },
      runs: { type: 'string', default: '5' },
      'pg-only': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const [owners, days, runs] = [Number(values.owners), Number(values.days), Number(values.runs)];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wecom-bench-store-'));
  const file = path.join(dir, 'history.db');
  try {
    if (!values['pg-only']) {
      await bench(
        'embedded (node-sqlite3-wasm)',
        () => openHistoryStore(file),
        async () => fs.readdirSync(dir).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0),
        owners,
        days,
        runs,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (values.pg) {
    const url = values.pg;
    const schema = `bench_${process.pid}`;
    const options: OpenOptions = { schema };
    const admin = new Client({ connectionString: url });
    await admin.connect();
    try {
      await bench(
        'PostgreSQL (pg)',
        () => openHistoryStore(url, options),
        async () => {
          await admin.query('VACUUM ANALYZE');
          const r = await admin.query(
            `SELECT SUM(pg_total_relation_size(c.oid))::bigint AS bytes FROM pg_class c
             JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'`,
            [schema],
          );
          return Number(r.rows[0].bytes);
        },
        owners,
        days,
        runs,
      );
    } finally {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    }
  } else {
    console.log('\nPostgreSQL: skipped (pass --pg URL or set WECOM_BENCH_PG_URL).');
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
