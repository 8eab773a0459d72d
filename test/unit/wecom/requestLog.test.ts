import * as assert from 'node:assert/strict';
import type { FakeWeComServer } from '../../../src/demo/fakeServer';
import { lastNDays } from '../../../src/shared/days';
import { WECOM_PATHS } from '../../../src/shared/wecomApi';
import { requestLogLine } from '../../../src/wecom/requestLog';
import { fakeServerPerSuite, FIXED_NOW, makeClient } from './support';

suite('wecom/requestLog: each request says which owners and days it asked about', () => {
  let server: FakeWeComServer;
  fakeServerPerSuite({ ownerCount: 150 }, (started) => (server = started));

  test('a by-day request names its owner batch and window; gettoken names none', async () => {
    const { client, logs } = makeClient(server);
    const range = lastNDays(7, FIXED_NOW);
    await client.getByDay({ ...range, owners: server.owners });
    const token = logs.find((l) => l.endpoint === WECOM_PATHS.token);
    assert.ok(token);
    assert.equal(token.owners, undefined);
    assert.equal(token.range, undefined);
    const byDay = logs.filter((l) => l.endpoint === WECOM_PATHS.byDay);
    assert.equal(byDay.length, 2, '150 owners in two batches');
    assert.deepEqual(byDay.map((l) => l.owners?.length).sort(), [100, 50].sort());
    assert.deepEqual(byDay[0].range, range);
    const line = requestLogLine(byDay[0]);
    assert.ok(line.includes(`${range.from}..${range.to}`), line);
    assert.match(line, /\b(100|50) owners \([^,]+, [^,]+, [^,]+, … \+\d+\)/);
  });

  test('the line: one owner, one day, a retry and a failure', () => {
    const line = requestLogLine({
      endpoint: WECOM_PATHS.statistic,
      durationMs: 12.4,
      attempt: 2,
      status: 502,
      owners: ['zhangsan'],
      range: { from: '2026-11-27', to: '2026-11-27' },
      message: 'HTTP 502',
    });
    assert.equal(
      line,
      `${WECOM_PATHS.statistic} · 1 owner (zhangsan) · 2026-11-27 · 12 ms · no errcode · HTTP 502 · attempt 2`,
    );
    const three = requestLogLine({
      endpoint: WECOM_PATHS.statistic,
      durationMs: 5,
      attempt: 1,
      errcode: 0,
      owners: ['a', 'b', 'c'],
    });
    assert.equal(three, `${WECOM_PATHS.statistic} · 3 owners (a, b, c) · 5 ms · errcode 0`);
  });
});
