import * as assert from 'node:assert/strict';
import {
  isoWeekId,
  isoWeekday,
  periodOf,
  periodsCovering,
  previousRange,
} from '../../../src/analysis/periods';

suite('analysis: ISO weeks and months', () => {
  test('weekday and week id of ordinary days', () => {
    assert.equal(isoWeekday('2026-11-23'), 1); // Monday
    assert.equal(isoWeekday('2026-11-29'), 7); // Sunday
    assert.equal(isoWeekId('2026-11-23'), '2026-W48');
    assert.equal(isoWeekId('2026-11-22'), '2026-W47');
  });

  test('year boundary: 2026 has 53 ISO weeks; 2027-01-03 still belongs to 2026-W53', () => {
    assert.equal(isoWeekId('2026-12-28'), '2026-W53');
    assert.equal(isoWeekId('2027-01-03'), '2026-W53');
    assert.equal(isoWeekId('2027-01-04'), '2027-W01');
    // 2024-12-30 (Monday) starts 2025-W01.
    assert.equal(isoWeekId('2024-12-30'), '2025-W01');
    assert.deepEqual(periodOf('2027-01-01', 'week'), {
      kind: 'week',
      id: '2026-W53',
      from: '2026-12-28',
      to: '2027-01-03',
    });
  });

  test('months, February of a leap year and December', () => {
    assert.deepEqual(periodOf('2028-02-10', 'month'), {
      kind: 'month',
      id: '2028-02',
      from: '2028-02-01',
      to: '2028-02-29',
    });
    assert.equal(periodOf('2026-12-31', 'month').to, '2026-12-31');
  });

  test('periods covering a range, a week crossing a month included', () => {
    const weeks = periodsCovering({ from: '2026-11-25', to: '2026-12-02' }, 'week');
    assert.deepEqual(
      weeks.map((w) => [w.id, w.from, w.to]),
      [
        ['2026-W48', '2026-11-23', '2026-11-29'],
        ['2026-W49', '2026-11-30', '2026-12-06'],
      ],
    );
    const months = periodsCovering({ from: '2026-11-25', to: '2026-12-02' }, 'month');
    assert.deepEqual(
      months.map((m) => m.id),
      ['2026-11', '2026-12'],
    );
  });

  test('the previous range has the same length just before', () => {
    assert.deepEqual(previousRange({ from: '2026-11-01', to: '2026-11-07' }), {
      from: '2026-10-25',
      to: '2026-10-31',
    });
  });
});
