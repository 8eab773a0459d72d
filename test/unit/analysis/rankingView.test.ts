/**
 * The rankings view model: which days each period choice means (ending by yesterday; a week or
 * month still running is not whole), and the top and bottom lists of a ranking.
 */
import * as assert from 'node:assert/strict';
import { rankOwners } from '../../../src/analysis/rank';
import { rankingLists, rankPeriodRange } from '../../../src/analysis/rankingView';
import { atom } from './support';

suite('analysis: rankings view', () => {
  test('periods: last 7 and 30 days end yesterday', () => {
    assert.deepEqual(rankPeriodRange('last7', '2026-11-26'), { from: '2026-11-20', to: '2026-11-26' });
    assert.deepEqual(rankPeriodRange('last30', '2026-11-26'), { from: '2026-10-28', to: '2026-11-26' });
  });

  test('the last whole ISO week: Monday to Sunday, this week only once its Sunday is yesterday', () => {
    // 2026-11-26 is a Thursday: the week before (Mon 16 … Sun 22).
    assert.deepEqual(rankPeriodRange('week', '2026-11-26'), {
      kind: 'week',
      id: '2026-W47',
      from: '2026-11-16',
      to: '2026-11-22',
    });
    // 2026-11-29 is a Sunday: its own week is whole.
    assert.equal(rankPeriodRange('week', '2026-11-29').from, '2026-11-23');
    // A week across a year: yesterday Monday 2027-01-04 → 2026-12-28 … 2027-01-03.
    assert.deepEqual(
      [rankPeriodRange('week', '2027-01-04').from, rankPeriodRange('week', '2027-01-04').to],
      ['2026-12-28', '2027-01-03'],
    );
  });

  test('the last whole month: the month before, unless yesterday ends its month', () => {
    assert.deepEqual(
      [rankPeriodRange('month', '2026-11-26').from, rankPeriodRange('month', '2026-11-26').to],
      ['2026-10-01', '2026-10-31'],
    );
    assert.equal(rankPeriodRange('month', '2026-11-30').from, '2026-11-01');
    assert.equal(rankPeriodRange('month', '2026-03-01').to, '2026-02-28');
  });

  test('top and bottom N from a ranking; fewer owners than N: both lists hold them all', () => {
    const range = { from: '2026-11-03', to: '2026-11-03' };
    const atoms = ['a', 'b', 'c', 'd'].map((owner, i) => atom('2026-11-03', owner, { new_chat_cnt: 10 - i }));
    atoms.push(atom('2026-11-02', 'c', { new_chat_cnt: 99 }));
    const ranked = rankOwners(atoms, { metric: 'new_chat_cnt', range });
    const lists = rankingLists(ranked, 2);
    assert.equal(lists.ranked, 4);
    assert.deepEqual(
      lists.top.map((r) => [r.owner, r.rank, r.movement]),
      [
        ['a', 1, 'new'],
        ['b', 2, 'new'],
      ],
    );
    assert.deepEqual(
      lists.bottom.map((r) => [r.owner, r.rank, r.previousRank, r.movement]),
      [
        ['d', 4, null, 'new'],
        ['c', 3, 1, '↓2'],
      ],
    );
    assert.equal(rankingLists(ranked, 10).bottom.length, 4);
  });
});
