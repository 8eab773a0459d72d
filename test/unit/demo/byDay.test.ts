import * as assert from 'node:assert/strict';
import { addDays, dayStartTs, listDays } from '../../../src/shared/days';
import { METRIC_KEYS, addStats, emptyStats } from '../../../src/shared/metrics';
import type { GroupChatStats } from '../../../src/shared/metrics';
import { makeOwners } from '../../../src/demo/owners';
import { fetchToken, postJson, startClocked } from './fakeClient';
import type { ClockedServer } from './fakeClient';
import { WECOM_PATHS } from '../../../src/shared/wecomApi';

interface DayItem {
  stat_time: number;
  data: GroupChatStats;
}

suite('fake server: statistic_group_by_day and the demo data', () => {
  let fake: ClockedServer;
  let token: string;

  suiteSetup(async () => {
    fake = await startClocked({ ownerCount: 120 });
    token = await fetchToken(fake.server);
  });
  suiteTeardown(async () => {
    await fake.server.close();
  });

  test('one item per day in order, stat_time at 00:00 CST, data summed over the filtered owners', async () => {
    const from = '2026-05-20';
    const to = '2026-06-14';
    const owners = fake.server.owners.slice(10, 60);
    const reply = await postJson(fake.server, WECOM_PATHS.byDay, token, {
      day_begin_time: dayStartTs(from),
      day_end_time: dayStartTs(to) + 3600 * 20,
      owner_filter: { userid_list: owners },
    });
    assert.equal(reply.json.errcode, 0);
    const items = reply.json.items as DayItem[];
    const days = listDays({ from, to });
    assert.equal(items.length, days.length);
    days.forEach((day, i) => {
      assert.equal(items[i].stat_time, dayStartTs(day));
      assert.equal((items[i].stat_time + 8 * 3600) % 86400, 0, 'midnight CST');
      const expected = emptyStats();
      for (const owner of owners) {
        addStats(expected, fake.server.statsFor(owner, day));
      }
      assert.deepEqual(items[i].data, expected, day);
    });
  });

  test('without a filter the sum covers every follow user', async () => {
    const day = '2026-06-01';
    const reply = await postJson(fake.server, WECOM_PATHS.byDay, token, { day_begin_time: dayStartTs(day) });
    const expected = emptyStats();
    for (const owner of fake.server.owners) {
      addStats(expected, fake.server.statsFor(owner, day));
    }
    assert.deepEqual((reply.json.items as DayItem[])[0].data, expected);
  });

  test('stocks are consistent day to day: total(d) = total(d−1) + new(d) − churn, 0 ≤ churn ≤ total(d−1)', () => {
    let checkedGrowth = false;
    for (const owner of fake.server.owners.slice(0, 40)) {
      let prev = fake.server.statsFor(owner, '2026-01-01');
      for (let d = '2026-01-02'; d <= '2026-06-14'; d = addDays(d, 1)) {
        const cur = fake.server.statsFor(owner, d);
        const chatChurn = prev.chat_total + cur.new_chat_cnt - cur.chat_total;
        const memberChurn = prev.member_total + cur.new_member_cnt - cur.member_total;
        assert.ok(chatChurn >= 0 && chatChurn <= prev.chat_total, `${owner} ${d} chats`);
        assert.ok(memberChurn >= 0 && memberChurn <= prev.member_total, `${owner} ${d} members`);
        assert.ok(
          cur.chat_has_msg <= cur.chat_total && cur.member_has_msg <= cur.member_total,
          `${owner} ${d}`,
        );
        assert.ok(cur.migrate_trainee_chat_cnt <= cur.chat_total);
        // "截至当天客户群消息总数": a running total, as the glossary labels it.
        assert.ok(cur.msg_total >= prev.msg_total, `${owner} ${d} messages fell`);
        for (const key of METRIC_KEYS) {
          assert.ok(Number.isInteger(cur[key]) && cur[key] >= 0, `${owner} ${d} ${key}`);
        }
        checkedGrowth ||= cur.new_chat_cnt > 0;
        prev = cur;
      }
    }
    assert.ok(checkedGrowth, 'some groups are created');
  });

  test('messages as of a day grow by about a day of messages: less at weekends, never a jump back', () => {
    let weekday = 0;
    let weekend = 0;
    // 2026-06-01 is a Monday: five weekdays, then Saturday and Sunday, over four weeks.
    for (const owner of fake.server.owners.slice(0, 40)) {
      for (let week = 0; week < 4; week++) {
        for (let i = 0; i < 7; i++) {
          const d = addDays('2026-06-01', week * 7 + i);
          const added =
            fake.server.statsFor(owner, d).msg_total - fake.server.statsFor(owner, addDays(d, -1)).msg_total;
          if (i < 5) {
            weekday += added;
          } else {
            weekend += added;
          }
        }
      }
    }
    assert.ok(weekday > 0, 'messages are sent');
    assert.ok(weekend / 2 < weekday / 5, `weekend ${weekend / 8} a day vs weekday ${weekday / 20}`);
  });

  test('data is deterministic per seed, differs across seeds, and exists for any day', async () => {
    const again = await startClocked({ ownerCount: 120 });
    const other = await startClocked({ ownerCount: 120, seed: 2 });
    try {
      const days = ['2019-04-03', '2026-06-14'];
      for (const day of days) {
        for (const owner of fake.server.owners.slice(0, 10)) {
          assert.deepEqual(again.server.statsFor(owner, day), fake.server.statsFor(owner, day));
        }
      }
      const differs = fake.server.owners.some(
        (o) =>
          JSON.stringify(other.server.statsFor(o, '2026-06-14')) !==
          JSON.stringify(fake.server.statsFor(o, '2026-06-14')),
      );
      assert.ok(differs);
      assert.ok(fake.server.statsFor('zhangsan', '2019-04-03').chat_total > 0);
    } finally {
      await again.server.close();
      await other.server.close();
    }
  });

  test('owners: fixed order, Chinese display names, odd ids, some with no groups, unknown owner = zeros', () => {
    const { owners, ownerNames } = fake.server;
    assert.equal(owners.length, 120);
    assert.deepEqual(owners, makeOwners(120).owners);
    assert.equal(ownerNames.zhangwei, '张伟');
    assert.equal(ownerNames.wangfang, '王芳');
    assert.ok(owners.some((o) => o.includes('<') && o.includes('&')));
    assert.ok(owners.some((o) => o.includes('"') && o.includes(',')));
    assert.ok(owners.some((o) => o.includes(' ')));
    assert.equal(new Set(owners).size, owners.length);
    const empty = owners.filter((o) => fake.server.statsFor(o, '2026-06-14').chat_total === 0);
    assert.ok(empty.length >= 3);
    assert.deepEqual(fake.server.statsFor('nobody-here', '2026-06-14'), emptyStats());
  });
});
