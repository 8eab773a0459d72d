import * as assert from 'node:assert/strict';
import { addDays, dayStartTs } from '../../../src/shared/days';
import { METRIC_KEYS, METRICS, emptyStats } from '../../../src/shared/metrics';
import type { GroupChatStats, MetricKey } from '../../../src/shared/metrics';
import { fetchToken, postJson, startClocked } from './fakeClient';
import type { ClockedServer } from './fakeClient';
import { WECOM_PATHS } from '../../../src/shared/wecomApi';

const TODAY = '2026-06-15';
const YESTERDAY = '2026-06-14';
const OLDEST = '2025-12-17'; // 180 days before today

interface Row {
  owner: string;
  data: GroupChatStats;
}

suite('fake server: groupchat/statistic', () => {
  let fake: ClockedServer;
  let token: string;

  suiteSetup(async () => {
    fake = await startClocked({ ownerCount: 250 });
    token = await fetchToken(fake.server);
  });
  suiteTeardown(async () => {
    await fake.server.close();
  });

  const post = (body: unknown) => postJson(fake.server, WECOM_PATHS.statistic, token, body);
  const first100 = () => fake.server.owners.slice(0, 100);

  test('600018 for today, a future day, more than 180 days back, a span over 30 days, end before begin, missing begin', async () => {
    const filter = { userid_list: ['zhangsan'] };
    const bad: unknown[] = [
      { day_begin_time: dayStartTs(TODAY), owner_filter: filter },
      { day_begin_time: dayStartTs(YESTERDAY), day_end_time: dayStartTs(TODAY), owner_filter: filter },
      { day_begin_time: dayStartTs('2026-07-01'), owner_filter: filter },
      { day_begin_time: dayStartTs(addDays(OLDEST, -1)), owner_filter: filter },
      {
        day_begin_time: dayStartTs('2026-05-01'),
        day_end_time: dayStartTs('2026-05-31'),
        owner_filter: filter,
      },
      {
        day_begin_time: dayStartTs('2026-05-10'),
        day_end_time: dayStartTs('2026-05-09'),
        owner_filter: filter,
      },
      { owner_filter: filter },
      { day_begin_time: 'yesterday', owner_filter: filter },
    ];
    for (const body of bad) {
      assert.equal((await post(body)).json.errcode, 600018, JSON.stringify(body));
      assert.equal(
        (await postJson(fake.server, WECOM_PATHS.byDay, token, body)).json.errcode,
        600018,
        JSON.stringify(body),
      );
    }
  });

  test('the window edges and a 30-day span are accepted', async () => {
    const filter = { userid_list: ['zhangsan'] };
    const good: unknown[] = [
      { day_begin_time: dayStartTs(YESTERDAY), owner_filter: filter },
      { day_begin_time: dayStartTs(OLDEST), owner_filter: filter },
      {
        day_begin_time: dayStartTs('2026-05-01'),
        day_end_time: dayStartTs('2026-05-30'),
        owner_filter: filter,
      },
    ];
    for (const body of good) {
      assert.equal((await post(body)).json.errcode, 0, JSON.stringify(body));
    }
  });

  test('40058 for more than 100 ids, an empty list, limit outside 1–1000, bad order_by/order_asc/offset, bad JSON', async () => {
    const begin = dayStartTs(YESTERDAY);
    const ids101 = fake.server.owners.slice(0, 101);
    const bad: unknown[] = [
      { day_begin_time: begin, owner_filter: { userid_list: ids101 } },
      { day_begin_time: begin, owner_filter: { userid_list: [] } },
      { day_begin_time: begin, owner_filter: { userid_list: [42] } },
      { day_begin_time: begin, owner_filter: { userid_list: ['zhangsan'] }, limit: 0 },
      { day_begin_time: begin, owner_filter: { userid_list: ['zhangsan'] }, limit: 1001 },
      { day_begin_time: begin, owner_filter: { userid_list: ['zhangsan'] }, limit: 2.5 },
      { day_begin_time: begin, owner_filter: { userid_list: ['zhangsan'] }, order_by: 5 },
      { day_begin_time: begin, owner_filter: { userid_list: ['zhangsan'] }, order_asc: 2 },
      { day_begin_time: begin, owner_filter: { userid_list: ['zhangsan'] }, offset: -1 },
      '{"day_begin_time": ',
    ];
    for (const body of bad) {
      assert.equal((await post(body)).json.errcode, 40058, JSON.stringify(body));
    }
    assert.equal((await postJson(fake.server, WECOM_PATHS.byDay, token, bad[0])).json.errcode, 40058);
    const ok100 = await post({
      day_begin_time: begin,
      owner_filter: { userid_list: first100() },
      limit: 1000,
    });
    assert.equal(ok100.json.errcode, 0);
    assert.equal(ok100.json.total, 100);
  });

  test('81013 when every id is unknown; unknown ids among known ones are ignored', async () => {
    const begin = dayStartTs(YESTERDAY);
    const none = await post({ day_begin_time: begin, owner_filter: { userid_list: ['ghost1', 'ghost2'] } });
    assert.equal(none.json.errcode, 81013);
    assert.equal(
      (
        await postJson(fake.server, WECOM_PATHS.byDay, token, {
          day_begin_time: begin,
          owner_filter: { userid_list: ['ghost'] },
        })
      ).json.errcode,
      81013,
    );
    const mixed = await post({
      day_begin_time: begin,
      owner_filter: { userid_list: ['ghost1', 'lisi', 'lisi'] },
    });
    assert.equal(mixed.json.errcode, 0);
    assert.equal(mixed.json.total, 1);
    assert.deepEqual(
      (mixed.json.items as Row[]).map((r) => r.owner),
      ['lisi'],
    );
  });

  test('non-midnight times are floored to 00:00 CST (the doc example, with now in April 2019)', async () => {
    const april = await startClocked({}, Date.UTC(2019, 3, 10, 4, 0, 0));
    try {
      const aprilToken = await fetchToken(april.server);
      const filter = { userid_list: ['zhangsan', 'lisi'] };
      const byDay = await postJson(april.server, WECOM_PATHS.byDay, aprilToken, {
        day_begin_time: 1554296400,
        owner_filter: filter,
      });
      assert.equal(byDay.json.errcode, 0);
      const items = byDay.json.items as Array<{ stat_time: number }>;
      assert.equal(items.length, 1);
      assert.equal(items[0].stat_time, 1554220800);
      const floored = await postJson(april.server, WECOM_PATHS.statistic, aprilToken, {
        day_begin_time: 1554296400,
        owner_filter: filter,
      });
      const exact = await postJson(april.server, WECOM_PATHS.statistic, aprilToken, {
        day_begin_time: 1554220800,
        owner_filter: filter,
      });
      assert.deepEqual(floored.json.items, exact.json.items);
      const zhangsan = (exact.json.items as Row[]).find((r) => r.owner === 'zhangsan');
      assert.deepEqual(zhangsan?.data, april.server.statsFor('zhangsan', '2019-04-03'));
    } finally {
      await april.server.close();
    }
  });

  test('one-day figures equal statsFor for every owner, owners with no groups included as zero rows', async () => {
    const owners = first100();
    const reply = await post({
      day_begin_time: dayStartTs(YESTERDAY),
      owner_filter: { userid_list: owners },
      limit: 1000,
    });
    const rows = reply.json.items as Row[];
    assert.equal(rows.length, 100);
    for (const row of rows) {
      assert.deepEqual(row.data, fake.server.statsFor(row.owner, YESTERDAY), row.owner);
    }
    assert.ok(
      rows.some((r) => r.data.chat_total === 0),
      'some owners own no groups',
    );
    assert.ok(rows.some((r) => r.data.chat_total > 0));
  });

  test('multi-day: flows summed over the days, "as of" figures are the last day\'s', async () => {
    const from = '2026-05-01';
    const to = '2026-05-10';
    const reply = await post({
      day_begin_time: dayStartTs(from),
      day_end_time: dayStartTs(to),
      owner_filter: { userid_list: ['zhangsan'] },
    });
    const [row] = reply.json.items as Row[];
    const expected = emptyStats();
    for (let d = from; d <= to; d = addDays(d, 1)) {
      const day = fake.server.statsFor('zhangsan', d);
      for (const key of METRIC_KEYS) {
        expected[key] = METRICS[key].kind === 'flow' ? expected[key] + day[key] : day[key];
      }
    }
    assert.deepEqual(row.data, expected);
    assert.ok(expected.new_chat_cnt > 0, 'the flow sum is not trivially zero');
  });

  test('paging: offset/next_offset/total across pages, stable order, no row lost or repeated', async () => {
    const owners = first100();
    const begin = dayStartTs(YESTERDAY);
    const all = await post({
      day_begin_time: begin,
      owner_filter: { userid_list: owners },
      order_by: 2,
      limit: 1000,
    });
    const seen: Row[] = [];
    let offset = 0;
    let pages = 0;
    for (;;) {
      const page = await post({
        day_begin_time: begin,
        owner_filter: { userid_list: owners },
        order_by: 2,
        offset,
        limit: 30,
      });
      assert.equal(page.json.total, 100);
      assert.equal(page.json.next_offset, Math.min(offset + 30, 100));
      seen.push(...(page.json.items as Row[]));
      pages += 1;
      offset = page.json.next_offset as number;
      if (offset === page.json.total) {
        break;
      }
    }
    assert.equal(pages, 4);
    assert.deepEqual(seen, all.json.items);
    assert.equal(new Set(seen.map((r) => r.owner)).size, 100);
    const beyond = await post({ day_begin_time: begin, owner_filter: { userid_list: owners }, offset: 150 });
    assert.deepEqual(beyond.json.items, []);
    assert.equal(beyond.json.next_offset, 100);
  });

  test('order_by 1–4, ascending and descending (default 1, descending), ties by owner id', async () => {
    const owners = first100();
    const begin = dayStartTs(addDays(YESTERDAY, -6));
    const end = dayStartTs(YESTERDAY);
    const keys: Record<number, MetricKey> = {
      1: 'new_chat_cnt',
      2: 'chat_total',
      3: 'new_member_cnt',
      4: 'member_total',
    };
    for (const orderBy of [1, 2, 3, 4]) {
      for (const asc of [0, 1]) {
        const reply = await post({
          day_begin_time: begin,
          day_end_time: end,
          owner_filter: { userid_list: owners },
          order_by: orderBy,
          order_asc: asc,
          limit: 1000,
        });
        const rows = reply.json.items as Row[];
        const key = keys[orderBy];
        for (let i = 1; i < rows.length; i++) {
          const [a, b] = [rows[i - 1], rows[i]];
          const cmp = asc ? a.data[key] - b.data[key] : b.data[key] - a.data[key];
          assert.ok(cmp < 0 || (cmp === 0 && a.owner < b.owner), `order_by ${orderBy} asc ${asc} at ${i}`);
        }
      }
    }
    const byDefault = await post({
      day_begin_time: begin,
      day_end_time: end,
      owner_filter: { userid_list: owners },
      limit: 1000,
    });
    const explicit = await post({
      day_begin_time: begin,
      day_end_time: end,
      owner_filter: { userid_list: owners },
      order_by: 1,
      order_asc: 0,
      limit: 1000,
    });
    assert.deepEqual(byDefault.json.items, explicit.json.items);
  });

  test('default limit is 500', async () => {
    const big = await startClocked({ ownerCount: 700 });
    try {
      const t = await fetchToken(big.server);
      const reply = await postJson(big.server, WECOM_PATHS.statistic, t, {
        day_begin_time: dayStartTs(YESTERDAY),
      });
      assert.equal(reply.json.total, 700);
      assert.equal((reply.json.items as Row[]).length, 500);
      assert.equal(reply.json.next_offset, 500);
    } finally {
      await big.server.close();
    }
  });

  test('no owner filter: all owners up to 1000, 81017 above', async () => {
    const reply = await post({ day_begin_time: dayStartTs(YESTERDAY), limit: 1000 });
    assert.equal(reply.json.errcode, 0);
    assert.equal(reply.json.total, 250);
    const big = await startClocked({ ownerCount: 1001 });
    try {
      const t = await fetchToken(big.server);
      const body = { day_begin_time: dayStartTs(YESTERDAY) };
      assert.equal((await postJson(big.server, WECOM_PATHS.statistic, t, body)).json.errcode, 81017);
      assert.equal((await postJson(big.server, WECOM_PATHS.byDay, t, body)).json.errcode, 81017);
      assert.equal(
        (
          await postJson(big.server, WECOM_PATHS.statistic, t, {
            ...body,
            owner_filter: { userid_list: ['zhangsan'] },
          })
        ).json.errcode,
        0,
      );
    } finally {
      await big.server.close();
    }
  });
});
