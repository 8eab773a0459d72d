#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Chart benchmark: (1) time from the Show by-day chart command to the webview reporting a drawn
 * chart, for 180 days × 8 owners (one line each), in a real extension host (code-server +
 * Chromium, via scripts/run-integration-tests.js running out/test/integration/chartBench);
 * (2) the size of the webview bundle dist/webview/main.js, raw and gzipped.
 *
 * Usage: node scripts/bench-chart.js [--no-host]   (build first: npm run build && npm run compile-tests)
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const ROOT = path.resolve(__dirname, '..');
const bundle = path.join(ROOT, 'dist', 'webview', 'main.js');
const benchModule = path.join(ROOT, 'out', 'test', 'integration', 'chartBench');

/** @param {number} bytes */
function kib(bytes) {
  return `${bytes} bytes (${(bytes / 1024).toFixed(1)} KiB)`;
}

if (!fs.existsSync(bundle) || !fs.existsSync(`${benchModule}.js`)) {
  console.error('Build first: npm run build && npm run compile-tests');
  process.exit(2);
}

const raw = fs.readFileSync(bundle);
const figures = [
  `webview bundle dist/webview/main.js: ${kib(raw.length)} raw, ${kib(zlib.gzipSync(raw, { level: 9 }).length)} gzip -9`,
];

let exitCode = 0;
if (!process.argv.includes('--no-host')) {
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, 'scripts', 'run-integration-tests.js'), '--tests', benchModule, '--timeout', '300'],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const lines = output.split('\n').filter((line) => line.includes('[bench-chart]'));
  if (result.status !== 0 || lines.length === 0) {
    console.error(output.split('\n').slice(-40).join('\n'));
    console.error(`The in-host benchmark failed (exit ${result.status}).`);
    exitCode = 1;
  }
  for (const line of lines) {
    figures.push(
      `command → drawn, 180 days × 8 owners, ${line.slice(line.indexOf('[bench-chart]') + 14).trim()}`,
    );
  }
}

console.log('\nChart benchmark');
for (const line of figures) {
  console.log(`  ${line}`);
}
process.exit(exitCode);
