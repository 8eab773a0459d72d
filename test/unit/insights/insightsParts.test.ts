/**
 * The small pure parts of the heatmap and rankings: the colour scales (an outlier does not wash
 * the others out; a change is diverging around zero), what a cell says, the CSV of what is shown
 * (absent and missing cells not zeros, formula-looking ids defused), and the command's argument
 * check (the contract other features rely on).
 */
import * as assert from 'node:assert/strict';
import { heatmapCsv, rankingsCsv } from '../../../src/extension/insights/insightsCsv';
import type { HeatmapData, InsightsLabels, RankingsData } from '../../../src/shared/insightsProtocol';
import { parseInsightsArgs, isInsightsToHost } from '../../../src/shared/insightsValidation';
import {
  cellColour,
  colourScale,
  parseColour,
  scalePosition,
} from '../../../src/webview/insights/heatmapColours';
import { cellWords, readoutText } from '../../../src/webview/insights/heatmapText';

const data: HeatmapData = {
  range: { from: '2026-11-03', to: '2026-11-05' },
  days: ['2026-11-03', '2026-11-04', '2026-11-05'],
  metric: 'chat_total',
  sortBy: 'chat_total',
  ascending: false,
  rows: [
    {
      owner: { id: '=cmd', name: '张三' },
      values: [10, null, 12],
      changes: [1, null, null],
      cells: 'fap',
      sortValue: 12,
    },
    {
      owner: { id: 'b', name: 'b' },
      values: [null, 5, 5],
      changes: [null, null, 0],
      cells: 'mff',
      sortValue: 5,
    },
  ],
  missingDays: ['2026-11-03'],
  provisionalDays: ['2026-11-05'],
};

suite('insights: colours, words, CSV, arguments', () => {
  test('value scale: from the lowest to the 98th percentile; an outlier takes the full colour', () => {
    const values = [...Array.from({ length: 99 }, (_, i) => i), 100_000];
    const scale = colourScale('value', values);
    assert.deepEqual([scale.low, scale.high], [0, 97]);
    assert.equal(scalePosition(scale, 48.5), 0.5);
    assert.equal(scalePosition(scale, 100_000), 1);
  });

  test('change scale: symmetric around zero; a fall and a rise take the two hues', () => {
    const scale = colourScale('change', [-4, 2, null, 0]);
    assert.deepEqual([scale.low, scale.high], [-4, 4]);
    const palette = { rise: [0, 0, 255] as const, fall: [255, 0, 0] as const };
    assert.match(cellColour(scale, -4, palette), /^rgba\(255, 0, 0, 1\.000\)$/);
    assert.match(cellColour(scale, 2, palette), /^rgba\(0, 0, 255, 0\.560\)$/);
    assert.deepEqual(parseColour('#3794ff', [0, 0, 0]), [55, 148, 255]);
    assert.deepEqual(parseColour('rgb(1, 2, 3)', [0, 0, 0]), [1, 2, 3]);
    assert.deepEqual(parseColour('var(--x)', [9, 9, 9]), [9, 9, 9]);
  });

  test('a cell in words: value and change, or why there is no figure', () => {
    const labels = {
      cstDays: '{days} (CST)',
      notReturned: 'not returned by WeCom',
      notStored: 'not stored',
      provisional: 'provisional',
      change: 'Change',
    } as InsightsLabels;
    const format = new Intl.NumberFormat('en-US');
    assert.equal(
      readoutText(cellWords(data, 0, 0, labels, 'Total groups', format)),
      '2026-11-03 (CST) · 张三 · =cmd · Total groups: 10 · Change: +1',
    );
    assert.equal(
      cellWords(data, 0, 1, labels, 'Total groups', format).value,
      'Total groups: not returned by WeCom',
    );
    assert.equal(
      cellWords(data, 0, 2, labels, 'Total groups', format).value,
      'Total groups: 12 (provisional)',
    );
    assert.equal(cellWords(data, 1, 0, labels, 'Total groups', format).value, 'Total groups: not stored');
  });

  test('the heatmap CSV: the drawn order, empty for not stored, "absent" for not returned, ids defused', () => {
    const notes = { legend: 'legend', provisional: 'provisional' };
    const lines = heatmapCsv(data, 'value', notes).split('\r\n');
    assert.deepEqual(lines.slice(0, 3), [
      'owner,name,2026-11-03,2026-11-04,2026-11-05',
      "'=cmd,张三,10,absent,12",
      'b,b,,5,5',
    ]);
    assert.ok(lines.includes('# provisional: 2026-11-05'));
    assert.equal(heatmapCsv(data, 'change', notes).split('\r\n')[1], "'=cmd,张三,1,absent,");
  });

  test('the rankings CSV: both lists with previous rank and movement', () => {
    const item = { owner: { id: 'a', name: 'A' }, value: 7, rank: 1, previousRank: null, movement: 'new' };
    const rankings: RankingsData = {
      metric: 'new_chat_cnt',
      period: 'last7',
      range: { from: '2026-11-20', to: '2026-11-26' },
      previous: { from: '2026-11-13', to: '2026-11-19' },
      ranked: 1,
      top: [item],
      bottom: [item],
      missingDays: [],
      provisionalDays: [],
    };
    const lines = rankingsCsv(rankings, { legend: 'x', provisional: 'y' }).split('\r\n');
    assert.deepEqual(lines.slice(0, 3), [
      'list,rank,owner,name,new_chat_cnt,previous_rank,movement',
      'top,1,a,A,7,,new',
      'bottom,1,a,A,7,,new',
    ]);
  });

  test('the command argument: the contract’s keys checked, unknown keys ignored, a sentence when wrong', () => {
    assert.deepEqual(parseInsightsArgs(undefined), {});
    const ok = { owners: ['a'], from: '2026-11-01', to: '2026-11-20', metric: 'chat_total', tab: 'rankings' };
    assert.deepEqual(parseInsightsArgs(ok), ok);
    assert.match(String(parseInsightsArgs({ metric: 'x' })), /"metric" must be/);
    assert.match(String(parseInsightsArgs({ from: '2026-11-01' })), /go together/);
    assert.match(String(parseInsightsArgs({ from: '2026-11-21', to: '2026-11-20' })), /go together/);
    assert.match(String(parseInsightsArgs({ owners: [] })), /"owners"/);
    assert.match(String(parseInsightsArgs({ tab: 'pie' })), /"tab"/);
    assert.match(String(parseInsightsArgs('chat_total')), /expected an object/);
  });

  test('the host’s gate refuses a malformed request', () => {
    const request = (params: unknown) => ({ type: 'request', id: 1, method: 'heatmap', params });
    const good = {
      from: '2026-11-01',
      to: '2026-11-02',
      metric: 'chat_total',
      sortBy: 'msg_total',
      ascending: true,
      fetch: 'ask',
    };
    assert.equal(isInsightsToHost(request(good)), true);
    assert.equal(isInsightsToHost(request({ ...good, from: '2026-11-03' })), false);
    assert.equal(isInsightsToHost(request({ ...good, fetch: 'always' })), false);
    assert.equal(
      isInsightsToHost({ type: 'request', id: 2, method: 'openOwner', params: { owner: '' } }),
      false,
    );
    assert.equal(isInsightsToHost({ type: 'stop' }), true);
  });
});
