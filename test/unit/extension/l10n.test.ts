/**
 * Every user-facing string of the extension host has a Simplified Chinese translation: runtime
 * strings (`vscode.l10n.t` literals → l10n/bundle.l10n.zh-cn.json) and manifest strings
 * (`%key%` in package.json → package.nls.json and package.nls.zh-cn.json), with the same
 * placeholders. The chart feature's files are checked by the chart's own tests.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

function readJson(file: string): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, string>;
}

function hostSourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.startsWith(`chart${path.sep}`))
    .map((file) => path.join(dir, file));
}

/** The first argument of every `l10n.t(...)` call that is a string literal. */
function runtimeMessages(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.expression.getText(source).endsWith('l10n.t')) {
      const first = node.arguments[0];
      assert.ok(first && ts.isStringLiteralLike(first), `${file}: l10n.t needs a literal message`);
      found.push(first.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function placeholders(text: string): string[] {
  return [...new Set(text.match(/\{\d+\}/g) ?? [])].sort();
}

suite('translations of the extension host', () => {
  test('every runtime message has a zh-cn translation with the same placeholders', () => {
    const bundle = readJson('l10n/bundle.l10n.zh-cn.json');
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
