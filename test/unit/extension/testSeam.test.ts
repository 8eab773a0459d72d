/**
 * The host's test seam: it exists only in Test mode, its clock can be pinned (env override read
 * once, or setNow), and without it the host's clock is the real one.
 */
import * as assert from 'assert';
import { cstYesterday, isProvisional } from '../../../src/shared/days';
import { hostClock, parseTestNow, TEST_NOW_ENV_VARIABLE, TestSeam } from '../../../src/extension/testSeam';

suite('extension/testSeam', () => {
  test('no seam outside Test mode, whatever the environment says', () => {
    assert.strictEqual(
      TestSeam.forMode(false, { [TEST_NOW_ENV_VARIABLE]: '2026-03-10T09:59:00+08:00' }),
      undefined,
    );
    assert.strictEqual(hostClock(undefined), Date.now, 'production reads the real clock');
  });

  test('the override is an ISO time or ms since epoch; anything else is ignored', () => {
    assert.strictEqual(parseTestNow('2026-03-10T09:59:00+08:00'), Date.UTC(2026, 2, 10, 1, 59));
    assert.strictEqual(parseTestNow('1773107940000'), 1773107940000);
    assert.strictEqual(parseTestNow(''), undefined);
    assert.strictEqual(parseTestNow(undefined), undefined);
    assert.strictEqual(parseTestNow('yesterday'), undefined);
  });

  test('in Test mode the clock is pinned by the environment, then by setNow, and can run again', () => {
    const seam = TestSeam.forMode(true, { [TEST_NOW_ENV_VARIABLE]: '2026-03-11T00:01:00+08:00' });
    assert.ok(seam);
    const clock = hostClock(seam);
    assert.strictEqual(cstYesterday(clock()), '2026-03-10');
    assert.strictEqual(isProvisional('2026-03-10', clock()), true);
    seam.setNow(Date.parse('2026-03-10T23:59:00+08:00'));
    assert.strictEqual(cstYesterday(clock()), '2026-03-09');
    assert.strictEqual(isProvisional('2026-03-09', clock()), false);
    seam.setNow(undefined);
    assert.ok(Math.abs(clock() - Date.now()) < 1000);
  });

  test('captured log lines and messages are bounded', () => {
    const seam = new TestSeam(undefined);
    for (let i = 0; i < 2100; i++) {
      seam.recordLine(`line ${i}`);
    }
    assert.strictEqual(seam.logLines().length, 2000);
    assert.strictEqual(seam.logLines()[1999], 'line 2099');
    for (let i = 0; i < 60; i++) {
      seam.recordMessage({ severity: 'info', text: `m${i}`, buttons: [] });
    }
    assert.strictEqual(seam.messages().length, 50);
    assert.strictEqual(seam.messages()[49].text, 'm59');
  });
});
