/**
 * Migrations from the first schema: a store created at v1 and filled with v1's own SQL (frozen
 * here, not the current write path) opens with the current code with its data intact.
 */
import * as assert from 'node:assert/strict';
import { SCHEMA_VERSION, StoreVersionError, readVersion } from '../../../src/store/schema';
import { SqlHistoryStore } from '../../../src/store/sqlStore';
import { addDays, listDays } from '../../../src/shared/days';
import { expectedDays, expectedOwners } from './expected';
import { at, forEachEngine, SCOPE, stats, type Place } from './harness';

const V1_WRITES: readonly (readonly [string, readonly unknown[]])[] = [
  [
    'INSERT INTO history_scopes (id, scope_key, api_base_url, corp_id, app) VALUES ($1, $2, $3, $4, $5)',
    [7, SCOPE.key, SCOPE.apiBaseUrl, SCOPE.corpId, SCOPE.app],
  ],
  [
    `INSERT INTO history_atoms (scope_id, day, owner, fetched_at, final, absent, new_chat_cnt, chat_total,
       chat_has_msg, new_member_cnt, member_total, member_has_msg, msg_total, migrate_trainee_chat_cnt)
     VALUES (7, '2025-03-01', 'bob', $1, 1, 0, 10, 11, 12, 13, 14, 15, 16, 17),
            (7, '2025-03-01', 'amy', $1, 1, 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`,
    [at('2025-03-05T00:00:00Z')],
  ],
  [
    `INSERT INTO history_revisions (scope_id, day, owner, fetched_at, replaced_at, absent, new_chat_cnt,
       chat_total, chat_has_msg, new_member_cnt, member_total, member_has_msg, msg_total, migrate_trainee_chat_cnt)
     VALUES (7, '2025-03-01', 'bob', $1, $2, 0, 9, 10, 11, 12, 13, 14, 15, 16)`,
    [at('2025-03-02T01:00:00Z'), at('2025-03-05T00:00:00Z')],
  ],
];

forEachEngine('history store migrations', (engine) => {
  let place: Place;
  setup(async () => {
    place = await engine.place();
  });
  teardown(async () => {
    await place.dispose();
  });

  test(`a v1 store with data opens at v${SCHEMA_VERSION} with every atom and revision`, async () => {
    await (await place.open({ schemaVersion: 1 })).close();
    const raw = await place.engine();
    try {
      await raw.write('test', async (conn) => {
        assert.equal(await readVersion(conn), 1);
        for (const [sql, params] of V1_WRITES) {
          await conn.run(sql, params);
        }
      });
    } finally {
      await raw.close();
    }

    const store = await place.open();
    try {
      const atoms = await store.getAtoms(SCOPE, { from: '2025-03-01', to: '2025-03-01' });
      assert.deepEqual(
        atoms.map((a) => [a.owner, a.absent, a.final, a.data]),
        [
          ['amy', true, true, undefined],
          ['bob', false, true, stats(10)],
        ],
      );
      assert.deepEqual(atoms[1].revisions, [
        {
          fetchedAt: at('2025-03-02T01:00:00Z'),
          replacedAt: at('2025-03-05T00:00:00Z'),
          absent: false,
          data: stats(9),
        },
      ]);
      // v3's totals were built from the v1 atoms (amy absent, bob present).
      const [day] = await store.sumByDay(SCOPE, {
        from: '2025-03-01',
        to: '2025-03-01',
        owners: ['amy', 'bob'],
      });
      assert.deepEqual(
        [day.stored, day.present, day.complete, day.final, day.data],
        [2, 1, true, true, stats(10)],
      );
      assert.deepEqual(await store.owners(SCOPE), ['amy', 'bob']);
      // The v1 data takes writes of the current code.
      const counts = await store.putAtoms(SCOPE, [
        { day: '2025-03-01', owner: 'bob', fetchedAt: at('2025-03-06T00:00:00Z'), data: stats(10) },
      ]);
      assert.deepEqual(counts, { inserted: 0, revised: 0, unchanged: 1 });
    } finally {
      await store.close();
    }
    const check = await place.engine();
    try {
      await check.read(async (conn) => assert.equal(await readVersion(conn), SCHEMA_VERSION));
    } finally {
      await check.close();
    }
  });

  test('a v2 store over 150 days gets per-day and per-block sums that match its atoms', async () => {
    const first = '2025-12-20';
    const days = listDays({ from: first, to: addDays(first, 149) });
    const rows: unknown[][] = [];
    days.forEach((day, d) =>
      ['amy', 'bob', 'cat'].forEach((owner, o) => {
        if ((d + o) % 5 === 0) {
          return; // not stored
        }
        const absent = (d * 7 + o) % 11 === 0;
        const figures = Array.from({ length: 8 }, (_, k) => (absent ? null : d * 10 + o + k));
        rows.push([
          day,
          owner,
          at('2026-06-01T00:00:00Z') + d,
          d % 3 === 0 ? 0 : 1,
          absent ? 1 : 0,
          ...figures,
        ]);
      }),
    );
    await (await place.open({ schemaVersion: 2 })).close();
    const raw = await place.engine();
    try {
      await raw.write('test', async (conn) => {
        await conn.run(V1_WRITES[0][0], V1_WRITES[0][1]);
        for (let i = 0; i < rows.length; i += 100) {
          const part = rows.slice(i, i + 100);
          const values = part.map(
            (_, r) => `(7, ${Array.from({ length: 13 }, (_, c) => `$${r * 13 + c + 1}`).join(', ')})`,
          );
          await conn.run(
            `INSERT INTO history_atoms (scope_id, day, owner, fetched_at, final, absent, new_chat_cnt, chat_total,
               chat_has_msg, new_member_cnt, member_total, member_has_msg, msg_total, migrate_trainee_chat_cnt)
             VALUES ${values.join(', ')}`,
            part.flat(),
          );
        }
      });
    } finally {
      await raw.close();
    }

    const store = await place.open();
    try {
      const atoms = await store.getAtoms(SCOPE, { from: days[0], to: days[days.length - 1] });
      assert.equal(atoms.length, rows.length);
      for (const [from, to] of [
        [days[0], days[days.length - 1]],
        [days[11], days[140]],
      ]) {
        assert.deepEqual(await store.sumByOwner(SCOPE, { from, to }), expectedOwners(atoms, from, to));
        assert.deepEqual(
          await store.sumByDay(SCOPE, { from, to, owners: ['amy', 'bob', 'cat'] }),
          expectedDays(atoms, from, to, 3),
        );
      }
      assert.deepEqual(await store.days(SCOPE), { from: days[0], to: days[days.length - 1], count: 150 });
    } finally {
      await store.close();
    }
  });

  test('a store from a newer version is refused, not guessed at', async () => {
    await (await place.open()).close();
    const raw = await place.engine();
    await raw.write('test', (conn) =>
      conn.run("UPDATE history_meta SET value = $1 WHERE name = 'schema_version'", [
        String(SCHEMA_VERSION + 1),
      ]),
    );
    await assert.rejects(SqlHistoryStore.open(raw), StoreVersionError);
  });
});
