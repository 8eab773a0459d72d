/** The owners table's CSV: exactly the rows shown (filter, sort), then the totals row; empty cells, never 0, for no figure. */
import * as assert from 'node:assert/strict';
import { buildOwnersTableCsv, type TableCsvOptions } from '../../../src/extension/ownersTable/tableCsv';
import { emptyStats, METRIC_KEYS, type GroupChatStats } from '../../../src/shared/metrics';
import { latestRevision, revisionText, tableView, type TableOwnerRow } from '../../../src/shared/ownersTable';

function stats(base: number): GroupChatStats {
  const data = emptyStats();
  METRIC_KEYS.forEach((key, i) => (data[key] = base + i));
  return data;
}

const AT = Date.parse('2026-11-21T03:02:00Z');
const ROWS: TableOwnerRow[] = [
  { owner: 'zhangsan', name: '张三', data: stats(10), previous: stats(8) },
  { owner: '=cmd', name: '=cmd', data: stats(30), revisions: { msg_total: [{ from: 30, to: 36, at: AT }] } },
  { owner: 'ghost', name: 'ghost', data: null },
];

const OPTIONS: TableCsvOptions = {
  day: '2026-11-20',
  lang: 'en',
  words: {
    date: 'date (CST)',
    owner: 'user ID',
    name: 'name',
    change: '{label}: change',
    note: 'note',
    totals: 'Total ({n} owners)',
    absent: 'not returned',
    totalsAbsent: '{n} not returned',
    revision: (label, revised) => `${label}: ${revised}`,
  },
  revisedText: (row, metric) => {
    const r = latestRevision(row, metric);
    return r && revisionText(r, 'revised: {from} → {to} at {time}', String, 'absent');
  },
};

function parse(csv: string): string[][] {
  assert.ok(csv.startsWith('\uFEFF'));
  return csv
    .slice(1)
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));
}

suite('owners table CSV', () => {
  test('headers name each figure in the UI language with its API field, and its change', () => {
    const [header] = parse(
      buildOwnersTableCsv(
        tableView(ROWS, { filter: '', sort: { column: 'owner', ascending: true } }),
        OPTIONS,
      ),
    );
    assert.deepEqual(header.slice(0, 5), [
      'date (CST)',
      'user ID',
      'name',
      'New groups (new_chat_cnt)',
      'New groups (new_chat_cnt): change',
    ]);
    assert.equal(header.length, 3 + 16 + 1);
    assert.equal(header[header.length - 1], 'note');
  });

  test('rows in the table order, formulas defused, no figure as empty cells, and the totals row last', () => {
    const view = tableView(ROWS, { filter: '', sort: { column: 'chat_total', ascending: false } });
    const lines = parse(buildOwnersTableCsv(view, OPTIONS));
    assert.deepEqual(
      lines.slice(1).map((l) => l[1]),
      ["'=cmd", 'zhangsan', 'ghost', ''],
    );
    const [, cmd, zhang, ghost, totals] = lines;
    assert.equal(zhang[3], '10');
    assert.equal(zhang[4], '2', 'change from the day before');
    assert.equal(cmd[4], '', 'no day before: no change');
    assert.match(cmd[cmd.length - 1], /^Total messages: revised: 30 → 36 at 11:02$/);
    assert.deepEqual(ghost.slice(3, 19), new Array(16).fill(''));
    assert.equal(ghost[ghost.length - 1], 'not returned');
    assert.equal(totals[0], '2026-11-20');
    assert.equal(totals[2], 'Total (3 owners)');
    assert.equal(totals[3], '40');
    assert.equal(totals[4], '', 'the day before is not stored for every row');
    assert.equal(totals[totals.length - 1], '1 not returned');
  });

  test('a filter exports only the matching rows and their totals', () => {
    const view = tableView(ROWS, { filter: '张', sort: { column: 'owner', ascending: true } });
    const lines = parse(buildOwnersTableCsv(view, OPTIONS));
    assert.equal(lines.length, 3);
    assert.equal(lines[2][2], 'Total (1 owners)');
    assert.equal(lines[2][3], '10');
    assert.equal(lines[2][4], '2');
  });
});
