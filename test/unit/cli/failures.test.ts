import * as assert from 'node:assert/strict';
import { EXIT_API, EXIT_USAGE, exitStatusOf, inCliTerms, messageOf } from '../../../src/cli/failures';
import { WeComClient } from '../../../src/wecom/client';
import { WeComError, missingDaysError } from '../../../src/wecom/errors';
import { CODES_WITH_HINTS, type MalformedReason } from '../../../src/wecom/hints';
import type { WeComErrorKind } from '../../../src/wecom/types';

const ENDPOINT = '/cgi-bin/externalcontact/groupchat/statistic';

/** Every hint the CLI can print: each API code, each other kind, each malformed reason. */
function everyError(): WeComError[] {
  const errors = CODES_WITH_HINTS.map(
    (errcode) =>
      new WeComError({ kind: 'api', endpoint: ENDPOINT, errcode, errmsg: 'detail', owners: ['lisi'] }),
  );
  errors.push(new WeComError({ kind: 'api', endpoint: ENDPOINT, errcode: 99999, errmsg: 'unknown' }));
  for (const status of [500, 502, 404, 200]) {
    errors.push(new WeComError({ kind: 'http', endpoint: ENDPOINT, status, errmsg: 'x' }));
  }
  const kinds: WeComErrorKind[] = ['network', 'timeout', 'aborted'];
  for (const kind of kinds) {
    errors.push(new WeComError({ kind, endpoint: ENDPOINT, errmsg: 'x', host: 'qyapi.weixin.qq.com' }));
  }
  const reasons: MalformedReason[] = ['shape', 'cutOff', 'tooLarge', 'missingDays'];
  for (const reason of reasons) {
    errors.push(new WeComError({ kind: 'malformed', endpoint: ENDPOINT, reason, errmsg: 'x' }));
  }
  try {
    new WeComClient({ corpId: 'ww1', corpSecret: 's', baseUrl: 'http://relay.example' });
  } catch (err) {
    assert.ok(err instanceof WeComError);
    errors.push(err);
  }
  return errors;
}

suite('cli: error lines name only what exists in a terminal', () => {
  test('no hint the CLI prints speaks of settings, the extension or its log', () => {
    const errors = everyError();
    assert.ok(errors.length > 30);
    for (const err of errors) {
      const line = messageOf(err);
      assert.doesNotMatch(line, /setting|extension|wecomGroupStats|\blog\b/i, line);
    }
  });

  test('the timeout hint points at --timeout; others at the CLI flag or variable', () => {
    const timeout = messageOf(new WeComError({ kind: 'timeout', endpoint: ENDPOINT, errmsg: 'x' }));
    assert.match(timeout, /raise the request timeout \(--timeout MS\)/);
    const network = messageOf(
      new WeComError({ kind: 'network', endpoint: ENDPOINT, errmsg: 'x', host: 'h' }),
    );
    assert.match(network, /the API base URL WECOM_API_BASE and the proxy \(HTTPS_PROXY\/NO_PROXY\)/);
    const empty = messageOf(new WeComError({ kind: 'api', endpoint: ENDPOINT, errcode: 41002, errmsg: '' }));
    assert.match(empty, /Set WECOM_CORP_ID/);
    // The shared hint itself is unchanged: the extension keeps its wording.
    const shared = new WeComError({ kind: 'timeout', endpoint: ENDPOINT }).hint.en;
    assert.ok(shared.includes('raise the request timeout,'), shared);
    assert.equal(inCliTerms('nothing to change'), 'nothing to change');
  });

  test("'malformed' (cut off, too large, missing days, shape) exits 1 like API and network errors; input 2", () => {
    for (const reason of ['shape', 'cutOff', 'tooLarge'] as const) {
      assert.equal(exitStatusOf(new WeComError({ kind: 'malformed', endpoint: ENDPOINT, reason })), EXIT_API);
    }
    assert.equal(exitStatusOf(missingDaysError(['2026-06-14'])), EXIT_API);
    assert.equal(exitStatusOf(new WeComError({ kind: 'input', endpoint: '', errmsg: 'bad' })), EXIT_USAGE);
  });
});
