/** The split of a range into whole blocks and end days that the per-owner sums read. */
import * as assert from 'node:assert/strict';
import { addDays, listDays } from '../../../src/shared/days';
import { BLOCK_SPANS, blockOf, dayNumber, decompose } from '../../../src/store/blocks';

/** Every day the decomposition stands for, in order. */
function expand(range: { from: string; to: string }): string[] {
  const { blocks, days } = decompose(range);
  const out = days.flatMap((d) => listDays(d));
  for (const run of blocks) {
    for (let n = run.from * run.span; n < (run.to + 1) * run.span; n++) {
      out.push(addDays('1970-01-01', n));
    }
  }
  return out.sort();
}

suite('store blocks', () => {
  test('day numbers count from 1970-01-01 and blocks are aligned to them', () => {
    assert.equal(dayNumber('1970-01-01'), 0);
    assert.equal(dayNumber('2026-11-26'), 20_783);
    assert.equal(blockOf('2026-11-26', 8), 2597);
    assert.equal(blockOf('2026-11-26', 64), 324);
    // The last day of a block and the first of the next.
    assert.equal(blockOf(addDays('1970-01-01', 63), 64), 0);
    assert.equal(blockOf(addDays('1970-01-01', 64), 64), 1);
  });

  test('a range is exactly its blocks and end days, each day once, whatever its ends', () => {
    for (const from of ['2025-11-27', '2026-01-01', '2026-05-29', addDays('1970-01-01', 64 * 323)]) {
      for (const length of [1, 7, 8, 9, 30, 63, 64, 65, 128, 182, 365]) {
        const range = { from, to: addDays(from, length - 1) };
        assert.deepEqual(expand(range), listDays(range), `${from} + ${length}`);
      }
    }
  });

  test('at most seven end days and seven 8-day blocks on either side of the 64-day blocks', () => {
    const range = { from: '2025-11-27', to: '2026-11-26' };
    const { blocks, days } = decompose(range);
    const endDays = days.reduce((n, d) => n + listDays(d).length, 0);
    const eights = blocks.filter((b) => b.span === 8).reduce((n, b) => n + b.to - b.from + 1, 0);
    assert.ok(endDays <= 14, `${endDays} end days`);
    assert.ok(eights <= 14, `${eights} 8-day blocks`);
    assert.ok(blocks.some((b) => b.span === 64));
    assert.deepEqual([...BLOCK_SPANS], [64, 8]);
  });
});
