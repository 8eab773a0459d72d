/**
 * `node dist/bench-analysis.js`: roll-ups and rankings (src/analysis) over a store of 5,000 owners
 * x 365 days (1.8 M atoms; target ≤ 300 ms embedded), on the embedded file and, with --pg URL (or
 * WECOM_BENCH_PG_URL), on PostgreSQL. Each figure is split into the store read and the analysis
 * itself. --file and --pg-schema keep (or reuse) the loaded store, so the load is paid once.
 * Prints figures; asserts nothing.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { rankOwners, topOwners } from '../analysis/rank';
import { rollupCuts, rollupRange, rollupRuns } from '../analysis/rollup';
import { readForRank } from '../sync/rankRead';
import { addDays, type DayRange } from '../shared/days';
import { openHistoryStore } from '../store/open';
import type { AtomInput, HistoryStore } from '../store/types';
import { BENCH_SCOPE, benchFigures } from './storeFixture';

const USAGE = `Usage: node dist/bench-analysis.js [--owners N] [--days N] [--runs N] [--file PATH]
                                    [--pg URL] [--pg-schema NAME] [--pg-only]

  --owners N        owners per day (default 5000)
  --days N          days ending 2026-11-26 (default 365)
  --runs N          timed repetitions of each figure (default 3)
  --file PATH       keep the store in PATH; an existing file of the same size is reused (default: a
                    temporary file, deleted at the end)
  --pg URL          also measure PostgreSQL (default: $WECOM_BENCH_PG_URL)
  --pg-schema NAME  keep the PostgreSQL store in schema NAME, reused like --file (default: a
                    scratch schema, dropped at the end)
  --pg-only         skip the embedded store
`;

const SCOPE = BENCH_SCOPE;
const LAST_DAY = '2026-11-26';

const figures = benchFigures;

async function load(store: HistoryStore, owners: readonly string[], days: number): Promise<void> {
  const fetchedAt = Date.parse('2026-11-28T03:00:00Z');
  const start = performance.now();
  for (let d = 0; d < days; d++) {
    if (d > 0 && d % 73 === 0) {
      console.log(`  … ${d} days in ${((performance.now() - start) / 1000).toFixed(0)} s`);
    }
    const day = addDays(LAST_DAY, d - days + 1);
    await store.putAtoms(
      SCOPE,
      owners.map((owner, o): AtomInput => ({ day, owner, fetchedAt, data: figures(o, d) })),
    );
  }
  console.log(`  loaded in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

/** min over runs of (read ms, analysis ms). */
async function measure<T, R>(
  runs: number,
  read: () => Promise<T>,
  analyse: (input: T) => R,
): Promise<{ read: number; analysis: number; result: R }> {
  let best = { read: Infinity, analysis: Infinity };
  let result: R | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const input = await read();
    const t1 = performance.now();
    result = analyse(input);
    const t2 = performance.now();
    best = { read: Math.min(best.read, t1 - t0), analysis: Math.min(best.analysis, t2 - t1) };
  }
  return { ...best, result: result as R };
}

function line(name: string, m: { read: number; analysis: number }, extra: string): void {
  const total = m.read + m.analysis;
  console.log(
    `  ${name.padEnd(40)} ${total.toFixed(0).padStart(6)} ms  (store ${m.read.toFixed(0)} + analysis ${m.analysis.toFixed(1)})  ${total <= 300 ? 'within' : 'OVER'} 300 ms  ${extra}`,
  );
}

/** Loads the store unless it already holds this size, then prints every figure. */
async function measureStore(
  name: string,
  store: HistoryStore,
  owners: readonly string[],
  days: number,
  runs: number,
): Promise<void> {
  const stored = await store.days(SCOPE);
  if (stored?.count !== days || (await store.owners(SCOPE)).length !== owners.length) {
    console.log(
      `${name}: loading ${days} days x ${owners.length} owners = ${(days * owners.length).toLocaleString('en-US')} atoms…`,
    );
    await load(store, owners, days);
  } else {
    console.log(`${name}: reusing the loaded store, ${days} days x ${owners.length} owners.`);
  }
  const first = addDays(LAST_DAY, -days + 1);
  console.log(`\n${name}, ${owners.length} owners, ${first} … ${LAST_DAY}; min of ${runs} run(s):`);
  for (const by of ['week', 'month'] as const) {
    const range: DayRange = { from: addDays(first, 1), to: LAST_DAY };
    const m = await measure(
      runs,
      () => store.sumByRuns(SCOPE, { ...rollupRange(range), owners, cuts: rollupCuts(range, by) }),
      (runs) => rollupRuns(runs, range, by),
    );
    line(`rollup --by ${by}, ${days - 1} days`, m, `(${m.result.length} periods)`);
  }
  for (const span of [7, 30, Math.floor(days / 2)]) {
    const range: DayRange = { from: addDays(LAST_DAY, -span + 1), to: LAST_DAY };
    for (const metric of ['new_member_cnt', 'chat_total'] as const) {
      const m = await measure(
        runs,
        () => readForRank(store, SCOPE, metric, range, owners),
        (atoms) => ({
          read: atoms.length,
          top: topOwners(rankOwners(atoms, { metric, range, owners }), 10),
        }),
      );
      line(
        `rank ${metric}, ${span} days (+${span} prev)`,
        m,
        `(${m.result.read.toLocaleString('en-US')} rows read)`,
      );
    }
  }
  // A subset is summed from its own block sums and a few days of its atoms, never from the
  // all-owner totals.
  const range: DayRange = { from: addDays(first, 1), to: LAST_DAY };
  const half = owners.slice(0, owners.length >> 1);
  for (const by of ['month', 'week'] as const) {
    const m = await measure(
      runs,
      () => store.sumByRuns(SCOPE, { ...rollupRange(range), owners: half, cuts: rollupCuts(range, by) }),
      (sums) => rollupRuns(sums, range, by),
    );
    line(`rollup --by ${by}, ${half.length} of the owners`, m, '(summed from their blocks)');
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      owners: { type: 'string', default: '5000' },
      days: { type: 'string', default: '365' },
      runs: { type: 'string', default: '3' },
      file: { type: 'string' },
      pg: { type: 'string', default: process.env.WECOM_BENCH_PG_URL ?? '' },
      'pg-schema': { type: 'string' },
      'pg-only': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const [ownerCount, days, runs] = [Number(values.owners), Number(values.days), Number(values.runs)];
  const owners = Array.from({ length: ownerCount }, (_, o) => `owner${String(o).padStart(5, '0')}`);
  if (!values['pg-only']) {
    const dir = values.file ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'wecom-bench-analysis-'));
    const store = await openHistoryStore(values.file ?? path.join(dir as string, 'history.db'));
    try {
      await measureStore('Embedded store', store, owners, days, runs);
    } finally {
      await store.close();
      if (dir) {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  if (!values.pg) {
    console.log('\nPostgreSQL: skipped (pass --pg URL or set WECOM_BENCH_PG_URL).');
    return;
  }
  const schema = values['pg-schema'] ?? `bench_analysis_${process.pid}`;
  const store = await openHistoryStore(values.pg, { schema });
  try {
    console.log('');
    await measureStore('PostgreSQL', store, owners, days, runs);
  } finally {
    await store.close();
    if (!values['pg-schema']) {
      const admin = new Client({ connectionString: values.pg });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
