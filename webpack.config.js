// @ts-check
'use strict';

const path = require('path');
const webpack = require('webpack');

/** @typedef {import('webpack').Configuration} WebpackConfig */

/** @param {string} configFile @returns {import('webpack').RuleSetRule} */
const tsRule = (configFile) => ({
  test: /\.ts$/,
  exclude: /node_modules/,
  use: [{ loader: 'ts-loader', options: { configFile, onlyCompileBundledFiles: true } }],
});

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
  },
  output: {
    path: path.resolve(__dirname, 'dist'),
    filename: '[name].js',
    libraryTarget: 'commonjs2',
  },
  externals: { vscode: 'commonjs vscode' },
  resolve: { extensions: ['.ts', '.js'], mainFields: ['main', 'module'] },
  module: { rules: [tsRule('tsconfig.json')] },
  plugins: [
    new webpack.BannerPlugin({
      banner: '#!/usr/bin/env node',
      raw: true,
      entryOnly: true,
      include: /^cli\.js$/,
    }),
  ],
  devtool: 'nosources-source-map',
  infrastructureLogging: { level: 'log' },
};

/** The webview bundle: browser code only (src/webview + src/shared + chart.js). */
/** @type WebpackConfig */
const webviewConfig = {
  name: 'webview',
  target: 'web',
  mode: 'none',
  entry: { main: './src/webview/main.ts' },
  output: { path: path.resolve(__dirname, 'dist', 'webview'), filename: '[name].js' },
  resolve: { extensions: ['.ts', '.js'] },
  module: { rules: [tsRule('tsconfig.webview.json')] },
  performance: { hints: false },
  devtool: 'nosources-source-map',
};

module.exports = [nodeConfig, webviewConfig];
