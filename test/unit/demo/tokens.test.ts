import * as assert from 'node:assert/strict';
import { DEMO_CORP_ID, DEMO_CORP_SECRET } from '../../../src/demo/fakeServer';
import { fetchToken, getJson, postJson, startClocked } from './fakeClient';
import type { ClockedServer } from './fakeClient';
import { WECOM_PATHS } from '../../../src/shared/wecomApi';

suite('fake server: gettoken and access tokens', () => {
  let fake: ClockedServer;

  setup(async () => {
    fake = await startClocked({ tokenTtlSeconds: 60 });
  });
  teardown(async () => {
    await fake.server.close();
  });

  test('defaults to the documented demo corp and listens on loopback', () => {
    assert.equal(fake.server.corpId, DEMO_CORP_ID);
    assert.equal(fake.server.corpSecret, DEMO_CORP_SECRET);
    assert.match(fake.server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(fake.server.url, `http://127.0.0.1:${fake.server.port}`);
  });

  test('gettoken errors: 41002, 41004, 40013, 40001 — never echoing the secret', async () => {
    const { server } = fake;
    const cases: Array<[string, number]> = [
      [`corpsecret=${server.corpSecret}`, 41002],
      [`corpid=&corpsecret=${server.corpSecret}`, 41002],
      [`corpid=${server.corpId}`, 41004],
      [`corpid=wwnotthiscorp&corpsecret=${server.corpSecret}`, 40013],
      [`corpid=${server.corpId}&corpsecret=wrong-secret-123`, 40001],
    ];
    for (const [query, code] of cases) {
      const reply = await getJson(server, `${WECOM_PATHS.token}?${query}`);
      assert.equal(reply.json.errcode, code, query);
      assert.ok(!('access_token' in reply.json));
      assert.ok(!reply.json.errmsg.includes('wrong-secret-123'));
      assert.ok(!reply.json.errmsg.includes(server.corpSecret));
      assert.match(reply.json.errmsg, /from ip: 127\.0\.0\.1/);
    }
  });

  test('the same token is returned while valid, with the remaining lifetime', async () => {
    const first = await getJson(
      fake.server,
      `${WECOM_PATHS.token}?corpid=${fake.server.corpId}&corpsecret=${fake.server.corpSecret}`,
    );
    assert.equal(first.json.errcode, 0);
    assert.equal(first.json.expires_in, 60);
    fake.clock.now += 20_000;
    const second = await getJson(
      fake.server,
      `${WECOM_PATHS.token}?corpid=${fake.server.corpId}&corpsecret=${fake.server.corpSecret}`,
    );
    assert.equal(second.json.access_token, first.json.access_token);
    assert.equal(second.json.expires_in, 40);
  });

  test('API calls: 41001 without a token, 40014 for an unknown one, 0 for a valid one', async () => {
    assert.equal((await getJson(fake.server, WECOM_PATHS.followUsers)).json.errcode, 41001);
    assert.equal(
      (await getJson(fake.server, `${WECOM_PATHS.followUsers}?access_token=`)).json.errcode,
      41001,
    );
    assert.equal(
      (await getJson(fake.server, `${WECOM_PATHS.followUsers}?access_token=nope`)).json.errcode,
      40014,
    );
    assert.equal((await postJson(fake.server, WECOM_PATHS.statistic, 'nope', {})).json.errcode, 40014);
    const token = await fetchToken(fake.server);
    const ok = await getJson(fake.server, `${WECOM_PATHS.followUsers}?access_token=${token}`);
    assert.equal(ok.json.errcode, 0);
    assert.deepEqual(ok.json.follow_user, [...fake.server.owners]);
  });

  test('a token expires after its TTL on the fake clock (42001) and gettoken then issues a new one', async () => {
    const token = await fetchToken(fake.server);
    fake.clock.now += 59_000;
    assert.equal(
      (await getJson(fake.server, `${WECOM_PATHS.followUsers}?access_token=${token}`)).json.errcode,
      0,
    );
    fake.clock.now += 1_000;
    assert.equal(
      (await getJson(fake.server, `${WECOM_PATHS.followUsers}?access_token=${token}`)).json.errcode,
      42001,
    );
    const fresh = await fetchToken(fake.server);
    assert.notEqual(fresh, token);
    assert.equal(
      (await getJson(fake.server, `${WECOM_PATHS.followUsers}?access_token=${fresh}`)).json.errcode,
      0,
    );
  });

  test('expireAllTokens makes every issued token answer 42001', async () => {
    const token = await fetchToken(fake.server);
    fake.server.expireAllTokens();
    assert.equal(
      (await getJson(fake.server, `${WECOM_PATHS.followUsers}?access_token=${token}`)).json.errcode,
      42001,
    );
    const fresh = await fetchToken(fake.server);
    assert.notEqual(fresh, token);
    assert.equal(
      (await getJson(fake.server, `${WECOM_PATHS.followUsers}?access_token=${fresh}`)).json.errcode,
      0,
    );
  });

  test('counts and records requests per path; resetCounts clears them', async () => {
    const token = await fetchToken(fake.server);
    await postJson(fake.server, WECOM_PATHS.statistic, token, { day_begin_time: 1 });
    assert.deepEqual(fake.server.counts(), { [WECOM_PATHS.token]: 1, [WECOM_PATHS.statistic]: 1 });
    const records = fake.server.requests();
    assert.equal(records.length, 2);
    assert.equal(records[1].path, WECOM_PATHS.statistic);
    assert.deepEqual(records[1].body, { day_begin_time: 1 });
    assert.equal(records[1].errcode, 600018);
    fake.server.resetCounts();
    assert.deepEqual(fake.server.counts(), {});
    assert.equal(fake.server.requests().length, 0);
  });

  test('an unknown path answers HTTP 404', async () => {
    const reply = await getJson(fake.server, '/cgi-bin/nothing');
    assert.equal(reply.status, 404);
  });
});
