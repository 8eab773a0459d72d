/**
 * Every user-facing string of the chart host (src/extension/chart) has a Simplified Chinese
 * translation in l10n/bundle.l10n.zh-cn.json, with the same placeholders (`{0}`, `{n}`, …): the
 * webview's labels come from these too.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { placeholders, ROOT, runtimeMessages, zhCnBundle } from '../support/l10n';

const CHART_DIR = path.join(ROOT, 'src', 'extension', 'chart');

suite('chart/translations', () => {
  test('every chart message has a zh-cn translation with the same placeholders', () => {
    const bundle = zhCnBundle();
    const files = fs.readdirSync(CHART_DIR).filter((f) => f.endsWith('.ts'));
    const messages = files.flatMap((f) => runtimeMessages(path.join(CHART_DIR, f)));
    assert.ok(messages.length > 30, `found only ${messages.length} messages`);
    assert.ok(messages.includes('Last {n} days'));
    assert.deepStrictEqual(
      messages.filter((m) => !(m in bundle)),
      [],
    );
    for (const message of messages) {
      assert.deepStrictEqual(placeholders(bundle[message]), placeholders(message), message);
      assert.match(bundle[message], /[\u4e00-\u9fff]/, `${message} is translated`);
    }
  });
});
