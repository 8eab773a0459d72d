import { WECOM_PATHS } from '../../../src/shared/wecomApi';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from '../../../src/cli/run';
import type { FakeWeComServer } from '../../../src/demo/fakeServer';
import { addDays, lastNDays, listDays } from '../../../src/shared/days';
import { METRIC_KEYS } from '../../../src/shared/metrics';
import { openHistoryStore } from '../../../src/store/open';
import { scopeFor } from '../../../src/sync/scope';
import { planSync, runSync } from '../../../src/sync/sync';
import { FIXED_NOW, dayTruth, makeClient, startServer } from '../wecom/support';
import { runInProcess } from './cliHarness';
import { serverWithStoreFile } from './storeSupport';

const DAY_MS = 86_400_000;

suite(
  'cli: sync, history, by-day --store, reconcile, export/import against the fake and a store file',
  () => {
    let clock = FIXED_NOW;
    const now = (): number => clock;
    let server: FakeWeComServer;
    let dir: string;
    let env: Record<string, string>;
    const cli = (...argv: string[]) => runInProcess(argv, env, now, 5);
    const days10 = listDays(lastNDays(10, FIXED_NOW));

    setup(() => {
      clock = FIXED_NOW;
    });
    serverWithStoreFile({ ownerCount: 120, now }, (place) => {
      ({ server, dir, env } = place);
    });

    test('sync --dry-run: exactly the four keys, and no statistics call', async () => {
      const r = await cli('sync', '--days', '10', '--dry-run', '--format', 'json');
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout), { calls: 20, days: 10, owners: 120, plan: 'by-day-statistic' });
      assert.equal(server.counts()[WECOM_PATHS.statistic] ?? 0, 0);
      assert.equal(server.counts()[WECOM_PATHS.byDay] ?? 0, 0);
    });

    test('sync: the calls made equal the plan; a second sync makes none; history JSON shape', async () => {
      const r = await cli('sync', '--days', '10', '--format', 'json');
      assert.equal(r.code, 0, r.stderr);
      const out = JSON.parse(r.stdout) as Record<string, unknown>;
      assert.deepEqual(Object.keys(out), [
        'plan',
        'calls',
        'atoms',
        'inserted',
        'revised',
        'unchanged',
        'absent',
        'skipped_units',
      ]);
      assert.deepEqual(out.plan, { calls: 20, days: 10, owners: 120, plan: 'by-day-statistic' });
      assert.equal(out.calls, 20);
      assert.equal(server.counts()[WECOM_PATHS.statistic], 20);
      server.resetCounts();
      const again = await cli('sync', '--days', '10', '--format', 'json');
      assert.equal((JSON.parse(again.stdout) as { calls: number }).calls, 0);
      assert.equal(server.counts()[WECOM_PATHS.statistic] ?? 0, 0);

      const h = await cli(
        'history',
        '--from',
        days10[0],
        '--to',
        days10[1],
        '--owners',
        'lisi,zhangsan',
        '--format',
        'json',
      );
      assert.equal(h.code, 0, h.stderr);
      const json = JSON.parse(h.stdout) as { range: unknown; items: Array<Record<string, unknown>> };
      assert.deepEqual(Object.keys(json), ['range', 'items']);
      assert.deepEqual(json.range, { from: days10[0], to: days10[1] });
      assert.equal(json.items.length, 4);
      for (const item of json.items) {
        assert.deepEqual(Object.keys(item), ['date', 'owner', 'data', 'final', 'revisions']);
        assert.deepEqual(Object.keys(item.data as object), [...METRIC_KEYS]);
        assert.deepEqual(item.data, server.statsFor(item.owner as string, item.date as string));
        assert.equal(item.final, true);
        assert.deepEqual(item.revisions, []);
      }
    });

    test('history: an absent owner is {"date","owner","absent":true}; revisions carry fetched_at and data; CSV defused', async () => {
      const store = await openHistoryStore(env.WECOM_STORE);
      const scope = scopeFor({
        apiBaseUrl: server.url,
        corpId: server.corpId,
        corpSecret: server.corpSecret,
      });
      const day = days10[0];
      const first = server.statsFor('lisi', day);
      await store.putAtoms(scope, [
        { day, owner: 'ghost', fetchedAt: FIXED_NOW, absent: true },
        { day, owner: '=HYPERLINK("x")', fetchedAt: FIXED_NOW - DAY_MS, data: first },
      ]);
      await store.putAtoms(scope, [
        {
          day,
          owner: '=HYPERLINK("x")',
          fetchedAt: FIXED_NOW,
          data: { ...first, msg_total: first.msg_total + 7 },
        },
      ]);
      await store.close();
      const r = await cli('history', '--from', day, '--to', day, '--format', 'json');
      assert.equal(r.code, 0, r.stderr);
      const items = (JSON.parse(r.stdout) as { items: Array<Record<string, unknown>> }).items;
      assert.deepEqual(
        items.find((i) => i.owner === 'ghost'),
        { date: day, owner: 'ghost', absent: true },
      );
      const revised = items.find((i) => i.owner === '=HYPERLINK("x")') as Record<string, unknown>;
      assert.equal((revised.data as { msg_total: number }).msg_total, first.msg_total + 7);
      assert.deepEqual(revised.revisions, [
        { fetched_at: new Date(FIXED_NOW - DAY_MS).toISOString(), data: first },
      ]);
      const csv = await cli('history', '--from', day, '--to', day, '--format', 'csv');
      assert.match(csv.stdout, /\r\n[^,]+,"'=HYPERLINK\(""x""\)",/);
      assert.match(csv.stdout, /,ghost,-,/);
    });

    test('200 days later: history and by-day --store answer from the store; days neither has are named', async () => {
      assert.equal((await cli('sync', '--days', '10')).code, 0);
      clock = FIXED_NOW + 200 * DAY_MS;
      server.resetCounts();
      const h = await cli(
        'history',
        '--from',
        days10[0],
        '--to',
        days10[9],
        '--owners',
        'lisi',
        '--format',
        'json',
      );
      assert.equal(h.code, 0, h.stderr);
      assert.equal((JSON.parse(h.stdout) as { items: unknown[] }).items.length, 10);
      const owners = server.owners.filter((o) => /^[a-z0-9]+$/.test(o)).slice(0, 30);
      const b = await cli(
        'by-day',
        '--from',
        days10[0],
        '--to',
        days10[9],
        '--owners',
        owners.join(','),
        '--store',
        env.WECOM_STORE,
        '--format',
        'json',
      );
      assert.equal(b.code, 0, b.stderr);
      const items = (JSON.parse(b.stdout) as { items: Array<{ date: string; data: unknown }> }).items;
      assert.deepEqual(
        items.map((i) => i.date),
        days10,
      );
      for (const item of items) {
        assert.deepEqual(item.data, dayTruth(server, owners, item.date));
      }
      assert.deepEqual(server.counts(), {}, 'no request at all: every day came from the store');
      // Without --store the contract is unchanged: too old is a usage error.
      assert.equal((await cli('by-day', '--from', days10[0], '--to', days10[9])).code, 2);
      // One day before the stored ones: neither the store nor WeCom has it.
      const gap = await cli(
        'by-day',
        '--from',
        addDays(days10[0], -1),
        '--to',
        days10[9],
        '--owners',
        'lisi',
        '--store',
        env.WECOM_STORE,
      );
      assert.equal(gap.code, 2);
      assert.match(
        gap.stderr,
        new RegExp(`neither the history store nor WeCom has the day ${addDays(days10[0], -1)}`),
      );
      assert.equal(gap.stdout, '');
    });

    test('owners --store: one day synced once, then from the store; older than 180 days from it alone; a range refused', async () => {
      const day = days10[9];
      const owners = server.owners
        .filter((o) => /^[a-z0-9]+$/.test(o))
        .slice(0, 30)
        .join(',');
      const first = await cli(
        'owners',
        '--date',
        day,
        '--owners',
        owners,
        '--store',
        env.WECOM_STORE,
        '--format',
        'json',
      );
      assert.equal(first.code, 0, first.stderr);
      assert.equal(server.counts()[WECOM_PATHS.statistic], 1, 'one day of 30 owners: one call');
      const items = (
        JSON.parse(first.stdout) as { items: Array<{ owner: string; data: { chat_total: number } }> }
      ).items;
      assert.equal(items.length, 30);
      for (const item of items) {
        assert.deepEqual(item.data, server.statsFor(item.owner, day));
      }
      const totals = items.map((i) => i.data.chat_total);
      assert.deepEqual(
        totals,
        [...totals].sort((a, b) => b - a),
        'sorted by chat_total, largest first',
      );

      clock = FIXED_NOW + 200 * DAY_MS;
      server.resetCounts();
      const later = await cli(
        'owners',
        '--date',
        day,
        '--owners',
        owners,
        '--store',
        env.WECOM_STORE,
        '--format',
        'json',
      );
      assert.equal(later.code, 0, later.stderr);
      assert.equal(later.stdout, first.stdout);
      assert.equal(server.counts()[WECOM_PATHS.statistic] ?? 0, 0, 'every atom was final and stored');

      const gap = await cli(
        'owners',
        '--date',
        addDays(day, -1),
        '--owners',
        owners,
        '--store',
        env.WECOM_STORE,
      );
      assert.equal(gap.code, 2);
      assert.match(
        gap.stderr,
        new RegExp(`neither the history store nor WeCom has the day ${addDays(day, -1)}`),
      );
      assert.equal(gap.stdout, '');

      const range = await cli('owners', '--from', days10[0], '--to', day, '--store', env.WECOM_STORE);
      assert.equal(range.code, 2);
      assert.match(range.stderr, /--store takes one day/);
    });

    test('reconcile: consistent on the fake (exact JSON shape); inconsistent when the store came from another seed', async () => {
      const day = days10[9];
      assert.equal((await cli('sync', '--days', '2')).code, 0);
      const ok = await cli('reconcile', '--date', day, '--format', 'json');
      assert.equal(ok.code, 0, ok.stderr);
      const json = JSON.parse(ok.stdout) as {
        date: string;
        consistent: boolean;
        fields: Array<Record<string, unknown>>;
      };
      assert.deepEqual(Object.keys(json), ['date', 'consistent', 'fields']);
      assert.equal(json.date, day);
      assert.equal(json.consistent, true);
      const truth = dayTruth(server, server.owners, day);
      assert.deepEqual(
        json.fields,
        METRIC_KEYS.map((field) => ({ field, sum_of_owners: truth[field], by_day: truth[field] })),
      );

      // Rewrite the store's atoms of that day from a server with other figures (seed 2), same scope.
      const other = await startServer({ ownerCount: 120, seed: 2, now });
      const store = await openHistoryStore(env.WECOM_STORE);
      const scope = scopeFor({
        apiBaseUrl: server.url,
        corpId: server.corpId,
        corpSecret: server.corpSecret,
      });
      const plan = await planSync(store, scope, {
        days: [day],
        owners: other.owners,
        recheck: 1,
        nowMs: clock,
      });
      await runSync(makeClient(other).client, store, scope, plan, { now });
      await store.close();
      await other.close();
      const bad = await cli('reconcile', '--date', day, '--format', 'json');
      assert.equal(bad.code, 0, bad.stderr);
      const mismatch = JSON.parse(bad.stdout) as typeof json;
      assert.equal(mismatch.consistent, false);
      assert.ok(mismatch.fields.some((f) => f.sum_of_owners !== f.by_day));
      const table = await cli('reconcile', '--date', day);
      assert.match(table.stdout, /INCONSISTENT/);
      assert.match(table.stdout, /MISMATCH/);
      // A day the store lacks: exit 2, nothing on stdout.
      const gap = await cli('reconcile', '--date', addDays(day, -5), '--format', 'json');
      assert.equal(gap.code, 2);
      assert.equal(gap.stdout, '');
      assert.match(gap.stderr, /run wecom-stats sync first/);
    });

    test('export → import into a new store: the same rows, twice idempotent; CSV keeps formula-like owners', async () => {
      assert.equal((await cli('sync', '--days', '3')).code, 0);
      const store = await openHistoryStore(env.WECOM_STORE);
      const scope = scopeFor({
        apiBaseUrl: server.url,
        corpId: server.corpId,
        corpSecret: server.corpSecret,
      });
      await store.putAtoms(scope, [{ day: days10[0], owner: '+cmd|x', fetchedAt: FIXED_NOW, absent: true }]);
      await store.close();
      for (const format of ['jsonl', 'csv']) {
        const exported = await cli('history', 'export', '--format', format);
        assert.equal(exported.code, 0, exported.stderr);
        const lines = exported.stdout.trim().split(/\r?\n/);
        assert.equal(lines.length, 361 + (format === 'csv' ? 1 : 0));
        const file = path.join(dir, `export.${format}`);
        fs.writeFileSync(file, exported.stdout);
        const target = path.join(dir, `copy-${format}.db`);
        const first = await cli('history', 'import', file, '--store', target);
        assert.equal(first.code, 0, first.stderr);
        assert.match(first.stdout, /361 row\(s\).*361 new, 0 revised, 0 unchanged/);
        const second = await cli('history', 'import', file, '--store', target);
        assert.match(second.stdout, /0 new, 0 revised, 361 unchanged/);
        const back = await cli('history', 'export', '--format', format, '--store', target);
        assert.deepEqual(back.stdout.split(/\r?\n/).sort(), exported.stdout.split(/\r?\n/).sort());
      }
      const bad = path.join(dir, 'bad.jsonl');
      fs.writeFileSync(bad, '{"scope_key":"k"}\n');
      const refused = await cli('history', 'import', bad, '--store', path.join(dir, 'x.db'));
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /bad\.jsonl line 1: /);
    });

    test('Ctrl-C during sync: exit 130, what was stored is kept and said so; the next sync fetches the rest', async () => {
      server.setLatency(20);
      const controller = new AbortController();
      let stderr = '';
      let stdout = '';
      const code = await run(['sync', '--days', '30', '--concurrency', '2'], env, {
        out: (t) => (stdout += t),
        err: (t) => (stderr += t),
        now,
        signal: controller.signal,
        progress: (done) => done >= 10 && controller.abort(),
      });
      assert.equal(code, 130, stderr);
      assert.equal(stdout, '');
      assert.match(stderr, /atom\(s\) stored before it stopped are kept; run sync again/);
      server.setLatency(0);
      const rest = await cli('sync', '--days', '30', '--format', 'json');
      const result = JSON.parse(rest.stdout) as { calls: number; plan: { calls: number } };
      assert.ok(result.calls < 60 && result.calls === result.plan.calls, rest.stdout);
      const h = await cli(
        'history',
        '--from',
        listDays(lastNDays(30, FIXED_NOW))[0],
        '--to',
        days10[9],
        '--format',
        'json',
      );
      assert.equal((JSON.parse(h.stdout) as { items: unknown[] }).items.length, 30 * 120);
    });

    test('help of each command, and usage errors', async () => {
      for (const [argv, usage] of [
        [['sync', '--help'], /^Usage: wecom-stats sync/],
        [['history', '--help'], /^Usage: wecom-stats history/],
        [['history', 'export', '--help'], /^Usage: wecom-stats history/],
        [['reconcile', '-h'], /^Usage: wecom-stats reconcile/],
        [['help', 'sync'], /^Usage: wecom-stats sync/],
      ] as const) {
        const r = await cli(...argv);
        assert.equal(r.code, 0);
        assert.match(r.stdout, usage);
      }
      for (const argv of [
        ['sync', '--days', '181'],
        ['sync', '--format', 'csv'],
        ['history', '--from', '2020-01-01'],
        ['history', 'export'],
        ['history', 'import'],
        ['reconcile'],
        ['reconcile', '--date', '2020-01-01'],
      ]) {
        const r = await cli(...argv);
        assert.equal(r.code, 2, argv.join(' '));
        assert.equal(r.stdout, '');
        assert.equal(r.stderr.split('\n').length, 2, r.stderr);
      }
    });

    test('--demo: sync and history need no credentials', async () => {
      const demoEnv = { WECOM_STORE: path.join(dir, 'demo.db') };
      const s = await runInProcess(['sync', '--demo', '--days', '3', '--format', 'json'], demoEnv, now);
      assert.equal(s.code, 0, s.stderr);
      assert.deepEqual((JSON.parse(s.stdout) as { plan: unknown }).plan, {
        calls: 3,
        days: 3,
        owners: 30,
        plan: 'by-day-statistic',
      });
      const h = await runInProcess(
        ['history', '--demo', '--from', days10[7], '--to', days10[9], '--format', 'json'],
        demoEnv,
        now,
      );
      assert.equal((JSON.parse(h.stdout) as { items: unknown[] }).items.length, 90);
    });
  },
);
