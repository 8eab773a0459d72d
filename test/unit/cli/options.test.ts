import * as assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { UsageError, parseCommandLine } from '../../../src/cli/args';
import { resolveClientSettings } from '../../../src/cli/clientSettings';
import { startFakeWeComServer } from '../../../src/demo/fakeServer';
import type { FakeWeComServer } from '../../../src/demo/fakeServer';
import { runInProcess } from './cliHarness';
import type { CliResult } from './cliHarness';
import { DAY, askedOwners, now, startWeComStub, statisticReply, stubEnv } from './cliStubs';
import type { Stub } from './cliStubs';
import { startConnectProxy } from '../wecom/stubServer';

function assertUsage(r: CliResult, pattern: RegExp): void {
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^wecom-stats: [^\n]+\n$/, r.stderr);
  assert.match(r.stderr, pattern);
}

suite('cli: --timeout, --concurrency, --allow-insecure-http and their environment', () => {
  let server: FakeWeComServer;
  let env: Record<string, string>;
  const stubs: Stub[] = [];

  suiteSetup(async () => {
    server = await startFakeWeComServer({ ownerCount: 20, now });
    env = { WECOM_CORP_ID: server.corpId, WECOM_CORP_SECRET: server.corpSecret, WECOM_API_BASE: server.url };
  });
  suiteTeardown(async () => {
    await server.close();
  });
  teardown(async () => {
    await Promise.all(stubs.splice(0).map((s) => s.close()));
  });

  test('flags parse into the client options; absent flags leave the client defaults', () => {
    const c = parseCommandLine(
      [
        'by-day',
        '--from',
        DAY,
        '--to',
        DAY,
        '--timeout',
        '5000',
        '--concurrency',
        '8',
        '--allow-insecure-http',
      ],
      now(),
    );
    assert.ok(c.kind === 'by-day');
    assert.deepEqual(c.client, { timeoutMs: 5000, concurrency: 8, allowInsecureHttp: true });
    const plain = parseCommandLine(['owners'], now());
    assert.ok(plain.kind === 'owners');
    assert.deepEqual(plain.client, {
      timeoutMs: undefined,
      concurrency: undefined,
      allowInsecureHttp: false,
    });
  });

  test('--help of every command lists the options with their ranges and variables', async () => {
    for (const argv of [['--help'], ['owners', '--help'], ['by-day', '--help']]) {
      const r = await runInProcess(argv, {}, now);
      assert.equal(r.code, 0);
      for (const text of [
        '--timeout MS',
        '1000–120000',
        '--concurrency N',
        '1–16',
        '--allow-insecure-http',
      ]) {
        assert.ok(r.stdout.includes(text), `${argv.join(' ')}: ${text}`);
      }
      for (const name of ['WECOM_TIMEOUT_MS', 'WECOM_CONCURRENCY', 'WECOM_ALLOW_INSECURE_HTTP=1']) {
        assert.ok(r.stdout.includes(name), `${argv.join(' ')}: ${name}`);
      }
    }
  });

  test('values outside 1000–120000 ms / 1–16 are usage errors naming the range (exit 2)', async () => {
    for (const bad of ['999', '120001', 'abc', '1.5', '', '-1000']) {
      assert.throws(
        () => parseCommandLine(['owners', `--timeout=${bad}`], now()),
        (err: unknown) => err instanceof UsageError && /from 1000 to 120000/.test(err.message),
        bad,
      );
    }
    for (const bad of ['0', '17', 'four']) {
      assert.throws(
        () => parseCommandLine(['owners', '--concurrency', bad], now()),
        (err: unknown) => err instanceof UsageError && /--concurrency .* from 1 to 16/.test(err.message),
        bad,
      );
    }
    assertUsage(
      await runInProcess(['owners', '--timeout', '500'], env, now),
      /--timeout must be a whole number of milliseconds from 1000 to 120000 \(got "500"\)/,
    );
    assertUsage(await runInProcess(['owners', '--concurrency', '99'], env, now), /from 1 to 16/);
    assertUsage(
      await runInProcess(['owners'], { ...env, WECOM_TIMEOUT_MS: '1s' }, now),
      /WECOM_TIMEOUT_MS must be a whole number of milliseconds from 1000 to 120000/,
    );
    assertUsage(
      await runInProcess(['owners'], { ...env, WECOM_CONCURRENCY: '0' }, now),
      /WECOM_CONCURRENCY must be .* from 1 to 16/,
    );
    assertUsage(
      await runInProcess(['owners'], { ...env, WECOM_ALLOW_INSECURE_HTTP: 'maybe' }, now),
      /WECOM_ALLOW_INSECURE_HTTP must be 1/,
    );
  });

  test('the environment gives defaults; a flag wins over its variable', async () => {
    const fromEnv = { WECOM_TIMEOUT_MS: '3000', WECOM_CONCURRENCY: '2', WECOM_ALLOW_INSECURE_HTTP: '1' };
    assert.deepEqual(resolveClientSettings({ allowInsecureHttp: false }, fromEnv), {
      timeoutMs: 3000,
      concurrency: 2,
      allowInsecureHttp: true,
    });
    assert.deepEqual(
      resolveClientSettings({ timeoutMs: 9000, concurrency: 5, allowInsecureHttp: false }, fromEnv),
      {
        timeoutMs: 9000,
        concurrency: 5,
        allowInsecureHttp: true,
      },
    );
    // The flag wins, so a variable it overrides is not even read.
    const r = await runInProcess(
      ['owners', '--timeout', '2000', '--format', 'json'],
      { ...env, WECOM_TIMEOUT_MS: 'x' },
      now,
    );
    assert.equal(r.code, 0, r.stderr);
  });

  test('--concurrency and WECOM_CONCURRENCY reach the client: requests in flight never exceed them', async () => {
    let inFlight = 0;
    let peak = 0;
    const stub = await startWeComStub((req) => ({
      respond: (res: ServerResponse) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        setTimeout(() => {
          inFlight--;
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(statisticReply(askedOwners(req)).json));
        }, 60);
      },
    }));
    stubs.push(stub);
    // 350 owners: 4 batches of at most 100.
    const owners = Array.from({ length: 350 }, (_v, i) => `o${i}`).join(',');
    for (const [argv, extra, limit] of [
      [['--concurrency', '1'], {}, 1],
      [[], { WECOM_CONCURRENCY: '2' }, 2],
      [['--concurrency', '3'], { WECOM_CONCURRENCY: '1' }, 3],
    ] as const) {
      peak = 0;
      const r = await runInProcess(
        ['owners', '--owners', owners, ...argv],
        { ...stubEnv(stub), ...extra },
        now,
      );
      assert.equal(r.code, 0, r.stderr);
      assert.equal(peak, limit, `${argv.join(' ')} ${JSON.stringify(extra)}`);
    }
  });

  test('http:// to a non-loopback host: refused without --allow-insecure-http (exit 2), used with it', async () => {
    const proxy = await startConnectProxy({ host: '127.0.0.1', port: Number(new URL(server.url).port) });
    try {
      // The relay's name is only seen by the proxy, which tunnels to the fake server.
      const relay = { ...env, WECOM_API_BASE: 'http://wecom-relay.example:8080', HTTP_PROXY: proxy.url };
      const refused = await runInProcess(['owners'], relay, now);
      assertUsage(refused, /plain http:\/\/ to wecom-relay\.example:8080/);
      assert.match(refused.stderr, /--allow-insecure-http or WECOM_ALLOW_INSECURE_HTTP=1/);
      assert.doesNotMatch(refused.stderr, /wecomGroupStats|setting/);
      assert.deepEqual(proxy.tunnels, [], 'nothing was sent');
      const flag = await runInProcess(['owners', '--allow-insecure-http', '--format', 'json'], relay, now);
      assert.equal(flag.code, 0, flag.stderr);
      const json = JSON.parse(flag.stdout) as { items: Array<{ owner: string; data: unknown }> };
      assert.equal(json.items.length, 20);
      for (const item of json.items) {
        assert.deepEqual(item.data, server.statsFor(item.owner, DAY));
      }
      const byEnv = await runInProcess(['owners'], { ...relay, WECOM_ALLOW_INSECURE_HTTP: '1' }, now);
      assert.equal(byEnv.code, 0, byEnv.stderr);
      assert.ok(proxy.tunnels.every((t) => t === 'wecom-relay.example:8080'));
    } finally {
      await proxy.close();
    }
    // Loopback (the fake server, --demo) needs no flag.
    assert.equal((await runInProcess(['owners'], env, now)).code, 0);
    assert.equal((await runInProcess(['owners', '--demo'], {}, now)).code, 0);
  });

  test('an invalid proxy URL in the environment is a usage error (exit 2, one line, value not shown)', async () => {
    const https = { ...env, WECOM_API_BASE: 'https://qyapi.example.com' };
    const bad = await runInProcess(['owners'], { ...https, HTTPS_PROXY: 'http://user:pw@[bad' }, now);
    assertUsage(bad, /HTTPS_PROXY is not a valid proxy URL/);
    assert.ok(!bad.stderr.includes('pw@'), bad.stderr);
    assertUsage(
      await runInProcess(['owners'], { ...https, all_proxy: 'socks5://127.0.0.1:1080' }, now),
      /all_proxy is not a valid proxy URL: use http:\/\/host:port/,
    );
  });
});

suite('cli: owners WeCom returned no row for (absent)', () => {
  const argv = ['owners', '--demo', '--owners', 'nosuchuser,zhangsan', '--format'];

  test('json: {"owner","absent":true} without data; csv: "-" cells; table: "not returned by WeCom"', async () => {
    const json = await runInProcess([...argv, 'json'], {}, now);
    assert.equal(json.code, 0, json.stderr);
    const items = (JSON.parse(json.stdout) as { items: unknown[] }).items;
    assert.equal(items.length, 2);
    assert.deepEqual(items[1], { owner: 'nosuchuser', absent: true });
    assert.equal((items[0] as { owner: string }).owner, 'zhangsan');
    const csv = await runInProcess([...argv, 'csv'], {}, now);
    assert.equal(csv.stdout.split('\r\n')[2], 'nosuchuser,-,-,-,-,-,-,-,-');
    const table = await runInProcess([...argv, 'table'], {}, now);
    assert.match(table.stdout, /nosuchuser +not returned by WeCom\n/);
    assert.match(table.stdout, /\(sum of 1 returned\)/);
  });
});
