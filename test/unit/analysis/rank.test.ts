import * as assert from 'node:assert/strict';
import { movement, rankOwners, topOwners } from '../../../src/analysis/rank';
import { atom } from './support';

suite('analysis: owner rankings', () => {
  // The range 11-03 … 11-04; the previous period 11-01 … 11-02.
  const range = { from: '2026-11-03', to: '2026-11-04' };
  const atoms = [
    atom('2026-11-01', 'a', { new_chat_cnt: 1, chat_total: 10 }),
    atom('2026-11-02', 'a', { new_chat_cnt: 1, chat_total: 11 }),
    atom('2026-11-01', 'b', { new_chat_cnt: 5, chat_total: 30 }),
    atom('2026-11-02', 'b', { new_chat_cnt: 5, chat_total: 35 }),
    atom('2026-11-01', 'c', { new_chat_cnt: 3, chat_total: 20 }),
    atom('2026-11-02', 'c', 'absent'),
    atom('2026-11-03', 'a', { new_chat_cnt: 4, chat_total: 15 }),
    atom('2026-11-04', 'a', { new_chat_cnt: 4, chat_total: 19 }),
    atom('2026-11-03', 'b', { new_chat_cnt: 2, chat_total: 37 }),
    atom('2026-11-04', 'b', 'absent'),
    atom('2026-11-03', 'c', { new_chat_cnt: 4, chat_total: 20 }),
    atom('2026-11-04', 'c', { new_chat_cnt: 4, chat_total: 24 }),
    atom('2026-11-04', 'd', { new_chat_cnt: 2, chat_total: 2 }),
  ];

  test('a flow: sum over the range; ties by owner id; previous rank and movement; new owner', () => {
    const ranked = rankOwners(atoms, { metric: 'new_chat_cnt', range });
    assert.deepEqual(
      ranked.map((r) => [r.owner, r.value, r.rank, r.previousRank, r.movement]),
      [
        ['a', 8, 1, 3, '↑2'],
        ['c', 8, 2, 2, '='],
        ['b', 2, 3, 1, '↓2'],
        ['d', 2, 4, null, 'new'],
      ],
    );
  });

  test('an as-of figure: the value on the last present day of the range', () => {
    const ranked = rankOwners(atoms, { metric: 'chat_total', range });
    assert.deepEqual(
      ranked.map((r) => [r.owner, r.value, r.rank, r.previousRank]),
      [
        ['b', 37, 1, 1], // absent on 11-04: its 11-03 value
        ['c', 24, 2, 2], // previous: 20 on 11-01 (absent 11-02)
        ['a', 19, 3, 3],
        ['d', 2, 4, null],
      ],
    );
  });

  test('--owners limits both periods; top and bottom N', () => {
    const ranked = rankOwners(atoms, { metric: 'new_chat_cnt', range, owners: ['b', 'd'] });
    assert.deepEqual(
      ranked.map((r) => [r.owner, r.rank, r.previousRank]),
      [
        ['b', 1, 1],
        ['d', 2, null],
      ],
    );
    const all = rankOwners(atoms, { metric: 'new_chat_cnt', range });
    assert.deepEqual(
      topOwners(all, 2).map((r) => r.owner),
      ['a', 'c'],
    );
    assert.deepEqual(
      topOwners(all, 2, true).map((r) => r.owner),
      ['d', 'b'],
    );
  });

  test('movement text', () => {
    assert.equal(movement(1, 4), '↑3');
    assert.equal(movement(5, 3), '↓2');
    assert.equal(movement(2, 2), '=');
    assert.equal(movement(2, null), 'new');
  });
});
