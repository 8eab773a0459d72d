#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Bundle benchmark: the size of what users install and how long the extension takes to load.
 * - sizes: dist/extension.js, the lazily loaded chunks, dist/webview/main.js (raw and gzip -9),
 *   and the packaged .vsix when one exists;
 * - load: `require('dist/extension.js')` in a fresh Node process with a stand-in `vscode` module,
 *   fastest of 5 runs; then `activate` with a stand-in context, fastest of the same 5 runs.
 * Targets (issue 9): extension.js ≤ 200 KB, webview ≤ 300 KB, require ≤ 25 ms, activate ≤ 10 ms.
 * Prints figures only; no test asserts a timing.
 *
 * Usage: node scripts/bench-bundle.js   (build first: npm run build)
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const RUNS = 5;

/** @param {number} bytes */
function kb(bytes) {
  return `${(bytes / 1000).toFixed(1)} KB`;
}

/** @param {string} file */
function sizeLine(file) {
  const data = fs.readFileSync(file);
  const gz = zlib.gzipSync(data, { level: 9 }).length;
  return `${path.relative(ROOT, file)}: ${kb(data.length)} raw, ${kb(gz)} gzip -9`;
}

/**
 * Runs in the child: a `vscode` stand-in where every property is a callable, constructible stub
 * (so `activate` can wire its services), then times require and activate.
 */
const CHILD = String.raw`
const Module = require('node:module');
const { performance } = require('node:perf_hooks');
function stub() {
  const fn = function () {};
  return new Proxy(fn, {
    get(target, key) {
      if (key === 'then') return undefined; // not a promise
      if (key === 'prototype') return target.prototype;
      if (key === Symbol.toPrimitive) return () => '';
      if (key === Symbol.iterator) return function* () {};
      return stub();
    },
    set: () => true,
    defineProperty: () => true,
    apply: () => stub(),
    construct: () => stub(),
  });
}
const vscode = stub();
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode };
const started = performance.now();
const ext = require(process.argv[1]);
const required = performance.now() - started;
const memento = { get: () => undefined, update: async () => undefined, keys: () => [], setKeysForSync() {} };
const context = {
  subscriptions: [], extensionUri: stub(), extensionPath: process.cwd(), extensionMode: 1,
  globalState: memento, workspaceState: memento, secrets: stub(),
  globalStorageUri: { fsPath: require('node:path').join(require('node:os').tmpdir(), 'wecom-bench-storage') },
  extension: { id: 'bench', packageJSON: { version: '0' } }, environmentVariableCollection: stub(),
};
const before = performance.now();
try { ext.activate(context); } catch (err) { console.error('activate threw: ' + err.message); }
const activated = performance.now() - before;
console.log(JSON.stringify({ required, activated }));
setTimeout(() => process.exit(0), 0);
`;

function main() {
  const extension = path.join(DIST, 'extension.js');
  const webview = path.join(DIST, 'webview', 'main.js');
  if (!fs.existsSync(extension) || !fs.existsSync(webview)) {
    console.error('Build first: npm run build');
    process.exit(2);
  }
  console.log('=== Bundles');
  console.log(sizeLine(extension) + '   (target ≤ 200 KB)');
  const chunks = path.join(DIST, 'chunks');
  for (const name of fs.existsSync(chunks) ? fs.readdirSync(chunks).filter((n) => n.endsWith('.js')) : []) {
    console.log(sizeLine(path.join(chunks, name)) + '   (loaded only when needed)');
  }
  console.log(sizeLine(webview) + '   (target ≤ 300 KB)');
  const vsix = path.join(ROOT, 'wecom-group-stats.vsix');
  if (fs.existsSync(vsix)) {
    console.log(`wecom-group-stats.vsix: ${kb(fs.statSync(vsix).size)}`);
  } else {
    console.log('wecom-group-stats.vsix: not built (npm run package)');
  }

  /** @type {{ required: number, activated: number }[]} */
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const child = spawnSync(process.execPath, ['-e', CHILD, extension], { cwd: ROOT, encoding: 'utf8' });
    const line = child.stdout.trim().split('\n').pop() ?? '';
    if (child.status !== 0 || !line.startsWith('{')) {
      console.error(`load run failed (exit ${child.status}):\n${child.stderr}`);
      process.exit(1);
    }
    if (child.stderr.trim()) {
      console.error(child.stderr.trim());
    }
    runs.push(JSON.parse(line));
  }
  const fastest = (/** @type {'required' | 'activated'} */ key) => Math.min(...runs.map((r) => r[key]));
  console.log(`\n=== Loading dist/extension.js (fastest of ${RUNS} fresh processes, stand-in vscode)`);
  console.log(`require: ${fastest('required').toFixed(1)} ms   (target ≤ 25 ms)`);
  console.log(`activate: ${fastest('activated').toFixed(1)} ms   (target ≤ 10 ms)`);
}

main();
