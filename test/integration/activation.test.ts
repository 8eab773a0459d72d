/**
 * Smoke test inside a real extension host: the extension is there, activates, and registers
 * every command its manifest declares (a declared but unregistered command fails when clicked).
 */
import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'wecom-group-stats.wecom-group-stats';

interface ManifestCommands {
  readonly contributes?: { readonly commands?: ReadonlyArray<{ readonly command: string }> };
}

function getExtension(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed in this host`);
  return extension;
}

suite('Activation', () => {
  test('the extension is present and activates', async () => {
    const extension = getExtension();
    await extension.activate();
    assert.strictEqual(extension.isActive, true);
  });

  test('every command in contributes.commands is registered', async () => {
    const extension = getExtension();
    await extension.activate();
    const manifest = extension.packageJSON as ManifestCommands;
    const declared = (manifest.contributes?.commands ?? []).map((entry) => entry.command);
    assert.ok(declared.length > 0, 'package.json declares no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((command) => !registered.has(command));
    assert.deepStrictEqual(missing, [], `declared but not registered: ${missing.join(', ')}`);
  });
});
