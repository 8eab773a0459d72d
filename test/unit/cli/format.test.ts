import * as assert from 'node:assert/strict';
import { displayWidth, formatByDay, formatOwners } from '../../../src/cli/format';
import { csvField } from '../../../src/extension/chart/csv';
import { defuseFormula, quoteCsvField, toCsv } from '../../../src/shared/csv';
import { METRIC_KEYS, emptyStats } from '../../../src/shared/metrics';
import type { GroupChatStats } from '../../../src/shared/metrics';

function stats(seed: number): GroupChatStats {
  const s = emptyStats();
  METRIC_KEYS.forEach((key, i) => (s[key] = seed * 10 + i));
  return s;
}

/** A minimal RFC 4180 reader, to check that what we write reads back to the same fields. */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      fields.push(field);
      records.push(fields);
      fields = [];
      field = '';
      i++;
    } else {
      field += ch;
    }
    i++;
  }
  return records;
}

const ODD = ['plain', 'Zhou "Jie", Sales', 'a<b>&c', 'line\nbreak', '张伟'];

suite('cli: output formats', () => {
  test('quoteCsvField quotes only what RFC 4180 requires', () => {
    assert.equal(quoteCsvField('plain'), 'plain');
    assert.equal(quoteCsvField('a,b'), '"a,b"');
    assert.equal(quoteCsvField('say "hi"'), '"say ""hi"""');
    assert.equal(quoteCsvField('two\r\nlines'), '"two\r\nlines"');
    assert.equal(
      toCsv([
        ['a', 'b'],
        ['c,d', 'e'],
      ]),
      'a,b\r\n"c,d",e\r\n',
    );
  });

  test('owners CSV: header of API field names, odd ids read back intact', () => {
    const items = ODD.map((owner, i) => ({ owner, data: stats(i) }));
    const csv = formatOwners(
      { range: { from: '2026-06-14', to: '2026-06-14' }, items, sortBy: 'chat_total', ascending: false },
      'csv',
    );
    const records = readCsv(csv);
    assert.deepEqual(records[0], ['owner', ...METRIC_KEYS]);
    assert.deepEqual(
      records.slice(1).map((r) => r[0]),
      ODD,
    );
    assert.deepEqual(
      records[2].slice(1),
      METRIC_KEYS.map((_k, i) => String(10 + i)),
    );
  });

  test('owners CSV: ids that would run as formulas are defused; the absent "-" cell stays as it is', () => {
    const risky = ['=cmd|calc', '+1', '-x', '@SUM(A1)', '\tlead', '\rlead', 'plain-id'];
    const items = [
      ...risky.map((owner, i) => ({ owner, data: stats(i) })),
      { owner: '-', absent: true as const },
    ];
    const records = readCsv(
      formatOwners(
        { range: { from: '2026-06-14', to: '2026-06-14' }, items, sortBy: 'chat_total', ascending: false },
        'csv',
      ),
    );
    assert.deepEqual(
      records.slice(1).map((r) => r[0]),
      ["'=cmd|calc", "'+1", "'-x", "'@SUM(A1)", "'\tlead", "'\rlead", 'plain-id', "'-"],
    );
    // An absent owner's figure cells are the bare "no figure" dash, not "'-".
    assert.deepEqual(
      records[records.length - 1].slice(1),
      METRIC_KEYS.map(() => '-'),
    );
    // The same rule as the chart's export (one shared implementation).
    assert.equal(defuseFormula('=1+2'), csvField('=1+2'));
    assert.equal(defuseFormula('-x'), "'-x");
    assert.equal(defuseFormula('42'), '42');
  });

  test('owners JSON has exactly range and items with the 8 figures in glossary order', () => {
    const json = JSON.parse(
      formatOwners(
        {
          range: { from: '2026-06-01', to: '2026-06-07' },
          items: [{ owner: 'a<b>&c', data: stats(1) }],
          sortBy: 'chat_total',
          ascending: false,
        },
        'json',
      ),
    ) as { range: unknown; items: Array<{ owner: string; data: Record<string, number> }> };
    assert.deepEqual(Object.keys(json), ['range', 'items']);
    assert.deepEqual(json.range, { from: '2026-06-01', to: '2026-06-07' });
    assert.equal(json.items[0].owner, 'a<b>&c');
    assert.deepEqual(Object.keys(json.items[0].data), [...METRIC_KEYS]);
  });

  test('by-day JSON: owners null when all, one item per day with stat_time', () => {
    const items = [
      { date: '2026-06-01', statTime: 1780243200, data: stats(1) },
      { date: '2026-06-02', statTime: 1780329600, data: stats(2) },
    ];
    const all = JSON.parse(
      formatByDay({ range: { from: '2026-06-01', to: '2026-06-02' }, owners: undefined, items }, 'json'),
    ) as Record<string, unknown>;
    assert.equal(all.owners, null);
    assert.deepEqual(Object.keys(all), ['range', 'owners', 'items']);
    const some = JSON.parse(
      formatByDay({ range: { from: '2026-06-01', to: '2026-06-02' }, owners: ['lisi'], items }, 'json'),
    ) as {
      owners: string[];
      items: Array<{ date: string; stat_time: number }>;
    };
    assert.deepEqual(some.owners, ['lisi']);
    assert.deepEqual(
      some.items.map((i) => [i.date, i.stat_time]),
      [
        ['2026-06-01', 1780243200],
        ['2026-06-02', 1780329600],
      ],
    );
    const csv = readCsv(
      formatByDay({ range: { from: '2026-06-01', to: '2026-06-02' }, owners: undefined, items }, 'csv'),
    );
    assert.deepEqual(csv[0], ['date', 'stat_time', ...METRIC_KEYS]);
    assert.equal(csv.length, 3);
  });

  test('tables are aligned (CJK counts double) with a total row, and control characters cannot break lines', () => {
    assert.equal(displayWidth('张伟'), 4);
    assert.equal(displayWidth('abc'), 3);
    const items = ODD.map((owner, i) => ({ owner, data: stats(i * 100) }));
    const table = formatOwners(
      { range: { from: '2026-06-14', to: '2026-06-14' }, items, sortBy: 'chat_total', ascending: false },
      'table',
    );
    const lines = table.trimEnd().split('\n');
    assert.match(lines[0], /2026-06-14.*5 owner\(s\).*chat_total descending/);
    const widths = lines
      .slice(1)
      .filter((l) => !/^-+/.test(l))
      .map(displayWidth);
    assert.equal(new Set(widths).size, 1, `all rows end at the same column:\n${table}`);
    assert.equal(lines.length, 1 + 2 + ODD.length + 2);
    assert.ok(table.includes('line\\x0abreak'));
    const last = lines[lines.length - 1];
    assert.match(last, /^\(all owners\)/);
    assert.ok(last.includes(String([0, 1, 2, 3, 4].reduce((sum, i) => sum + i * 1000 + 1, 0))), last);
  });
});
