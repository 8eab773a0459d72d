import * as assert from 'node:assert/strict';
import {
  addDays,
  allowedWindow,
  assertRange,
  checkRange,
  cstToday,
  cstYesterday,
  DayRangeError,
  dayFromTs,
  daysBetween,
  dayStartTs,
  floorToDayStart,
  lastNDays,
  listDays,
  parseCstDay,
  splitRange,
  tryParseCstDay,
} from '../../../src/shared/days';

/** 2026-11-27 10:00 CST (02:00 UTC). */
const NOW = Date.UTC(2026, 10, 27, 2, 0, 0);

suite(`shared/days: CST calendar math (TZ=${process.env.TZ ?? 'unset'})`, () => {
  test('the documented example: 21:00 CST 3 Apr 2019 floors to 00:00 CST 3 Apr 2019', () => {
    assert.equal(dayStartTs('2019-04-03'), 1554220800);
    assert.equal(floorToDayStart(1554296400), 1554220800);
    assert.equal(dayFromTs(1554296400), '2019-04-03');
  });

  test('the CST day changes at 16:00 UTC, whatever the local zone', () => {
    const midnightCst = Date.UTC(2019, 3, 2, 16, 0, 0) / 1000;
    assert.equal(midnightCst, 1554220800);
    assert.equal(dayFromTs(midnightCst - 1), '2019-04-02');
    assert.equal(dayFromTs(midnightCst), '2019-04-03');
    assert.equal(dayFromTs(midnightCst + 86399), '2019-04-03');
    assert.equal(dayFromTs(midnightCst + 86400), '2019-04-04');
    // Fractional seconds are floored like the server does.
    assert.equal(dayFromTs(midnightCst - 0.5), '2019-04-02');
  });

  test('today and yesterday follow CST, not the machine clock zone', () => {
    assert.equal(cstToday(Date.UTC(2026, 10, 26, 15, 59, 59)), '2026-11-26');
    assert.equal(cstToday(Date.UTC(2026, 10, 26, 16, 0, 0)), '2026-11-27');
    assert.equal(cstYesterday(Date.UTC(2026, 10, 26, 16, 0, 0)), '2026-11-26');
    assert.equal(cstToday(NOW), '2026-11-27');
  });

  test('day arithmetic is exact across DST changes of other zones and leap days', () => {
    // US DST started 2026-03-08, Europe's 2026-03-29: a local-time implementation would slip an hour.
    assert.equal(addDays('2026-03-07', 1), '2026-03-08');
    assert.equal(addDays('2026-03-08', 1), '2026-03-09');
    assert.equal(dayStartTs('2026-03-09') - dayStartTs('2026-03-08'), 86400);
    assert.equal(dayStartTs('2026-11-02') - dayStartTs('2026-11-01'), 86400);
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2024-03-01', -1), '2024-02-29');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(daysBetween('2026-01-01', '2026-12-31'), 364);
    assert.equal(daysBetween('2026-03-09', '2026-03-01'), -8);
  });

  test('stat_time round trip for every day of a year', () => {
    for (const day of listDays({ from: '2026-01-01', to: '2026-12-31' })) {
      const ts = dayStartTs(day);
      assert.equal((ts + 8 * 3600) % 86400, 0, day);
      assert.equal(dayFromTs(ts), day);
      assert.equal(dayFromTs(ts + 86399), day);
    }
  });

  test('parsing accepts only real YYYY-MM-DD days', () => {
    assert.equal(tryParseCstDay('2026-02-28'), '2026-02-28');
    assert.equal(tryParseCstDay(' 2024-02-29 '), '2024-02-29');
    for (const bad of ['2026-02-29', '2026-13-01', '2026-2-3', '20260203', '', 'yesterday', '2026-02-30']) {
      assert.equal(tryParseCstDay(bad), undefined, bad);
    }
    assert.throws(() => parseCstDay('2026-02-30'), DayRangeError);
  });

  test('the allowed window is yesterday back to 180 days before today', () => {
    assert.deepEqual(allowedWindow(NOW), { from: '2026-05-31', to: '2026-11-26' });
    assert.equal(daysBetween('2026-05-31', '2026-11-27'), 180);
  });

  test('checkRange rejects bad dates, inverted and out-of-window ranges, naming the window', () => {
    assert.equal(checkRange('2026-11-01', '2026-11-26', NOW), undefined);
    assert.equal(checkRange('2026-05-31', '2026-11-26', NOW), undefined);
    const today = checkRange('2026-11-20', '2026-11-27', NOW);
    assert.ok(today && today.en.includes('2026-05-31 … 2026-11-26'), today?.en);
    assert.ok(today.zh.includes('2026-05-31 … 2026-11-26'));
    const old = checkRange('2026-05-30', '2026-06-10', NOW);
    assert.ok(old && old.en.includes('180'), old?.en);
    const inverted = checkRange('2026-11-10', '2026-11-01', NOW);
    assert.ok(inverted && inverted.en.includes('after'), inverted?.en);
    const bad = checkRange('2026-11-31', '2026-11-01', NOW);
    assert.ok(bad && bad.en.includes('"2026-11-31"'), bad?.en);
    assert.throws(() => assertRange('2026-11-27', '2026-11-27', NOW), DayRangeError);
    assert.deepEqual(assertRange('2026-11-01', '2026-11-02', NOW), { from: '2026-11-01', to: '2026-11-02' });
  });

  test('splitRange makes consecutive windows of at most 30 days, covering every day once', () => {
    const window = allowedWindow(NOW);
    const parts = splitRange(window);
    assert.equal(parts.length, 6);
    assert.deepEqual(
      parts.map((p) => daysBetween(p.from, p.to) + 1),
      [30, 30, 30, 30, 30, 30],
    );
    const covered = parts.flatMap(listDays);
    assert.deepEqual(covered, listDays(window));
    for (let i = 1; i < parts.length; i++) {
      assert.equal(addDays(parts[i - 1].to, 1), parts[i].from);
    }
    assert.deepEqual(splitRange({ from: '2026-11-01', to: '2026-12-01' }), [
      { from: '2026-11-01', to: '2026-11-30' },
      { from: '2026-12-01', to: '2026-12-01' },
    ]);
    assert.deepEqual(splitRange({ from: '2026-11-05', to: '2026-11-05' }), [
      { from: '2026-11-05', to: '2026-11-05' },
    ]);
  });

  test('lastNDays ends yesterday (CST)', () => {
    assert.deepEqual(lastNDays(7, NOW), { from: '2026-11-20', to: '2026-11-26' });
    assert.deepEqual(lastNDays(1, Date.UTC(2026, 10, 26, 16, 30)), { from: '2026-11-26', to: '2026-11-26' });
  });
});
