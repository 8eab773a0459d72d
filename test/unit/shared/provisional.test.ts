import * as assert from 'node:assert/strict';
import { cstClockTime, finalAfterMs, FINAL_AFTER_CST_HOUR, isProvisional } from '../../../src/shared/days';

/** Unix ms of `day` at `hour:minute` CST (UTC+8). */
function cst(day: string, hour: number, minute = 0): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y, m - 1, d, hour - 8, minute);
}

suite(`shared/days: yesterday is provisional until 10:00 CST (TZ=${process.env.TZ ?? 'unset'})`, () => {
  test('the cut-off is 10:00 CST on the day after', () => {
    assert.equal(FINAL_AFTER_CST_HOUR, 10);
    assert.equal(finalAfterMs('2026-11-26'), cst('2026-11-27', 10));
    // Across a month and a year boundary.
    assert.equal(finalAfterMs('2026-12-31'), cst('2027-01-01', 10));
  });

  test('yesterday fetched before 10:00 CST is provisional; at 10:00 or later it is not', () => {
    assert.equal(isProvisional('2026-11-26', cst('2026-11-27', 0, 0)), true);
    assert.equal(isProvisional('2026-11-26', cst('2026-11-27', 2, 32)), true);
    assert.equal(isProvisional('2026-11-26', cst('2026-11-27', 9, 59)), true);
    assert.equal(isProvisional('2026-11-26', cst('2026-11-27', 10, 0)), false);
    assert.equal(isProvisional('2026-11-26', cst('2026-11-27', 23, 59)), false);
  });

  test('only yesterday can be provisional (older days, today and later never are)', () => {
    const earlyMorning = cst('2026-11-27', 3);
    assert.equal(isProvisional('2026-11-25', earlyMorning), false);
    assert.equal(isProvisional('2026-11-27', earlyMorning), false);
    assert.equal(isProvisional('2026-11-28', earlyMorning), false);
  });

  test('the CST day, not the machine day: 23:30 UTC is already the next morning in CST', () => {
    // 2026-11-26 23:30 UTC = 2026-11-27 07:30 CST: yesterday (CST) is 2026-11-26, still provisional.
    assert.equal(isProvisional('2026-11-26', Date.UTC(2026, 10, 26, 23, 30)), true);
    assert.equal(isProvisional('2026-11-25', Date.UTC(2026, 10, 26, 23, 30)), false);
  });

  test('cstClockTime shows the fetch time as CST HH:MM whatever the machine zone', () => {
    assert.equal(cstClockTime(cst('2026-11-27', 9, 5)), '09:05');
    assert.equal(cstClockTime(Date.UTC(2026, 10, 26, 16, 0)), '00:00');
    assert.equal(cstClockTime(Date.UTC(2026, 10, 26, 15, 59, 59)), '23:59');
  });
});
