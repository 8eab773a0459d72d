/** How the owners view reads a figure's revisions and its sync time (src/extension/owners/figureHistory.ts). */
import * as assert from 'node:assert/strict';
import { cstMoment, figureRevisions, revisedMetrics } from '../../../src/extension/owners/figureHistory';
import { emptyStats, type GroupChatStats } from '../../../src/shared/metrics';
import type { Revision } from '../../../src/store/types';

const cst = (localTime: string): number => Date.parse(`${localTime}+08:00`);
const stats = (partial: Partial<GroupChatStats>): GroupChatStats => ({ ...emptyStats(), ...partial });

suite('owners view: revisions and sync time', () => {
  const first: Revision = {
    fetchedAt: cst('2026-06-15T09:05:00'),
    replacedAt: cst('2026-06-15T11:02:00'),
    absent: false,
    data: stats({ msg_total: 1203, chat_total: 40 }),
  };
  const current = stats({ msg_total: 1210, chat_total: 40 });

  test('a revision of one figure: old → current, at the later fetch; other figures unchanged', () => {
    assert.deepEqual(figureRevisions([first], current, 'msg_total'), [
      { from: 1203, to: 1210, at: cst('2026-06-15T11:02:00') },
    ]);
    assert.deepEqual(figureRevisions([first], current, 'chat_total'), []);
    assert.deepEqual(revisedMetrics([first], current), ['msg_total']);
    assert.deepEqual(revisedMetrics(undefined, current), []);
  });

  test('two revisions chain oldest first; an absent earlier value has no number', () => {
    const absent: Revision = {
      fetchedAt: cst('2026-06-15T02:00:00'),
      replacedAt: cst('2026-06-15T09:05:00'),
      absent: true,
    };
    assert.deepEqual(figureRevisions([absent, first], current, 'msg_total'), [
      { from: undefined, to: 1203, at: cst('2026-06-15T09:05:00') },
      { from: 1203, to: 1210, at: cst('2026-06-15T11:02:00') },
    ]);
    assert.deepEqual(figureRevisions([absent, first], current, 'chat_total'), [
      { from: undefined, to: 40, at: cst('2026-06-15T09:05:00') },
    ]);
  });

  test('a sync time is HH:MM CST today, with the day otherwise (either side of midnight CST)', () => {
    const synced = cst('2026-06-15T23:58:00');
    assert.deepEqual(cstMoment(synced, cst('2026-06-15T23:59:00')), { time: '23:58' });
    assert.deepEqual(cstMoment(synced, cst('2026-06-16T00:01:00')), { time: '23:58', day: '2026-06-15' });
    // 10:42 CST is 02:42 UTC: the day and time are CST whatever the machine's zone.
    assert.deepEqual(cstMoment(cst('2026-06-16T10:42:00'), cst('2026-06-16T09:59:00')), { time: '10:42' });
  });
});
