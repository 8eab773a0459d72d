#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * `npm run demo`: the product on generated data, in a real VS Code in your browser.
 * Builds and packages the .vsix, installs code-server (cached), installs the .vsix into
 * .vscode-test/demo/, and starts code-server on 127.0.0.1 with WECOM_GROUP_STATS_DEMO=1 (the
 * extension then serves built-in demo data: no corp, no secret, no network). Runs until Ctrl-C.
 *
 * Usage: [PORT=8080] node scripts/demo.js [--no-build]
 *   --no-build  reuse wecom-group-stats.vsix from the last build
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const cs = require('./code-server');

const ROOT = cs.ROOT;
const VSIX = path.join(ROOT, 'wecom-group-stats.vsix');
const DEMO_DIR = path.join(ROOT, '.vscode-test', 'demo');

/** @param {string} message */
function log(message) {
  console.log(`[demo] ${message}`);
}

async function choosePort() {
  const wanted = Number(process.env.PORT || 8080);
  if (Number.isInteger(wanted) && wanted > 0 && (await cs.isPortFree(wanted))) {
    return wanted;
  }
  const port = await cs.freePort();
  log(`port ${wanted} is busy, using ${port}`);
  return port;
}

async function main() {
  const build = !process.argv.includes('--no-build');
  if (build || !fs.existsSync(VSIX)) {
    log('building and packaging the extension (npm run package)…');
    const packaged = spawnSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: 'inherit' });
    if (packaged.status !== 0) {
      throw new Error(`npm run package failed (exit ${packaged.status})`);
    }
  }
  cs.ensureCodeServer();
  log(`installing ${path.basename(VSIX)} into ${path.relative(ROOT, DEMO_DIR)}/`);
  cs.installVsix(DEMO_DIR, VSIX);

  const port = await choosePort();
  const server = await cs.startCodeServer({ dir: DEMO_DIR, port, env: { WECOM_GROUP_STATS_DEMO: '1' } });
  const url = cs.workbenchUrl(server, { folder: ROOT });
  console.log('');
  log('WeCom Group Stats is running on demo data. Open this URL in your browser:');
  console.log(`\n    ${url}\n`);
  log('then click the WeCom icon in the activity bar. (Remote machine? Forward the port first,');
  log(
    `e.g. ssh -L ${port}:127.0.0.1:${port} host.) code-server's log: ${path.relative(ROOT, server.logFile)}`,
  );
  log('Press Ctrl-C to stop.');

  const stopped = new Promise((resolve) => {
    process.once('SIGINT', () => resolve('signal'));
    process.once('SIGTERM', () => resolve('signal'));
  });
  const reason = await Promise.race([stopped, server.exited.then(() => 'exited')]);
  if (reason === 'exited') {
    log(`code-server stopped on its own; see ${server.logFile}`);
    return 1;
  }
  log('stopping code-server…');
  await server.stop();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error('[demo] failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
