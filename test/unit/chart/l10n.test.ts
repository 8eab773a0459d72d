/**
 * Every user-facing string of the chart host (src/extension/chart) has a Simplified Chinese
 * translation in l10n/bundle.l10n.zh-cn.json, with the same placeholders (`{0}`, `{n}`, …): the
 * webview's labels come from these too.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const CHART_DIR = path.join(ROOT, 'src', 'extension', 'chart');

function messagesIn(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    // `vscode.l10n.t(…)`, or `t(…)` where labels.ts aliases it.
    const callee = ts.isCallExpression(node) ? node.expression.getText(source) : '';
    if (ts.isCallExpression(node) && (callee === 't' || callee.endsWith('l10n.t'))) {
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
  return [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();
}

suite('chart/translations', () => {
  test('every chart message has a zh-cn translation with the same placeholders', () => {
    const bundle = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'),
    ) as Record<string, string>;
    const files = fs.readdirSync(CHART_DIR).filter((f) => f.endsWith('.ts'));
    const messages = files.flatMap((f) => messagesIn(path.join(CHART_DIR, f)));
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
