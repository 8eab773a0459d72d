// @ts-check
'use strict';

const path = require('path');
const webpack = require('webpack');
const CopyPlugin = require('copy-webpack-plugin');

/** @typedef {import('webpack').Configuration} WebpackConfig */

/** @param {string} configFile @returns {import('webpack').RuleSetRule} */
const tsRule = (configFile) => ({
  test: /\.ts$/,
  exclude: /node_modules/,
  use: [
    {
      loader: 'ts-loader',
      // ES modules for webpack, so that `import()` becomes a chunk loaded on first use (tests
      // compile the same code to CommonJS with tsc).
      options: {
        configFile,
        onlyCompileBundledFiles: true,
        compilerOptions: { module: 'es2022', moduleResolution: 'node' },
      },
    },
  ],
});

/**
 * Packages axios imports for features the client switches off (forms, redirects, its own proxy
 * handling): inside axios they are replaced by the small stand-ins of build/axios-unused/, which
 * say why each is safe. Our own imports of the same names are untouched.
 */
const AXIOS_UNUSED = ['form-data', 'proxy-from-env', 'follow-redirects', 'https-proxy-agent'];
const axiosUnused = new webpack.NormalModuleReplacementPlugin(
  new RegExp(`^(${AXIOS_UNUSED.join('|')})$`),
  (resource) => {
    if (/[\\/]node_modules[\\/]axios[\\/]/.test(resource.context)) {
      resource.request = path.resolve(__dirname, 'build', 'axios-unused', `${resource.request}.js`);
    }
  },
);

/** Node bundles: the extension host, the CLI, the standalone fake server and the benchmark. */
/** @type WebpackConfig */
const nodeConfig = {
  name: 'node',
  target: 'node20',
  mode: 'none',
  entry: {
    extension: './src/extension/extension.ts',
    cli: './src/cli/main.ts',
    'fake-server': './src/demo/main.ts',
    bench: './src/bench/main.ts',
    'bench-store': './src/bench/store.ts',
    'bench-sync': './src/bench/sync.ts',
    'bench-analysis': './src/bench/analysis.ts',
    'bench-table': './src/bench/ownersTable.ts',
    'bench-heatmap': './src/bench/heatmap.ts',
  },
  output: {
    path: path.resolve(__dirname, 'dist'),
    filename: '[name].js',
    // Parts loaded only when needed (the proxy agent, the demo server) live in their own files.
    // The history store's chunk sits beside the bundles: node-sqlite3-wasm looks for its
    // WebAssembly in `__dirname` of the file that holds it, and one copy serves the CLI too.
    chunkFilename: (pathData) =>
      pathData.chunk?.name === 'history-store' ? '[name].js' : 'chunks/[name].js',
    libraryTarget: 'commonjs2',
    // Stale bundles would be packaged into the .vsix; the webview bundle is the other config's.
    clean: { keep: /^webview[\\/]/ },
  },
  externals: { vscode: 'commonjs vscode' },
  resolve: { extensions: ['.ts', '.js'], mainFields: ['main', 'module'] },
  module: { rules: [tsRule('tsconfig.json')] },
  plugins: [
    axiosUnused,
    // The embedded history store (node-sqlite3-wasm) loads its WebAssembly from beside the bundle
    // under exactly this name; there is no option to point it elsewhere.
    new CopyPlugin({
      patterns: [
        {
          from: require.resolve('node-sqlite3-wasm/dist/node-sqlite3-wasm.wasm'),
          to: 'node-sqlite3-wasm.wasm',
        },
      ],
    }),
    // `pg` tries the optional native binding `pg-native` only when asked (`pg.native`); we never ask.
    new webpack.IgnorePlugin({ resourceRegExp: /^pg-native$/ }),
    new webpack.BannerPlugin({
      banner: '#!/usr/bin/env node',
      raw: true,
      entryOnly: true,
      include: /^cli\.js$/,
    }),
  ],
  // One file per lazily loaded part (the client with axios, the proxy agent, the demo server),
  // named, rather than shared vendor chunks with numeric names.
  optimization: { splitChunks: false },
  devtool: 'nosources-source-map',
  infrastructureLogging: { level: 'log' },
};

/** The webview bundles (the chart's, the owners table's): browser code only (src/webview + src/shared + chart.js). */
/** @type WebpackConfig */
const webviewConfig = {
  name: 'webview',
  target: 'web',
  mode: 'none',
  entry: {
    main: './src/webview/main.ts',
    table: './src/webview/table/main.ts',
    insights: './src/webview/insights/main.ts',
  },
  output: { path: path.resolve(__dirname, 'dist', 'webview'), filename: '[name].js', clean: true },
  resolve: { extensions: ['.ts', '.js'] },
  module: { rules: [tsRule('tsconfig.webview.json')] },
  performance: { hints: false },
  devtool: 'nosources-source-map',
};

module.exports = [nodeConfig, webviewConfig];
