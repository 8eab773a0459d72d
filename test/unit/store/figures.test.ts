/**
 * Reading chosen figures of many atoms (`getFigures`, the heatmap's read), on both engines: the
 * same current values as `getAtoms` for the figures asked, the others 0, absent atoms without
 * figures, in day then owner order, only the owners and scope asked.
 */
import * as assert from 'node:assert/strict';
import { METRIC_KEYS, type MetricKey } from '../../../src/shared/metrics';
import type { AtomInput, HistoryStore, StoredAtom, StoredFigures } from '../../../src/store/types';
import { at, forEachEngine, OTHER_SCOPE, SCOPE, stats, storePerTest } from './harness';

const D1 = '2026-11-20';
const D2 = '2026-11-21';

forEachEngine('history store: chosen figures of a range', (engine) => {
  let store: HistoryStore;
  storePerTest(engine, (_, s) => {
    store = s;
  });

  test('the asked figures as getAtoms has them, the others 0; absent without figures; current values only', async () => {
    const [t1, t2] = ['2026-11-22T01:00:00Z', '2026-11-22T03:00:00Z'].map(at);
    await store.putAtoms(SCOPE, [
      { day: D2, owner: 'bob', fetchedAt: t1, data: stats(20) },
      { day: D1, owner: 'bob', fetchedAt: t1, data: stats(10) },
      { day: D1, owner: 'amy', fetchedAt: t1, absent: true },
      { day: D1, owner: 'cat', fetchedAt: t1, data: stats(3) },
    ]);
    // A revision: bob's D2 becomes 21; getFigures reads the current value.
    await store.putAtoms(SCOPE, [{ day: D2, owner: 'bob', fetchedAt: t2, data: stats(21) }]);
    await store.putAtoms(OTHER_SCOPE, [{ day: D1, owner: 'bob', fetchedAt: t1, data: stats(99) }]);

    const query = { from: D1, to: D2, owners: ['amy', 'bob'] };
    const figures = await store.getFigures(SCOPE, { ...query, metrics: ['chat_total', 'new_member_cnt'] });
    const atoms = await store.getAtoms(SCOPE, query);
    assert.deepEqual(
      figures.map((f) => [f.day, f.owner, f.absent, f.final]),
      atoms.map((a) => [a.day, a.owner, a.absent, a.final]),
    );
    assert.deepEqual(
      figures.map((f) => [f.day, f.owner, f.data?.chat_total, f.data?.new_member_cnt, f.data?.msg_total]),
      [
        [D1, 'amy', undefined, undefined, undefined],
        [D1, 'bob', atoms[1].data?.chat_total, atoms[1].data?.new_member_cnt, 0],
        [D2, 'bob', atoms[2].data?.chat_total, atoms[2].data?.new_member_cnt, 0],
      ],
    );
    assert.notEqual(atoms[2].data?.chat_total, stats(20).chat_total, 'the revised value, not the first');
    assert.equal((await store.getFigures(SCOPE, { from: D1, to: D1, metrics: ['msg_total'] })).length, 3);
    await assert.rejects(store.getFigures(SCOPE, { ...query, metrics: [] }), /at least one figure/);
  });

  /** getAtoms' atoms as getFigures should read them: only `metrics`, the others 0. */
  function expected(atoms: readonly StoredAtom[], metrics: readonly MetricKey[]): StoredFigures[] {
    return atoms.map((a) => ({
      day: a.day,
      owner: a.owner,
      final: a.final,
      absent: a.absent,
      data: a.data
        ? Object.fromEntries(METRIC_KEYS.map((k) => [k, metrics.includes(k) ? a.data?.[k] : 0]))
        : undefined,
    })) as StoredFigures[];
  }

  test('equal to getAtoms over several days, for all owners, a subset, unknown owners and any metrics', async () => {
    // Owners whose names hold the separators of a packed read, a non-ASCII one, figures past 2^32,
    // absent atoms, a missing atom and provisional ones.
    const owners = ['amy', 'b,o:b', 'cat', '陈', 'dan-1', 'Eve'];
    const days = ['2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21'];
    const atoms: AtomInput[] = [];
    days.forEach((day, d) =>
      owners.forEach((owner, o) => {
        if (o === 2 && d === 1) {
          return;
        }
        // Final for the first days, provisional (fetched the same day) for the last.
        const fetchedAt = at(d < 2 ? '2026-11-22T03:00:00Z' : `${day}T08:00:00Z`);
        if ((o + d) % 4 === 0) {
          atoms.push({ day, owner, fetchedAt, absent: true });
        } else {
          const data = stats(o * 10 + d);
          atoms.push({ day, owner, fetchedAt, data: { ...data, member_total: 2 ** 40 + o * 1000 + d } });
        }
      }),
    );
    await store.putAtoms(SCOPE, atoms);
    await store.putAtoms(OTHER_SCOPE, atoms.slice(0, 5));
    const range = { from: days[0], to: days[3] };
    const cases: { owners?: string[]; metrics: MetricKey[] }[] = [
      { metrics: ['chat_total', 'new_member_cnt'] },
      { metrics: [...METRIC_KEYS] },
      // Every stored owner asked for (and one more): read without naming the owners.
      { owners: [...owners].reverse(), metrics: ['chat_total', 'member_total'] },
      { owners: ['nobody', ...owners], metrics: ['chat_has_msg'] },
      { owners: ['陈', 'b,o:b', 'nobody', 'amy', 'amy'], metrics: ['member_total'] },
      { owners: ['Eve', 'cat'], metrics: ['msg_total', 'new_chat_cnt', 'member_total'] },
      // Past one statement's owners: two chunks, each with stored owners.
      {
        owners: ['cat', 'Eve', ...Array.from({ length: 5000 }, (_, i) => `x${i}`), 'amy', '陈'],
        metrics: ['chat_total'],
      },
      { owners: ['nobody'], metrics: ['chat_total'] },
      { owners: [], metrics: ['chat_total'] },
    ];
    for (const { owners: asked, metrics } of cases) {
      const query = { ...range, owners: asked };
      const figures = await store.getFigures(SCOPE, { ...query, metrics });
      const all = await store.getAtoms(SCOPE, query);
      assert.deepEqual(figures, expected(all, metrics), JSON.stringify({ asked, metrics }));
    }
    assert.equal((await store.getFigures(SCOPE, { ...range, metrics: ['chat_total'] })).length, 23);
    assert.deepEqual(
      await store.getFigures(SCOPE, { from: days[3], to: days[0], metrics: ['chat_total'] }),
      [],
    );
  });
});
