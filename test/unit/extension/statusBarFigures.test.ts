/** The status bar's pure parts: the setting's choice and the day-over-day change. */
import * as assert from 'node:assert/strict';
import { emptyStats } from '../../../src/shared/metrics';
import {
  dayChange,
  parseStatusBarChoice,
  signedNumber,
} from '../../../src/extension/statusBar/summaryFigures';

suite('status bar figures', () => {
  test('the setting picks a figure or hides the item; anything else is the default', () => {
    assert.equal(parseStatusBarChoice('msg_total'), 'msg_total');
    assert.equal(parseStatusBarChoice('hidden'), 'hidden');
    assert.equal(parseStatusBarChoice('nonsense'), 'chat_total');
    assert.equal(parseStatusBarChoice(undefined), 'chat_total');
  });

  test('the change needs the day before; signs are +, − and ±', () => {
    const today = { ...emptyStats(), chat_total: 650, msg_total: 900 };
    const before = { ...emptyStats(), chat_total: 640, msg_total: 1_200 };
    assert.equal(dayChange(today, undefined, 'chat_total'), undefined);
    assert.equal(dayChange(today, before, 'chat_total'), 10);
    const format = (n: number) => n.toLocaleString('en-US');
    assert.equal(signedNumber(dayChange(today, before, 'msg_total') ?? 0, format), '−300');
    assert.equal(signedNumber(12_345, format), '+12,345');
    assert.equal(signedNumber(0, format), '±0');
  });
});
