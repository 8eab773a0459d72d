import * as assert from 'node:assert/strict';
import * as util from 'node:util';
import type { FakeWeComServer } from '../../../src/demo/fakeServer';
import { dayStartTs } from '../../../src/shared/days';
import { WeComClient } from '../../../src/wecom/client';
import { WeComError } from '../../../src/wecom/errors';
import type { RequestLogEntry, WeComClientOptions } from '../../../src/wecom/types';
import { startConnectProxy, startStub, type Stub, type StubReply, type StubRequest } from './stubServer';
import { fakeServerPerSuite, fixedClock, makeClient, rejectionOf, TEST_SECRET, yesterday } from './support';
import { WECOM_PATHS } from '../../../src/shared/wecomApi';

const STUB_TOKEN = 'stub-token-QWERTY-0123456789';

function tokenOr(handler: (req: StubRequest) => StubReply): (req: StubRequest) => StubReply {
  return (req) =>
    req.path === WECOM_PATHS.token
      ? { json: { errcode: 0, errmsg: 'ok', access_token: STUB_TOKEN, expires_in: 7200 } }
      : handler(req);
}

function stubClient(
  stub: Stub,
  options: Partial<WeComClientOptions> = {},
): { client: WeComClient; logs: RequestLogEntry[] } {
  const logs: RequestLogEntry[] = [];
  const client = new WeComClient(
    {
      corpId: 'ww-stub',
      corpSecret: TEST_SECRET,
      baseUrl: stub.url,
      backoffBaseMs: 1,
      maxAttempts: 3,
      now: fixedClock,
      onRequestLog: (e) => logs.push(e),
      ...options,
    },
    { env: {} },
  );
  return { client, logs };
}

const zeroData = {
  new_chat_cnt: 1,
  chat_total: 2,
  chat_has_msg: 1,
  new_member_cnt: 3,
  member_total: 4,
  member_has_msg: 1,
  msg_total: 9,
};

suite('wecom/transport: replies the fake server never gives', () => {
  const stubs: Stub[] = [];
  async function stub(handler: (req: StubRequest) => StubReply): Promise<Stub> {
    const s = await startStub(tokenOr(handler));
    stubs.push(s);
    return s;
  }
  teardown(async () => {
    await Promise.all(stubs.splice(0).map((s) => s.close()));
  });

  test('a page claiming more owners than were asked is malformed: retried, then refused', async () => {
    const s = await stub(() => ({ json: { errcode: 0, total: 5, next_offset: 0, items: [] } }));
    const { client } = stubClient(s);
    const err = await rejectionOf(
      client.getOwnerTotals({ from: yesterday(), to: yesterday(), owners: ['a'] }),
    );
    assert.ok(err instanceof WeComError && err.kind === 'malformed', String(err));
    assert.match(err.errmsg, /more than the 1 owners asked/);
    // A malformed page is asked again like a busy server, up to the client's maxAttempts.
    assert.equal(s.requests.filter((r) => r.path === WECOM_PATHS.statistic).length, 3);
  });

  test('a server sending fewer rows per page than limit is paged to the end', async () => {
    const owners = ['a', 'b', 'c', 'd', 'e'];
    const s = await stub((req) => {
      const offset = (req.body as { offset: number }).offset;
      const items = [{ owner: owners[offset], data: { ...zeroData, chat_total: offset } }];
      return { json: { errcode: 0, total: owners.length, next_offset: offset + 1, items } };
    });
    const rows = await stubClient(s).client.getOwnerTotals({ from: yesterday(), to: yesterday(), owners });
    assert.deepEqual(
      rows.map((r) => [r.owner, r.data?.chat_total]),
      [
        ['e', 4],
        ['d', 3],
        ['c', 2],
        ['b', 1],
        ['a', 0],
      ],
    );
    assert.equal(s.requests.filter((r) => r.path === WECOM_PATHS.statistic).length, owners.length);
  });

  test('missing migrate_trainee_chat_cnt reads 0; malformed figures are refused', async () => {
    const s = await stub(() => ({
      json: { errcode: 0, total: 1, next_offset: 1, items: [{ owner: 'a', data: zeroData }] },
    }));
    const rows = await stubClient(s).client.getOwnerTotals({
      from: yesterday(),
      to: yesterday(),
      owners: ['a'],
    });
    assert.deepEqual(rows, [{ owner: 'a', data: { ...zeroData, migrate_trainee_chat_cnt: 0 } }]);
    const bad = await stub(() => ({
      json: {
        errcode: 0,
        total: 1,
        next_offset: 1,
        items: [{ owner: 'a', data: { ...zeroData, chat_total: 'x' } }],
      },
    }));
    const err = await rejectionOf(
      stubClient(bad).client.getOwnerTotals({ from: yesterday(), to: yesterday(), owners: ['a'] }),
    );
    assert.ok(err instanceof WeComError && err.kind === 'malformed', String(err));
    assert.match(err.message, /chat_total is "x", not a count/);
  });

  test('by-day: days outside the requested window or repeated are refused, never summed', async () => {
    const day = yesterday();
    const s = await stub(() => ({
      json: {
        errcode: 0,
        items: [
          { stat_time: dayStartTs(day), data: zeroData },
          { stat_time: dayStartTs(day) + 3600, data: zeroData },
          { stat_time: dayStartTs(day) - 86400, data: zeroData },
        ],
      },
    }));
    const err = await rejectionOf(stubClient(s).client.getByDay({ from: day, to: day, owners: ['a'] }));
    assert.ok(err instanceof WeComError && err.kind === 'malformed', String(err));
    assert.match(err.errmsg, /appears twice|outside the asked/);
  });

  test('an HTML page (HTTP 200, not JSON) is an http error, not retried; HTTP 502 is retried', async () => {
    const html = await stub(() => ({ text: '<html>relay login</html>' }));
    const { client } = stubClient(html);
    const err = await rejectionOf(client.listFollowUsers());
    assert.ok(err instanceof WeComError && err.kind === 'http' && err.status === 200);
    assert.equal(html.requests.filter((r) => r.path === WECOM_PATHS.followUsers).length, 1);
    const gateway = await stub(() => ({ status: 502, text: 'bad gateway' }));
    const err2 = await rejectionOf(stubClient(gateway).client.listFollowUsers());
    assert.ok(err2 instanceof WeComError && err2.status === 502);
    assert.equal(gateway.requests.filter((r) => r.path === WECOM_PATHS.followUsers).length, 3);
  });

  test('numbers sent as strings (errcode, total, next_offset, figures, stat_time) are read as numbers', async () => {
    const day = yesterday();
    const asStrings = Object.fromEntries(Object.entries(zeroData).map(([k, v]) => [k, String(v)]));
    const okStub = await stub((req) => ({
      json:
        req.path === WECOM_PATHS.statistic
          ? { errcode: '0', total: '1', next_offset: '1', items: [{ owner: 'a', data: asStrings }] }
          : { errcode: '0', items: [{ stat_time: String(dayStartTs(day)), data: asStrings }] },
    }));
    const { client } = stubClient(okStub);
    const expected = { ...zeroData, migrate_trainee_chat_cnt: 0 };
    assert.deepEqual(await client.getOwnerTotals({ from: day, to: day, owners: ['a'] }), [
      { owner: 'a', data: expected },
    ]);
    const byDay = await client.getByDay({ from: day, to: day, owners: ['a'] });
    assert.deepEqual(
      byDay.total.map(({ date, statTime, data }) => ({ date, statTime, data })),
      [{ date: day, statTime: dayStartTs(day), data: expected }],
    );
    const denied = await stub(() => ({ json: { errcode: '48002', errmsg: 'api forbidden' } }));
    const err = await rejectionOf(stubClient(denied).client.listFollowUsers());
    assert.ok(err instanceof WeComError && err.kind === 'api' && err.errcode === 48002, String(err));
  });

  test('gettoken with expires_in as a string, or without it, still yields a cached token', async () => {
    for (const expires of [{ expires_in: '7200' }, {}]) {
      const s = await startStub((req) =>
        req.path === WECOM_PATHS.token
          ? { json: { errcode: 0, access_token: STUB_TOKEN, ...expires } }
          : { json: { errcode: 0, follow_user: ['x'] } },
      );
      stubs.push(s);
      const { client } = stubClient(s);
      assert.deepEqual(await client.listFollowUsers(), ['x']);
      assert.deepEqual(await client.listFollowUsers(), ['x']);
      assert.equal(s.requests.filter((r) => r.path === WECOM_PATHS.token).length, 1, JSON.stringify(expires));
    }
  });

  test('a slow server gives kind timeout after maxAttempts', async () => {
    const s = await stub(() => ({ delayMs: 400, json: { errcode: 0, follow_user: [] } }));
    const err = await rejectionOf(stubClient(s, { timeoutMs: 50, maxAttempts: 2 }).client.listFollowUsers());
    assert.ok(err instanceof WeComError);
    assert.equal(err.kind, 'timeout');
    assert.equal(s.requests.filter((r) => r.path === WECOM_PATHS.followUsers).length, 2);
  });

  test('40014 drops the token and retries once, then gives up (no loop)', async () => {
    const s = await stub(() => ({ json: { errcode: 40014, errmsg: 'invalid access_token' } }));
    const err = await rejectionOf(stubClient(s).client.listFollowUsers());
    assert.ok(err instanceof WeComError && err.errcode === 40014);
    assert.equal(s.requests.filter((r) => r.path === WECOM_PATHS.token).length, 2);
    assert.equal(s.requests.filter((r) => r.path === WECOM_PATHS.followUsers).length, 2);
  });

  test('a server echoing the request URL, token and secret in errmsg: all masked in errors and logs', async () => {
    const s = await stub((req) => ({
      json: {
        errcode: 48002,
        errmsg: `api forbidden for ${req.url} token ${STUB_TOKEN} secret ${TEST_SECRET}`,
      },
    }));
    const { client, logs } = stubClient(s);
    const err = await rejectionOf(client.listFollowUsers());
    assert.ok(err instanceof WeComError && err.errcode === 48002);
    assert.ok(
      s.requests.some((r) => r.url.includes(STUB_TOKEN)),
      'the token really was sent',
    );
    const texts = [
      String(err),
      JSON.stringify(err),
      util.inspect(err, { depth: 10 }),
      ...logs.map((l) => JSON.stringify(l)),
    ];
    for (const text of texts) {
      assert.ok(!text.includes(STUB_TOKEN) && !text.includes(TEST_SECRET), text);
    }
    assert.match(err.errmsg, /access_token=\*\*\*/);
  });

  test('gettoken answering -1 is retried', async () => {
    let calls = 0;
    const s = await startStub((req) => {
      if (req.path === WECOM_PATHS.token) {
        calls++;
        return calls === 1
          ? { json: { errcode: -1, errmsg: 'system busy' } }
          : { json: { errcode: 0, access_token: STUB_TOKEN, expires_in: 7200 } };
      }
      return { json: { errcode: 0, follow_user: ['x'] } };
    });
    stubs.push(s);
    assert.deepEqual(await stubClient(s).client.listFollowUsers(), ['x']);
    assert.equal(calls, 2);
  });
});

suite('wecom/transport: proxies', () => {
  let server: FakeWeComServer;
  fakeServerPerSuite({ ownerCount: 5 }, (started) => (server = started));

  test('an explicit proxy option tunnels every request through CONNECT', async () => {
    const proxy = await startConnectProxy({ host: '127.0.0.1', port: server.port });
    try {
      const { client } = makeClient(server, { proxy: proxy.url });
      assert.deepEqual(await client.listFollowUsers(), server.owners);
      assert.ok(proxy.tunnels.length >= 1);
      assert.ok(proxy.tunnels.every((t) => t === `127.0.0.1:${server.port}`));
    } finally {
      await proxy.close();
    }
  });

  test('HTTP_PROXY from the environment is used, and NO_PROXY bypasses it', async () => {
    const proxy = await startConnectProxy({ host: '127.0.0.1', port: server.port });
    try {
      const baseUrl = `http://wecom-relay.invalid:${server.port}`;
      const via = makeClient(
        server,
        { baseUrl, allowInsecureHttp: true },
        { env: { HTTP_PROXY: proxy.url } },
      ).client;
      assert.deepEqual(await via.listFollowUsers(), server.owners);
      assert.ok(proxy.tunnels.includes(`wecom-relay.invalid:${server.port}`));
      const before = proxy.tunnels.length;
      // Direct to a host that does not exist: fails fast (or times out if DNS is slow), never proxied.
      const direct = makeClient(
        server,
        { baseUrl, allowInsecureHttp: true, maxAttempts: 1, timeoutMs: 500 },
        { env: { HTTP_PROXY: proxy.url, NO_PROXY: '.invalid' } },
      );
      const err = await rejectionOf(direct.client.listFollowUsers());
      assert.ok(err instanceof WeComError && (err.kind === 'network' || err.kind === 'timeout'), String(err));
      assert.equal(proxy.tunnels.length, before, 'NO_PROXY: not through the proxy');
    } finally {
      await proxy.close();
    }
  });
});
