// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const VSCODE = { name: 'vscode', message: 'This folder runs outside VS Code: do not import vscode here.' };
const UP_TO_HOST = {
  group: ['**/extension/**', '**/extension', '**/cli/**', '**/cli', '**/bench/**'],
  message: 'Floors below the host and the CLI never import them (src/extension, src/cli, src/bench).',
};
const INTO_WEBVIEW = {
  group: ['**/webview/**', '**/webview'],
  message: 'src/webview is the browser bundle: nothing outside it imports it (share through src/shared).',
};
const NODE_BUILTINS = {
  group: ['node:*', 'fs', 'path', 'crypto', 'http', 'https', 'os', 'child_process', 'events', 'util', 'net'],
  message: 'src/shared and src/webview also run in the browser: no Node built-ins.',
};
const CLIENT_FROM_BROWSER = {
  group: ['**/wecom/**', '**/wecom', '**/demo/**', '**/demo', 'axios', 'https-proxy-agent'],
  message:
    'The webview only imports src/shared and chart.js: it never sees the client, a token or the secret.',
};

const STORE_SIBLINGS = {
  group: [
    '**/wecom/**',
    '**/wecom',
    '**/demo/**',
    '**/demo',
    '**/sync/**',
    '**/sync',
    'axios',
    'https-proxy-agent',
  ],
  message:
    'src/store keeps atoms and knows no HTTP: it imports only src/shared (src/sync joins the client and the store).',
};

const ANALYSIS_SIBLINGS = {
  group: [
    '**/wecom/**',
    '**/wecom',
    '**/demo/**',
    '**/demo',
    '**/sync/**',
    '**/sync',
    '**/store/**',
    '**/store',
    'axios',
    'https-proxy-agent',
  ],
  message:
    'src/analysis is pure: it reads what the store returned (declared structurally) and imports only src/shared.',
};

const SYNC_FROM_DEMO = {
  group: ['**/demo/**', '**/demo'],
  message:
    'src/sync joins the client (src/wecom) and the store (src/store): the fake server is for tests and the CLI.',
};

/**
 * `no-restricted-imports` options for one floor. One rule object per folder, because a later
 * config object replaces (not merges) the options of an earlier one.
 * @param {'cli' | 'sync' | 'client' | 'store' | 'analysis' | 'shared' | 'webview' | 'host'} floor
 */
function floors(floor) {
  switch (floor) {
    case 'sync':
      return { paths: [VSCODE], patterns: [UP_TO_HOST, INTO_WEBVIEW, SYNC_FROM_DEMO] };
    case 'host':
      return { patterns: [INTO_WEBVIEW] };
    case 'cli':
      return { paths: [VSCODE], patterns: [INTO_WEBVIEW] };
    case 'client':
      return { paths: [VSCODE], patterns: [UP_TO_HOST, INTO_WEBVIEW] };
    case 'store':
      return { paths: [VSCODE], patterns: [UP_TO_HOST, INTO_WEBVIEW, STORE_SIBLINGS] };
    case 'analysis':
      return { paths: [VSCODE], patterns: [UP_TO_HOST, INTO_WEBVIEW, NODE_BUILTINS, ANALYSIS_SIBLINGS] };
    case 'shared':
      return { paths: [VSCODE], patterns: [UP_TO_HOST, INTO_WEBVIEW, NODE_BUILTINS, CLIENT_FROM_BROWSER] };
    case 'webview':
      return { paths: [VSCODE], patterns: [UP_TO_HOST, NODE_BUILTINS, CLIENT_FROM_BROWSER] };
  }
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      '.vscode-test/**',
      'test-results/**',
      '**/*.js',
      '!scripts/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.webview.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      curly: 'error',
      eqeqeq: 'error',
      'no-throw-literal': 'error',
      'no-console': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The floors (see README, Project layout): every import points down or sideways, never up.
  {
    files: ['src/cli/**/*.ts', 'src/bench/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', floors('cli')] },
  },
  {
    files: ['src/wecom/**/*.ts', 'src/demo/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', floors('client')] },
  },
  // src/sync: the one place where the client (src/wecom) and the store (src/store) meet.
  { files: ['src/sync/**/*.ts'], rules: { 'no-restricted-imports': ['error', floors('sync')] } },
  { files: ['src/store/**/*.ts'], rules: { 'no-restricted-imports': ['error', floors('store')] } },
  // src/analysis: pure figures work over what the store returned; no I/O, only src/shared.
  { files: ['src/analysis/**/*.ts'], rules: { 'no-restricted-imports': ['error', floors('analysis')] } },
  { files: ['src/shared/**/*.ts'], rules: { 'no-restricted-imports': ['error', floors('shared')] } },
  { files: ['src/webview/**/*.ts'], rules: { 'no-restricted-imports': ['error', floors('webview')] } },
  { files: ['src/extension/**/*.ts'], rules: { 'no-restricted-imports': ['error', floors('host')] } },
  {
    // The runners and benchmarks are plain CommonJS for Node (type-checked by tsconfig.scripts.json).
    files: ['scripts/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: {
      curly: 'error',
      eqeqeq: 'error',
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // CLI output, the benchmark and tests print to the console by design.
    files: ['test/**/*.ts', 'src/cli/**/*.ts', 'src/bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
