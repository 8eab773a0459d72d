/**
 * Runs the integration suite (out/test/integration) in desktop VS Code through
 * `@vscode/test-electron`, which downloads VS Code first: it needs internet
 * (`npm run test:desktop`). CI and offline machines use the code-server route instead
 * (`npm run test:integration`); both load the same test index.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  // out/test/runDesktopTests.js → the repository root is two levels up.
  const extensionDevelopmentPath = path.resolve(__dirname, '..', '..');
  const extensionTestsPath = path.resolve(__dirname, 'integration', 'index');
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'wecom-desktop-'));
  try {
    await runTests({
      version: process.env.VSCODE_TEST_VERSION ?? 'stable',
      extensionDevelopmentPath,
      extensionTestsPath,
      // Only this extension, a throwaway folder, no first-run UI.
      launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error('Desktop integration tests failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
