/**
 * The owners view's Rankings from the store (src/sync/ownerRanking.ts): last 7 days against the 7
 * before, top and bottom 5 with movement; a flow summed, an as-of figure on the last day; missing
 * days named rather than ranked on less.
 */
import * as assert from 'node:assert/strict';
import { addDays, listDays } from '../../../src/shared/days';
import { emptyStats, type GroupChatStats } from '../../../src/shared/metrics';
import type { AtomInput, StoreScope } from '../../../src/store/types';
import { readOwnerRanking } from '../../../src/sync/ownerRanking';
import { forEachEngine } from '../store/harness';
import { storePerTest } from './support';

const scope: StoreScope = { key: 'rank-scope', apiBaseUrl: 'http://127.0.0.1:1', corpId: 'ww1', app: 'a1' };
const DAY = '2026-06-14';
const OWNERS = Array.from({ length: 12 }, (_, i) => `o${String(i + 1).padStart(2, '0')}`);
const FINAL_AT = Date.parse('2026-06-15T12:00:00+08:00');

/** o01 … o12: in the last 7 days owner i has i new groups a day and 100·i total groups on the last day;
 * in the 7 days before, the order is reversed (o12 first). */
function atoms(days: readonly string[]): AtomInput[] {
  const from = addDays(DAY, -6);
  return days.flatMap((day) =>
    OWNERS.map((owner, i): AtomInput => {
      const n = day >= from ? i + 1 : OWNERS.length - i;
      const data: GroupChatStats = {
        ...emptyStats(),
        new_chat_cnt: n,
        chat_total: 100 * n + (day === DAY ? 5 : 0),
      };
      return { day, owner, fetchedAt: FINAL_AT, data };
    }),
  );
}

forEachEngine('sync/ownerRanking: the tree’s rankings from the store', (engine) => {
  const stores = storePerTest(engine);
  const all = listDays({ from: addDays(DAY, -13), to: DAY });

  test('a flow: summed over 7 days, top and bottom five, movement against the 7 days before', async () => {
    await stores.get().putAtoms(scope, atoms(all));
    const ranking = await readOwnerRanking(stores.get(), scope, {
      metric: 'new_chat_cnt',
      day: DAY,
      owners: OWNERS,
    });
    assert.equal(ranking.complete, true);
    if (!ranking.complete) {
      return;
    }
    assert.deepEqual(ranking.range, { from: '2026-06-08', to: DAY });
    assert.deepEqual(ranking.previous, { from: '2026-06-01', to: '2026-06-07' });
    assert.equal(ranking.ranked, 12);
    assert.deepEqual(
      ranking.top.map((r) => [r.owner, r.value, r.rank, r.previousRank, r.movement]),
      [
        ['o12', 84, 1, 12, '↑11'],
        ['o11', 77, 2, 11, '↑9'],
        ['o10', 70, 3, 10, '↑7'],
        ['o09', 63, 4, 9, '↑5'],
        ['o08', 56, 5, 8, '↑3'],
      ],
    );
    assert.deepEqual(
      ranking.bottom.map((r) => [r.owner, r.rank, r.movement]),
      [
        ['o01', 12, '↓11'],
        ['o02', 11, '↓9'],
        ['o03', 10, '↓7'],
        ['o04', 9, '↓5'],
        ['o05', 8, '↓3'],
      ],
    );
    assert.equal(ranking.provisional, false);
  });

  test('an as-of figure: the value on the last day, not a sum; bottom never repeats the top', async () => {
    await stores.get().putAtoms(scope, atoms(all));
    const few = OWNERS.slice(0, 7);
    const ranking = await readOwnerRanking(stores.get(), scope, {
      metric: 'chat_total',
      day: DAY,
      owners: few,
    });
    assert.ok(ranking.complete);
    assert.deepEqual(
      ranking.top.map((r) => [r.owner, r.value]),
      [
        ['o07', 705],
        ['o06', 605],
        ['o05', 505],
        ['o04', 405],
        ['o03', 305],
      ],
    );
    assert.deepEqual(
      ranking.bottom.map((r) => r.owner),
      ['o01', 'o02'],
    );
  });

  test('days missing for some owner: named, nothing ranked', async () => {
    const stored = all.filter((day) => !['2026-06-03', '2026-06-10', '2026-06-12'].includes(day));
    await stores.get().putAtoms(scope, atoms(stored));
    // One owner lacks a third day.
    await stores.get().putAtoms(
      scope,
      atoms(['2026-06-12']).filter((a) => a.owner !== 'o05'),
    );
    const ranking = await readOwnerRanking(stores.get(), scope, {
      metric: 'msg_total',
      day: DAY,
      owners: OWNERS,
    });
    assert.equal(ranking.complete, false);
    if (ranking.complete) {
      return;
    }
    assert.equal(ranking.spanDays, 14);
    assert.deepEqual(ranking.missingDays, ['2026-06-03', '2026-06-10', '2026-06-12']);
  });
});
