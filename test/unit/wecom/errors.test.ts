import * as assert from 'node:assert/strict';
import { DayRangeError } from '../../../src/shared/days';
import { asWeComError, describeWeComError, WeComError } from '../../../src/wecom/errors';
import { CODES_WITH_HINTS, ipFromErrmsg } from '../../../src/wecom/hints';
import { KnownSecrets, redactSecrets } from '../../../src/wecom/redact';
import type { WeComErrorKind } from '../../../src/wecom/types';
import { WECOM_PATHS } from '../../../src/shared/wecomApi';

/** The error-code table of wecom-notes.md. */
const NOTES_CODES = [
  -1, 45009, 45033, 40014, 42001, 40001, 40013, 41001, 41002, 41004, 48002, 60011, 60020, 301002, 81013,
  81017, 600018, 40058, 40003, 60111,
];

const HAN = /[\u4e00-\u9fff]/;

suite('wecom/errors: hints and messages', () => {
  test('every code of the notes has its own hint in English and Simplified Chinese', () => {
    const seen = new Set<string>();
    for (const errcode of NOTES_CODES) {
      assert.ok(CODES_WITH_HINTS.includes(errcode), `hint for ${errcode}`);
      const err = new WeComError({ kind: 'api', endpoint: '/x', errcode, errmsg: 'msg' });
      assert.ok(
        err.hint.en.length > 20 && !HAN.test(err.hint.en.replace(/"可调用应用"|企业可信IP/g, '')),
        `${errcode} en`,
      );
      assert.ok(HAN.test(err.hint.zh), `${errcode} zh`);
      assert.ok(!err.hint.en.includes('Look the code up'), `${errcode} has a specific hint`);
      seen.add(err.hint.en);
    }
    // 40003 and 60111 share one hint (both: unknown user id); all others differ.
    assert.equal(seen.size, NOTES_CODES.length - 1);
  });

  test('60020 names the IP parsed from errmsg', () => {
    const errmsg =
      'not allow to access from your ip, hint: [1700000000_abc], from ip: 203.0.113.7, more info at https://open.work.weixin.qq.com/devtool/query?e=60020';
    assert.equal(ipFromErrmsg(errmsg), '203.0.113.7');
    assert.equal(ipFromErrmsg('from ip: 2001:db8::1, more'), '2001:db8::1');
    assert.equal(ipFromErrmsg('no ip here'), undefined);
    const err = new WeComError({ kind: 'api', endpoint: WECOM_PATHS.token, errcode: 60020, errmsg });
    assert.match(err.hint.en, /203\.0\.113\.7/);
    assert.match(err.hint.zh, /203\.0\.113\.7/);
    assert.match(describeWeComError(err, 'zh'), /可信IP/);
    const noIp = new WeComError({ kind: 'api', endpoint: '/x', errcode: 60020, errmsg: '' });
    assert.match(noIp.hint.en, /trusted IPs/);
    // The one place that says what to change on this side: the proxy (the host offers Open settings).
    assert.match(err.hint.en, /the proxy setting or HTTPS_PROXY/);
  });

  test('hints about user ids name the owners of the request', () => {
    const owners = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const err = new WeComError({ kind: 'api', endpoint: '/x', errcode: 81013, errmsg: '', owners });
    assert.match(err.hint.en, /"a", "b", "c", "d", "e" and 2 more/);
    assert.match(err.hint.zh, /等 7 个/);
    const one = new WeComError({
      kind: 'api',
      endpoint: '/x',
      errcode: 60111,
      errmsg: '',
      owners: ['left-user'],
    });
    assert.match(one.hint.en, /"left-user"/);
  });

  test('non-API kinds have hints too, and unknown codes point to the lookup page', () => {
    const kinds: WeComErrorKind[] = ['network', 'timeout', 'http', 'aborted'];
    for (const kind of kinds) {
      const err = new WeComError({ kind, endpoint: '/x', status: kind === 'http' ? 502 : undefined });
      assert.ok(err.hint.en.length > 10 && HAN.test(err.hint.zh), kind);
    }
    assert.match(new WeComError({ kind: 'http', endpoint: '/x', status: 502 }).hint.en, /HTTP 502/);
    assert.match(new WeComError({ kind: 'http', endpoint: '/x', status: 404 }).hint.en, /base URL/);
    const unknown = new WeComError({ kind: 'api', endpoint: '/x', errcode: 12345, errmsg: 'odd' });
    assert.match(unknown.hint.en, /devtool\/query\?e=12345/);
  });

  test('describeWeComError gives one sentence with the code; DayRangeError becomes an input error', () => {
    const err = new WeComError({
      kind: 'api',
      endpoint: WECOM_PATHS.token,
      errcode: 40001,
      errmsg: 'invalid credential',
    });
    assert.equal(describeWeComError(err, 'en'), `${err.hint.en} (errcode 40001)`);
    assert.equal(describeWeComError(err, 'zh'), `${err.hint.zh} (errcode 40001)`);
    assert.match(err.message, /\/cgi-bin\/gettoken, errcode 40001, invalid credential/);
    assert.equal(err.name, 'WeComError');
    const reason = { en: 'Bad day.', zh: '日期错误。' };
    const converted = asWeComError(new DayRangeError(reason));
    assert.ok(converted instanceof WeComError);
    assert.equal(converted.kind, 'input');
    assert.deepEqual(converted.hint, reason);
    assert.equal(describeWeComError(converted, 'zh'), '日期错误。');
    assert.equal(describeWeComError(new DayRangeError(reason), 'en'), 'Bad day.');
    assert.equal(
      describeWeComError(new Error('GET /x?access_token=abc123def456 failed'), 'en'),
      'Unexpected error: GET /x?access_token=*** failed',
    );
  });

  test('errmsg is redacted when the error is built', () => {
    const err = new WeComError({
      kind: 'api',
      endpoint: '/x',
      errcode: 40014,
      errmsg: 'invalid access_token=tok_ABCDEF0123456789 for corpsecret=zzzSECRETzzz',
    });
    assert.ok(!JSON.stringify(err).includes('tok_ABCDEF0123456789'));
    assert.ok(!err.message.includes('zzzSECRETzzz'));
  });
});

suite('wecom/redact', () => {
  test('masks query parameters, JSON fields and URL credentials', () => {
    assert.equal(
      redactSecrets('https://q.example/cgi-bin/gettoken?corpid=ww1&corpsecret=s3cr3t-Value&x=1'),
      'https://q.example/cgi-bin/gettoken?corpid=ww1&corpsecret=***&x=1',
    );
    assert.equal(redactSecrets('/a?access_token=AbC-_.~123'), '/a?access_token=***');
    assert.equal(redactSecrets('ACCESS_TOKEN=xyz and Corpsecret=abc'), 'ACCESS_TOKEN=*** and Corpsecret=***');
    assert.equal(
      redactSecrets('{"errcode":0,"access_token":"tok123","expires_in":7200}'),
      '{"errcode":0,"access_token":"***","expires_in":7200}',
    );
    assert.equal(
      redactSecrets('proxy http://user:p%40ss@proxy:8080 failed'),
      'proxy http://***@proxy:8080 failed',
    );
    assert.equal(redactSecrets('nothing to hide, from ip: 1.2.3.4'), 'nothing to hide, from ip: 1.2.3.4');
  });

  test('masks known values wherever they appear, but not very short ones', () => {
    assert.equal(redactSecrets('echo MySecretValue123 back', ['MySecretValue123']), 'echo *** back');
    assert.equal(redactSecrets('a b c', ['a']), 'a b c');
    const known = new KnownSecrets('the-secret-xyz');
    known.addToken('token-1-abcdef');
    known.addToken('token-1-abcdef');
    assert.deepEqual(known.values(), ['the-secret-xyz', 'token-1-abcdef']);
    for (let i = 0; i < 30; i++) {
      known.addToken(`token-n-${i}-padding`);
    }
    assert.equal(known.values().length, 21);
    assert.equal(known.values()[0], 'the-secret-xyz');
  });
});
