#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Heatmap first paint in Chromium (target ≤ 1 s): the webview bundle dist/webview/insights.js in
 * a page of its own, driven like the host drives it (ready → init → the heatmap request answered
 * with the data `node dist/bench-heatmap.js --emit FILE` wrote: 500 owners × 180 days from the
 * embedded store). Times the answer's arrival → `data-drawn` (parse, scale, first Chart.js
 * drawing), the page's start → drawn, and a keyboard move's redraw; and the bundle's size.
 * Prints figures; asserts nothing.
 *
 * Usage: node scripts/bench-heatmap-paint.js FILE   (build first: npm run build)
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const cs = require('./code-server');

const ROOT = path.resolve(__dirname, '..');
const BUNDLE = path.join(ROOT, 'dist', 'webview', 'insights.js');
const dataFile = process.argv[2];
if (!dataFile || !fs.existsSync(dataFile) || !fs.existsSync(BUNDLE)) {
  console.error(
    'Usage: node scripts/bench-heatmap-paint.js FILE (from node dist/bench-heatmap.js --emit FILE; build first)',
  );
  process.exit(2);
}

/** Every label of InsightsLabels, worded as its own key (the text does not matter here). */
function labels() {
  const source = fs.readFileSync(path.join(ROOT, 'src', 'shared', 'insightsLabels.ts'), 'utf8');
  const block = source.slice(source.indexOf('export interface InsightsLabels'));
  const body = block.slice(0, block.indexOf('\n}\n'));
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const m of body.matchAll(/readonly (\w+): string;/g)) {
    out[m[1]] = m[1];
  }
  // The labels it shares with the chart are named in the SharedPanelLabel union.
  const shared = source.slice(source.indexOf('export type SharedPanelLabel'));
  for (const m of shared.slice(0, shared.indexOf(';')).matchAll(/'(\w+)'/g)) {
    out[m[1]] = m[1];
  }
  out.lastNDays = 'Last {n} days';
  out.cstDays = '{days} (CST)';
  out.periods = { last7: 'last7', last30: 'last30', week: 'week', month: 'month' };
  return out;
}

const PAGE = `<!DOCTYPE html><html><head><meta charset="UTF-8">
<link rel="stylesheet" href="/media/controls.css"><link rel="stylesheet" href="/media/chart.css">
<link rel="stylesheet" href="/media/insights.css"></head>
<body><main id="app"></main>
<script>
window.acquireVsCodeApi = () => ({
  postMessage: (m) => window.benchHost(m),
  setState: () => undefined,
  getState: () => undefined,
});
new MutationObserver(() => {
  if (document.body.dataset.drawn && window.answeredAt && !window.drawnAt) {
    window.drawnAt = performance.now();
  }
}).observe(document.body, { attributes: true, attributeFilter: ['data-drawn'] });
window.benchHost = async (m) => {
  if (m.type === 'ready') {
    window.postMessage(window.benchInit, '*');
  } else if (m.type === 'request' && m.method === 'heatmap') {
    const data = await (await fetch('/data.json')).json();
    window.answeredAt = performance.now();
    window.postMessage({ type: 'response', id: m.id, ok: true, result: { kind: 'data', data, fetch: { calls: 0, stopped: false } } }, '*');
  }
};
</script>
<script src="/insights.js"></script></body></html>`;

async function main() {
  const data = JSON.parse(fs.readFileSync(dataFile, 'utf8'));
  const init = {
    type: 'init',
    lang: 'en',
    labels: labels(),
    window: { from: data.range.from, to: data.range.to },
    owners: [],
    state: {
      version: 1,
      tab: 'heatmap',
      metric: data.metric,
      range: { kind: 'custom', from: data.range.from, to: data.range.to },
      colourBy: 'value',
      sortBy: data.sortBy,
      ascending: false,
      view: 'chart',
      period: 'last7',
      topN: 10,
    },
    heartbeatMs: 10_000,
  };
  const profile = cs.makeTempDir('wecom-bench-paint-');
  const browser = await cs.launchChromium(profile);
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.route('http://bench.local/**', (route) => {
      const url = new URL(route.request().url());
      const files = {
        '/': { body: PAGE, type: 'text/html' },
        '/insights.js': { body: fs.readFileSync(BUNDLE), type: 'text/javascript' },
        '/data.json': { body: fs.readFileSync(dataFile), type: 'application/json' },
        '/media/controls.css': {
          body: fs.readFileSync(path.join(ROOT, 'media', 'controls.css')),
          type: 'text/css',
        },
        '/media/chart.css': {
          body: fs.readFileSync(path.join(ROOT, 'media', 'chart.css')),
          type: 'text/css',
        },
        '/media/insights.css': {
          body: fs.readFileSync(path.join(ROOT, 'media', 'insights.css')),
          type: 'text/css',
        },
      };
      const file = /** @type {Record<string, {body: string | Buffer, type: string}>} */ (files)[url.pathname];
      return file ? route.fulfill({ status: 200, contentType: file.type, body: file.body }) : route.abort();
    });
    await page.addInitScript((value) => {
      /** @type {any} */ (globalThis).benchInit = value;
    }, init);
    const rows = data.rows.length;
    const days = data.days.length;
    /** @type {{ answer: number, total: number, key: number }[]} */
    const figures = [];
    for (let run = 0; run < 3; run++) {
      await page.goto('http://bench.local/');
      await page.waitForFunction(() => /** @type {any} */ (globalThis).drawnAt, undefined, {
        timeout: 60_000,
        polling: 10,
      });
      const t = await page.evaluate(() => {
        const w = /** @type {any} */ (globalThis);
        return { answer: w.drawnAt - w.answeredAt, total: w.drawnAt };
      });
      const t0 = Date.now();
      await page.locator('.heatmap-region').focus();
      await page.keyboard.press('ArrowDown');
      await page.locator('#heatmap-readout').filter({ hasText: /CST/ }).waitFor();
      figures.push({ ...t, key: Date.now() - t0 });
    }
    const best = (/** @type {'answer' | 'total' | 'key'} */ k) => Math.min(...figures.map((f) => f[k]));
    const raw = fs.readFileSync(BUNDLE);
    console.log(
      `\nHeatmap first paint in Chromium (${rows} owners × ${days} days, best of ${figures.length})`,
    );
    console.log(
      `  answer arrived → drawn: ${best('answer').toFixed(0)} ms, ${best('answer') <= 1000 ? 'within' : 'OVER'} 1 s`,
    );
    console.log(`  page start → drawn (script load, init, request, drawing): ${best('total').toFixed(0)} ms`);
    console.log(
      `  a key press → cell highlighted and read out: ${best('key')} ms (wall clock, incl. Playwright)`,
    );
    console.log(
      `  bundle dist/webview/insights.js: ${(raw.length / 1024).toFixed(1)} KiB raw, ${(zlib.gzipSync(raw, { level: 9 }).length / 1024).toFixed(1)} KiB gzip -9`,
    );
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
