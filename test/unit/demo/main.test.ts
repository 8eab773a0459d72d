import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { WECOM_PATHS } from '../../../src/shared/wecomApi';

const ENTRY = path.join(__dirname, '..', '..', '..', 'src', 'demo', 'main.js');

suite('fake server: standalone entry', function () {
  this.timeout(15_000);
  test('prints the URL, corp ID and secret, serves, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [ENTRY, '--port', '0', '--owners', '12', '--latency', '1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /WECOM_API_BASE=(\S+)/.exec(out);
        if (m && out.includes('WECOM_CORP_SECRET=')) {
          resolve(m[1]);
        }
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${out}`)));
    });
    assert.match(out, /WECOM_CORP_ID=ww0000demo0000001/);
    const id = /WECOM_CORP_ID=(\S+)/.exec(out)?.[1] ?? '';
    const secret = /WECOM_CORP_SECRET=(\S+)/.exec(out)?.[1] ?? '';
    const token = (await (
      await fetch(`${url}${WECOM_PATHS.token}?corpid=${id}&corpsecret=${secret}`)
    ).json()) as {
      access_token: string;
    };
    const users = (await (
      await fetch(`${url}${WECOM_PATHS.followUsers}?access_token=${token.access_token}`)
    ).json()) as { follow_user: string[] };
    assert.equal(users.follow_user.length, 12);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  });

  /** Starts the entry, resolving with its URL and a token once it has printed them. */
  async function startEntry(args: string[], env: NodeJS.ProcessEnv = process.env) {
    const child = spawn(process.execPath, [ENTRY, '--port', '0', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /WECOM_API_BASE=(\S+)/.exec(out);
        if (m && out.includes('Press Ctrl+C')) {
          resolve(m[1]);
        }
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${out}`)));
    });
    const id = /WECOM_CORP_ID=(\S+)/.exec(out)?.[1] ?? '';
    const secret = /WECOM_CORP_SECRET=(\S+)/.exec(out)?.[1] ?? '';
    const reply = await fetch(`${url}${WECOM_PATHS.token}?corpid=${id}&corpsecret=${secret}`);
    const { access_token: token } = (await reply.json()) as { access_token: string };
    const stop = async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    };
    return { url, token, out, stop };
  }

  const statistic = async (url: string, token: string, endpoint: string = WECOM_PATHS.statistic) => {
    const res = await fetch(`${url}${endpoint}?access_token=${token}`, {
      method: 'POST',
      body: JSON.stringify({ day_begin_time: Math.floor(Date.now() / 1000) - 3 * 86400 }),
    });
    return (await res.json()) as Record<string, unknown>;
  };

  test('--faults JSON: an outside client meets the misbehaving fake', async () => {
    const faults = { replyFaults: [{ kind: 'missingItems', endpoint: 'statistic', times: 1 }] };
    const entry = await startEntry(['--owners', '5', '--faults', JSON.stringify(faults)]);
    try {
      assert.match(entry.out, /^Faults: \{"replyFaults":\[\{"kind":"missingItems"/m);
      const first = await statistic(entry.url, entry.token);
      assert.equal(first.errcode, 0);
      assert.ok(!('items' in first));
      assert.ok('items' in (await statistic(entry.url, entry.token)), 'times: 1');
    } finally {
      await entry.stop();
    }
  });

  test('WECOM_FAKE_FAULTS is used without --faults; --busy-every overrides its key', async () => {
    const env = {
      ...process.env,
      WECOM_FAKE_FAULTS: JSON.stringify({ busyEveryNth: 1, replyFaults: [{ kind: 'missingItems' }] }),
    };
    const entry = await startEntry(['--owners', '5', '--busy-every', '0'], env);
    try {
      const reply = await statistic(entry.url, entry.token, WECOM_PATHS.byDay);
      assert.equal(reply.errcode, 0);
      assert.ok(!('items' in reply));
    } finally {
      await entry.stop();
    }
  });

  test('--help documents --faults and WECOM_FAKE_FAULTS', async () => {
    const child = spawn(process.execPath, [ENTRY, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await new Promise((resolve) => child.once('exit', resolve));
    assert.match(out, /--faults JSON/);
    assert.match(out, /WECOM_FAKE_FAULTS/);
    for (const kind of [
      'missingItems',
      'dropDay',
      'shortPage',
      'foreignOwner',
      'figure',
      'drip',
      'oversize',
      'truncate',
    ]) {
      assert.match(out, new RegExp(`\\b${kind}\\b`), kind);
    }
  });

  test('a bad --faults value exits 2 with one line naming it', async () => {
    const bad = [
      '{not json',
      '{"replyFaults":[{"kind":"dropDay","endpoint":"statistic"}]}',
      '{"busyEvery":2}',
    ];
    for (const faults of bad) {
      const child = spawn(process.execPath, [ENTRY, '--faults', faults], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
      assert.equal(code, 2, faults);
      assert.equal(err.trim().split('\n').length, 1, err);
      assert.match(err, /^fake-server: --faults/, err);
    }
  });

  test('rejects a bad option value with exit code 2 and one line', async () => {
    const child = spawn(process.execPath, [ENTRY, '--owners', 'many'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    assert.equal(code, 2);
    assert.equal(err.trim().split('\n').length, 1);
    assert.match(err, /--owners/);
  });
});
