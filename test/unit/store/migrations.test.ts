/**
 * Migrations from the first schema: a store created at v1 and filled with v1's own SQL (frozen
 * here, not the current write path) opens with the current code with its data intact.
 */
import * as assert from 'node:assert/strict';
import { SCHEMA_VERSION, StoreVersionError, readVersion } from '../../../src/store/schema';
import { SqlHistoryStore } from '../../../src/store/sqlStore';
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
