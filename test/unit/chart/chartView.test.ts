/**
 * What the chart panel shows at each granularity (src/analysis/chartPeriods.ts with the webview's
 * series.ts and cardsModel.ts, all pure): weeks and months by the roll-up rules with incomplete
 * periods marked, the 7-day average lines, the cards over a range and over the latest week
 * (totals of flows, the last value of as-of figures with its change, day over day and week over
 * week), per-owner cards, and revised days' notes. The CSV writes the same points.
 */
import * as assert from 'node:assert/strict';
import { movingAverageValues, shownFigures } from '../../../src/analysis/chartPeriods';
import { buildByDayCsv } from '../../../src/extension/chart/csv';
import { defaultUiState, type ChartSubject } from '../../../src/shared/chartState';
import { dayStartTs, listDays } from '../../../src/shared/days';
import { emptyStats, type GroupChatStats } from '../../../src/shared/metrics';
import type { ByDayData, ChartLabels, InitMessage } from '../../../src/shared/protocol';
import { cardsFor } from '../../../src/webview/cardsModel';
import { cardsText } from '../../../src/webview/cardsText';
import { shownView, type ShownChoice } from '../../../src/webview/series';
import { byDayData } from '../support/byDayData';

/** Thursday 2026-11-12 to Sunday 2026-11-29: the end of W46, W47 whole, W48 whole. */
const DAYS = listDays({ from: '2026-11-12', to: '2026-11-29' });

/** Day i: one new group and two new members (flows); 100 + i groups in total (as of the day). */
function day(i: number): GroupChatStats {
  return { ...emptyStats(), new_chat_cnt: 1, new_member_cnt: 2, chat_total: 100 + i };
}

function data(extra: Partial<ByDayData> = {}): ByDayData {
  return byDayData(
    DAYS,
    DAYS.map((_, i) => day(i)),
    { provisionalDays: [], ...extra },
  );
}

const LABELS = new Proxy(
  {
    movingAverage: '7-day average',
    cstDays: '{days} (CST)',
    totalOverDays: 'Total over {n} days',
    totalIn: 'Total in {period}',
    onDay: 'On {day}',
    changeSince: '{change} since {day}',
    dayValue: '{day}: {value} that day',
    daysWithoutFigures: 'No total: {n} day(s) without figures',
    revised: 'revised: {old} → {new} at {time}',
    previousMissing: 'No comparison with {days}: {n} day(s) not in the history',
  } as Record<string, string>,
  { get: (named, key: string) => named[key] ?? key },
) as unknown as ChartLabels;

function init(subject: ChartSubject): InitMessage {
  const owners = subject.kind === 'owners' ? subject.owners : [];
  return {
    type: 'init',
    subject,
    owners: owners.map((id) => ({ id, name: id.toUpperCase() })),
    lang: 'en',
    labels: LABELS,
    window: { from: '2026-06-03', to: '2026-11-29' },
    state: defaultUiState(subject),
    heartbeatMs: 10_000,
  };
}

const numberFormat = new Intl.NumberFormat('en');
const choice = (extra: Partial<ShownChoice>): ShownChoice => ({
  metric: 'new_chat_cnt',
  mode: 'sum',
  granularity: 'day',
  movingAverage: false,
  numberFormat,
  ...extra,
});

suite('chart panel: periods, averages, cards and revisions', () => {
  test('weeks: flows summed, as-of at the last day; clipped, missing and provisional weeks are incomplete', () => {
    const weeks = shownFigures(data(), 'week', false);
    assert.deepEqual(
      weeks.periods.map((p) => [p.id, p.from, p.to, p.complete]),
      [
        ['2026-W46', '2026-11-12', '2026-11-15', false], // clipped: Monday to Wednesday are outside
        ['2026-W47', '2026-11-16', '2026-11-22', true],
        ['2026-W48', '2026-11-23', '2026-11-29', true],
      ],
    );
    assert.deepEqual(
      weeks.total.map((s) => [s?.new_chat_cnt, s?.new_member_cnt, s?.chat_total]),
      [
        [4, 8, 103],
        [7, 14, 110],
        [7, 14, 117],
      ],
    );
    // A missing Wednesday: the week sums what is known and says it is not whole.
    const total = data().total.map((s, i) => (DAYS[i] === '2026-11-25' ? null : s));
    const missing = shownFigures(data({ total, missingDays: ['2026-11-25'] }), 'week', false);
    assert.equal(missing.periods[2].complete, false);
    assert.equal(missing.total[2]?.new_chat_cnt, 6);
    // Yesterday provisional: its week is not whole either.
    const provisional = shownFigures(data({ provisionalDays: ['2026-11-29'] }), 'week', false);
    assert.deepEqual(
      provisional.periods.map((p) => p.complete),
      [false, true, false],
    );
  });

  test('months: a range across a month end gives two clipped months', () => {
    const months = shownFigures(data({ days: DAYS.slice(0, 3) }), 'month', false);
    assert.deepEqual(
      months.periods.map((p) => [p.id, p.complete]),
      [['2026-11', false]],
    );
    const days = listDays({ from: '2026-10-30', to: '2026-11-02' });
    const across = shownFigures(
      { ...data(), from: days[0], to: days[3], days, total: days.map((_, i) => day(i)) },
      'month',
      false,
    );
    assert.deepEqual(
      across.periods.map((p, i) => [p.id, p.from, p.to, p.complete, across.total[i]?.new_chat_cnt]),
      [
        ['2026-10', '2026-10-30', '2026-10-31', false, 2],
        ['2026-11', '2026-11-01', '2026-11-02', false, 2],
      ],
    );
  });

  test('the 7-day average: a dashed second line per series, from the seventh known day, days only', () => {
    const total = data().total.map((s, i) => (s && i >= 7 ? { ...s, new_chat_cnt: 8 } : s));
    const view = shownView(data({ total }), init({ kind: 'all' }), choice({ movingAverage: true }));
    assert.deepEqual(
      view.series.map((s) => [s.label, s.average, s.styleIndex]),
      [
        ['allOwners', false, 0],
        ['7-day average', true, 0],
      ],
    );
    const average = view.series[1].values;
    assert.deepEqual(average.slice(0, 6), [null, null, null, null, null, null]);
    assert.equal(average[6], 1);
    assert.equal(average[7], 2); // (6 × 1 + 8) / 7
    assert.equal(average[13], 8);
    // A missing day leaves the seven averages that would include it empty, never a smaller mean.
    const gap = movingAverageValues(
      data({ total: total.map((s, i) => (i === 9 ? null : s)) }),
      total.map((s, i) => (i === 9 ? null : s)),
      'new_chat_cnt',
    );
    assert.deepEqual(gap.slice(9, 17), [null, null, null, null, null, null, null, 8]);
    // Weeks and months have no average line; compare mode averages each owner.
    assert.equal(
      shownView(data({ total }), init({ kind: 'all' }), choice({ movingAverage: true, granularity: 'week' }))
        .series.length,
      1,
    );
    const two: ChartSubject = { kind: 'owners', owners: ['a', 'b'] };
    const perOwner = ['a', 'b'].map((owner) => ({ owner, series: data().total }));
    const compared = shownView(
      data({ perOwner }),
      init(two),
      choice({ movingAverage: true, mode: 'compare' }),
    );
    assert.deepEqual(
      compared.series.map((s) => [s.label, s.average, s.styleIndex]),
      [
        ['A', false, 0],
        ['A · 7-day average', true, 0],
        ['B', false, 1],
        ['B · 7-day average', true, 1],
      ],
    );
  });

  test('cards over a range: the total of a flow, the last value of an as-of figure with its change', () => {
    const view = cardsFor(data(), 'day');
    assert.ok(view);
    assert.deepEqual(view.span, { from: '2026-11-12', to: '2026-11-29', missing: 0, complete: true });
    const figure = (metric: string) => view.figures.find((f) => f.metric === metric);
    assert.deepEqual(figure('new_chat_cnt'), {
      metric: 'new_chat_cnt',
      dayValue: 1,
      value: 18,
      dayChange: 0,
      weekChange: 0,
      // No history before the range: the 18 days before it are all missing for a flow …
      previousMissing: 18,
    });
    assert.deepEqual(figure('chat_total'), {
      metric: 'chat_total',
      dayValue: 117,
      value: 117,
      spanChange: 17,
      spanChangeFrom: '2026-11-12',
      dayChange: 1,
      weekChange: 7,
      // … and their last day for an as-of figure.
      previousMissing: 1,
    });
    const text = cardsText({
      view,
      isYesterday: true,
      yesterdayFetchedAt: dayStartTs('2026-11-30') * 1000 + 11 * 3600_000,
      whose: undefined,
      selected: 'chat_total',
      labels: LABELS,
      lang: 'en',
      numberFormat,
    });
    assert.equal(text.heading, '2026-11-12 … 2026-11-29 (CST)');
    const newGroups = text.cards.find((c) => c.metric === 'new_chat_cnt');
    assert.deepEqual(
      [newGroups?.value, newGroups?.basis, newGroups?.dayLine],
      ['18', 'Total over 18 days', 'yesterday: 1 that day'],
    );
    const groups = text.cards.find((c) => c.metric === 'chat_total');
    assert.deepEqual(
      [groups?.value, groups?.basis, groups?.changes.map((c) => c.text)],
      ['117', 'yesterday · +17 since 2026-11-12', ['+1 vsDayBefore', '+7 vsWeekBefore']],
    );
    // No history before the range: no card is compared, and that is said once, not on every card
    // (a flow needs all 18 days before, an as-of figure only the last).
    assert.equal(
      text.previousNote,
      'No comparison with 2026-10-25 … 2026-11-11: 18 day(s) not in the history',
    );
    // A missing day: no total of a flow (never a smaller sum), and the card says why.
    const total = data().total.map((s, i) => (i === 3 ? null : s));
    const partial = cardsFor(data({ total, missingDays: [DAYS[3]] }), 'day');
    assert.equal(partial?.figures.find((f) => f.metric === 'new_chat_cnt')?.value, undefined);
    assert.equal(partial?.span.missing, 1);
  });

  test('cards by week: the latest week, its change since the Sunday before, incomplete when it lacks a day', () => {
    const view = cardsFor(data({ provisionalDays: ['2026-11-29'] }), 'week');
    assert.ok(view);
    assert.deepEqual(view.span, {
      from: '2026-11-23',
      to: '2026-11-29',
      period: '2026-W48',
      missing: 0,
      complete: false,
    });
    const groups = view.figures.find((f) => f.metric === 'chat_total');
    assert.deepEqual([groups?.value, groups?.spanChange, groups?.spanChangeFrom], [117, 7, '2026-11-22']);
    assert.equal(view.figures.find((f) => f.metric === 'new_member_cnt')?.value, 14);
    // Per owner: the same cards from each owner's series.
    const owner = cardsFor(
      data(),
      'week',
      DAYS.map((_, i) => ({ ...day(i), chat_total: 5 })),
    );
    assert.equal(owner?.figures.find((f) => f.metric === 'chat_total')?.spanChange, 0);
  });

  test('a revised day: its point carries "revised: old → new at HH:MM" (CST), per owner in compare', () => {
    const revisedAt = dayStartTs('2026-11-29') * 1000 + (11 * 60 + 2) * 60_000;
    const revision = {
      day: '2026-11-28',
      previous: { ...day(16), new_chat_cnt: 1203 },
      revisedAt,
      owners: [{ owner: 'b', previous: { ...day(16), new_chat_cnt: 3 } }],
    };
    const total = data().total.map((s, i) => (i === 16 && s ? { ...s, new_chat_cnt: 1210 } : s));
    const sum = shownView(data({ total, revisions: [revision] }), init({ kind: 'all' }), choice({}));
    assert.equal(sum.series[0].notes?.[16], 'revised: 1,203 → 1,210 at 11:02');
    assert.equal(sum.series[0].notes?.filter(Boolean).length, 1);
    const perOwner = ['a', 'b'].map((owner) => ({ owner, series: data().total }));
    const two: ChartSubject = { kind: 'owners', owners: ['a', 'b'] };
    const compared = shownView(
      data({ perOwner, revisions: [revision] }),
      init(two),
      choice({ mode: 'compare' }),
    );
    assert.deepEqual(
      compared.series.map((s) => s.notes?.[16]),
      [undefined, 'revised: 3 → 1 at 11:02'],
    );
    // Weeks have no revision marks of their own.
    assert.equal(
      shownView(data({ revisions: [revision] }), init({ kind: 'all' }), choice({ granularity: 'week' }))
        .series[0].notes,
      undefined,
    );
  });

  test('the CSV holds what is shown: week rows with from/to and a note, the average column when on', () => {
    const options = {
      metric: 'new_chat_cnt' as const,
      mode: 'sum' as const,
      lang: 'en' as const,
      owners: [],
      dateHeader: 'date',
      averageHeader: '7-day average',
      notes: {
        missing: 'missing',
        unavailable: 'unavailable',
        provisional: 'provisional',
        incomplete: 'incomplete',
      },
    };
    const weeks = buildByDayCsv(data(), { ...options, granularity: 'week', movingAverage: true })
      .slice(1)
      .trim()
      .split('\r\n');
    assert.ok(weeks[0].startsWith('period,from,to,New groups (new_chat_cnt),'), weeks[0]);
    assert.ok(weeks[0].endsWith(',note') && !weeks[0].includes('7-day average'), 'no average of weeks');
    assert.ok(
      weeks[1].startsWith('2026-W46,2026-11-12,2026-11-15,4,') && weeks[1].endsWith(',incomplete'),
      weeks[1],
    );
    assert.ok(weeks[2].endsWith(',') && weeks[2].startsWith('2026-W47,'), weeks[2]);
    const days = buildByDayCsv(data({ provisionalDays: ['2026-11-29'] }), {
      ...options,
      granularity: 'day',
      movingAverage: true,
    })
      .slice(1)
      .trim()
      .split('\r\n');
    assert.ok(days[0].endsWith(',New groups (new_chat_cnt) 7-day average,note'), days[0]);
    assert.equal(days.length, 1 + DAYS.length);
    assert.ok(days[1].endsWith(',,'), 'no average before the seventh day: ' + days[1]);
    assert.ok(days[7].endsWith(',1,'), days[7]);
    assert.ok(days[18].endsWith(',1,provisional'), days[18]);
  });
});
