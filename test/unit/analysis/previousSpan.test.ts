/**
 * The span the chart's cards are set against (src/analysis/previousSpan.ts) and the cards'
 * comparison with it (src/webview/cardsModel.ts), against hand-computed cases: the days before a
 * range read from the history, the week before, whole and partial months, a month end, and days
 * the history lacks.
 */
import * as assert from 'node:assert/strict';
import { figureOverSpan, previousSpan } from '../../../src/analysis/previousSpan';
import { listDays } from '../../../src/shared/days';
import { emptyStats, type GroupChatStats } from '../../../src/shared/metrics';
import type { ByDayData, DaySeries } from '../../../src/shared/protocol';
import { cardsFor } from '../../../src/webview/cardsModel';
import { cardsText } from '../../../src/webview/cardsText';
import type { ChartLabels } from '../../../src/shared/protocol';
import { byDayData } from '../support/byDayData';

function stats(values: Partial<GroupChatStats>): GroupChatStats {
  return { ...emptyStats(), ...values };
}

suite('analysis/previousSpan: what a span is compared with', () => {
  test('days: the same number of days just before', () => {
    assert.deepEqual(previousSpan({ from: '2026-11-01', to: '2026-11-30' }, 'day'), {
      from: '2026-10-02',
      to: '2026-10-31',
      name: { days: 30 },
    });
  });

  test('a whole ISO week: the week before, by its id; part of a week: the same weekdays', () => {
    assert.deepEqual(previousSpan({ from: '2026-11-23', to: '2026-11-29' }, 'week'), {
      from: '2026-11-16',
      to: '2026-11-22',
      name: { period: '2026-W47' },
    });
    // Monday to Wednesday against last week's Monday to Wednesday, not the Friday to Sunday before.
    assert.deepEqual(previousSpan({ from: '2026-11-23', to: '2026-11-25' }, 'week'), {
      from: '2026-11-16',
      to: '2026-11-18',
      name: { period: '2026-11-16 … 2026-11-18' },
    });
    // Across a year: 2027-01-04 is a Monday (W01), the week before is 2026-W53.
    assert.deepEqual(previousSpan({ from: '2027-01-04', to: '2027-01-10' }, 'week').name, {
      period: '2026-W53',
    });
  });

  test('a whole month: the whole month before, whatever its length', () => {
    assert.deepEqual(previousSpan({ from: '2026-03-01', to: '2026-03-31' }, 'month'), {
      from: '2026-02-01',
      to: '2026-02-28',
      name: { period: '2026-02' },
    });
  });

  test('part of a month: the same days of the month before, cut at its end', () => {
    assert.deepEqual(previousSpan({ from: '2026-11-01', to: '2026-11-28' }, 'month'), {
      from: '2026-10-01',
      to: '2026-10-28',
      name: { period: '2026-10-01 … 2026-10-28' },
    });
    assert.deepEqual(previousSpan({ from: '2026-03-10', to: '2026-03-30' }, 'month'), {
      from: '2026-02-10',
      to: '2026-02-28',
      name: { period: '2026-02-10 … 2026-02-28' },
    });
    assert.deepEqual(previousSpan({ from: '2026-03-30', to: '2026-03-30' }, 'month'), {
      from: '2026-02-28',
      to: '2026-02-28',
      name: { period: '2026-02-28' },
    });
  });

  test('a figure over a span: a flow needs every day, an as-of figure only the last', () => {
    const days = listDays({ from: '2026-11-01', to: '2026-11-04' });
    const series = {
      range: { from: days[0], to: days[3] },
      points: days.map((day, i) =>
        i === 1
          ? { day, settled: false }
          : { day, settled: true, data: stats({ new_chat_cnt: i + 1, chat_total: 10 * (i + 1) }) },
      ),
    };
    const span = { from: days[0], to: days[3] };
    assert.deepEqual(figureOverSpan(series, span, 'new_chat_cnt'), { missing: 1 });
    assert.deepEqual(figureOverSpan(series, span, 'chat_total'), { previous: 40, missing: 0 });
    assert.deepEqual(figureOverSpan(series, { from: days[2], to: days[3] }, 'new_chat_cnt'), {
      previous: 7,
      missing: 0,
    });
    assert.deepEqual(figureOverSpan(series, { from: days[0], to: days[1] }, 'chat_total'), { missing: 1 });
  });
});

/** 2026-11-01 … 2026-11-28 with the history's days before (from 2026-10-01), day i: new_chat_cnt 1, chat_total 100 + i. */
function chart(earlier: (i: number) => GroupChatStats | null, provisional: string[] = []): ByDayData {
  const days = listDays({ from: '2026-11-01', to: '2026-11-28' });
  const before = listDays({ from: '2026-10-01', to: '2026-10-31' });
  const day = (i: number): GroupChatStats => stats({ new_chat_cnt: 1 + (i % 2), chat_total: 100 + i });
  const total: DaySeries = days.map((_, i) => day(31 + i));
  return byDayData(days, total, {
    provisionalDays: [],
    earlier: { days: before, total: before.map((_, i) => earlier(i)), provisionalDays: provisional },
  });
}

suite('webview/cardsModel: the cards against the previous span', () => {
  const known = (i: number): GroupChatStats => stats({ new_chat_cnt: 1 + (i % 2), chat_total: 100 + i });

  test('over the range: the 28 days before it, read from the history', () => {
    const view = cardsFor(chart(known), 'day');
    assert.ok(view);
    assert.deepEqual(view.previous, { from: '2026-10-04', to: '2026-10-31', name: { days: 28 } });
    const flow = view.figures.find((f) => f.metric === 'new_chat_cnt');
    // Days 31..58 alternate 2,1 from an odd index: 14 × 2 + 14 × 1 = 42; days 3..30 likewise 42.
    assert.equal(flow?.value, 42);
    assert.equal(flow?.previousValue, 42);
    const asOf = view.figures.find((f) => f.metric === 'chat_total');
    // On 2026-11-28 (i = 58) against 2026-10-31 (i = 30).
    assert.equal(asOf?.value, 158);
    assert.equal(asOf?.previousValue, 130);
    // The as-of change over the range is now measured from the day before it, as the roll-up does.
    assert.equal(asOf?.spanChange, 28);
    assert.equal(asOf?.spanChangeFrom, '2026-10-31');
  });

  test('days the history lacks are counted, and a flow then has no comparison', () => {
    const view = cardsFor(
      chart((i) => (i === 10 || i === 12 ? null : known(i))),
      'day',
    );
    const flow = view?.figures.find((f) => f.metric === 'new_chat_cnt');
    assert.equal(flow?.previousValue, undefined);
    assert.equal(flow?.previousMissing, 2);
    // The as-of figure needs only the previous span's last day, which is there.
    assert.equal(view?.figures.find((f) => f.metric === 'chat_total')?.previousValue, 130);
  });

  test('without the history before the range, the cards still compare inside it', () => {
    const bare = { ...chart(known), earlier: undefined };
    const view = cardsFor(bare, 'week');
    assert.ok(view);
    // The latest week is 2026-W48, Monday 23 to Saturday 28 (the range ends on the Saturday).
    assert.deepEqual(view.previous, {
      from: '2026-11-16',
      to: '2026-11-21',
      name: { period: '2026-11-16 … 2026-11-21' },
    });
    const asOf = view.figures.find((f) => f.metric === 'chat_total');
    assert.equal(asOf?.previousValue, 100 + 51);
    const byDay = cardsFor(bare, 'day');
    assert.equal(byDay?.figures.find((f) => f.metric === 'chat_total')?.previousMissing, 1);
  });

  test('texts: a week against the week before, said once for an as-of figure; a flow names the days it lacks', () => {
    const labels = new Proxy({} as Record<string, string>, {
      get: (_, key: string) =>
        ({ vsPeriod: 'vs {period}', previousMissing: '{n} missing in {days}', vsWeekBefore: 'vs last week' })[
          key
        ] ?? key,
    }) as unknown as ChartLabels;
    const common = {
      isYesterday: false,
      yesterdayFetchedAt: undefined,
      whose: undefined,
      selected: 'chat_total' as const,
      labels,
      lang: 'en' as const,
      numberFormat: new Intl.NumberFormat('en'),
    };
    const week = cardsFor({ ...chart(known), earlier: undefined }, 'week');
    assert.ok(week);
    const text = cardsText({ ...common, view: week });
    const changes = (metric: string): string[] =>
      text.cards.find((c) => c.metric === metric)?.changes.map((c) => c.text) ?? [];
    // 158 on the 28th against 151 on the 21st: the same day last week, so one line, not two.
    assert.deepEqual(changes('chat_total'), ['+1 vsDayBefore', '+7 (+4.6%) vs 2026-11-16 … 2026-11-21']);
    // New groups: 1 on the 28th, 2 on the 27th and on the 21st; 9 over Monday to Saturday in both
    // weeks. A flow keeps its week-over-week line.
    assert.deepEqual(changes('new_chat_cnt'), [
      '−1 vsDayBefore',
      '−1 vs last week',
      '±0 vs 2026-11-16 … 2026-11-21',
    ]);
    const gaps = cardsFor(
      chart((i) => (i === 10 || i === 12 ? null : known(i))),
      'day',
      undefined,
    );
    assert.ok(gaps);
    const flow = cardsText({ ...common, view: gaps }).cards.find((c) => c.metric === 'new_chat_cnt');
    assert.equal(flow?.changes.at(-1)?.text, '2 missing in 2026-10-04 … 2026-10-31');
  });

  test('a month: November 1 to 28 against October 1 to 28, with the history', () => {
    const view = cardsFor(chart(known), 'month');
    assert.deepEqual(view?.previous, {
      from: '2026-10-01',
      to: '2026-10-28',
      name: { period: '2026-10-01 … 2026-10-28' },
    });
    const asOf = view?.figures.find((f) => f.metric === 'chat_total');
    assert.equal(asOf?.previousValue, 127);
  });

  test("compare mode: an owner's cards use that owner's earlier series", () => {
    const data = chart(known);
    const mine: DaySeries = data.days.map(() => stats({ chat_total: 7 }));
    const mineBefore: DaySeries = (data.earlier?.days ?? []).map(() => stats({ chat_total: 5 }));
    const view = cardsFor(data, 'day', mine, mineBefore);
    assert.equal(view?.figures.find((f) => f.metric === 'chat_total')?.previousValue, 5);
    // Without its own earlier series an owner is not compared with the sum's.
    const alone = cardsFor(data, 'day', mine);
    assert.equal(alone?.figures.find((f) => f.metric === 'chat_total')?.previousValue, undefined);
  });
});
