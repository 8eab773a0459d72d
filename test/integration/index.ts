/**
 * Entry point the extension host loads as `extensionTestsPath` (code-server route and
 * `@vscode/test-electron` alike): runs every out/test/integration/**\/*.test.js with mocha (TDD UI).
 * Rejecting tells the workbench to exit with code 1; so does a run where no test ran at all,
 * because CI only reads the exit code.
 */
import * as path from 'path';
import * as util from 'util';
import Mocha from 'mocha';

/** Mocha's own file lookup (the one its CLI uses for a glob spec); it ships no type for it. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { lookupFiles } = require('mocha/lib/cli') as {
  lookupFiles(pattern: string, extensions: string[], recursive: boolean): string[];
};

export function run(): Promise<void> {
  // The extension host forwards console arguments without printf formatting: format them here.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(util.format(...args));
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 20_000 });
  // `run-integration-tests.js --grep TEXT` passes this through code-server's environment.
  const grep = process.env.WECOM_TEST_GREP;
  if (grep) {
    mocha.grep(grep);
  }
  const testsRoot = __dirname;
  const files = lookupFiles(path.join(testsRoot, '**', '*.test.js'), ['js'], false).sort();
  for (const file of files) {
    mocha.addFile(file);
  }
  return new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        if (failures > 0) {
          reject(new Error(`${failures} integration test(s) failed`));
        } else if (runner.stats === undefined || runner.stats.tests === 0) {
          reject(new Error(`no integration test ran (looked for *.test.js in ${testsRoot})`));
        } else {
          resolve();
        }
      });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
