import * as assert from 'node:assert/strict';
import type * as http from 'node:http';
import { dayStartTs } from '../../../src/shared/days';
import { fetchToken, rawPost, startClocked } from './fakeClient';
import type { ClockedServer } from './fakeClient';
import { WECOM_PATHS } from '../../../src/shared/wecomApi';

const BODY = {
  day_begin_time: dayStartTs('2026-06-14'),
  owner_filter: { userid_list: ['zhangsan', 'lisi'] },
};

/** Reads a response to its end or its failure, keeping every byte. */
function drain(res: http.IncomingMessage): Promise<{ body: Buffer; outcome: string }> {
  const chunks: Buffer[] = [];
  return new Promise((resolve) => {
    const done = (outcome: string) => resolve({ body: Buffer.concat(chunks), outcome });
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.once('end', () => done('end'));
    res.once('error', (err: NodeJS.ErrnoException) => done(`error ${err.code ?? err.message}`));
  });
}

async function waitFor(what: string, condition: () => boolean, ms = 1000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) {
      assert.fail(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

suite('fake server: reply faults (wire)', () => {
  let fake: ClockedServer;
  let token: string;
  let clean: string;

  setup(async () => {
    fake = await startClocked();
    token = await fetchToken(fake.server);
    clean = (await drain(await rawPost(fake.server, WECOM_PATHS.statistic, token, BODY))).body.toString();
  });
  teardown(async () => {
    await fake.server.close();
  });

  const post = () => rawPost(fake.server, WECOM_PATHS.statistic, token, BODY);
  const lastFault = () => fake.server.requests().at(-1)?.fault;

  test('drip: headers and the first byte at once, then a byte per interval; stops when the client leaves', async () => {
    fake.server.setFaults({ replyFaults: [{ kind: 'drip', bytesPerSecond: 5 }] });
    const sent = Date.now();
    const res = await post();
    const headersAt = Date.now();
    assert.ok(headersAt - sent < 150, `headers after ${headersAt - sent} ms`);
    assert.equal(res.headers['content-length'], String(Buffer.byteLength(clean)));
    const arrivals: Array<{ at: number; bytes: string }> = [];
    await new Promise<void>((resolve) => {
      res.on('data', (chunk: Buffer) => {
        arrivals.push({ at: Date.now(), bytes: chunk.toString() });
        if (arrivals.reduce((n, a) => n + a.bytes.length, 0) >= 3) {
          resolve();
        }
      });
    });
    assert.equal(fake.server.bodiesInProgress(), 1);
    res.destroy();
    assert.deepEqual(
      arrivals.map((a) => a.bytes),
      ['{', '"', 'e'],
    );
    assert.ok(arrivals[0].at - headersAt < 150, `first byte after ${arrivals[0].at - headersAt} ms`);
    for (let i = 1; i < arrivals.length; i++) {
      const gap = arrivals[i].at - arrivals[i - 1].at;
      assert.ok(gap >= 170 && gap < 600, `gap ${gap} ms (200 ms nominal)`);
    }
    await waitFor('the server to stop writing', () => fake.server.bodiesInProgress() === 0, 300);
    assert.equal(lastFault(), 'drip');
  });

  test('drip: a whole body arrives intact at the given rate', async () => {
    const bytes = Buffer.byteLength(clean);
    fake.server.setFaults({ replyFaults: [{ kind: 'drip', bytesPerSecond: bytes * 4 }] });
    const sent = Date.now();
    const { body, outcome } = await drain(await post());
    const took = Date.now() - sent;
    assert.equal(outcome, 'end');
    assert.equal(body.toString(), clean);
    // ~250 ms nominal, sent in ~100 ms slices: at least two pauses.
    assert.ok(took >= 180 && took < 1000, `${bytes} bytes at ${bytes * 4} B/s took ${took} ms`);
  });

  test('drip: close() stops a 1 byte/s body at once', async () => {
    fake.server.setFaults({ replyFaults: [{ kind: 'drip', bytesPerSecond: 1 }] });
    const res = await post();
    let received = 0;
    res.on('data', (chunk: Buffer) => (received += chunk.length));
    const reading = drain(res);
    await waitFor('the first byte', () => received > 0);
    const started = Date.now();
    await fake.server.close();
    assert.ok(Date.now() - started < 200, `close() took ${Date.now() - started} ms`);
    assert.equal(fake.server.bodiesInProgress(), 0);
    const { body, outcome } = await reading;
    assert.equal(body.toString(), '{');
    assert.match(outcome, /^error /);
  });

  test('oversize: a 12 MB body with its content-length, still valid JSON with the same figures', async () => {
    const bytes = 12_000_000;
    fake.server.setFaults({ replyFaults: [{ kind: 'oversize', bytes }] });
    const res = await post();
    assert.equal(res.headers['content-length'], String(bytes));
    const { body, outcome } = await drain(res);
    assert.equal(outcome, 'end');
    assert.equal(body.length, bytes);
    const json = JSON.parse(body.toString()) as Record<string, unknown>;
    const { padding, ...rest } = json;
    assert.deepEqual(rest, JSON.parse(clean));
    assert.match(padding as string, /^x+$/);
    assert.equal(lastFault(), 'oversize');
  });

  test('oversize chunked: no content-length, only the bytes tell the size', async () => {
    fake.server.setFaults({ replyFaults: [{ kind: 'oversize', bytes: 1_000_000, chunked: true }] });
    const res = await post();
    assert.equal(res.headers['content-length'], undefined);
    assert.equal(res.headers['transfer-encoding'], 'chunked');
    const { body } = await drain(res);
    assert.equal(body.length, 1_000_000);
    assert.doesNotThrow(() => JSON.parse(body.toString()));
  });

  test('truncate: the full content-length announced, half the body sent, then the connection cut', async () => {
    fake.server.setFaults({ replyFaults: [{ kind: 'truncate' }] });
    const res = await post();
    const length = Number(res.headers['content-length']);
    assert.equal(length, Buffer.byteLength(clean));
    const { body, outcome } = await drain(res);
    assert.equal(body.length, Math.floor(length / 2));
    assert.equal(body.toString(), clean.slice(0, body.length));
    assert.equal(res.complete, false);
    assert.equal(outcome, 'error ECONNRESET');
    assert.equal(lastFault(), 'truncate');
    await waitFor('the write to end', () => fake.server.bodiesInProgress() === 0);
  });

  test('truncate + oversize: a 4 MB body cut at 2 MB (streamed with backpressure)', async () => {
    fake.server.setFaults({ replyFaults: [{ kind: 'oversize', bytes: 4_000_000 }, { kind: 'truncate' }] });
    const res = await post();
    assert.equal(res.headers['content-length'], '4000000');
    const { body, outcome } = await drain(res);
    assert.equal(body.length, 2_000_000);
    assert.equal(outcome, 'error ECONNRESET');
    assert.equal(lastFault(), 'oversize+truncate');
  });

  test('wire faults with times: the retry gets the clean body at once', async () => {
    fake.server.setFaults({ replyFaults: [{ kind: 'truncate', times: 1 }] });
    assert.match((await drain(await post())).outcome, /^error /);
    const retry = await drain(await post());
    assert.equal(retry.outcome, 'end');
    assert.equal(retry.body.toString(), clean);
  });
});
