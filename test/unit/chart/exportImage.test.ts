/**
 * What an exported PNG says about itself: the title's text (src/webview/exportTitle.ts) and the
 * metadata chunk the host writes and the tests read back (src/extension/chart/pngText.ts).
 */
import * as assert from 'node:assert/strict';
import * as zlib from 'node:zlib';
import { addDays, dayStartTs, listDays } from '../../../src/shared/days';
import { emptyStats } from '../../../src/shared/metrics';
import type { ByDayData, ChartLabels, InitMessage } from '../../../src/shared/protocol';
import type { ChartSubject } from '../../../src/shared/chartState';
import { defaultUiState } from '../../../src/shared/chartState';
import { readPngInfo, withPngText } from '../../../src/extension/chart/pngText';
import { exportTitle, ownersText } from '../../../src/webview/exportTitle';
import { byDayData } from '../support/byDayData';

const LABELS = new Proxy({ cstDays: '{days} (CST)' } as Record<string, string>, {
  get: (named, key: string) => named[key] ?? key,
}) as unknown as ChartLabels;
const YESTERDAY = '2026-11-26';
const DAYS = listDays({ from: addDays(YESTERDAY, -6), to: YESTERDAY });

function init(subject: ChartSubject, names: Record<string, string> = {}): InitMessage {
  const owners = subject.kind === 'owners' ? subject.owners : [];
  return {
    type: 'init',
    subject,
    owners: owners.map((id) => ({ id, name: names[id] ?? id })),
    lang: 'en',
    labels: LABELS,
    window: { from: addDays(YESTERDAY, -179), to: YESTERDAY },
    state: defaultUiState(subject),
    heartbeatMs: 10_000,
  };
}

function data(extra: Partial<ByDayData> = {}): ByDayData {
  return byDayData(
    DAYS,
    DAYS.map(() => emptyStats()),
    extra,
  );
}

/** A real 3×2 PNG (one IDAT of filtered rows), as a canvas would give. */
function tinyPng(): Buffer {
  const chunk = (type: string, body: Buffer): Buffer => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(body.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(Buffer.concat([Buffer.from(type), body])));
    return Buffer.concat([head, Buffer.from(type), body, crc]);
  };
  const ihdr = Buffer.from([0, 0, 0, 3, 0, 0, 0, 2, 8, 2, 0, 0, 0]);
  const rows = Buffer.alloc(2 * (1 + 3 * 3));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

suite('export image: title and metadata', () => {
  test('the title names the figure and the owners; the subtitle the CST range', () => {
    const all = exportTitle(init({ kind: 'all' }), data(), 'chat_total');
    assert.equal(all.title, 'Total groups · allOwners');
    assert.equal(all.subtitle, `${DAYS[0]} … ${YESTERDAY} (CST)`);
    const names = { a: '张三', b: '李四', c: 'c', d: 'd', e: 'e' };
    assert.equal(ownersText(init({ kind: 'owners', owners: ['a'] }, names)), '张三');
    assert.equal(
      ownersText(init({ kind: 'owners', owners: ['a', 'b', 'c', 'd', 'e'] }, names)),
      '张三, 李四, c +2',
    );
    // Weeks or months: the subtitle says so (the image shows those points, not days).
    assert.equal(
      exportTitle(init({ kind: 'all' }), data(), 'chat_total', 'week').subtitle,
      `${DAYS[0]} … ${YESTERDAY} (CST) · week`,
    );
    assert.equal(exportTitle(init({ kind: 'all' }), data(), 'chat_total', 'day').subtitle, all.subtitle);
  });

  test('provisional only when yesterday is in the range and was fetched before 10:00 CST', () => {
    const early = (dayStartTs(addDays(YESTERDAY, 1)) + 9 * 3600) * 1000;
    const late = (dayStartTs(addDays(YESTERDAY, 1)) + 11 * 3600) * 1000;
    const subject = init({ kind: 'all' });
    assert.match(
      exportTitle(subject, data({ yesterdayFetchedAt: early }), 'msg_total').subtitle,
      / · provisional$/,
    );
    assert.doesNotMatch(
      exportTitle(subject, data({ yesterdayFetchedAt: late }), 'msg_total').subtitle,
      /provisional/,
    );
    const older = data({ to: addDays(YESTERDAY, -1), yesterdayFetchedAt: early });
    assert.doesNotMatch(exportTitle(subject, older, 'msg_total').subtitle, /provisional/);
  });

  test('the title goes into an iTXt chunk that reads back in UTF-8, size unchanged', () => {
    const png = tinyPng();
    const titled = withPngText(png, 'Title', 'Total groups · 张三 · 2026-11-20 … 2026-11-26 (CST)');
    const info = readPngInfo(titled);
    assert.deepEqual([info.width, info.height], [3, 2]);
    assert.equal(info.texts.Title, 'Total groups · 张三 · 2026-11-20 … 2026-11-26 (CST)');
    assert.deepEqual(readPngInfo(png).texts, {});
    // Every chunk's checksum is right (readPngInfo checks them), and IHDR stays first.
    assert.equal(titled.toString('latin1', 12, 16), 'IHDR');
  });

  test('a broken file is refused', () => {
    assert.throws(() => readPngInfo(Buffer.from('not a png at all, just some text here')), /not a PNG/);
    const bad = Buffer.from(tinyPng());
    bad[bad.length - 20] ^= 0xff;
    assert.throws(() => readPngInfo(bad), /bad checksum/);
  });
});
