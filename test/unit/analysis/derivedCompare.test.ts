import * as assert from 'node:assert/strict';
import { dayOverDay, movingAverage, periodOverPrevious, weekOverWeek } from '../../../src/analysis/compare';
import { derive } from '../../../src/analysis/derived';
import { seriesFromSums } from '../../../src/analysis/series';
import { listDays } from '../../../src/shared/days';
import { stats } from './support';

suite('analysis: derived figures', () => {
  test('members left, groups dissolved, shares; labelled inferred with the formula', () => {
    const figures = derive({
      data: {
        new_member_cnt: 30,
        new_chat_cnt: 4,
        chat_has_msg: 5,
        chat_total: 20,
        msg_total: 90,
        member_has_msg: 30,
      },
      change: { member_total: 12, chat_total: 1 },
    });
    const byKey = Object.fromEntries(figures.map((f) => [f.key, f]));
    assert.equal(byKey.members_left.value, 18);
    assert.equal(byKey.members_left.formula, 'new_member_cnt − Δ member_total');
    assert.equal(byKey.groups_dissolved.value, 3);
    assert.equal(byKey.active_group_share.value, 0.25);
    assert.equal(byKey.messages_per_active_member.value, 3);
    assert.ok(figures.every((f) => f.inferred === true && f.note === undefined));
  });

  test('a negative inferred value is kept with a note, a zero denominator gives null', () => {
    const figures = derive({
      data: {
        new_member_cnt: 2,
        new_chat_cnt: 0,
        chat_has_msg: 0,
        chat_total: 0,
        msg_total: 5,
        member_has_msg: 0,
      },
      change: { member_total: 10, chat_total: null },
    });
    const byKey = Object.fromEntries(figures.map((f) => [f.key, f]));
    assert.equal(byKey.members_left.value, -8);
    assert.ok(byKey.members_left.note?.en.startsWith('Negative'));
    assert.equal(byKey.groups_dissolved.value, null);
    assert.equal(byKey.active_group_share.value, null);
    assert.equal(byKey.messages_per_active_member.value, null);
  });
});

suite('analysis: comparisons', () => {
  // 14 days; new_chat_cnt = day index + 1, chat_total = 10 × (index + 1); 2026-11-05 missing.
  const range = { from: '2026-11-01', to: '2026-11-14' };
  const sums = listDays(range)
    .map((day, i) => ({
      day,
      data: stats({ new_chat_cnt: i + 1, chat_total: 10 * (i + 1) }),
      complete: true,
      final: day !== '2026-11-14',
    }))
    .filter((s) => s.day !== '2026-11-05');
  const series = seriesFromSums(range, sums);

  test('day over day and week over week (same weekday last week)', () => {
    assert.deepEqual(dayOverDay(series, '2026-11-10', 'new_chat_cnt'), {
      current: 10,
      previous: 9,
      delta: 1,
      ratio: 1 / 9,
      complete: true,
    });
    const wow = weekOverWeek(series, '2026-11-14', 'chat_total');
    assert.deepEqual([wow.current, wow.previous, wow.delta, wow.complete], [140, 70, 70, false]);
    const gap = weekOverWeek(series, '2026-11-12', 'chat_total');
    assert.deepEqual([gap.previous, gap.delta, gap.ratio], [null, null, null]);
  });

  test('period over previous period of the same length', () => {
    const flows = periodOverPrevious(series, { from: '2026-11-11', to: '2026-11-13' }, 'new_chat_cnt');
    assert.deepEqual(
      [flows.current, flows.previous, flows.delta, flows.complete],
      [11 + 12 + 13, 8 + 9 + 10, 9, true],
    );
    const asOf = periodOverPrevious(series, { from: '2026-11-11', to: '2026-11-13' }, 'chat_total');
    assert.deepEqual([asOf.current, asOf.previous, asOf.delta], [130, 100, 30]);
    const missing = periodOverPrevious(series, { from: '2026-11-06', to: '2026-11-08' }, 'new_chat_cnt');
    assert.deepEqual([missing.previous, missing.complete], [null, false]);
  });

  test('7-day moving average: null until 7 known days', () => {
    const avg = movingAverage(series, 'new_chat_cnt');
    assert.equal(avg.length, 14);
    assert.equal(avg[5].value, null); // fewer than 7 days
    assert.equal(avg[10].value, null); // window 11-05 … 11-11 holds the missing day
    assert.equal(avg[11].value, (6 + 7 + 8 + 9 + 10 + 11 + 12) / 7);
    assert.equal(avg[13].value, (8 + 9 + 10 + 11 + 12 + 13 + 14) / 7);
  });
});
