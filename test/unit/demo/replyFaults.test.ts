import * as assert from 'node:assert/strict';
import { dayStartTs } from '../../../src/shared/days';
import type { GroupChatStats } from '../../../src/shared/metrics';
import type { ReplyFault } from '../../../src/demo/replyFaults';
import { fetchToken, postJson, startClocked } from './fakeClient';
import type { ClockedServer } from './fakeClient';
import { WECOM_PATHS } from '../../../src/shared/wecomApi';

const FROM = '2026-05-16';
const TO = '2026-06-14'; // 30 days, the longest window; today is 2026-06-15

interface Row {
  owner: string;
  data: GroupChatStats;
}
interface DayItem {
  stat_time: number;
  data: GroupChatStats;
}

suite('fake server: reply faults (shape)', () => {
  let fake: ClockedServer;
  let token: string;
  let owners: string[];

  setup(async () => {
    fake = await startClocked();
    token = await fetchToken(fake.server);
    owners = fake.server.owners.slice(0, 20);
  });
  teardown(async () => {
    await fake.server.close();
  });

  const window = (batch: string[]) => ({
    day_begin_time: dayStartTs(FROM),
    day_end_time: dayStartTs(TO),
    owner_filter: { userid_list: batch },
  });
  const statistic = (batch = owners, paging: object = {}) =>
    postJson(fake.server, WECOM_PATHS.statistic, token, { ...window(batch), ...paging });
  const byDay = (batch = owners) => postJson(fake.server, WECOM_PATHS.byDay, token, window(batch));
  const faultsOf = (path: string) =>
    fake.server
      .requests()
      .filter((r) => r.path === path)
      .map((r) => r.fault);
  /** The clean reply first, then the same call under `faults`. */
  async function cleanThenFaulty<T>(call: () => Promise<T>, faults: ReplyFault[]): Promise<[T, T]> {
    fake.server.setFaults({});
    const clean = await call();
    fake.server.setFaults({ replyFaults: faults });
    return [clean, await call()];
  }

  test('no reply faults: the record carries no fault key', async () => {
    await statistic();
    assert.deepEqual(Object.keys(fake.server.requests().at(-1) ?? {}), ['path', 'body', 'errcode']);
  });

  test('missingItems: errcode 0 without an items key; statistic keeps total and next_offset', async () => {
    const [clean, faulty] = await cleanThenFaulty(
      () => statistic(owners, { limit: 5 }),
      [{ kind: 'missingItems' }],
    );
    const { items: _items, ...rest } = clean.json;
    assert.deepEqual(faulty.json, rest);
    assert.equal(faulty.json.errcode, 0);
    assert.ok(!('items' in faulty.json));
    assert.equal(faulty.json.total, 20);
    assert.equal(faulty.json.next_offset, 5);
    const day = await byDay();
    assert.deepEqual(Object.keys(day.json).sort(), ['errcode', 'errmsg']);
    assert.deepEqual(faultsOf(WECOM_PATHS.statistic), [undefined, 'missingItems']);
    assert.deepEqual(faultsOf(WECOM_PATHS.byDay), ['missingItems']);
  });

  test('dropDay: 29 items for a 30-day window, the last day missing by default', async () => {
    const [clean, faulty] = await cleanThenFaulty(byDay, [{ kind: 'dropDay' }]);
    const all = clean.json.items as DayItem[];
    const items = faulty.json.items as DayItem[];
    assert.equal(all.length, 30);
    assert.equal(items.length, 29);
    assert.deepEqual(items, all.slice(0, 29));
    assert.ok(!items.some((item) => item.stat_time === dayStartTs(TO)));
    assert.deepEqual(faultsOf(WECOM_PATHS.byDay), [undefined, 'dropDay']);
  });

  test('dropDay with a day: that stat_time is missing; a day outside the window changes nothing', async () => {
    const [clean, faulty] = await cleanThenFaulty(byDay, [{ kind: 'dropDay', day: '2026-06-01' }]);
    const expected = (clean.json.items as DayItem[]).filter((i) => i.stat_time !== dayStartTs('2026-06-01'));
    assert.equal(expected.length, 29);
    assert.deepEqual(faulty.json.items, expected);
    fake.server.setFaults({ replyFaults: [{ kind: 'dropDay', day: '2026-01-01' }] });
    assert.deepEqual((await byDay()).json.items, clean.json.items);
    assert.deepEqual(faultsOf(WECOM_PATHS.byDay), [undefined, 'dropDay', undefined]);
    // statistic has no days: dropDay never applies there
    assert.equal(((await statistic()).json.items as Row[]).length, 20);
  });

  test('shortPage: the last row of the page is missing, total and next_offset unchanged', async () => {
    const page = { offset: 5, limit: 10 };
    const [clean, faulty] = await cleanThenFaulty(() => statistic(owners, page), [{ kind: 'shortPage' }]);
    assert.equal((clean.json.items as Row[]).length, 10);
    assert.deepEqual(faulty.json.items, (clean.json.items as Row[]).slice(0, 9));
    assert.equal(faulty.json.total, 20);
    assert.equal(faulty.json.next_offset, 15);
    assert.equal(((await byDay()).json.items as DayItem[]).length, 30, 'by-day untouched');
  });

  test('foreignOwner: the last row names an owner that was not asked for', async () => {
    const batch = owners.slice(0, 3);
    const [clean, faulty] = await cleanThenFaulty(() => statistic(batch), [{ kind: 'foreignOwner' }]);
    const rows = faulty.json.items as Row[];
    assert.deepEqual(rows.slice(0, 2), (clean.json.items as Row[]).slice(0, 2));
    assert.equal(rows[2].owner, 'not-asked-owner');
    assert.deepEqual(rows[2].data, (clean.json.items as Row[])[2].data);
    assert.equal(faulty.json.total, 3);
    fake.server.setFaults({ replyFaults: [{ kind: 'foreignOwner', owner: 'intruder' }] });
    // An empty page (offset at the end) gets the foreign row added.
    const empty = await statistic(batch, { offset: 3 });
    assert.deepEqual(
      (empty.json.items as Row[]).map((r) => r.owner),
      ['intruder'],
    );
    assert.equal(((await byDay(batch)).json.items as DayItem[]).length, 30, 'by-day has no owner rows');
    assert.deepEqual(faultsOf(WECOM_PATHS.statistic), [undefined, 'foreignOwner', 'foreignOwner']);
    assert.deepEqual(faultsOf(WECOM_PATHS.byDay), [undefined]);
  });

  test('figure: the first item carries the given raw value, on both endpoints', async () => {
    const values: unknown[] = [-2, 2.5, 1e300, 'twelve', null];
    for (const value of values) {
      fake.server.setFaults({ replyFaults: [{ kind: 'figure', field: 'chat_total', value }] });
      const rows = (await statistic()).json.items as Row[];
      assert.equal(rows[0].data.chat_total, value);
      assert.equal(typeof rows[1].data.chat_total, 'number');
      const days = (await byDay()).json.items as DayItem[];
      assert.equal(days[0].data.chat_total, value);
    }
    // 2**53 + 1 cannot be held by a JS number: `json` puts the exact digits on the wire.
    fake.server.setFaults({
      replyFaults: [{ kind: 'figure', field: 'msg_total', json: '9007199254740993' }],
    });
    const res = await fetch(`${fake.server.url}${WECOM_PATHS.byDay}?access_token=${token}`, {
      method: 'POST',
      body: JSON.stringify(window(owners)),
    });
    const text = await res.text();
    assert.match(
      text,
      /^\{"errcode":0,"errmsg":"ok","items":\[\{"stat_time":\d+,"data":\{[^}]*"msg_total":9007199254740993[,}]/,
    );
    assert.equal(text.match(/9007199254740993/g)?.length, 1);
  });

  test('times: the first N matching calls are faulty, then clean; setFaults resets the count', async () => {
    fake.server.setFaults({ replyFaults: [{ kind: 'missingItems', times: 2 }] });
    const has = async () => 'items' in (await statistic()).json;
    assert.deepEqual([await has(), await has(), await has(), await has()], [false, false, true, true]);
    fake.server.setFaults({ replyFaults: [{ kind: 'missingItems', times: 2 }] });
    assert.deepEqual([await has(), await has(), await has()], [false, false, true]);
  });

  test('ownerInBatch: only the batch containing that owner is faulty', async () => {
    const batches = [owners.slice(0, 10), owners.slice(10, 20)];
    fake.server.setFaults({ replyFaults: [{ kind: 'shortPage', ownerInBatch: owners[12] }] });
    const lengths = [];
    for (const batch of [...batches, ...batches]) {
      lengths.push(((await statistic(batch)).json.items as Row[]).length);
    }
    assert.deepEqual(lengths, [10, 9, 10, 9]);
  });

  test('endpoint: only the named endpoint is faulty', async () => {
    fake.server.setFaults({ replyFaults: [{ kind: 'missingItems', endpoint: 'byDay' }] });
    assert.ok('items' in (await statistic()).json);
    assert.ok(!('items' in (await byDay()).json));
    fake.server.setFaults({ replyFaults: [{ kind: 'missingItems', endpoint: ['statistic'] }] });
    assert.ok(!('items' in (await statistic()).json));
    assert.ok('items' in (await byDay()).json);
  });

  test('error replies are never shaped and do not use up times', async () => {
    fake.server.setFaults({ busyEveryNth: 1, replyFaults: [{ kind: 'missingItems', times: 1 }] });
    const busy = await statistic();
    assert.equal(busy.json.errcode, -1);
    fake.server.setFaults({ replyFaults: [{ kind: 'missingItems', times: 1 }] });
    const bad = await postJson(fake.server, WECOM_PATHS.statistic, token, {
      owner_filter: { userid_list: owners },
    });
    assert.equal(bad.json.errcode, 600018);
    assert.ok(!('items' in (await statistic()).json), 'the first successful call is the faulty one');
    assert.deepEqual(faultsOf(WECOM_PATHS.statistic), ['busy', undefined, 'missingItems']);
  });

  test('setFaults rejects a fault that could never apply, keeping the previous faults', async () => {
    fake.server.setFaults({ replyFaults: [{ kind: 'shortPage' }] });
    const bad: unknown[] = [
      { kind: 'dropDay', endpoint: 'statistic' },
      { kind: 'dropDay', day: '2026-6-1' },
      { kind: 'figure', field: 'chats' },
      { kind: 'figure', field: 'chat_total' },
      { kind: 'figure', field: 'chat_total', json: 'NaN' },
      { kind: 'drip', bytesPerSecond: 0 },
      { kind: 'oversize', bytes: -1 },
      { kind: 'missingItems', times: 0 },
      { kind: 'missingItems', endpoint: 'nowhere' },
      { kind: 'slow' },
    ];
    for (const fault of bad) {
      assert.throws(() => fake.server.setFaults({ replyFaults: [fault as ReplyFault] }), /replyFaults\[0\]/);
    }
    assert.equal(((await statistic()).json.items as Row[]).length, 19, 'shortPage still set');
  });
});
