import * as assert from 'node:assert/strict';
import { startFakeWeComServer } from '../../../src/demo/fakeServer';
import type { FakeWeComServer } from '../../../src/demo/fakeServer';
import { addDays, dayStartTs, listDays } from '../../../src/shared/days';
import { METRIC_KEYS, METRICS, addStats, emptyStats } from '../../../src/shared/metrics';
import type { GroupChatStats } from '../../../src/shared/metrics';
import { runInProcess } from './cliHarness';

/** 2026-06-15 12:00 CST. */
const NOW = Date.UTC(2026, 5, 15, 4, 0, 0);
const now = (): number => NOW;

interface OwnersJson {
  range: { from: string; to: string };
  items: Array<{ owner: string; data: GroupChatStats }>;
}
interface ByDayJson {
  range: { from: string; to: string };
  owners: string[] | null;
  items: Array<{ date: string; stat_time: number; data: GroupChatStats }>;
}

suite('cli: run() in-process against the fake server', () => {
  let server: FakeWeComServer;
  let env: Record<string, string>;

  suiteSetup(async () => {
    server = await startFakeWeComServer({ ownerCount: 150, now });
    env = { WECOM_CORP_ID: server.corpId, WECOM_CORP_SECRET: server.corpSecret, WECOM_API_BASE: server.url };
  });
  suiteTeardown(async () => {
    await server.close();
  });

  test('owners (defaults): yesterday, every follow user, figures equal the ground truth, chat_total descending', async () => {
    const r = await runInProcess(['owners', '--format', 'json'], env, now);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const json = JSON.parse(r.stdout) as OwnersJson;
    assert.deepEqual(json.range, { from: '2026-06-14', to: '2026-06-14' });
    assert.equal(json.items.length, 150);
    for (const item of json.items) {
      assert.deepEqual(item.data, server.statsFor(item.owner, '2026-06-14'), item.owner);
    }
    assert.deepEqual(new Set(json.items.map((i) => i.owner)), new Set(server.owners));
    for (let i = 1; i < json.items.length; i++) {
      assert.ok(json.items[i - 1].data.chat_total >= json.items[i].data.chat_total);
    }
  });

  test('owners over a range with --owners, --sort (client-side figure) and --asc', async () => {
    const owners = ['lisi', 'Zhou "Jie", Sales', 'a<b>&c', 'zhangwei'];
    const r = await runInProcess(
      [
        'owners',
        '--from',
        '2026-06-01',
        '--to',
        '2026-06-07',
        '--owners',
        'lisi,"Zhou ""Jie"", Sales",a<b>&c,zhangwei',
        '--sort',
        'msg_total',
        '--asc',
        '--format',
        'json',
      ],
      env,
      now,
    );
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as OwnersJson;
    assert.deepEqual(new Set(json.items.map((i) => i.owner)), new Set(owners));
    for (const item of json.items) {
      const expected = emptyStats();
      for (const day of listDays({ from: '2026-06-01', to: '2026-06-07' })) {
        const d = server.statsFor(item.owner, day);
        for (const key of METRIC_KEYS) {
          expected[key] = METRICS[key].kind === 'flow' ? expected[key] + d[key] : d[key];
        }
      }
      assert.deepEqual(item.data, expected, item.owner);
    }
    for (let i = 1; i < json.items.length; i++) {
      assert.ok(json.items[i - 1].data.msg_total <= json.items[i].data.msg_total);
    }
  });

  test('by-day over 45 days (two windows): one item per day, summed over every owner', async () => {
    const from = addDays('2026-06-14', -44);
    const r = await runInProcess(
      ['by-day', '--from', from, '--to', '2026-06-14', '--format', 'json'],
      env,
      now,
    );
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as ByDayJson;
    assert.equal(json.owners, null);
    const days = listDays({ from, to: '2026-06-14' });
    assert.deepEqual(
      json.items.map((i) => i.date),
      days,
    );
    for (const item of json.items) {
      assert.equal(item.stat_time, dayStartTs(item.date));
      const expected = emptyStats();
      server.owners.forEach((o) => addStats(expected, server.statsFor(o, item.date)));
      assert.deepEqual(item.data, expected, item.date);
    }
  });

  test('by-day with --owners reports them and sums only them', async () => {
    const r = await runInProcess(
      ['by-day', '--from', '2026-06-10', '--to', '2026-06-12', '--owners', 'lisi,wangwu', '--format', 'json'],
      env,
      now,
    );
    const json = JSON.parse(r.stdout) as ByDayJson;
    assert.deepEqual(json.owners, ['lisi', 'wangwu']);
    const expected = addStats(server.statsFor('lisi', '2026-06-11'), server.statsFor('wangwu', '2026-06-11'));
    assert.deepEqual(json.items[1].data, expected);
  });

  test('missing credentials name the variable to set (exit 2); --demo needs none', async () => {
    const noId = await runInProcess(['owners'], { WECOM_CORP_SECRET: 'x' }, now);
    assert.equal(noId.code, 2);
    assert.match(noId.stderr, /^wecom-stats: set WECOM_CORP_ID .*\n$/);
    const noSecret = await runInProcess(['owners'], { WECOM_CORP_ID: 'ww1' }, now);
    assert.equal(noSecret.code, 2);
    assert.match(noSecret.stderr, /set WECOM_CORP_SECRET/);
    const demo = await runInProcess(['owners', '--demo', '--format', 'json'], {}, now);
    assert.equal(demo.code, 0, demo.stderr);
    assert.equal((JSON.parse(demo.stdout) as OwnersJson).items.length, 30);
  });

  test('API errors: one line, exit 1, never the secret', async () => {
    const secret = 'wrong-secret-7f3a9c';
    const r = await runInProcess(['owners'], { ...env, WECOM_CORP_SECRET: secret }, now);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.split('\n').length, 2, r.stderr);
    assert.match(r.stderr, /40001/);
    assert.ok(!r.stderr.includes(secret));
    const unknownOwner = await runInProcess(['owners', '--owners', 'ghost'], env, now);
    assert.equal(unknownOwner.code, 1);
    assert.match(unknownOwner.stderr, /81013/);
    assert.ok(!unknownOwner.stderr.includes(server.corpSecret));
    // With --demo, the environment's own secret (pasted as an owner id by mistake) stays masked too.
    const pasted = await runInProcess(
      ['owners', '--demo', '--owners', secret],
      { WECOM_CORP_SECRET: ` ${secret} ` },
      now,
    );
    assert.equal(pasted.code, 1);
    assert.match(pasted.stderr, /81013/);
    assert.ok(!pasted.stderr.includes(secret), pasted.stderr);
  });

  test('owner totals over more than 30 days are refused before any request (exit 2)', async () => {
    server.resetCounts();
    const r = await runInProcess(['owners', '--from', '2026-05-01', '--to', '2026-06-14'], env, now);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /30 days/);
    assert.deepEqual(server.counts(), {});
  });
});
