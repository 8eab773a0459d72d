#!/usr/bin/env node
// Runs the compiled unit tests (out/test/unit) once per time zone: WeCom days are CST whatever
// the machine's zone, so the suite must pass in a zone behind UTC, in CST itself, and at UTC+14.
// Fails when any run fails or finds no tests. Run `npm run compile-tests` first.
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const zones = ['America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati'];
const spec = 'out/test/unit/**/*.test.js';
const mocha = require.resolve('mocha/bin/mocha.js', { paths: [root] });

if (!fs.existsSync(path.join(root, 'out', 'test', 'unit'))) {
  console.error('No compiled unit tests in out/test/unit: run `npm run compile-tests` first.');
  process.exit(1);
}

const failed = [];
for (const zone of zones) {
  console.log(`\n=== Unit tests with TZ=${zone} ===`);
  const result = spawnSync(
    process.execPath,
    [mocha, '--ui', 'tdd', '--forbid-only', '--fail-zero', '--timeout', '20000', '--reporter', 'spec', spec],
    { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: zone } },
  );
  if (result.error) {
    console.error(`Could not start mocha: ${result.error.message}`);
    failed.push(zone);
  } else if (result.status !== 0) {
    failed.push(zone);
  }
}

if (failed.length > 0) {
  console.error(`\nUnit tests failed with TZ=${failed.join(', TZ=')}.`);
  process.exit(1);
}
console.log(`\nUnit tests passed in all ${zones.length} time zones (${zones.join(', ')}).`);
