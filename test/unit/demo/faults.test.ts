import * as assert from 'node:assert/strict';
import { dayStartTs } from '../../../src/shared/days';
import { fetchToken, getJson, postJson, startClocked } from './fakeClient';
import type { ClockedServer } from './fakeClient';
import { WECOM_PATHS } from '../../../src/shared/wecomApi';

const BODY = { day_begin_time: dayStartTs('2026-06-14'), owner_filter: { userid_list: ['zhangsan'] } };

suite('fake server: fault injection', () => {
  let fake: ClockedServer;
  let token: string;

  setup(async () => {
    fake = await startClocked();
    token = await fetchToken(fake.server);
  });
  teardown(async () => {
    await fake.server.close();
  });

  test('-1 on every Nth API call, gettoken excluded', async () => {
    fake.server.setFaults({ busyEveryNth: 3 });
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      await fetchToken(fake.server); // never counted, never failed
      codes.push((await postJson(fake.server, WECOM_PATHS.statistic, token, BODY)).json.errcode);
    }
    assert.deepEqual(codes, [0, 0, -1, 0, 0, -1]);
  });

  test('HTTP 500 on every Nth API call, recorded as -2', async () => {
    fake.server.setFaults({ http500EveryNth: 2 });
    const first = await postJson(fake.server, WECOM_PATHS.statistic, token, BODY);
    const second = await postJson(fake.server, WECOM_PATHS.statistic, token, BODY);
    assert.equal(first.status, 200);
    assert.equal(second.status, 500);
    assert.deepEqual(
      fake.server
        .requests()
        .slice(-2)
        .map((r) => r.errcode),
      [0, -2],
    );
  });

  test('45009 while more calls than the limit arrived within the last second', async () => {
    fake.server.setFaults({ rateLimitPerSecond: 3 });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push(
        (await getJson(fake.server, `${WECOM_PATHS.followUsers}?access_token=${token}`)).json.errcode,
      );
    }
    assert.deepEqual(codes, [0, 0, 0, 45009, 45009]);
    fake.clock.now += 1001; // the fake clock moves past the window
    assert.equal(
      (await getJson(fake.server, `${WECOM_PATHS.followUsers}?access_token=${token}`)).json.errcode,
      0,
    );
  });

  test('45033 when more calls than allowed are served at once', async () => {
    fake.server.setLatency(200);
    fake.server.setFaults({ maxConcurrent: 2 });
    const replies = await Promise.all(
      Array.from({ length: 5 }, () =>
        getJson(fake.server, `${WECOM_PATHS.followUsers}?access_token=${token}`),
      ),
    );
    const codes = replies.map((r) => r.json.errcode).sort((a, b) => a - b);
    assert.deepEqual(codes, [0, 0, 45033, 45033, 45033]);
  });

  test('60020 on every call, gettoken included, naming the IP in errmsg', async () => {
    fake.server.setFaults({ rejectFromIp: '203.0.113.7' });
    const tokenReply = await getJson(
      fake.server,
      `${WECOM_PATHS.token}?corpid=${fake.server.corpId}&corpsecret=${fake.server.corpSecret}`,
    );
    assert.equal(tokenReply.json.errcode, 60020);
    assert.match(
      tokenReply.json.errmsg,
      /^not allow to access from your ip, hint: \[.+\], from ip: 203\.0\.113\.7, more info at https:\/\/open\.work\.weixin\.qq\.com\/devtool\/query\?e=60020$/,
    );
    assert.equal((await postJson(fake.server, WECOM_PATHS.statistic, token, BODY)).json.errcode, 60020);
    fake.server.setFaults({});
    assert.equal((await postJson(fake.server, WECOM_PATHS.statistic, token, BODY)).json.errcode, 0);
  });

  test('45033 with one call allowed in flight: the second concurrent call is refused, later ones served', async () => {
    fake.server.setLatency(150);
    fake.server.setFaults({ maxConcurrent: 1 });
    const [first, second] = await Promise.all([
      postJson(fake.server, WECOM_PATHS.statistic, token, BODY),
      postJson(fake.server, WECOM_PATHS.statistic, token, BODY),
    ]);
    assert.deepEqual([first.json.errcode, second.json.errcode].sort(), [0, 45033].sort());
    assert.deepEqual(
      fake.server
        .requests()
        .slice(-2)
        .map((r) => r.fault)
        .sort(),
      ['maxConcurrent', undefined].sort(),
    );
    assert.equal(
      (await postJson(fake.server, WECOM_PATHS.statistic, token, BODY)).json.errcode,
      0,
      'alone again',
    );
  });

  test('tokenExpiresAfterCalls: each token answers 42001 after N further calls; gettoken then issues a new one', async () => {
    assert.equal((await postJson(fake.server, WECOM_PATHS.statistic, token, BODY)).json.errcode, 0); // before: not counted
    fake.server.setFaults({ tokenExpiresAfterCalls: 2 });
    const codes = async (t: string, n: number) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        out.push((await getJson(fake.server, `${WECOM_PATHS.followUsers}?access_token=${t}`)).json.errcode);
      }
      return out;
    };
    assert.deepEqual(await codes(token, 4), [0, 0, 42001, 42001]);
    assert.deepEqual(
      fake.server
        .requests()
        .slice(-4)
        .map((r) => r.fault),
      [undefined, undefined, 'tokenExpiresAfterCalls', 'tokenExpiresAfterCalls'],
    );
    const fresh = await fetchToken(fake.server);
    assert.notEqual(fresh, token);
    assert.deepEqual(await codes(fresh, 3), [0, 0, 42001]);
    fake.server.setFaults({});
    assert.deepEqual(await codes(await fetchToken(fake.server), 3), [0, 0, 0]);
  });

  test('call faults are named in the request record', async () => {
    fake.server.setFaults({ busyEveryNth: 1 });
    await postJson(fake.server, WECOM_PATHS.statistic, token, BODY);
    fake.server.setFaults({ http500EveryNth: 1 });
    await postJson(fake.server, WECOM_PATHS.statistic, token, BODY);
    fake.server.setFaults({ rejectFromIp: '203.0.113.7' });
    await postJson(fake.server, WECOM_PATHS.statistic, token, BODY);
    fake.server.setFaults({});
    await postJson(fake.server, WECOM_PATHS.statistic, token, BODY);
    assert.deepEqual(
      fake.server
        .requests()
        .slice(-4)
        .map((r) => r.fault),
      ['busy', 'http500', 'rejectFromIp', undefined],
    );
  });

  test('expireAllTokens → 42001 mid-run', async () => {
    assert.equal((await postJson(fake.server, WECOM_PATHS.statistic, token, BODY)).json.errcode, 0);
    fake.server.expireAllTokens();
    assert.equal((await postJson(fake.server, WECOM_PATHS.statistic, token, BODY)).json.errcode, 42001);
  });
});
