/** The owners table's pure model: filter, sort, totals (as the tree's summary sums), change, virtual window. */
import * as assert from 'node:assert/strict';
import { addStats, emptyStats, METRIC_KEYS, type GroupChatStats } from '../../../src/shared/metrics';
import {
  dayChange,
  formatChange,
  revisionText,
  sortTableRows,
  tableTotals,
  tableView,
  virtualWindow,
  type TableOwnerRow,
} from '../../../src/shared/ownersTable';

function stats(base: number): GroupChatStats {
  const data = emptyStats();
  METRIC_KEYS.forEach((key, i) => (data[key] = base + i));
  return data;
}

const zhang: TableOwnerRow = { owner: 'zhangsan', name: '张三', data: stats(10), previous: stats(8) };
const li: TableOwnerRow = { owner: 'lisi', name: '李四', data: stats(30), previous: null };
const gone: TableOwnerRow = { owner: 'ghost', name: 'ghost', data: null, previous: stats(1) };
const wang: TableOwnerRow = { owner: 'wangwu', name: 'Wang Wu', data: { ...stats(30), msg_total: 5 } };
const ROWS = [zhang, li, gone, wang];
const en = (n: number): string => n.toLocaleString('en-US');

suite('owners table model', () => {
  test('the filter matches name or user ID, case-insensitively, and the totals follow it', () => {
    assert.deepEqual(
      tableView(ROWS, { filter: 'ZHANG', sort: { column: 'owner', ascending: true } }).rows.map(
        (r) => r.owner,
      ),
      ['zhangsan'],
    );
    assert.deepEqual(
      tableView(ROWS, { filter: '李', sort: { column: 'owner', ascending: true } }).rows.map((r) => r.owner),
      ['lisi'],
    );
    const view = tableView(ROWS, { filter: 'an', sort: { column: 'chat_total', ascending: false } });
    assert.deepEqual(view.rows.map((r) => r.owner).sort(), ['wangwu', 'zhangsan']);
    assert.deepEqual(view.totals.data, addStats(stats(10), wang.data as GroupChatStats));
    assert.equal(
      tableView(ROWS, { filter: 'nobody', sort: { column: 'owner', ascending: true } }).rows.length,
      0,
    );
  });

  test('totals sum the owners with figures; absent owners are counted apart, never as zeros', () => {
    const totals = tableTotals(ROWS);
    const expected = addStats(addStats(stats(10), stats(30)), wang.data as GroupChatStats);
    assert.deepEqual(totals.data, expected);
    assert.equal(totals.present, 3);
    assert.equal(totals.absent, 1);
  });

  test('a figure sorts like the tree: ties by user ID, absent owners last in either direction', () => {
    const down = sortTableRows(ROWS, { column: 'chat_total', ascending: false }).map((r) => r.owner);
    assert.deepEqual(down, ['lisi', 'wangwu', 'zhangsan', 'ghost']);
    const up = sortTableRows(ROWS, { column: 'msg_total', ascending: true }).map((r) => r.owner);
    assert.deepEqual(up, ['wangwu', 'zhangsan', 'lisi', 'ghost']);
    const byName = sortTableRows(ROWS, { column: 'owner', ascending: true }).map((r) => r.name);
    assert.deepEqual(
      byName,
      ['ghost', 'Wang Wu', '张三', '李四'].sort(new Intl.Collator(undefined, { numeric: true }).compare),
    );
    assert.deepEqual(
      sortTableRows(ROWS, { column: 'owner', ascending: false }).map((r) => r.name),
      [...byName].reverse(),
    );
  });

  test('the change needs both days; the totals change only when every row has the day before', () => {
    assert.equal(dayChange(zhang, 'chat_total'), 2);
    assert.equal(dayChange(li, 'chat_total'), undefined, 'absent the day before');
    assert.equal(dayChange(wang, 'chat_total'), undefined, 'not stored');
    assert.equal(tableTotals(ROWS).change, undefined);
    const stored = tableTotals([zhang, li, gone]);
    // Today: zhang + li (ghost absent). Before: zhang's 8… and ghost's 1… (li absent then).
    assert.equal(stored.change?.chat_total, 11 + 31 - (9 + 2));
  });

  test('changes are written "+12", "−3" (minus sign), "0"', () => {
    assert.equal(formatChange(1200, en), '+1,200');
    assert.equal(formatChange(-3, en), '\u22123');
    assert.equal(formatChange(0, en), '0');
  });

  test('a revision is worded with both values and the CST time of the later fetch', () => {
    const at = Date.parse('2026-11-21T03:02:00Z'); // 11:02 CST
    assert.equal(
      revisionText({ from: 1203, to: 1210, at }, 'revised: {from} → {to} at {time}', en, 'absent'),
      'revised: 1,203 → 1,210 at 11:02',
    );
    assert.equal(revisionText({ from: null, to: 4, at }, '{from}→{to}', en, 'absent'), 'absent→4');
  });

  test('the virtual window draws the rows in view plus overscan, and spacers fill the rest', () => {
    const top = virtualWindow({
      rowCount: 5000,
      rowHeight: 40,
      scrollTop: 0,
      viewportHeight: 400,
      overscan: 5,
    });
    assert.deepEqual(top, { first: 0, end: 15, before: 0, after: (5000 - 15) * 40 });
    const middle = virtualWindow({
      rowCount: 5000,
      rowHeight: 40,
      scrollTop: 4000,
      viewportHeight: 400,
      overscan: 5,
    });
    assert.deepEqual(middle, { first: 95, end: 115, before: 95 * 40, after: (5000 - 115) * 40 });
    const bottom = virtualWindow({
      rowCount: 5000,
      rowHeight: 40,
      scrollTop: 199_800,
      viewportHeight: 400,
      overscan: 5,
    });
    assert.equal(bottom.end, 5000);
    assert.equal(bottom.after, 0);
    assert.equal(
      bottom.before + (bottom.end - bottom.first) * 40,
      5000 * 40,
      'the scroll height stays the whole list',
    );
    const empty = virtualWindow({
      rowCount: 0,
      rowHeight: 40,
      scrollTop: 0,
      viewportHeight: 400,
      overscan: 5,
    });
    assert.deepEqual(empty, { first: 0, end: 0, before: 0, after: 0 });
    // Scrolled past the end (a list that just shrank under a filter): nothing beyond the rows.
    const shrunk = virtualWindow({
      rowCount: 3,
      rowHeight: 40,
      scrollTop: 9000,
      viewportHeight: 400,
      overscan: 5,
    });
    assert.deepEqual(shrunk, { first: 0, end: 3, before: 0, after: 0 });
  });
});
