/**
 * The heatmap model from stored atoms, against hand-computed cases: an absent owner is not a row
 * of zeros, a day nothing is stored for is missing (not zero), provisional atoms are marked, the
 * first column's change reads the day before the range, and rows sort by any figure the way a
 * ranking values it (sum of a flow, last value of an as-of figure), owners without figures last.
 */
import * as assert from 'node:assert/strict';
import { buildHeatmap, heatmapRange } from '../../../src/analysis/heatmap';
import { dayGaps } from '../../../src/analysis/gaps';
import { atom } from './support';

suite('analysis: owner × day heatmap', () => {
  const range = { from: '2026-11-03', to: '2026-11-05' };
  const atoms = [
    // The day before the range: only for the first column's change.
    atom('2026-11-02', 'a', { chat_total: 8, new_chat_cnt: 9 }),
    atom('2026-11-03', 'a', { chat_total: 10, new_chat_cnt: 1 }),
    atom('2026-11-04', 'a', { chat_total: 12, new_chat_cnt: 2 }),
    atom('2026-11-05', 'a', { chat_total: 11, new_chat_cnt: 0 }, false),
    atom('2026-11-03', 'b', { chat_total: 30, new_chat_cnt: 5 }),
    atom('2026-11-04', 'b', 'absent'),
    atom('2026-11-05', 'b', { chat_total: 31, new_chat_cnt: 5 }),
    atom('2026-11-03', 'c', 'absent'),
    atom('2026-11-04', 'c', 'absent'),
    atom('2026-11-05', 'c', 'absent'),
    // d: nothing stored on 11-04.
    atom('2026-11-03', 'd', { chat_total: 20, new_chat_cnt: 4 }),
    atom('2026-11-05', 'd', { chat_total: 21, new_chat_cnt: 4 }),
  ];
  const owners = ['a', 'b', 'c', 'd', 'e'];

  test('the range read includes the day before', () => {
    assert.deepEqual(heatmapRange(range), { from: '2026-11-02', to: '2026-11-05' });
  });

  test('cells: final, provisional, absent, missing; values and changes never read a gap as zero', () => {
    const m = buildHeatmap(atoms, {
      range,
      owners,
      metric: 'chat_total',
      sortBy: 'chat_total',
      ascending: false,
    });
    assert.deepEqual(m.days, ['2026-11-03', '2026-11-04', '2026-11-05']);
    const row = (id: string) => m.rows.find((r) => r.owner === id);
    assert.deepEqual(row('a'), {
      owner: 'a',
      values: [10, 12, 11],
      changes: [2, 2, -1],
      cells: 'ffp',
      sortValue: 11,
    });
    assert.deepEqual(row('b')?.values, [30, null, 31]);
    assert.deepEqual(row('b')?.changes, [null, null, null]);
    assert.equal(row('b')?.cells, 'faf');
    assert.deepEqual(row('c'), {
      owner: 'c',
      values: [null, null, null],
      changes: [null, null, null],
      cells: 'aaa',
      sortValue: null,
    });
    assert.equal(row('d')?.cells, 'fmf');
    assert.deepEqual(row('d')?.values, [20, null, 21]);
    assert.equal(row('e')?.cells, 'mmm');
    assert.deepEqual(m.missingDays, ['2026-11-03', '2026-11-04', '2026-11-05']);
    assert.deepEqual(m.provisionalDays, ['2026-11-05']);
  });

  test('rows sort by an as-of figure: the value on the last present day; no figure last, by id', () => {
    const m = buildHeatmap(atoms, {
      range,
      owners,
      metric: 'new_chat_cnt',
      sortBy: 'chat_total',
      ascending: false,
    });
    assert.deepEqual(
      m.rows.map((r) => [r.owner, r.sortValue]),
      [
        ['b', 31],
        ['d', 21],
        ['a', 11],
        ['c', null],
        ['e', null],
      ],
    );
    const up = buildHeatmap(atoms, {
      range,
      owners,
      metric: 'new_chat_cnt',
      sortBy: 'chat_total',
      ascending: true,
    });
    assert.deepEqual(
      up.rows.map((r) => r.owner),
      ['a', 'd', 'b', 'c', 'e'],
    );
  });

  test('rows sort by a flow: the sum over the range (the day before not counted)', () => {
    const m = buildHeatmap(atoms, {
      range,
      owners,
      metric: 'chat_total',
      sortBy: 'new_chat_cnt',
      ascending: false,
    });
    assert.deepEqual(
      m.rows.map((r) => [r.owner, r.sortValue]),
      [
        ['b', 10],
        ['d', 8],
        ['a', 3],
        ['c', null],
        ['e', null],
      ],
    );
    // The figure shown is independent of the order: total groups per day.
    assert.deepEqual(m.rows[0].values, [30, null, 31]);
  });

  test('gaps over coverage entries: a day is complete only when every owner has an entry', () => {
    const gaps = dayGaps(
      range,
      ['a', 'b'],
      [
        { day: '2026-11-03', owner: 'a', final: true },
        { day: '2026-11-03', owner: 'b', final: true },
        { day: '2026-11-04', owner: 'a', final: false },
        { day: '2026-11-04', owner: 'b', final: true },
        { day: '2026-11-05', owner: 'a', final: true },
        { day: '2026-11-05', owner: 'x', final: true },
      ],
    );
    assert.deepEqual(gaps, { missingDays: ['2026-11-05'], provisionalDays: ['2026-11-04'] });
  });
});
