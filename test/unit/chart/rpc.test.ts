/**
 * The webview's end of the protocol (src/webview/rpc.ts, no DOM needed): a request survives a long
 * silence of the server as long as the host's heartbeat arrives, fails when the host itself goes
 * silent, and a message the gate refuses is reported to the host and settles its request.
 */
import * as assert from 'node:assert/strict';
import type { HostToWebview, WebviewToHost } from '../../../src/shared/protocol';
import { silenceTimeoutMs } from '../../../src/shared/protocol';
import { HostConnection, HostRequestError } from '../../../src/webview/rpc';

const PARAMS = { from: '2026-11-01', to: '2026-11-26', perOwner: false, refresh: false } as const;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

suite('webview/rpc: silence, heartbeat and refused messages', () => {
  function connect(): { host: HostConnection; sent: WebviewToHost[]; fatal: string[] } {
    const sent: WebviewToHost[] = [];
    const fatal: string[] = [];
    const host = new HostConnection((m) => sent.push(m), {
      onInit: () => undefined,
      onFatal: (message) => fatal.push(message),
    });
    return { host, sent, fatal };
  }

  test('the silence allowed is well beyond the heartbeat', () => {
    assert.equal(silenceTimeoutMs(10_000), 40_000);
    assert.ok(silenceTimeoutMs(10) >= 1000);
  });

  test('a load longer than the silence timeout succeeds while the host sends its heartbeat', async () => {
    const { host, sent } = connect();
    host.setHeartbeat(100); // silence allowed: 1000 ms
    const pending = host.request('byDay', PARAMS);
    const id = (sent[0] as { id: number }).id;
    // 1.6 s of "nothing finished" (a 45009 pause), heartbeats every 100 ms, then the answer.
    const beat = setInterval(() => host.receive({ type: 'progress', id, done: 0, total: 6 }), 100);
    await sleep(1600);
    clearInterval(beat);
    const reply: HostToWebview = { type: 'response', id, ok: true, result: { days: [] } };
    host.receive(reply);
    assert.deepEqual(await pending, { days: [] });
  });

  test('without a heartbeat the request fails with the "did not answer" text', async () => {
    const { host } = connect();
    host.setHeartbeat(100);
    host.timeoutText = 'no answer';
    const err = await host.request('byDay', PARAMS).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof HostRequestError);
    assert.equal(err.info.message, 'no answer');
    assert.equal(err.info.retryable, true);
  });

  test('a refused message is reported to the host; a refused response settles its request', async () => {
    const { host, sent, fatal } = connect();
    host.refusedText = 'could not read';
    const pending = host.request('byDay', PARAMS);
    const id = (sent[0] as { id: number }).id;
    host.receive({ type: 'init', subject: { kind: 'all' } }); // no heartbeat, no state: refused
    host.receive({ type: 'response', id, ok: 'maybe' });
    const err = await pending.then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof HostRequestError);
    assert.equal(err.info.message, 'could not read');
    assert.deepEqual(sent.slice(1), [
      { type: 'refused', what: 'init' },
      { type: 'refused', what: 'response' },
    ]);
    host.receive({ type: 'fatal', message: 'reopen the chart' });
    assert.deepEqual(fatal, ['reopen the chart']);
  });
});
