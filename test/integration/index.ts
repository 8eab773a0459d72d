/**
 * Entry point the extension host loads as `extensionTestsPath` (code-server route and
 * `@vscode/test-electron` alike): runs every out/test/integration/**\/*.test.js with mocha (TDD UI).
 * Rejecting tells the workbench to exit with code 1; so does a run where no test ran at all,
 * because CI only reads the exit code.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import Mocha from 'mocha';

/** Every *.test.js below `dir`, sorted so the order is stable between runs. */
function findTestFiles(dir: string): string[] {
  const entries = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' });
  return entries
    .filter((entry) => entry.endsWith('.test.js'))
    .map((entry) => path.join(dir, entry))
    .sort();
}

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
  const files = findTestFiles(testsRoot);
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
