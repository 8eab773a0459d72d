import * as assert from 'node:assert/strict';
import { cardsFor } from '../../../src/webview/cardsModel';
import { inferredTexts } from '../../../src/webview/inferredModel';
import { emptyStats, type GroupChatStats } from '../../../src/shared/metrics';
import type { ByDayData } from '../../../src/shared/protocol';

const numberFormat = new Intl.NumberFormat('en');

function stats(values: Partial<GroupChatStats>): GroupChatStats {
  return { ...emptyStats(), ...values };
}

/** Three days: the range starts on the first, so the changes are measured from it. */
function data(total: (GroupChatStats | null)[]): ByDayData {
  const days = ['2026-11-26', '2026-11-27', '2026-11-28'];
  return { from: days[0], to: days[2], days, total, missingDays: [] } as unknown as ByDayData;
}

suite('webview/inferredModel: the inferred figures under the cards', () => {
  test('hand-computed: flows summed and as-of changes over the same days after the first', () => {
    const view = cardsFor(
      data([
        stats({ new_member_cnt: 99, member_total: 480, new_chat_cnt: 9, chat_total: 35 }),
        stats({ new_member_cnt: 10, member_total: 490, new_chat_cnt: 1, chat_total: 38 }),
        stats({
          new_member_cnt: 20,
          member_total: 500,
          new_chat_cnt: 1,
          chat_total: 40,
          chat_has_msg: 10,
          member_has_msg: 400,
          msg_total: 1000,
        }),
      ]),
      'day',
    );
    assert.ok(view);
    assert.equal(view.derivation.from, '2026-11-27');
    const byKey = new Map(inferredTexts(view, 'en', numberFormat).map((t) => [t.key, t]));
    // 30 joined on the 27th and 28th, the total grew by 20 since the 26th: about 10 left.
    assert.equal(byKey.get('members_left')?.value, '10');
    assert.equal(byKey.get('members_left')?.formula, 'new_member_cnt − Δ member_total');
    assert.equal(byKey.get('members_left')?.negative, false);
    // 2 created, the total grew by 5: −3, shown as it is, with the note.
    assert.equal(byKey.get('groups_dissolved')?.value, '-3');
    assert.equal(byKey.get('groups_dissolved')?.negative, true);
    assert.match(byKey.get('groups_dissolved')?.note ?? '', /revised/);
    assert.equal(byKey.get('active_group_share')?.value, '25%');
    assert.equal(byKey.get('messages_per_active_member')?.value, '2.5');
    assert.match(byKey.get('members_left')?.label ?? '', /\(inferred\)$/);
  });

  test('one day with figures: no base day, so no flows or changes; ratios only; Chinese labels', () => {
    const view = cardsFor(
      data([null, null, stats({ new_member_cnt: 5, member_total: 50, chat_total: 0 })]),
      'day',
    );
    assert.ok(view);
    assert.equal(view.derivation.from, undefined);
    const byKey = new Map(inferredTexts(view, 'zh', numberFormat).map((t) => [t.key, t]));
    assert.equal(byKey.get('members_left')?.value, '—');
    assert.equal(byKey.get('members_left')?.label, '退群人数（推算）');
    // A share of no groups is unknown, not 0%.
    assert.equal(byKey.get('active_group_share')?.value, '—');
  });
});
