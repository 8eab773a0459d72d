import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';

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
      await fetch(`${url}/cgi-bin/gettoken?corpid=${id}&corpsecret=${secret}`)
    ).json()) as {
      access_token: string;
    };
    const users = (await (
      await fetch(`${url}/cgi-bin/externalcontact/get_follow_user_list?access_token=${token.access_token}`)
    ).json()) as { follow_user: string[] };
    assert.equal(users.follow_user.length, 12);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
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
