import * as assert from 'node:assert/strict';
import { addDays, allowedWindow, lastNDays } from '../../../src/shared/days';
import {
  checkChartRange,
  defaultUiState,
  MAX_SUBJECT_OWNERS,
  normalizeDayInput,
  resolveRange,
  startsAtZero,
  subjectKey,
} from '../../../src/shared/chartState';
import { isChartUiState, isHostToWebview, isWebviewToHost } from '../../../src/shared/protocolValidation';

const NOW = Date.UTC(2026, 10, 27, 2, 0, 0); // 2026-11-27 10:00 CST
const window = allowedWindow(NOW);

function manyOwners(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `owner-${i}`);
}

suite('shared/protocol: webview → host validation', () => {
  test('accepts each well-formed message', () => {
    const state = defaultUiState({ kind: 'owners', owners: ['a<b>&c', 'zhangsan'] });
    const valid: unknown[] = [
      { type: 'ready' },
      { type: 'state', state },
      { type: 'drawn', series: 8, points: 1440 },
      {
        type: 'shown',
        state: 'ready',
        notices: ['WeCom did not report 2026-11-20 for every owner'],
        retry: true,
      },
      { type: 'refused', what: 'init' },
      // Sum mode takes more than 1,000 owners (the host sums them 100 a request).
      { type: 'state', state: defaultUiState({ kind: 'owners', owners: manyOwners(1500) }) },
      {
        type: 'request',
        id: 1,
        method: 'byDay',
        params: { from: window.from, to: window.to, perOwner: true, refresh: false },
      },
      {
        type: 'request',
        id: 2,
        method: 'exportCsv',
        params: { metric: 'member_total', mode: 'compare', granularity: 'week', movingAverage: false },
      },
      { type: 'showGlossary' },
      { type: 'openInsights', from: window.from, to: window.to, metric: 'msg_total' },
      { type: 'request', id: 4, method: 'rankings', params: { metric: 'new_member_cnt', ...window } },
      {
        type: 'state',
        state: { ...defaultUiState({ kind: 'all' }), granularity: 'month', movingAverage: true },
      },
      {
        type: 'request',
        id: 3,
        method: 'exportPng',
        params: { dataUrl: 'data:image/png;base64,iVBORw0KGgo=' },
      },
    ];
    for (const msg of valid) {
      assert.equal(isWebviewToHost(msg), true, JSON.stringify(msg));
    }
  });

  test('rejects malformed, unknown and hostile messages', () => {
    const invalid: unknown[] = [
      null,
      'ready',
      [],
      {},
      { type: 'nope' },
      { type: 'state', state: { ...defaultUiState({ kind: 'all' }), metric: 'toString' } },
      { type: 'state', state: { ...defaultUiState({ kind: 'all' }), version: 2 } },
      { type: 'state', state: { ...defaultUiState({ kind: 'owners', owners: [] }) } },
      { type: 'state', state: { ...defaultUiState({ kind: 'owners', owners: [''] }) } },
      { type: 'state', state: { ...defaultUiState({ kind: 'all' }), range: { kind: 'preset', days: 31 } } },
      { type: 'drawn', series: -1, points: 3 },
      {
        type: 'state',
        state: defaultUiState({ kind: 'owners', owners: manyOwners(MAX_SUBJECT_OWNERS + 1) }),
      },
      { type: 'shown', state: 'starting', notices: [], retry: false },
      { type: 'shown', state: 'ready', notices: ['x'.repeat(5000)], retry: false },
      { type: 'shown', state: 'ready', notices: Array(20).fill('x'), retry: false },
      { type: 'refused', what: 'x'.repeat(100) },
      {
        type: 'request',
        id: 1,
        method: 'byDay',
        params: { from: '2026-02-30', to: window.to, perOwner: false, refresh: false },
      },
      {
        type: 'request',
        id: 1,
        method: 'byDay',
        params: { from: window.to, to: window.from, perOwner: false, refresh: false },
      },
      { type: 'request', id: 1, method: 'byDay', params: { from: window.from, to: window.to } },
      {
        type: 'request',
        id: -1,
        method: 'byDay',
        params: { from: window.from, to: window.to, perOwner: false, refresh: false },
      },
      { type: 'request', id: 1.5, method: 'exportCsv', params: { metric: 'chat_total', mode: 'sum' } },
      { type: 'request', id: 1, method: 'exportCsv', params: { metric: 'chat_total', mode: 'stack' } },
      // Granularity and the average are part of what is exported: a request must say them.
      { type: 'request', id: 1, method: 'exportCsv', params: { metric: 'chat_total', mode: 'sum' } },
      {
        type: 'request',
        id: 1,
        method: 'exportCsv',
        params: { metric: 'chat_total', mode: 'sum', granularity: 'year', movingAverage: false },
      },
      { type: 'openInsights', from: window.to, to: window.from, metric: 'msg_total' },
      {
        type: 'request',
        id: 1,
        method: 'rankings',
        params: { metric: 'new_member_cnt', from: window.to, to: window.from },
      },
      { type: 'request', id: 1, method: 'rankings', params: { metric: 'corpsecret', ...window } },
      { type: 'request', id: 1, method: 'rankings', params: { metric: 'chat_total', from: window.from } },
      { type: 'openInsights', from: window.from, to: window.to, metric: 'secret' },
      { type: 'state', state: { ...defaultUiState({ kind: 'all' }), granularity: 'quarter' } },
      { type: 'state', state: { ...defaultUiState({ kind: 'all' }), movingAverage: 'yes' } },
      { type: 'request', id: 1, method: 'getSecret', params: {} },
      {
        type: 'request',
        id: 1,
        method: 'exportPng',
        params: { dataUrl: 'data:image/svg+xml;base64,PHN2Zz4=' },
      },
      { type: 'request', id: 1, method: 'exportPng', params: { dataUrl: 'data:image/png;base64,<script>' } },
      {
        type: 'request',
        id: 1,
        method: 'exportPng',
        params: { dataUrl: 'data:image/png;base64,' + 'A'.repeat(20_000_001) },
      },
    ];
    for (const msg of invalid) {
      assert.equal(isWebviewToHost(msg), false, JSON.stringify(msg)?.slice(0, 200));
    }
  });

  test('host → webview guard accepts init/response/progress and drops noise', () => {
    assert.equal(
      isHostToWebview({ type: 'response', id: 4, ok: false, error: { message: 'x', retryable: true } }),
      true,
    );
    assert.equal(isHostToWebview({ type: 'response', id: 4, ok: true, result: {} }), true);
    assert.equal(isHostToWebview({ type: 'progress', id: 4, done: 1, total: 3 }), true);
    assert.equal(isHostToWebview({ type: 'response', id: 4, ok: false }), false);
    assert.equal(isHostToWebview({ type: 'init', subject: { kind: 'all' } }), false);
    assert.equal(isHostToWebview({ type: 'fatal', message: 'x' }), true);
    assert.equal(isHostToWebview({ type: 'fatal' }), false);
    // An init for a sum of 1,500 owners is read (it used to be refused silently: "starting" forever).
    const subject = { kind: 'owners', owners: manyOwners(1500) } as const;
    const init = { type: 'init', subject, owners: [], state: defaultUiState(subject), heartbeatMs: 10_000 };
    assert.equal(isHostToWebview(init), true);
    assert.equal(isHostToWebview({ ...init, heartbeatMs: undefined }), false);
    assert.equal(isHostToWebview({ command: 'refresh' }), false);
  });
});

suite('shared/protocol: UI state and ranges', () => {
  test('subject keys ignore owner order and duplicates', () => {
    assert.equal(
      subjectKey({ kind: 'owners', owners: ['b', 'a', 'b'] }),
      subjectKey({ kind: 'owners', owners: ['a', 'b'] }),
    );
    assert.notEqual(subjectKey({ kind: 'owners', owners: ['a'] }), subjectKey({ kind: 'all' }));
    // An id that looks like a separator must not collide with two ids.
    assert.notEqual(
      subjectKey({ kind: 'owners', owners: ['a","b'] }),
      subjectKey({ kind: 'owners', owners: ['a', 'b'] }),
    );
  });

  test('the default state round-trips through the validator and holds no figures', () => {
    const state = defaultUiState({ kind: 'owners', owners: ['zhangsan'] }, 'new_member_cnt');
    assert.equal(isChartUiState(JSON.parse(JSON.stringify(state))), true);
    assert.deepEqual(Object.keys(state).sort(), [
      'fromZero',
      'granularity',
      'metric',
      'mode',
      'movingAverage',
      'range',
      'subject',
      'version',
      'view',
    ]);
  });

  test('the y-axis starts at zero by default, also for a state saved before the toggle existed', () => {
    const state = defaultUiState({ kind: 'all' });
    assert.equal(startsAtZero(state), true);
    const saved: unknown = JSON.parse(JSON.stringify({ ...state, fromZero: undefined }));
    assert.equal(isChartUiState(saved), true);
    assert.ok(isChartUiState(saved));
    assert.equal(startsAtZero(saved), true);
    assert.equal(startsAtZero({ ...state, fromZero: false }), false);
    assert.equal(isChartUiState({ ...state, fromZero: 'yes' }), false);
  });

  test('presets end yesterday (CST); custom ranges are taken as given', () => {
    assert.deepEqual(resolveRange({ kind: 'preset', days: 7 }, NOW), lastNDays(7, NOW));
    assert.deepEqual(resolveRange({ kind: 'preset', days: 180 }, NOW), window);
    assert.deepEqual(resolveRange({ kind: 'custom', from: '2026-10-01', to: '2026-10-31' }, NOW), {
      from: '2026-10-01',
      to: '2026-10-31',
    });
  });

  test('typed days become YYYY-MM-DD; anything else is left for checkChartRange to name', () => {
    assert.equal(normalizeDayInput(' 2026-11-05 '), '2026-11-05');
    assert.equal(normalizeDayInput('2026/1/5'), '2026-01-05');
    assert.equal(normalizeDayInput('2026.11.5'), '2026-11-05');
    assert.equal(normalizeDayInput('11/05/2026'), '11/05/2026');
    assert.equal(normalizeDayInput(''), '');
    assert.match(checkChartRange(normalizeDayInput('11/05/2026'), window.to, NOW)?.en ?? '', /YYYY-MM-DD/);
  });

  test('checkChartRange: the window, with the reason, and cached history before it', () => {
    assert.equal(checkChartRange(window.from, window.to, NOW), undefined);
    const today = addDays(window.to, 1);
    assert.match(checkChartRange(window.from, today, NOW)?.en ?? '', /today and later/);
    const tooOld = addDays(window.from, -10);
    assert.match(checkChartRange(tooOld, window.to, NOW)?.en ?? '', /180 days/);
    assert.match(checkChartRange(tooOld, window.to, NOW)?.zh ?? '', /180 天/);
    // With cache back to `tooOld`, the older days become viewable, but not beyond the cache.
    assert.equal(checkChartRange(tooOld, window.to, NOW, tooOld), undefined);
    assert.notEqual(checkChartRange(addDays(tooOld, -1), window.to, NOW, tooOld), undefined);
    assert.notEqual(checkChartRange(tooOld, today, NOW, tooOld), undefined);
    assert.match(checkChartRange('2026-13-01', window.to, NOW)?.en ?? '', /not a date/);
    assert.match(checkChartRange(window.to, window.from, NOW)?.en ?? '', /after the end/);
  });
});
