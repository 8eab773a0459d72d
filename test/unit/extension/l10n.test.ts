/**
 * Every user-facing string of the extension host has a Simplified Chinese translation: runtime
 * strings (`vscode.l10n.t` literals → l10n/bundle.l10n.zh-cn.json) and manifest strings
 * (`%key%` in package.json → package.nls.json and package.nls.zh-cn.json), with the same
 * placeholders. The chart feature's files are checked by the chart's own tests.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { placeholders, readJson, ROOT, runtimeMessages, zhCnBundle } from '../support/l10n';

function hostSourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.startsWith(`chart${path.sep}`))
    .map((file) => path.join(dir, file));
}

suite('translations of the extension host', () => {
  test('every runtime message has a zh-cn translation with the same placeholders', () => {
    const bundle = zhCnBundle();
    const messages = hostSourceFiles(path.join(ROOT, 'src', 'extension')).flatMap(runtimeMessages);
    assert.ok(messages.length > 40, `found only ${messages.length} messages`);
    const missing = messages.filter((m) => !(m in bundle));
    assert.deepStrictEqual(missing, []);
    for (const message of messages) {
      assert.deepStrictEqual(placeholders(bundle[message]), placeholders(message), message);
    }
  });

  test('every %key% of package.json is in package.nls.json and package.nls.zh-cn.json', () => {
    const manifest = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const keys = [...new Set([...manifest.matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]))];
    assert.ok(keys.length > 20);
    const en = readJson('package.nls.json');
    const zh = readJson('package.nls.zh-cn.json');
    assert.deepStrictEqual(
      keys.filter((k) => !(k in en)),
      [],
    );
    assert.deepStrictEqual(
      keys.filter((k) => !(k in zh)),
      [],
    );
  });
});
