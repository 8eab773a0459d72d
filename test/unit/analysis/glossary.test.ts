import * as assert from 'node:assert/strict';
import { AS_OF_KEYS, FLOW_KEYS, glossary, glossaryEntry, glossaryLines } from '../../../src/shared/glossary';
import { METRIC_KEYS, METRICS } from '../../../src/shared/metrics';

suite('glossary of the eight figures', () => {
  test('every figure, in order, with names from METRICS and a definition from the doc', () => {
    const entries = glossary();
    assert.deepEqual(
      entries.map((e) => e.key),
      [...METRIC_KEYS],
    );
    for (const e of entries) {
      assert.equal(e.label, METRICS[e.key].label);
      assert.ok(e.definition.en.length > 0 && e.definition.zh.length > 0);
    }
    assert.equal(glossaryEntry('chat_total').definition.zh, '截至当天客户群总数量');
  });

  test('two flows, six as-of figures; the undocumented ones carry a note', () => {
    assert.deepEqual(FLOW_KEYS, ['new_chat_cnt', 'new_member_cnt']);
    assert.equal(AS_OF_KEYS.length, 6);
    for (const key of ['chat_has_msg', 'member_has_msg', 'msg_total'] as const) {
      assert.equal(glossaryEntry(key).kind, 'as-of');
      assert.ok(glossaryEntry(key).note?.en.includes('running total'));
    }
    assert.equal(glossaryEntry('chat_total').note, undefined);
  });

  test('help lines name each figure once', () => {
    const lines = glossaryLines();
    assert.equal(lines.length, 8);
    assert.match(lines[0], /new_chat_cnt\s+flow\s+New groups \(新增客户群数\)/);
  });
});
