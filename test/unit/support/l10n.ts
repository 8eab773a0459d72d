/**
 * What the translation completeness tests share: the runtime messages a source file passes to
 * `l10n.t`, their placeholders, and the zh-cn bundle they must all be in.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/** The repository root (tests run from out/test/unit/…). */
export const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

export function readJson(file: string): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, string>;
}

/** The zh-cn runtime bundle (`vscode.l10n.t` message → translation). */
export function zhCnBundle(): Record<string, string> {
  return readJson('l10n/bundle.l10n.zh-cn.json');
}

/** The first argument of every `vscode.l10n.t(…)` call, or `t(…)` where a file aliases it; must be a literal. */
export function runtimeMessages(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
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

/** The distinct `{0}` / `{name}` placeholders of a message, sorted. */
export function placeholders(text: string): string[] {
  return [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();
}
