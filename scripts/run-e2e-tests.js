#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * End-to-end tests: packages the extension as a .vsix (what users install), checks what goes
 * into it, then runs mocha (Node, TDD UI) over out/test/e2e/**\/*.test.js. Those tests use
 * test/e2e/harness.ts, which installs the .vsix into an isolated code-server and drives it
 * with headless Chromium. Screenshots land in test-results/screenshots/.
 *
 * Usage: node scripts/run-e2e-tests.js [--no-build] [--vsix FILE] [--tests DIR] [--grep TEXT]
 *                                     [--clock TIME]
 *   --no-build  package without rebuilding dist/ (npm test has just built it)
 *   --vsix      use this .vsix instead of packaging one
 *   --tests     folder of compiled *.test.js files (default out/test/e2e)
 *   --clock     run as if it were TIME (ISO, e.g. 2026-11-29T23:30:00+08:00, or HH:MM[:SS] for
 *               that time of today in China Standard Time): the tests, the fake
 *               WeCom server, code-server and its extension host see the clock shifted by the same
 *               offset (scripts/shift-clock.js), and it runs on from there; the browser keeps the
 *               real clock (the webview takes the host's time from its init)
 * Exit code: mocha's (non-zero on any failure, and when no test ran), 2 on a setup error.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const cs = require('./code-server');
const util = require('node:util');

const ROOT = cs.ROOT;
const DEFAULT_VSIX = path.join(ROOT, 'wecom-group-stats.vsix');

/** What a .vsix may contain: the bundles (no source maps), media, translations, manifest files and docs. */
const ALLOWED_IN_VSIX = [
  /^dist\//,
  /^media\//,
  /^l10n\//,
  /^package(\.nls(\.[\w-]+)?)?\.json$/,
  /^README\.md$/i,
  /^LICENSE(\.(md|txt))?$/i,
];

/** @param {string[]} args */
function parseArgs(args) {
  const { values } = util.parseArgs({
    args,
    strict: true,
    options: {
      'no-build': { type: 'boolean', default: false },
      vsix: { type: 'string', default: '' },
      tests: { type: 'string', default: path.join(ROOT, 'out', 'test', 'e2e') },
      grep: { type: 'string', default: '' },
      clock: { type: 'string', default: '' },
    },
  });
  const clock = values.clock ? parseClock(values.clock) : undefined;
  if (clock !== undefined && !Number.isFinite(clock)) {
    throw new Error(
      `--clock ${values.clock}: not a time; give an ISO time such as 2026-11-29T23:30:00+08:00, or HH:MM for a time of today in CST`,
    );
  }
  return {
    build: !values['no-build'],
    vsix: values.vsix ? path.resolve(values.vsix) : '',
    tests: path.resolve(values.tests),
    grep: values.grep,
    clock,
  };
}

/**
 * An ISO time, or `HH:MM[:SS]`: that time of today's CST date (UTC+8, no daylight saving).
 * @param {string} text
 * @returns {number} ms since epoch (NaN when unreadable)
 */
function parseClock(text) {
  const time = /^(\d\d):(\d\d)(?::(\d\d))?$/.exec(text);
  if (!time) {
    return Date.parse(text);
  }
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  return Date.parse(`${today}T${time[1]}:${time[2]}:${time[3] ?? '00'}+08:00`);
}

/**
 * The environment that shifts every Node process started from it to `clock` (scripts/shift-clock.js
 * through NODE_OPTIONS; a relative offset, so processes started later agree).
 * @param {number} clock ms since epoch
 */
function shiftedClock(clock) {
  const offset = clock - Date.now();
  console.log(
    `[e2e] clock shifted by ${Math.round(offset / 1000)} s: it is now ${new Date(clock).toISOString()} for the tests`,
  );
  const preload = `--require ${JSON.stringify(path.join(__dirname, 'shift-clock.js'))}`;
  return {
    NODE_OPTIONS: [process.env.NODE_OPTIONS, preload].filter(Boolean).join(' '),
    WECOM_E2E_CLOCK_OFFSET_MS: String(offset),
  };
}

/** @param {string} command @param {string[]} args @param {import('child_process').SpawnSyncOptions} [extra] */
function run(command, args, extra = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...extra });
  if (result.error) {
    throw result.error;
  }
  return result.status === null ? 1 : result.status;
}

/** @param {boolean} build */
function packageVsix(build) {
  const started = Date.now();
  const vsce = path.join(ROOT, 'node_modules', '.bin', 'vsce');
  // vsce runs `vscode:prepublish` (a production build); with --no-build, dist/ is already that.
  const status = run(vsce, ['package', '--no-dependencies', '--out', DEFAULT_VSIX], {
    env: { ...process.env, WECOM_PREBUILT: build ? '' : '1' },
  });
  if (status !== 0 || !fs.existsSync(DEFAULT_VSIX)) {
    throw new Error(`packaging the .vsix failed (exit ${status})`);
  }
  // `vsce ls` prints the files vsce would put into the package, one per line.
  const listed = spawnSync(vsce, ['ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
  if (listed.status !== 0) {
    throw new Error(`vsce ls failed:\n${listed.stderr}`);
  }
  const files = listed.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const unexpected = files.filter(
    (file) => file.endsWith('.map') || !ALLOWED_IN_VSIX.some((pattern) => pattern.test(file)),
  );
  if (unexpected.length > 0) {
    throw new Error(
      `the .vsix would contain files it should not (fix .vscodeignore):\n  ${unexpected.join('\n  ')}`,
    );
  }
  if (!files.includes('dist/extension.js')) {
    throw new Error('the .vsix lacks dist/extension.js');
  }
  const size = (fs.statSync(DEFAULT_VSIX).size / 1024).toFixed(0);
  console.log(
    `[e2e] packaged ${path.basename(DEFAULT_VSIX)}: ${files.length} files, ${size} KiB, ${Date.now() - started} ms`,
  );
  return DEFAULT_VSIX;
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(options.tests)) {
    console.error(`[e2e] no ${options.tests}: run \`npm run compile-tests\` first`);
    return 1;
  }
  cs.ensureCodeServer();
  const vsix = options.vsix || packageVsix(options.build);
  fs.mkdirSync(path.join(ROOT, 'test-results', 'screenshots'), { recursive: true });

  const mochaArgs = [
    path.join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js'),
    '--ui',
    'tdd',
    '--timeout',
    '60000',
    '--fail-zero',
    // A leaked handle (a browser that did not close) must not hang CI.
    '--exit',
    ...(options.grep ? ['--grep', options.grep] : []),
    // Mocha expands the glob (and --fail-zero fails a run that found no test).
    path.join(options.tests, '**', '*.test.js'),
  ];
  const started = Date.now();
  const clock = options.clock === undefined ? {} : shiftedClock(options.clock);
  const status = run(process.execPath, mochaArgs, {
    env: { ...process.env, ...clock, WECOM_E2E_VSIX: vsix },
  });
  console.log(`[e2e] mocha exit code ${status} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return status;
}

try {
  process.exit(main());
} catch (error) {
  console.error('[e2e] setup failed:', error instanceof Error ? error.message : error);
  process.exit(2);
}
