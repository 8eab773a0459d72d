import * as assert from 'node:assert/strict';
import { rollup, rollupRange } from '../../../src/analysis/rollup';
import { seriesFromAtoms, seriesFromSums } from '../../../src/analysis/series';
import { listDays } from '../../../src/shared/days';
import { atom, stats } from './support';

/** Owner a: 1 new group and 10 new members a day; chat_total 100 + day index; member_total 500 + 5 × index. */
function steadyAtoms(from: string, to: string, owner = 'a', skip: readonly string[] = []) {
  return listDays({ from, to })
    .filter((d) => !skip.includes(d))
    .map((day, i) =>
      atom(day, owner, {
        new_chat_cnt: 1,
        new_member_cnt: 10,
        chat_total: 100 + i,
        member_total: 500 + 5 * i,
      }),
    );
}

suite('analysis: week and month roll-ups', () => {
  test('a whole week: flows summed, as-of at the last day, change from the day before', () => {
    const range = { from: '2026-11-16', to: '2026-11-22' }; // 2026-W47
    const atoms = steadyAtoms('2026-11-15', '2026-11-22'); // index 0 = the day before
    const [week] = rollup(seriesFromAtoms(rollupRange(range), ['a'], atoms), range, 'week');
    assert.equal(week.period, '2026-W47');
    assert.equal(week.complete, true);
    assert.equal(week.data.new_chat_cnt, 7);
    assert.equal(week.data.new_member_cnt, 70);
    assert.equal(week.data.chat_total, 107); // index 7
    assert.equal(week.data.member_total, 535);
    assert.equal(week.change.chat_total, 7); // 107 - 100
    assert.equal(week.change.member_total, 35);
    assert.equal(week.change.new_chat_cnt, undefined); // flows have no change
    assert.deepEqual(Object.keys(week.change).sort(), [
      'chat_has_msg',
      'chat_total',
      'member_has_msg',
      'member_total',
      'migrate_trainee_chat_cnt',
      'msg_total',
    ]);
  });

  test('a missing day: complete false, flows sum what is known, as-of from the last available day', () => {
    const range = { from: '2026-11-16', to: '2026-11-22' };
    const atoms = steadyAtoms('2026-11-15', '2026-11-22', 'a', ['2026-11-22']);
    const [week] = rollup(seriesFromAtoms(rollupRange(range), ['a'], atoms), range, 'week');
    assert.equal(week.complete, false);
    assert.equal(week.data.new_chat_cnt, 6);
    assert.equal(week.data.chat_total, 106); // 2026-11-21 (index 6)
    assert.equal(week.asOfDay, '2026-11-21');
    assert.equal(week.change.chat_total, 6);
  });

  test('a provisional day: figures kept, complete false', () => {
    const range = { from: '2026-11-16', to: '2026-11-22' };
    const atoms = steadyAtoms('2026-11-15', '2026-11-21');
    atoms.push(atom('2026-11-22', 'a', { new_chat_cnt: 1, chat_total: 120 }, false));
    const [week] = rollup(seriesFromAtoms(rollupRange(range), ['a'], atoms), range, 'week');
    assert.equal(week.complete, false);
    assert.equal(week.data.new_chat_cnt, 7);
    assert.equal(week.data.chat_total, 120);
    assert.equal(week.change.chat_total, 20);
  });

  test('an owner absent on some days adds nothing there, and the days stay complete', () => {
    const range = { from: '2026-11-16', to: '2026-11-22' };
    const atoms = [
      ...steadyAtoms('2026-11-15', '2026-11-22', 'a'),
      ...listDays({ from: '2026-11-15', to: '2026-11-22' }).map((day) =>
        day >= '2026-11-20' ? atom(day, 'b', 'absent') : atom(day, 'b', { new_chat_cnt: 2, chat_total: 50 }),
      ),
    ];
    const [week] = rollup(seriesFromAtoms(rollupRange(range), ['a', 'b'], atoms), range, 'week');
    assert.equal(week.complete, true);
    assert.equal(week.data.new_chat_cnt, 7 + 2 * 4); // b present 11-16 … 11-19
    assert.equal(week.data.chat_total, 107); // b absent on the last day: not read as 50, not as 0 of a zero row
    assert.equal(week.change.chat_total, 107 - 150);
  });

  test('an owner not stored on a day makes that day missing for the set (a partial sum is not the whole)', () => {
    const range = { from: '2026-11-16', to: '2026-11-22' };
    const atoms = [
      ...steadyAtoms('2026-11-15', '2026-11-22', 'a'),
      atom('2026-11-16', 'b', { new_chat_cnt: 5 }),
    ];
    const [week] = rollup(seriesFromAtoms(rollupRange(range), ['a', 'b'], atoms), range, 'week');
    assert.equal(week.complete, false);
    assert.equal(week.data.new_chat_cnt, 1 + 5); // only 11-16 is known for both owners
    assert.equal(week.change.chat_total, null); // the day before is not known for b
  });

  test('a week crossing a month: by week one period, by month two clipped ones', () => {
    const range = { from: '2026-11-30', to: '2026-12-06' }; // 2026-W49
    const atoms = steadyAtoms('2026-11-29', '2026-12-06');
    const series = seriesFromAtoms(rollupRange(range), ['a'], atoms);
    const [week] = rollup(series, range, 'week');
    assert.deepEqual(
      [week.period, week.from, week.to, week.complete],
      ['2026-W49', '2026-11-30', '2026-12-06', true],
    );
    const months = rollup(series, range, 'month');
    assert.deepEqual(
      months.map((m) => [
        m.period,
        m.from,
        m.to,
        m.complete,
        m.data.new_chat_cnt,
        m.data.chat_total,
        m.change.chat_total,
      ]),
      [
        ['2026-11', '2026-11-30', '2026-11-30', false, 1, 101, 1],
        ['2026-12', '2026-12-01', '2026-12-06', false, 6, 107, 6],
      ],
    );
  });

  test('ISO week 53 across the new year', () => {
    const range = { from: '2026-12-28', to: '2027-01-03' };
    const atoms = steadyAtoms('2026-12-27', '2027-01-03');
    const [week] = rollup(seriesFromAtoms(rollupRange(range), ['a'], atoms), range, 'week');
    assert.deepEqual([week.period, week.complete, week.data.new_member_cnt], ['2026-W53', true, 70]);
  });

  test('from per-day sums: an incomplete sum is a missing day; no day at all gives nulls', () => {
    const range = { from: '2026-11-16', to: '2026-11-22' };
    const sums = [
      { day: '2026-11-16', data: stats({ new_chat_cnt: 3, chat_total: 9 }), complete: true, final: true },
      { day: '2026-11-17', data: stats({ new_chat_cnt: 4, chat_total: 12 }), complete: false, final: false },
    ];
    const [week] = rollup(seriesFromSums(rollupRange(range), sums), range, 'week');
    assert.equal(week.complete, false);
    assert.equal(week.data.new_chat_cnt, 3);
    assert.equal(week.data.chat_total, 9);
    const [empty] = rollup(seriesFromSums(rollupRange(range), []), range, 'week');
    assert.equal(empty.data.new_chat_cnt, null);
    assert.equal(empty.change.chat_total, null);
  });
});
