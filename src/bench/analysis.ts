/**
 * `node dist/bench-analysis.js`: roll-ups and rankings (src/analysis) over an embedded store of
 * 5,000 owners x 365 days (1.8 M atoms; target ≤ 300 ms). Each figure is split into the store read
 * and the analysis itself. --file keeps (or reuses) the store file, so the load is paid once.
 * Prints figures; asserts nothing.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { rankOwners, topOwners } from '../analysis/rank';
import { rollup, rollupRange } from '../analysis/rollup';
import { seriesFromSums } from '../analysis/series';
import { readForRank } from '../cli/rankRead';
import { addDays, type DayRange } from '../shared/days';
import { openHistoryStore } from '../store/open';
import type { AtomInput, HistoryStore } from '../store/types';
import { BENCH_SCOPE, benchFigures } from './storeFixture';

const USAGE = `Usage: node dist/bench-analysis.js [--owners N] [--days N] [--runs N] [--file PATH]

  --owners N   owners per day (default 5000)
  --days N     days ending 2026-11-26 (default 365)
  --runs N     timed repetitions of each figure (default 3)
  --file PATH  keep the store in PATH; an existing file of the same size is reused (default: a
               temporary file, deleted at the end)
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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      owners: { type: 'string', default: '5000' },
      days: { type: 'string', default: '365' },
      runs: { type: 'string', default: '3' },
      file: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const [ownerCount, days, runs] = [Number(values.owners), Number(values.days), Number(values.runs)];
  const owners = Array.from({ length: ownerCount }, (_, o) => `owner${String(o).padStart(5, '0')}`);
  const dir = values.file ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'wecom-bench-analysis-'));
  const file = values.file ?? path.join(dir as string, 'history.db');
  const reuse = fs.existsSync(file);
  const store = await openHistoryStore(file);
  try {
    const stored = await store.days(SCOPE);
    if (!reuse || stored?.count !== days || (await store.owners(SCOPE)).length !== ownerCount) {
      console.log(
        `Loading ${days} days x ${ownerCount} owners = ${(days * ownerCount).toLocaleString('en-US')} atoms…`,
      );
      await load(store, owners, days);
    } else {
      console.log(`Reusing ${file}: ${days} days x ${ownerCount} owners.`);
    }
    const first = addDays(LAST_DAY, -days + 1);
    console.log(`\nEmbedded store, ${ownerCount} owners, ${first} … ${LAST_DAY}; min of ${runs} run(s):`);
    for (const by of ['week', 'month'] as const) {
      const range: DayRange = { from: addDays(first, 1), to: LAST_DAY };
      const m = await measure(
        runs,
        () => store.sumByDay(SCOPE, { ...rollupRange(range), owners }),
        (sums) => rollup(seriesFromSums(rollupRange(range), sums), range, by),
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
  } finally {
    await store.close();
    if (dir) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
