import * as assert from 'node:assert/strict';
import {
  addStats,
  compareByFigure,
  emptyStats,
  isMetricKey,
  METRIC_KEYS,
  METRICS,
  metricLabel,
} from '../../../src/shared/metrics';
import { uiLanguage } from '../../../src/shared/i18n';

suite('shared/metrics: the eight figures', () => {
  test('eight keys, four sortable by the server with distinct order_by 1–4', () => {
    assert.equal(METRIC_KEYS.length, 8);
    const orders = METRIC_KEYS.map((k) => METRICS[k].serverOrderBy).filter((o) => o !== undefined);
    assert.deepEqual([...orders].sort(), [1, 2, 3, 4]);
    assert.equal(METRICS.new_chat_cnt.serverOrderBy, 1);
    assert.equal(METRICS.chat_total.serverOrderBy, 2);
    assert.equal(METRICS.new_member_cnt.serverOrderBy, 3);
    assert.equal(METRICS.member_total.serverOrderBy, 4);
  });

  test('only new groups and new members are flows', () => {
    const flows = METRIC_KEYS.filter((k) => METRICS[k].kind === 'flow');
    assert.deepEqual(flows, ['new_chat_cnt', 'new_member_cnt']);
  });

  test('addStats sums field by field, absent fields read 0', () => {
    const a = emptyStats();
    addStats(a, { new_chat_cnt: 1, chat_total: 2, chat_has_msg: 3, new_member_cnt: 4, member_total: 5 });
    addStats(a, { member_has_msg: 6, msg_total: 7, migrate_trainee_chat_cnt: 8, new_chat_cnt: 10 });
    assert.deepEqual(a, {
      new_chat_cnt: 11,
      chat_total: 2,
      chat_has_msg: 3,
      new_member_cnt: 4,
      member_total: 5,
      member_has_msg: 6,
      msg_total: 7,
      migrate_trainee_chat_cnt: 8,
    });
    assert.notEqual(emptyStats(), emptyStats());
  });

  test('labels in both languages and locale mapping', () => {
    for (const key of METRIC_KEYS) {
      assert.ok(metricLabel(key, 'en').length > 0);
      assert.match(metricLabel(key, 'zh'), /[\u4e00-\u9fff]/);
    }
    assert.equal(metricLabel('chat_total', 'en'), 'Total groups');
    assert.equal(uiLanguage('zh-CN'), 'zh');
    assert.equal(uiLanguage('zh-tw'), 'zh');
    assert.equal(uiLanguage('en-us'), 'en');
    assert.equal(uiLanguage(undefined), 'en');
    assert.ok(isMetricKey('msg_total'));
    assert.ok(!isMetricKey('toString'));
    assert.ok(!isMetricKey(3));
  });

  test('compareByFigure: by value in either direction, no figure last in both, 0 on a tie', () => {
    // Wrapped: Array.prototype.sort moves bare undefined to the end without asking the comparator.
    const rows = [3, undefined, 1, 2, undefined].map((figure) => ({ figure }));
    const sorted = (ascending: boolean): (number | undefined)[] =>
      [...rows].sort((a, b) => compareByFigure(a.figure, b.figure, ascending)).map((r) => r.figure);
    assert.deepEqual(sorted(true), [1, 2, 3, undefined, undefined]);
    assert.deepEqual(sorted(false), [3, 2, 1, undefined, undefined]);
    assert.equal(compareByFigure(undefined, 0, true), 1);
    assert.equal(compareByFigure(0, undefined, false), -1);
    assert.equal(compareByFigure(2, 2, true), 0);
    assert.equal(compareByFigure(undefined, undefined, false), 0);
  });
});
