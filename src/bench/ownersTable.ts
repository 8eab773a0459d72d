/**
 * `npm run bench` (owners table): the table's pure model for 5,000 owners in Node: building the
 * rows, sorting by each column, filtering as a user types, and the virtual window. Prints the
 * median of several runs; no asserts.
 */
import { emptyStats, METRIC_KEYS, type GroupChatStats } from '../shared/metrics';
import { tableView, virtualWindow, type TableColumn, type TableOwnerRow } from '../shared/ownersTable';

const OWNERS = 5_000;
const RUNS = 15;

/** A small deterministic generator, so every run measures the same rows. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function figures(next: () => number): GroupChatStats {
  const data = emptyStats();
  for (const key of METRIC_KEYS) {
    data[key] = Math.floor(next() * 5_000);
  }
  return data;
}

function buildRows(): TableOwnerRow[] {
  const next = generator(12);
  const rows: TableOwnerRow[] = [];
  for (let i = 0; i < OWNERS; i++) {
    // One owner in fifty absent, one in ten without the day before: the slow paths are measured too.
    const data = i % 50 === 0 ? null : figures(next);
    rows.push({
      owner: `owner${String(i).padStart(5, '0')}`,
      name: `员工 ${i}`,
      data,
      previous: i % 10 === 0 ? undefined : figures(next),
    });
  }
  return rows;
}

function median(run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function main(): void {
  let rows: TableOwnerRow[] = [];
  const build = median(() => {
    rows = buildRows();
  });
  const columns: TableColumn[] = ['owner', ...METRIC_KEYS];
  const sorts = columns.map((column) => ({
    column,
    ms: median(() => tableView(rows, { filter: '', sort: { column, ascending: false } })),
  }));
  // Typing "owner12" one key at a time: each keystroke filters, sorts and totals again.
  const typed = 'owner12';
  const typing = median(() => {
    for (let n = 1; n <= typed.length; n++) {
      tableView(rows, { filter: typed.slice(0, n), sort: { column: 'msg_total', ascending: false } });
    }
  });
  const windowMs = median(() => {
    for (let top = 0; top < OWNERS * 40; top += 400) {
      virtualWindow({ rowCount: OWNERS, rowHeight: 40, scrollTop: top, viewportHeight: 800, overscan: 10 });
    }
  });
  const slowest = sorts.reduce((a, b) => (b.ms > a.ms ? b : a));
  const lines = [
    `Owners table model, ${OWNERS.toLocaleString('en-US')} owners (median of ${RUNS} runs, Node ${process.version}):`,
    `  build rows                            ${build.toFixed(2)} ms`,
    `  view (filter none + sort + totals)    ${sorts.find((s) => s.column === 'chat_total')?.ms.toFixed(2)} ms by chat_total; slowest ${slowest.ms.toFixed(2)} ms by ${slowest.column}`,
    `  typing "${typed}" (${typed.length} keystrokes)      ${typing.toFixed(2)} ms in all, ${(typing / typed.length).toFixed(2)} ms per key`,
    `  virtual window, ${OWNERS / 10} scroll steps   ${windowMs.toFixed(3)} ms in all`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
