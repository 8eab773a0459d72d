#!/usr/bin/env node
// @ts-check
// `vscode:prepublish`: `vsce package` always ships a production build. The test runners that
// have just built dist/ themselves (`npm test`, `--no-build`) set WECOM_PREBUILT=1 to skip the
// second identical build; anyone else packaging gets a fresh one.
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
if (process.env.WECOM_PREBUILT === '1' && fs.existsSync(path.join(root, 'dist', 'extension.js'))) {
  console.log('prepublish: dist/ was just built (WECOM_PREBUILT=1), packaging it as it is');
  process.exit(0);
}
const built = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
process.exit(built.status ?? 1);
