import * as assert from 'node:assert/strict';
import { startFakeWeComServer } from '../../../src/demo/fakeServer';
import type { FakeWeComServer } from '../../../src/demo/fakeServer';
import { METRIC_KEYS } from '../../../src/shared/metrics';
import { cstYesterday } from '../../../src/shared/days';
import { cliEntries, spawnCli, startCli } from './cliHarness';
import type { CliResult } from './cliHarness';

function assertOneLineError(r: CliResult, code: number, pattern: RegExp): void {
  assert.equal(r.code, code, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^wecom-stats: [^\n]+\n$/, r.stderr);
  assert.match(r.stderr, pattern);
  assert.ok(!r.stderr.includes('    at '), 'no stack trace');
}

for (const entry of cliEntries()) {
  suite(`cli: ${entry.name} as a child process`, function () {
    this.timeout(20_000);
    let server: FakeWeComServer;
    let env: Record<string, string>;

    suiteSetup(async () => {
      // The child uses the real clock, so this server does too.
      server = await startFakeWeComServer({ ownerCount: 40 });
      env = {
        WECOM_CORP_ID: server.corpId,
        WECOM_CORP_SECRET: server.corpSecret,
        WECOM_API_BASE: server.url,
      };
    });
    suiteTeardown(async () => {
      await server.close();
    });

    test('--help documents commands and environment (exit 0)', async () => {
      const r = await spawnCli(entry.file, ['--help'], {});
      assert.equal(r.code, 0);
      for (const text of [
        'owners',
        'by-day',
        'WECOM_CORP_ID',
        'WECOM_CORP_SECRET',
        'WECOM_API_BASE',
        '--demo',
        '--format',
      ]) {
        assert.ok(r.stdout.includes(text), text);
      }
      const owners = await spawnCli(entry.file, ['owners', '--help'], {});
      assert.match(owners.stdout, /--sort METRIC/);
    });

    test('owners --format json equals the fake server ground truth', async () => {
      const r = await spawnCli(entry.file, ['owners', '--format', 'json'], env);
      assert.equal(r.code, 0, r.stderr);
      const json = JSON.parse(r.stdout) as {
        range: { from: string };
        items: Array<{ owner: string; data: unknown }>;
      };
      const day = cstYesterday();
      assert.equal(json.range.from, day);
      assert.equal(json.items.length, 40);
      for (const item of json.items) {
        assert.deepEqual(item.data, server.statsFor(item.owner, day));
      }
    });

    test('csv: RFC 4180 quoting of odd owner ids, header of API field names', async () => {
      const r = await spawnCli(
        entry.file,
        ['owners', '--format', 'csv', '--owners', '"Zhou ""Jie"", Sales",lisi'],
        env,
      );
      assert.equal(r.code, 0, r.stderr);
      const lines = r.stdout.split('\r\n');
      assert.equal(lines[0], ['owner', ...METRIC_KEYS].join(','));
      assert.ok(
        lines.some((l) => l.startsWith('"Zhou ""Jie"", Sales",')),
        r.stdout,
      );
      assert.equal(lines[lines.length - 1], '');
    });

    test('--demo works without any credentials', async () => {
      const r = await spawnCli(
        entry.file,
        ['by-day', '--demo', '--from', cstYesterday(), '--to', cstYesterday(), '--format', 'json'],
        {},
      );
      assert.equal(r.code, 0, r.stderr);
      const json = JSON.parse(r.stdout) as { items: unknown[]; owners: null };
      assert.equal(json.items.length, 1);
      assert.equal(json.owners, null);
    });

    test('usage errors: one line on stderr, exit 2, no stack trace', async () => {
      assertOneLineError(
        await spawnCli(entry.file, ['owners', '--date', '2026-02-30'], env),
        2,
        /not a date/,
      );
      assertOneLineError(
        await spawnCli(entry.file, ['by-day', '--from', cstYesterday(), '--to', '2020-01-01'], env),
        2,
        /after the end/,
      );
      assertOneLineError(
        await spawnCli(entry.file, ['owners', '--date', '2019-01-01'], env),
        2,
        /outside the days WeCom can report/,
      );
      assertOneLineError(
        await spawnCli(entry.file, ['owners', '--sort', 'members'], env),
        2,
        /unknown figure "members"/,
      );
      assertOneLineError(await spawnCli(entry.file, ['owners'], {}), 2, /set WECOM_CORP_ID/);
      assertOneLineError(await spawnCli(entry.file, ['owners', '--frobnicate'], env), 2, /frobnicate/);
    });

    test('a wrong secret: exit 1, one line, the secret in no output', async () => {
      const secret = 'this-is-the-wrong-secret-42';
      const r = await spawnCli(entry.file, ['owners'], { ...env, WECOM_CORP_SECRET: secret });
      assertOneLineError(r, 1, /40001/);
      assert.ok(!r.stdout.includes(secret) && !r.stderr.includes(secret));
    });

    test('Ctrl+C (SIGINT) stops promptly: exit 130, one line', async () => {
      server.resetCounts();
      server.setLatency(10_000);
      try {
        const { child, result } = startCli(entry.file, ['owners'], env);
        while ((server.counts()['/cgi-bin/gettoken'] ?? 0) === 0) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        child.kill('SIGINT');
        assertOneLineError(await result, 130, /cancel|stopp|abort/i);
      } finally {
        server.setLatency(0);
      }
    });

    test('an unreachable server: exit 1, one line', async () => {
      const r = await spawnCli(entry.file, ['owners'], { ...env, WECOM_API_BASE: 'http://127.0.0.1:9' });
      assertOneLineError(r, 1, /127\.0\.0\.1:9/);
    });
  });
}
