/**
 * The owners view's pure row logic (no vscode): provisional rule in CST, sorting with a stable
 * tie-break, filtering by id or name, sums, the description's order, labels and highlights.
 */
import * as assert from 'assert';
import { dayStartTs, isProvisional } from '../../../src/shared/days';
import { emptyStats, type GroupChatStats } from '../../../src/shared/metrics';
import {
  buildRows,
  DEFAULT_SORT,
  describeFigures,
  descriptionMetrics,
  filterHighlights,
  filterRows,
  parseSortOrder,
  rowLabel,
  sortRows,
  sumRows,
} from '../../../src/extension/owners/ownerRows';

function stats(partial: Partial<GroupChatStats>): GroupChatStats {
  return { ...emptyStats(), ...partial };
}

/** Unix ms of HH:MM CST on `day`. */
function cstTime(day: string, hours: number, minutes = 0): number {
  return (dayStartTs(day) + hours * 3600 + minutes * 60) * 1000;
}

suite('owners view rows', () => {
  test('yesterday is provisional before 10:00 CST and final after, whatever the machine zone', () => {
    assert.strictEqual(isProvisional('2026-11-23', cstTime('2026-11-24', 9, 59)), true);
    assert.strictEqual(isProvisional('2026-11-23', cstTime('2026-11-24', 0, 0)), true);
    assert.strictEqual(isProvisional('2026-11-23', cstTime('2026-11-24', 10, 0)), false);
    // Two days ago is never provisional, even early in the morning.
    assert.strictEqual(isProvisional('2026-11-22', cstTime('2026-11-24', 2)), false);
  });

  const totals = [
    { owner: 'b', data: stats({ chat_total: 5, member_total: 10 }) },
    { owner: 'a', data: stats({ chat_total: 5, member_total: 30 }) },
    { owner: 'c<&">', data: stats({ chat_total: 9, member_total: 20 }) },
  ];

  test('names come from the map; ids without a name show the id', () => {
    const rows = buildRows(totals, { a: '张三' });
    assert.deepStrictEqual(
      rows.map((r) => [r.owner, r.name]),
      [
        ['b', 'b'],
        ['a', '张三'],
        ['c<&">', 'c<&">'],
      ],
    );
    assert.deepStrictEqual(rows[1].element, { kind: 'owner', owner: 'a' });
    // An owner id that names an Object.prototype member must not pick up a function as name.
    assert.strictEqual(buildRows([{ owner: 'toString', data: emptyStats() }], {})[0].name, 'toString');
  });

  test('sorting: by the metric in either direction, ties by owner id', () => {
    const rows = buildRows(totals, {});
    assert.deepStrictEqual(
      sortRows(rows, { metric: 'chat_total', ascending: false }).map((r) => r.owner),
      ['c<&">', 'a', 'b'],
    );
    assert.deepStrictEqual(
      sortRows(rows, { metric: 'chat_total', ascending: true }).map((r) => r.owner),
      ['a', 'b', 'c<&">'],
    );
    assert.deepStrictEqual(
      sortRows(rows, { metric: 'member_total', ascending: true }).map((r) => r.owner),
      ['b', 'c<&">', 'a'],
    );
  });

  test('filtering: case-insensitive substring of id or name; blank keeps all', () => {
    const rows = buildRows(totals, { a: 'Zhang San' });
    assert.deepStrictEqual(
      filterRows(rows, 'ZHANG').map((r) => r.owner),
      ['a'],
    );
    assert.deepStrictEqual(
      filterRows(rows, '<&').map((r) => r.owner),
      ['c<&">'],
    );
    assert.strictEqual(filterRows(rows, '  ').length, 3);
    assert.deepStrictEqual(filterRows(rows, 'nobody'), []);
  });

  test('sums add every figure across owners', () => {
    const total = sumRows(buildRows(totals, {}));
    assert.strictEqual(total.chat_total, 19);
    assert.strictEqual(total.member_total, 60);
  });

  test('a stored sort order is read back only when valid', () => {
    assert.deepStrictEqual(parseSortOrder({ metric: 'msg_total', ascending: true }), {
      metric: 'msg_total',
      ascending: true,
    });
    assert.deepStrictEqual(parseSortOrder({ metric: 'nonsense' }), DEFAULT_SORT);
    assert.deepStrictEqual(parseSortOrder(undefined), DEFAULT_SORT);
  });

  test('the description shows the sorted figure first, then the usual ones, each once', () => {
    assert.deepStrictEqual(descriptionMetrics('chat_total'), [
      'chat_total',
      'member_total',
      'new_member_cnt',
    ]);
    assert.deepStrictEqual(descriptionMetrics('member_total'), [
      'member_total',
      'chat_total',
      'new_member_cnt',
    ]);
    assert.deepStrictEqual(descriptionMetrics('new_member_cnt'), [
      'new_member_cnt',
      'chat_total',
      'member_total',
    ]);
    assert.deepStrictEqual(descriptionMetrics('msg_total'), [
      'msg_total',
      'chat_total',
      'member_total',
      'new_member_cnt',
    ]);
    const data = stats({ msg_total: 1092, chat_total: 67, member_total: 3512, new_member_cnt: 12 });
    assert.strictEqual(
      describeFigures(data, 'msg_total', (metric, value) => `${value} ${metric}`),
      '1092 msg_total · 67 chat_total · 3512 member_total · 12 new_member_cnt',
    );
  });

  test('the label carries the user ID next to a display name, so tree find matches either', () => {
    assert.strictEqual(rowLabel({ owner: 'zhangsan', name: '张三' }), '张三 · zhangsan');
    assert.strictEqual(rowLabel({ owner: 'lisi', name: 'lisi' }), 'lisi');
  });

  test('highlights mark every case-insensitive match of the filter in the label', () => {
    assert.deepStrictEqual(filterHighlights('张三 · zhangsan', 'ZHANG'), [[5, 10]]);
    assert.deepStrictEqual(filterHighlights('anna · annabel', 'an'), [
      [0, 2],
      [7, 9],
    ]);
    assert.deepStrictEqual(filterHighlights('张三 · zhangsan', '张三'), [[0, 2]]);
    assert.deepStrictEqual(filterHighlights('zhangsan', ''), []);
    assert.deepStrictEqual(filterHighlights('zhangsan', 'nobody'), []);
  });
});
