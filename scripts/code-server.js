// @ts-check
'use strict';
/**
 * Shared helpers for running the extension inside a real VS Code: code-server (VS Code's server
 * build, installed by scripts/install-code-server.sh) driven by Debian's Chromium through
 * playwright-core. Used by the integration runner, the e2e harness and the demo.
 *
 * Every instance is isolated: its own user-data, extensions, config and XDG folders under one
 * directory, a free port on 127.0.0.1, and its own process group so stopping it leaves nothing.
 */
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const CACHE_DIR = process.env.CODE_SERVER_CACHE || path.join(ROOT, '.vscode-test', 'code-server');
const ENTRY = path.join(CACHE_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Settings every instance starts with: quiet, offline, no first-run UI. */
const BASE_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'npm.autoDetect': 'off',
  'typescript.tsc.autoDetect': 'off',
  'task.autoDetect': 'off',
};

/** Chromium flags that keep a headless run offline and quiet (playwright adds --headless/--no-sandbox). */
const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Runs scripts/install-code-server.sh (fast when cached); throws when it fails. */
function ensureCodeServer() {
  const installed = fs.existsSync(ENTRY) && fs.existsSync(path.join(CACHE_DIR, '.installed-4.100.3'));
  if (installed && fs.existsSync(CHROMIUM)) {
    return;
  }
  const result = spawnSync('bash', [path.join(__dirname, 'install-code-server.sh')], { stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`scripts/install-code-server.sh failed (exit ${result.status})`);
  }
}

/** @returns {Promise<number>} a currently free TCP port on 127.0.0.1 */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** @param {number} port @returns {Promise<boolean>} whether nothing listens on that port */
function isPortFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * The folders of one isolated instance under `dir` (created when missing).
 * @param {string} dir
 */
function instanceDirs(dir) {
  const dirs = {
    root: dir,
    userData: path.join(dir, 'user-data'),
    extensions: path.join(dir, 'extensions'),
    config: path.join(dir, 'config.yaml'),
    xdgData: path.join(dir, 'xdg', 'data'),
    xdgConfig: path.join(dir, 'xdg', 'config'),
    log: path.join(dir, 'code-server.log'),
  };
  for (const folder of [dirs.userData, dirs.extensions, dirs.xdgData, dirs.xdgConfig]) {
    fs.mkdirSync(folder, { recursive: true });
  }
  return dirs;
}

/** @param {ReturnType<typeof instanceDirs>} dirs @returns {string[]} the flags that isolate an instance */
function isolationArgs(dirs) {
  return ['--config', dirs.config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

/** @param {ReturnType<typeof instanceDirs>} dirs @param {NodeJS.ProcessEnv} [env] */
function isolatedEnv(dirs, env) {
  // code-server writes to ~/.local/share/code-server whatever --user-data-dir says.
  return { ...process.env, ...env, XDG_DATA_HOME: dirs.xdgData, XDG_CONFIG_HOME: dirs.xdgConfig };
}

/**
 * Installs a .vsix into the instance's extensions folder (offline, about a second).
 * @param {string} dir instance directory
 * @param {string} vsix path of the .vsix file
 */
function installVsix(dir, vsix) {
  const dirs = instanceDirs(dir);
  writeConfig(dirs, 0);
  const result = spawnSync(
    process.execPath,
    [ENTRY, ...isolationArgs(dirs), '--install-extension', path.resolve(vsix), '--force'],
    { env: isolatedEnv(dirs), encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(`installing ${vsix} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

/** @param {ReturnType<typeof instanceDirs>} dirs @param {number} port */
function writeConfig(dirs, port) {
  fs.writeFileSync(dirs.config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
}

/**
 * @param {ReturnType<typeof instanceDirs>} dirs
 * @param {Record<string, unknown>} [settings] merged over BASE_SETTINGS
 */
function writeSettings(dirs, settings) {
  const userDir = path.join(dirs.userData, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  const merged = { ...BASE_SETTINGS, ...settings };
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify(merged, null, 2));
}

/** @param {string} url @returns {Promise<number>} the HTTP status, 0 when nothing answers */
function httpStatus(url) {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode || 0);
    });
    request.setTimeout(2000, () => request.destroy());
    request.on('error', () => resolve(0));
  });
}

/**
 * @typedef {object} StartOptions
 * @property {string} dir instance directory (created when missing)
 * @property {number} [port] default: a free port
 * @property {Record<string, unknown>} [settings] user settings merged over the quiet defaults
 * @property {NodeJS.ProcessEnv} [env] extra environment; it reaches the extension host
 * @property {number} [readyTimeoutMs] default 30 s
 *
 * @typedef {object} CodeServer
 * @property {string} url e.g. http://127.0.0.1:PORT
 * @property {number} port
 * @property {number} pid
 * @property {string} dir
 * @property {string} logFile code-server's stdout and stderr
 * @property {Promise<number | null>} exited resolves with the exit code when the process ends
 * @property {() => Promise<void>} stop kills the whole process group (TERM, then KILL)
 */

/**
 * Starts an isolated code-server and resolves once /healthz answers 200.
 * @param {StartOptions} options
 * @returns {Promise<CodeServer>}
 */
async function startCodeServer(options) {
  ensureCodeServer();
  const dirs = instanceDirs(path.resolve(options.dir));
  const port = options.port || (await freePort());
  writeConfig(dirs, port);
  writeSettings(dirs, options.settings);

  const logFd = fs.openSync(dirs.log, 'a');
  const child = spawn(
    process.execPath,
    [
      ENTRY,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      ...isolationArgs(dirs),
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
    ],
    // detached: its own process group, so stop() reaches the extension host and watchers too.
    { detached: true, stdio: ['ignore', logFd, logFd], env: isolatedEnv(dirs, options.env) },
  );
  fs.closeSync(logFd);
  const pid = /** @type {number} */ (child.pid);
  let exited = false;
  /** @type {Promise<number | null>} */
  const exitPromise = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  void exitPromise.then(() => (exited = true));
  // Last resort if the caller dies without stopping it.
  const killOnExit = () => killGroup(pid, 'SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (!killGroup(pid, 'SIGTERM')) {
      return;
    }
    const timer = new Promise((resolve) => setTimeout(resolve, 5000).unref());
    await Promise.race([exitPromise, timer]);
    killGroup(pid, 'SIGKILL');
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs || 30_000);
  while ((await httpStatus(`${url}/healthz`)) !== 200) {
    if (exited || Date.now() > deadline) {
      await stop();
      const log = fs.existsSync(dirs.log) ? fs.readFileSync(dirs.log, 'utf8') : '';
      throw new Error(
        `code-server did not become ready on ${url} (${exited ? 'it exited' : 'timeout'}):\n${log}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, port, pid, dir: dirs.root, logFile: dirs.log, exited: exitPromise, stop };
}

/** @param {number} pid @param {NodeJS.Signals} signal @returns {boolean} whether the group existed */
function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * Launches headless Debian Chromium with a fresh profile in `profileDir`.
 * @param {string} profileDir
 * @param {{ headless?: boolean, viewport?: { width: number, height: number } }} [options]
 * @returns {Promise<import('playwright-core').BrowserContext>}
 */
async function launchChromium(profileDir, options = {}) {
  const { chromium } = require('playwright-core');
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: options.headless !== false,
    args: CHROMIUM_ARGS,
    viewport: options.viewport || { width: 1400, height: 900 },
  });
}

/** @param {string} prefix @returns {string} a new empty folder under the OS temp dir */
function makeTempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * The workbench URL that opens `folder` and, optionally, runs a test module in the extension host.
 * The vscode-remote:// form is required for the payload paths: plain paths hang.
 * @param {{ url: string, port: number }} server
 * @param {{ folder?: string, extensionDevelopmentPath?: string, extensionTestsPath?: string }} target
 */
function workbenchUrl(server, target) {
  const remote = (/** @type {string} */ p) => `vscode-remote://127.0.0.1:${server.port}${path.resolve(p)}`;
  const params = new URLSearchParams();
  if (target.folder) {
    params.set('folder', path.resolve(target.folder));
  }
  /** @type {[string, string][]} */
  const payload = [];
  if (target.extensionDevelopmentPath) {
    payload.push(['extensionDevelopmentPath', remote(target.extensionDevelopmentPath)]);
  }
  if (target.extensionTestsPath) {
    payload.push(['extensionTestsPath', remote(target.extensionTestsPath)]);
  }
  if (payload.length > 0) {
    params.set('payload', JSON.stringify(payload));
  }
  return `${server.url}/?${params.toString()}`;
}

module.exports = {
  ROOT,
  CACHE_DIR,
  ENTRY,
  CHROMIUM,
  BASE_SETTINGS,
  ensureCodeServer,
  freePort,
  isPortFree,
  installVsix,
  startCodeServer,
  launchChromium,
  makeTempDir,
  workbenchUrl,
};
