import * as assert from 'node:assert/strict';
import { startFakeWeComServer } from '../../../src/demo/fakeServer';
import type { FakeWeComServer } from '../../../src/demo/fakeServer';
import { cliEntries, spawnCli, startCli } from './cliHarness';
import type { CliResult } from './cliHarness';

/** Starts the CLI and closes its stdout after the first chunk, as `| head -1` does. */
async function readFirstChunkOnly(
  file: string,
  argv: string[],
  env: Record<string, string>,
): Promise<CliResult> {
  const { child, result } = startCli(file, argv, env);
  child.stdout?.once('data', () => child.stdout?.destroy());
  return result;
}

for (const entry of cliEntries()) {
  suite(`cli: ${entry.name} with a reader that stops early`, function () {
    this.timeout(20_000);
    let server: FakeWeComServer;
    let env: Record<string, string>;

    suiteSetup(async () => {
      // 900 owners: about 300 KB of JSON, far more than a pipe holds, so the write meets EPIPE.
      server = await startFakeWeComServer({ ownerCount: 900 });
      env = {
        WECOM_CORP_ID: server.corpId,
        WECOM_CORP_SECRET: server.corpSecret,
        WECOM_API_BASE: server.url,
      };
    });
    suiteTeardown(async () => {
      await server.close();
    });

    test('stdout closed after the first chunk (| head -1): exit 0, nothing on stderr, no stack', async () => {
      const r = await readFirstChunkOnly(entry.file, ['owners', '--format', 'json'], env);
      assert.equal(r.stderr, '');
      assert.equal(r.code, 0);
    });

    test('the same with --demo (small output)', async () => {
      const r = await readFirstChunkOnly(entry.file, ['owners', '--demo', '--format', 'json'], {});
      assert.equal(r.stderr, '');
      assert.equal(r.code, 0);
    });

    test('an invalid HTTPS_PROXY: exit 2, one line, no stack', async () => {
      const r = await spawnCli(entry.file, ['owners'], {
        WECOM_CORP_ID: 'ww1',
        WECOM_CORP_SECRET: 'secret-x',
        HTTPS_PROXY: 'http://[bad',
      });
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^wecom-stats: HTTPS_PROXY is not a valid proxy URL[^\n]*\n$/);
    });
  });
}
