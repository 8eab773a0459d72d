import * as assert from 'node:assert/strict';
import * as util from 'node:util';
import type { FakeWeComServer } from '../../../src/demo/fakeServer';
import { describeWeComError, WeComError } from '../../../src/wecom/errors';
import { KnownSecrets, redactSecrets, SecretRegistry, secretForms } from '../../../src/wecom/redact';
import { fakeServerPerSuite, makeClient, rejectionOf, startServer, TEST_SECRET, yesterday } from './support';
import { WECOM_PATHS } from '../../../src/shared/wecomApi';

/** Every rendering of an error a host, CLI or logger might produce. */
function renderings(err: unknown): string[] {
  return [
    String(err),
    JSON.stringify(err),
    util.inspect(err, { depth: 10, showHidden: true }),
    err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : '',
    describeWeComError(err, 'en'),
    describeWeComError(err, 'zh'),
  ];
}

function assertAbsent(texts: readonly string[], secrets: readonly string[]): void {
  for (const text of texts) {
    for (const secret of secrets) {
      assert.ok(!text.includes(secret), `leaked ${secret.slice(0, 6)}… in: ${text.slice(0, 300)}`);
    }
  }
}

suite('wecom/secrets: never in errors or logs', () => {
  let server: FakeWeComServer;
  fakeServerPerSuite({ ownerCount: 30 }, (started) => (server = started));

  /** The token the fake issued, read from its own gettoken reply via a fresh request. */
  async function currentToken(): Promise<string> {
    const url = `${server.url}${WECOM_PATHS.token}?corpid=${encodeURIComponent(server.corpId)}&corpsecret=${encodeURIComponent(server.corpSecret)}`;
    const reply = (await (await fetch(url)).json()) as { access_token: string };
    return reply.access_token;
  }

  test('errors of every kind and every log entry are free of the secret and the token', async () => {
    const { client, logs } = makeClient(server, { maxAttempts: 2 });
    await client.listFollowUsers();
    const token = await currentToken();
    assert.ok(token.length > 10);
    const errors: unknown[] = [];
    // api errors after a token was in use
    errors.push(
      await rejectionOf(client.getOwnerTotals({ from: yesterday(), to: yesterday(), owners: ['ghost'] })),
    );
    server.setFaults({ http500EveryNth: 1 });
    errors.push(await rejectionOf(client.listFollowUsers()));
    server.setFaults({ busyEveryNth: 1 });
    errors.push(await rejectionOf(client.listFollowUsers()));
    server.setFaults({ rejectFromIp: '198.51.100.9' });
    errors.push(await rejectionOf(client.verifyCredentials()));
    server.setFaults({});
    // aborted and input errors
    errors.push(await rejectionOf(client.listFollowUsers({ signal: AbortSignal.abort() })));
    errors.push(await rejectionOf(client.getByDay({ from: 'bad', to: yesterday() })));
    // wrong secret: the secret is in the gettoken URL
    const wrongSecret = 'WRONG-secret-also-distinctive-0f9e8d7c';
    const wrong = makeClient(server, { corpSecret: wrongSecret });
    errors.push(await rejectionOf(wrong.client.verifyCredentials()));
    // network error: the port is closed, the URL carries the secret
    const closed = makeClient(server, { baseUrl: 'http://127.0.0.1:1', maxAttempts: 1 });
    errors.push(await rejectionOf(closed.client.verifyCredentials()));
    const kinds = errors.map((e) => (e instanceof WeComError ? e.kind : 'other'));
    assert.deepEqual(kinds, ['api', 'http', 'api', 'api', 'aborted', 'input', 'api', 'network']);
    for (const err of errors) {
      assert.ok(err instanceof WeComError);
      assert.equal((err as Error & { cause?: unknown }).cause, undefined);
      assertAbsent(renderings(err), [TEST_SECRET, token, wrongSecret]);
    }
    const logTexts = [...logs, ...wrong.logs, ...closed.logs].map((l) => JSON.stringify(l));
    assert.ok(logTexts.length >= 8);
    assertAbsent(logTexts, [TEST_SECRET, token, wrongSecret]);
    assert.ok(
      logs.every((l) => !l.endpoint.includes('?')),
      'endpoints carry no query',
    );
  });

  test('log entries carry endpoint, duration, errcode, status and attempt', async () => {
    const { client, logs } = makeClient(server);
    await client.listFollowUsers();
    assert.equal(logs.length, 2);
    assert.equal(logs[0].endpoint, WECOM_PATHS.token);
    assert.equal(logs[1].endpoint, WECOM_PATHS.followUsers);
    for (const entry of logs) {
      assert.equal(entry.errcode, 0);
      assert.equal(entry.status, 200);
      assert.equal(entry.attempt, 1);
      assert.equal(typeof entry.durationMs, 'number');
      assert.ok(entry.durationMs >= 0);
    }
  });
});

suite('wecom/secrets: the URL-encoded form of a secret is masked too', () => {
  /** Base64-like secrets carry `+`, `/` and `=`, which a query string percent-encodes. */
  const SPECIAL = 'Ab+cD/eF=gH+iJ/kL==';
  const ENCODED = encodeURIComponent(SPECIAL);

  test('secretForms gives the raw, percent-encoded and form-encoded forms, longest first', () => {
    assert.equal(ENCODED, 'Ab%2BcD%2FeF%3DgH%2BiJ%2FkL%3D%3D');
    const forms = secretForms(SPECIAL);
    assert.ok(forms.includes(SPECIAL));
    assert.ok(forms.includes(ENCODED));
    assert.deepEqual(
      [...forms].sort((a, b) => b.length - a.length),
      forms,
    );
    assert.deepEqual(secretForms('plain-secret-value'), ['plain-secret-value']);
    assert.deepEqual(secretForms('short'), [], 'too short to mask');
  });

  test('redactSecrets masks a known value in either form', () => {
    const text = `gettoken failed for /x?corpid=ww1&secret=${ENCODED} (raw ${SPECIAL}) echo ${ENCODED}.`;
    const out = redactSecrets(text, [SPECIAL]);
    assert.ok(!out.includes(SPECIAL), out);
    assert.ok(!out.includes(ENCODED), out);
    assert.equal(out, 'gettoken failed for /x?corpid=ww1&secret=*** (raw ***) echo ***.');
  });

  test('one registry serves the log and the client: both forms of every value', () => {
    const log = new SecretRegistry();
    log.add(SPECIAL);
    log.add(SPECIAL);
    log.add('tiny');
    assert.deepEqual(log.values(), [SPECIAL]);
    assert.equal(log.redact(`a ${SPECIAL} b ${ENCODED} c`), 'a *** b *** c');

    const client = new KnownSecrets(SPECIAL);
    client.addToken('tok+en/value=');
    assert.equal(
      redactSecrets(`t=${encodeURIComponent('tok+en/value=')} s=${ENCODED}`, client.values()),
      't=*** s=***',
    );
  });

  test('a client whose secret has + / = leaks neither form in errors or request logs', async () => {
    const server = await startServer({ corpSecret: SPECIAL });
    try {
      const wrong = makeClient(server, { corpSecret: `${SPECIAL}x+y` });
      const closed = makeClient(server, {
        baseUrl: 'http://127.0.0.1:1',
        corpSecret: SPECIAL,
        maxAttempts: 1,
      });
      const errors = [
        await rejectionOf(wrong.client.verifyCredentials()),
        await rejectionOf(closed.client.verifyCredentials()),
      ];
      const texts = [
        ...errors.flatMap(renderings),
        ...[...wrong.logs, ...closed.logs].map((l) => JSON.stringify(l)),
      ];
      assertAbsent(texts, [SPECIAL, ENCODED, `${SPECIAL}x+y`, encodeURIComponent(`${SPECIAL}x+y`)]);
    } finally {
      await server.close();
    }
  });
});
