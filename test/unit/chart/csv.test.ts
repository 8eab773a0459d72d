import * as assert from 'node:assert/strict';
import { buildByDayCsv, csvField } from '../../../src/extension/chart/csv';
import { emptyStats, METRIC_KEYS, type GroupChatStats } from '../../../src/shared/metrics';
import type { ByDayData } from '../../../src/shared/protocol';

function stats(base: number): GroupChatStats {
  const s = emptyStats();
  METRIC_KEYS.forEach((key, i) => (s[key] = base + i));
  return s;
}

const NOTES = {
  missing: 'not reported',
  unavailable: 'not kept',
  provisional: 'provisional',
  incomplete: 'incomplete',
};

const data: ByDayData = {
  from: '2026-11-24',
  to: '2026-11-26',
  days: ['2026-11-24', '2026-11-25', '2026-11-26'],
  total: [stats(100), null, stats(300)],
  missingDays: ['2026-11-25'],
  perOwner: [
    { owner: 'a,b', series: [stats(1), null, stats(3)] },
    { owner: 'say "hi"', series: [stats(10), null, stats(30)] },
    { owner: '<img src=x>', series: [stats(20), null, stats(40)] },
    { owner: '=HYPERLINK("x")', series: [stats(5), null, stats(6)] },
  ],
  cachedDays: 0,
  unavailableDays: 0,
  historyDays: [],
  unstoredDays: [],
};

/** A minimal RFC 4180 parser, to check the CSV reads back as written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

suite('chart/csv', () => {
  test('fields: quoting, doubled quotes, formula defusing, empty for missing', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('line\nbreak'), '"line\nbreak"');
    assert.equal(csvField('=1+2'), "'=1+2");
    assert.equal(csvField('-5'), "'-5");
    assert.equal(csvField('<b>&'), '<b>&');
    assert.equal(csvField(42), '42');
    assert.equal(csvField(null), '');
  });

  test('sum: one column per figure, YYYY-MM-DD dates, BOM and CRLF, missing days empty with a note', () => {
    const csv = buildByDayCsv(data, {
      metric: 'chat_total',
      mode: 'sum',
      lang: 'en',
      owners: [],
      dateHeader: 'date',
      averageHeader: '7-day average',
      granularity: 'day',
      movingAverage: false,
      notes: NOTES,
    });
    assert.ok(csv.startsWith('\uFEFF'));
    assert.ok(csv.endsWith('\r\n'));
    const rows = parseCsv(csv.slice(1));
    assert.equal(rows.length, 4);
    assert.equal(rows[0][0], 'date');
    assert.equal(rows[0].length, 2 + METRIC_KEYS.length);
    assert.equal(rows[0][2], 'Total groups (chat_total)');
    assert.equal(rows[0][1 + METRIC_KEYS.length], 'note');
    assert.deepEqual(rows[1], ['2026-11-24', ...METRIC_KEYS.map((_, i) => String(100 + i)), '']);
    assert.deepEqual(rows[2], ['2026-11-25', ...METRIC_KEYS.map(() => ''), 'not reported']);
    assert.equal(rows[3][0], '2026-11-26');
  });

  test('a day without figures that WeCom no longer keeps gets its own note; whole data has empty notes', () => {
    const old: ByDayData = { ...data, missingDays: [], total: [null, stats(200), stats(300)] };
    const rows = parseCsv(
      buildByDayCsv(old, {
        metric: 'chat_total',
        mode: 'sum',
        lang: 'en',
        owners: [],
        dateHeader: 'date',
        averageHeader: '7-day average',
        granularity: 'day',
        movingAverage: false,
        notes: NOTES,
      }).slice(1),
    );
    assert.deepEqual(
      rows.slice(1).map((r) => r[r.length - 1]),
      ['not kept', '', ''],
    );
  });

  test('compare: one column per owner for the chosen figure; odd owner ids survive a round trip', () => {
    const csv = buildByDayCsv(data, {
      metric: 'member_total',
      mode: 'compare',
      lang: 'zh',
      owners: [
        { id: 'a,b', name: '张伟' },
        { id: 'say "hi"', name: 'say "hi"' },
      ],
      dateHeader: 'date',
      averageHeader: '7-day average',
      granularity: 'day',
      movingAverage: false,
      notes: NOTES,
    });
    const rows = parseCsv(csv.slice(1));
    assert.deepEqual(rows[0], ['date', '张伟 (a,b)', 'say "hi"', '<img src=x>', '\'=HYPERLINK("x")', 'note']);
    const memberTotal = METRIC_KEYS.indexOf('member_total');
    assert.deepEqual(rows[1], ['2026-11-24', ...[1, 10, 20, 5].map((b) => String(b + memberTotal)), '']);
    assert.deepEqual(rows[2], ['2026-11-25', '', '', '', '', 'not reported']);
    assert.ok(csv.includes('"say ""hi"""'));
  });
});
