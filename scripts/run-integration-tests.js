#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Runs the mocha suite in out/test/integration inside a real VS Code extension host:
 * an isolated code-server opened by headless Chromium with the extension-test payload.
 * Exits with the suite's exit code (0 pass, 1 fail), 124 on timeout, 2 on a setup error.
 *
 * Usage: node scripts/run-integration-tests.js [--extension DIR] [--tests MODULE] [--folder DIR]
 *          [--setting key=JSON]... [--env KEY=VALUE]... [--grep TEXT] [--timeout SECONDS] [--keep]
 * Defaults: extension = repo root (dist/extension.js), tests = out/test/integration/index,
 * folder = a fresh empty temp folder, timeout 300 s (the host runs in ExtensionMode.Test).
 * Build first: `npm run build && npm run compile-tests` (`npm test` does that).
 */
const fs = require('fs');
const path = require('path');
const util = require('util');
const cs = require('./code-server');

const started = Date.now();

/** `key=value` of --setting and --env. @param {string} flag @param {string} text */
function keyValue(flag, text) {
  const eq = text.indexOf('=');
  if (eq <= 0) {
    throw new Error(`${flag} expects key=value, got ${text}`);
  }
  return [text.slice(0, eq), text.slice(eq + 1)];
}

/** @param {string[]} args */
function parseArgs(args) {
  const { values } = util.parseArgs({
    args,
    strict: true,
    options: {
      extension: { type: 'string', default: cs.ROOT },
      tests: { type: 'string', default: path.join(cs.ROOT, 'out', 'test', 'integration', 'index') },
      folder: { type: 'string', default: '' },
      setting: { type: 'string', multiple: true, default: [] },
      env: { type: 'string', multiple: true, default: [] },
      grep: { type: 'string' },
      timeout: { type: 'string', default: '300' },
      keep: { type: 'boolean', default: false },
    },
  });
  /** @type {Record<string, string>} */
  /** @type {Record<string, string>} */
  const env = {};
  for (const text of values.env) {
    const [key, val] = keyValue('--env', text);
    env[key] = val;
  }
  if (values.grep !== undefined) {
    env.WECOM_TEST_GREP = values.grep;
  }
  /** @type {Record<string, unknown>} */
  const settings = {};
  for (const text of values.setting) {
    const [key, json] = keyValue('--setting', text);
    settings[key] = JSON.parse(json);
  }
  const timeoutSeconds = Number(values.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
    throw new Error(`--timeout expects seconds, got ${values.timeout}`);
  }
  return {
    extension: path.resolve(values.extension),
    tests: path.resolve(values.tests),
    folder: values.folder ? path.resolve(values.folder) : '',
    settings,
    env,
    timeoutSeconds,
    keep: values.keep,
  };
}

/** Workbench lines that say nothing about the extension under test. */
const NOISE = [
  /open-vsx|ENOTFOUND|getaddrinfo/i,
  /Extension Host\] (Error: )?No extension gallery service configured/,
  /\[Service Worker\]|service worker/i,
  /vscode-remote-resource|Failed to load resource/,
  /Ignoring the error while validating workspace folder/,
  /^Resolv(ing|ed) connection token|^Creating a socket|^Updating additional builtin extensions cache/,
  /^ChatSessionStore:/,
];

/** @param {unknown} args */
function formatLogArgs(args) {
  // The extension host forwards console arguments unformatted: apply printf-style formatting here.
  return Array.isArray(args) ? util.format(...args) : String(args);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const testsModule = options.tests.endsWith('.js') ? options.tests : `${options.tests}.js`;
  const manifest = path.join(options.extension, 'package.json');
  for (const needed of [testsModule, manifest]) {
    if (!fs.existsSync(needed)) {
      console.error(`missing ${needed}: run \`npm run build && npm run compile-tests\` first`);
      return 2;
    }
  }
  const mainFile = JSON.parse(fs.readFileSync(manifest, 'utf8')).main;
  if (mainFile && !fs.existsSync(path.join(options.extension, mainFile))) {
    console.error(`missing ${mainFile} of ${options.extension}: run \`npm run build\` first`);
    return 2;
  }

  cs.ensureCodeServer();
  const tmp = cs.makeTempDir('wecom-integration-');
  const folder = options.folder || path.join(tmp, 'workspace');
  fs.mkdirSync(folder, { recursive: true });

  /** @type {import('./code-server').CodeServer | undefined} */
  let server;
  /** @type {import('playwright-core').BrowserContext | undefined} */
  let browser;
  let cleanedUp = false;
  const cleanup = async () => {
    if (cleanedUp) {
      return;
    }
    cleanedUp = true;
    await browser?.close().catch(() => undefined);
    await server?.stop();
    if (!options.keep) {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  };
  const onSignal = () => void cleanup().then(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    server = await cs.startCodeServer({
      dir: path.join(tmp, 'server'),
      settings: options.settings,
      env: options.env,
    });
    console.log(`[integration] code-server ready on ${server.url} after ${Date.now() - started} ms`);
    browser = await cs.launchChromium(path.join(tmp, 'chromium-profile'));
    const page = browser.pages()[0] || (await browser.newPage());

    /** @type {(code: number) => void} */
    let finish = () => undefined;
    const exitCode = new Promise((resolve) => (finish = resolve));
    await page.exposeFunction(
      'codeAutomationLog',
      (/** @type {string} */ level, /** @type {unknown} */ args) => {
        const line = formatLogArgs(args);
        if (NOISE.some((pattern) => pattern.test(line))) {
          return;
        }
        (level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
      },
    );
    await page.exposeFunction('codeAutomationExit', (/** @type {number} */ code) => finish(code));
    // Errors of the page itself (not the extension host) only matter when a run hangs or fails.
    /** @type {string[]} */
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));

    const url = cs.workbenchUrl(server, {
      folder,
      extensionDevelopmentPath: options.extension,
      extensionTestsPath: options.tests.replace(/\.js$/, ''),
    });
    await page.goto(url);

    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => resolve('timeout'), options.timeoutSeconds * 1000);
      timer.unref();
    });
    const outcome = await Promise.race([exitCode, timeout]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      console.error(`[integration] timed out after ${options.timeoutSeconds} s`);
      fs.mkdirSync(path.join(cs.ROOT, 'test-results', 'screenshots'), { recursive: true });
      await page
        .screenshot({ path: path.join(cs.ROOT, 'test-results', 'screenshots', 'integration-timeout.png') })
        .catch(() => undefined);
      dumpDiagnostics(server, pageErrors);
      return 124;
    }
    const code = Number(outcome);
    // 1 is an ordinary test failure (mocha printed why); anything else means the host broke.
    if (code !== 0 && code !== 1) {
      dumpDiagnostics(server, pageErrors);
    }
    console.log(`[integration] exit code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return code;
  } finally {
    await cleanup();
  }
}

/** @param {import('./code-server').CodeServer} server @param {string[]} pageErrors */
function dumpDiagnostics(server, pageErrors) {
  if (pageErrors.length > 0) {
    console.error(`[integration] page errors:\n  ${pageErrors.join('\n  ')}`);
  }
  if (fs.existsSync(server.logFile)) {
    const lines = fs.readFileSync(server.logFile, 'utf8').split('\n');
    console.error(`[integration] last lines of code-server's log:\n${lines.slice(-40).join('\n')}`);
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error('[integration] setup failed:', error);
    process.exit(2);
  },
);
