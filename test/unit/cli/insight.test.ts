import { WECOM_PATHS } from '../../../src/shared/wecomApi';
import * as assert from 'node:assert/strict';
import type { FakeWeComServer } from '../../../src/demo/fakeServer';
import { addDays, listDays } from '../../../src/shared/days';
import { emptyStats, METRIC_KEYS, type GroupChatStats } from '../../../src/shared/metrics';
import { FIXED_NOW } from '../wecom/support';
import { runInProcess } from './cliHarness';
import { serverWithStoreFile, type RankJson, type RollupJson } from './storeSupport';

const AS_OF = [
  'chat_total',
  'chat_has_msg',
  'member_total',
  'member_has_msg',
  'msg_total',
  'migrate_trainee_chat_cnt',
];

suite('cli: rollup and rank against the fake server and a store file', () => {
  let server: FakeWeComServer;
  let env: Record<string, string>;
  const cli = (...argv: string[]) => runInProcess(argv, env, () => FIXED_NOW, 5);
  const owners = ['lisi', 'zhangsan'];
  const sum = (days: readonly string[]): GroupChatStats => {
    const out = emptyStats();
    for (const day of days) {
      for (const owner of owners) {
        for (const k of METRIC_KEYS) {
          out[k] += server.statsFor(owner, day)[k];
        }
      }
    }
    return out;
  };
  const calls = (): number =>
    (server.counts()[WECOM_PATHS.statistic] ?? 0) + (server.counts()[WECOM_PATHS.byDay] ?? 0);

  serverWithStoreFile({ ownerCount: 12 }, (place) => {
    ({ server, env } = place);
  });

  test('rollup --by week: the plan on stderr first, items exactly as documented, hand-summed', async () => {
    // 2026-W47 is 11-16 … 11-22; yesterday (FIXED_NOW) is 11-26, so W48 is clipped at 11-24.
    const r = await cli(
      'rollup',
      '--by',
      'week',
      '--from',
      '2026-11-16',
      '--to',
      '2026-11-24',
      '--owners',
      'lisi,zhangsan',
      '--format',
      'json',
    );
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^Plan: \d+ call\(s\) for 10 day\(s\) × 2 owner\(s\)/);
    assert.ok(calls() > 0);
    const json = JSON.parse(r.stdout) as RollupJson;
    assert.deepEqual(Object.keys(json), ['by', 'range', 'owners', 'items']);
    assert.deepEqual(json.range, { from: '2026-11-16', to: '2026-11-24' });
    assert.equal(json.items.length, 2);
    for (const item of json.items) {
      assert.deepEqual(Object.keys(item), ['period', 'from', 'to', 'complete', 'data', 'change']);
      assert.deepEqual(Object.keys(item.data), [...METRIC_KEYS]);
      assert.deepEqual(Object.keys(item.change), AS_OF);
    }
    const [w47, w48] = json.items;
    assert.deepEqual(
      [w47.period, w47.from, w47.to, w47.complete],
      ['2026-W47', '2026-11-16', '2026-11-22', true],
    );
    assert.deepEqual(
      [w48.period, w48.from, w48.to, w48.complete],
      ['2026-W48', '2026-11-23', '2026-11-24', false],
    );
    const flows = sum(listDays({ from: '2026-11-16', to: '2026-11-22' }));
    const last = sum(['2026-11-22']);
    const before = sum(['2026-11-15']);
    assert.equal(w47.data.new_chat_cnt, flows.new_chat_cnt);
    assert.equal(w47.data.new_member_cnt, flows.new_member_cnt);
    for (const k of AS_OF) {
      assert.equal(w47.data[k], last[k as keyof GroupChatStats], k);
      assert.equal(w47.change[k], last[k as keyof GroupChatStats] - before[k as keyof GroupChatStats], k);
    }
    assert.equal(w48.change.chat_total, sum(['2026-11-24']).chat_total - last.chat_total);

    // Everything is stored and final now: no call the second time.
    server.resetCounts();
    const again = await cli(
      'rollup',
      '--by',
      'week',
      '--from',
      '2026-11-16',
      '--to',
      '2026-11-24',
      '--owners',
      'lisi,zhangsan',
      '--format',
      'json',
    );
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /^Nothing to fetch/);
    assert.equal(calls(), 0);
    assert.equal(again.stdout, r.stdout);
  });

  test('rollup --by month: a range crossing a month gives two clipped, incomplete months; CSV header', async () => {
    const r = await cli(
      'rollup',
      '--by',
      'month',
      '--from',
      '2026-10-26',
      '--to',
      '2026-11-01',
      '--owners',
      'lisi,zhangsan',
      '--format',
      'csv',
    );
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split(/\r?\n/);
    assert.equal(
      lines[0],
      ['period', 'from', 'to', 'complete', ...METRIC_KEYS, ...AS_OF.map((k) => `change_${k}`)].join(','),
    );
    assert.match(lines[1], /^2026-10,2026-10-26,2026-10-31,false,/);
    assert.match(lines[2], /^2026-11,2026-11-01,2026-11-01,false,/);
  });

  test('rank: items exactly as documented; flow = sum over the range; ties by owner id; previous rank', async () => {
    const range = { from: '2026-11-20', to: '2026-11-26' };
    const r = await cli(
      'rank',
      '--metric',
      'new_member_cnt',
      '--from',
      range.from,
      '--to',
      range.to,
      '--top',
      '5',
      '--format',
      'json',
    );
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^Plan: \d+ call\(s\) for 14 day\(s\) × 12 owner\(s\)/);
    const json = JSON.parse(r.stdout) as RankJson;
    assert.equal(json.items.length, 5);
    const everyone = JSON.parse(
      (
        await cli(
          'rank',
          '--metric',
          'new_member_cnt',
          '--from',
          range.from,
          '--to',
          range.to,
          '--top',
          '99',
          '--format',
          'json',
        )
      ).stdout,
    ) as RankJson;
    const ownersAll = everyone.items.map((i) => i.owner);
    const total = (owner: string, days: string[]) =>
      days.reduce((s, d) => s + server.statsFor(owner, d).new_member_cnt, 0);
    const order = (days: string[]) =>
      [...ownersAll].sort((a, b) => total(b, days) - total(a, days) || (a < b ? -1 : 1));
    const now = order(listDays(range));
    const before = order(listDays({ from: addDays(range.from, -7), to: addDays(range.from, -1) }));
    assert.deepEqual(
      everyone.items,
      now.map((owner, i) => ({
        owner,
        value: total(owner, listDays(range)),
        rank: i + 1,
        previous_rank: before.indexOf(owner) + 1,
      })),
    );
    for (const item of json.items) {
      assert.deepEqual(Object.keys(item), ['owner', 'value', 'rank', 'previous_rank']);
    }
    assert.deepEqual(json.items, everyone.items.slice(0, 5));
  });
});
