import { WECOM_PATHS } from '../../../src/shared/wecomApi';
import * as assert from 'node:assert/strict';
import type { FakeWeComServer } from '../../../src/demo/fakeServer';
import { listDays } from '../../../src/shared/days';
import { emptyStats, type GroupChatStats } from '../../../src/shared/metrics';
import { openHistoryStore } from '../../../src/store/open';
import type { AtomInput } from '../../../src/store/types';
import { scopeFor } from '../../../src/sync/scope';
import { FIXED_NOW } from '../wecom/support';
import { runInProcess } from './cliHarness';
import { serverWithStoreFile, type RankJson, type RollupJson } from './storeSupport';

suite('cli: rollup and rank --no-fetch over a store file', () => {
  let server: FakeWeComServer;
  let env: Record<string, string>;
  const cli = (...argv: string[]) => runInProcess(argv, env, () => FIXED_NOW, 5);
  serverWithStoreFile({ ownerCount: 12 }, (place) => {
    ({ server, env } = place);
  });

  test('--no-fetch with missing days: exit 2, the days named, no call at all, nothing on stdout', async () => {
    const r = await cli(
      'rollup',
      '--by',
      'week',
      '--from',
      '2026-11-16',
      '--to',
      '2026-11-22',
      '--owners',
      'lisi',
      '--no-fetch',
    );
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /--no-fetch: the store lacks 7 days 2026-11-16, 2026-11-17, .* and 2 more/);
    assert.equal(server.counts()[WECOM_PATHS.token] ?? 0, 0);
    // An empty store and no --owners: no stored owner, so nothing lacks and nothing is ranked.
    const k = await cli(
      'rank',
      '--metric',
      'chat_total',
      '--from',
      '2026-11-22',
      '--to',
      '2026-11-22',
      '--no-fetch',
      '--format',
      'json',
    );
    assert.equal(k.code, 0, k.stderr);
    assert.deepEqual((JSON.parse(k.stdout) as RankJson).items, []);
  });

  test('--no-fetch over a seeded store: an absent owner is not a zero, a provisional day is incomplete, a new owner has previous_rank null', async () => {
    const store = await openHistoryStore(env.WECOM_STORE);
    const scope = scopeFor({ apiBaseUrl: server.url, corpId: server.corpId, corpSecret: server.corpSecret });
    const final = FIXED_NOW;
    const stats = (v: Partial<GroupChatStats>): GroupChatStats => ({ ...emptyStats(), ...v });
    const atoms: AtomInput[] = [];
    for (const day of listDays({ from: '2026-11-08', to: '2026-11-15' })) {
      atoms.push({ day, owner: 'a', fetchedAt: final, data: stats({ new_chat_cnt: 1, chat_total: 10 }) });
      atoms.push(
        day >= '2026-11-13'
          ? { day, owner: 'b', fetchedAt: final, absent: true }
          : { day, owner: 'b', fetchedAt: final, data: stats({ new_chat_cnt: 2, chat_total: 20 }) },
      );
    }
    // c is new: WeCom had no row for it before 11-15 (absent atoms, as sync stores them).
    for (const day of listDays({ from: '2026-11-08', to: '2026-11-14' })) {
      atoms.push({ day, owner: 'c', fetchedAt: final, absent: true });
    }
    atoms.push({
      day: '2026-11-15',
      owner: 'c',
      fetchedAt: final,
      data: stats({ new_chat_cnt: 9, chat_total: 5 }),
    });
    await store.putAtoms(scope, atoms);
    // 2026-11-16 fetched at 09:00 CST on 11-17: provisional.
    await store.putAtoms(scope, [
      {
        day: '2026-11-16',
        owner: 'a',
        fetchedAt: Date.UTC(2026, 10, 17, 1),
        data: stats({ new_chat_cnt: 3, chat_total: 13 }),
      },
      { day: '2026-11-16', owner: 'b', fetchedAt: Date.UTC(2026, 10, 17, 1), absent: true },
    ]);
    await store.close();

    const r = await cli(
      'rollup',
      '--by',
      'week',
      '--from',
      '2026-11-09',
      '--to',
      '2026-11-16',
      '--owners',
      'a,b',
      '--no-fetch',
      '--format',
      'json',
    );
    assert.equal(r.code, 0, r.stderr);
    const [w46, w47] = (JSON.parse(r.stdout) as RollupJson).items;
    assert.deepEqual(
      [w46.period, w46.complete, w46.data.new_chat_cnt, w46.data.chat_total, w46.change.chat_total],
      ['2026-W46', true, 7 + 2 * 4, 10, 10 - 30],
    );
    assert.deepEqual(
      [w47.period, w47.from, w47.to, w47.complete, w47.data.new_chat_cnt, w47.change.chat_total],
      ['2026-W47', '2026-11-16', '2026-11-16', false, 3, 3],
    );
    assert.equal(server.counts()[WECOM_PATHS.token] ?? 0, 0);

    const k = await cli(
      'rank',
      '--metric',
      'new_chat_cnt',
      '--from',
      '2026-11-12',
      '--to',
      '2026-11-15',
      '--no-fetch',
      '--format',
      'json',
      '--owners',
      'a,b,c',
    );
    assert.equal(k.code, 0, k.stderr);
    // Now (11-12 … 11-15): c 9, a 4, b 2 (absent 11-13 … 11-15). Before (11-08 … 11-11): b 8, a 4, c none.
    assert.deepEqual((JSON.parse(k.stdout) as RankJson).items, [
      { owner: 'c', value: 9, rank: 1, previous_rank: null },
      { owner: 'a', value: 4, rank: 2, previous_rank: 2 },
      { owner: 'b', value: 2, rank: 3, previous_rank: 1 },
    ]);
    // An as-of figure: each period's last day, or the owner's last present day before it (b).
    const asOf = await cli(
      'rank',
      '--metric',
      'chat_total',
      '--from',
      '2026-11-12',
      '--to',
      '2026-11-15',
      '--no-fetch',
      '--format',
      'json',
      '--owners',
      'a,b,c',
    );
    assert.deepEqual((JSON.parse(asOf.stdout) as RankJson).items, [
      { owner: 'b', value: 20, rank: 1, previous_rank: 1 },
      { owner: 'a', value: 10, rank: 2, previous_rank: 2 },
      { owner: 'c', value: 5, rank: 3, previous_rank: null },
    ]);
    const table = await cli(
      'rank',
      '--metric',
      'new_chat_cnt',
      '--from',
      '2026-11-12',
      '--to',
      '2026-11-15',
      '--no-fetch',
      '--owners',
      'a,b,c',
    );
    assert.match(table.stdout, /1\s+c\s+9\s+-\s+new/);
    assert.match(table.stdout, /3\s+b\s+2\s+1\s+↓2/);
    const missing = await cli(
      'rank',
      '--metric',
      'chat_total',
      '--from',
      '2026-11-08',
      '--to',
      '2026-11-09',
      '--no-fetch',
      '--owners',
      'a',
    );
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /lacks 2 days 2026-11-06, 2026-11-07 for some owners/);
  });

  test('usage: --by, --metric and --top checked before anything runs; --help lists the figures from the glossary', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['rollup', '--from', '2026-11-01', '--to', '2026-11-02'], /rollup needs --by week or --by month/],
      [['rollup', '--by', 'day', '--from', '2026-11-01', '--to', '2026-11-02'], /unknown --by "day"/],
      [
        ['rank', '--from', '2026-11-01', '--to', '2026-11-02'],
        /rank needs --metric FIELD: use one of new_chat_cnt/,
      ],
      [['rank', '--metric', 'nope', '--from', '2026-11-01', '--to', '2026-11-02'], /unknown figure "nope"/],
      [
        ['rank', '--metric', 'chat_total', '--top', '0', '--from', '2026-11-01', '--to', '2026-11-02'],
        /--top must be/,
      ],
      [
        ['rank', '--metric', 'chat_total', '--from', '2026-11-01', '--to', '2026-11-27'],
        /2026-11-27 is today or later/,
      ],
    ];
    for (const [argv, message] of cases) {
      const r = await cli(...argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.stderr, message);
    }
    const help = await cli('rank', '--help');
    assert.equal(help.code, 0);
    assert.match(
      help.stdout,
      /chat_total\s+as-of\s+Total groups \(客户群总数\): Total customer groups as of that day\./,
    );
    assert.match(help.stdout, /new_member_cnt\s+flow/);
    assert.equal((await cli('help', 'rollup')).stdout, (await cli('rollup', '-h')).stdout);
  });
});
