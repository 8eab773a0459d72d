/**
 * The webview's pure mapping (src/webview/series.ts, cardsModel.ts; no DOM, so they run in Node):
 * which lines are drawn, when the panel is empty, how missing days are named, and what the cards
 * say — the day, the change from the day before, and yesterday's fetch time and provisional mark.
 */
import * as assert from 'node:assert/strict';
import type { CstDay } from '../../../src/shared/days';
import { addDays, dayStartTs, listDays } from '../../../src/shared/days';
import { emptyStats, type GroupChatStats } from '../../../src/shared/metrics';
import type { ByDayData, ChartLabels, DaySeries, InitMessage } from '../../../src/shared/protocol';
import type { ChartSubject } from '../../../src/shared/chartState';
import { defaultUiState, MAX_COMPARE_OWNERS } from '../../../src/shared/chartState';
import { cardsFor } from '../../../src/webview/cardsModel';
import { cardsText, type CardsInput } from '../../../src/webview/cardsText';
import {
  canCompare,
  compareCap,
  dayRuns,
  isEmpty,
  missingDaysText,
  shownView,
  type ShownChoice,
} from '../../../src/webview/series';
import { byDayData } from '../support/byDayData';

/** Every label reads as its own key, except those whose placeholders matter here. */
const LABELS = new Proxy(
  {
    compareCap: 'at most {max}, {n} chosen',
    cstDays: '{days} (CST)',
    totalOverDays: 'Total over {n} days',
    totalIn: 'Total in {period}',
    onDay: 'On {day}',
    changeSince: '{change} since {day}',
    dayValue: '{day}: {value}',
    daysWithoutFigures: 'no total: {n} without figures',
    perOwnerCards: '{figure} per owner',
    revised: 'revised: {old} → {new} at {time}',
    vsPreviousDays: 'vs previous {n} days',
    vsPeriod: 'vs {period}',
    previousMissing: 'no comparison with {days}: {n} not stored',
    fetchedAt: 'Fetched at {time} CST',
    missingDays: 'not reported: {days}',
    provisionalHint: 'Fetched at {time} CST, may change',
  } as Record<string, string>,
  { get: (named, key: string) => named[key] ?? key },
) as unknown as ChartLabels;

const DAYS = listDays({ from: '2026-11-20', to: '2026-11-26' });

function init(subject: ChartSubject, names: Record<string, string> = {}): InitMessage {
  const owners = subject.kind === 'owners' ? subject.owners : [];
  return {
    type: 'init',
    subject,
    owners: owners.map((id) => ({ id, name: names[id] ?? id })),
    lang: 'en',
    labels: LABELS,
    window: { from: addDays('2026-11-26', -179), to: '2026-11-26' },
    state: defaultUiState(subject),
    heartbeatMs: 10_000,
  };
}

function stats(chatTotal: number, newChats = 0): GroupChatStats {
  return { ...emptyStats(), chat_total: chatTotal, new_chat_cnt: newChats };
}

function data(total: DaySeries, extra: Partial<ByDayData> = {}): ByDayData {
  return byDayData(DAYS, total, extra);
}

const TWO = { kind: 'owners', owners: ['zhangsan', 'lisi'] } as const;

const numberFormat = new Intl.NumberFormat('en');
const CHOICE: ShownChoice = {
  metric: 'chat_total',
  mode: 'sum',
  granularity: 'day',
  movingAverage: false,
  numberFormat,
};

function seriesFor(d: ByDayData, i: InitMessage, choice: Partial<ShownChoice> = {}) {
  return shownView(d, i, { ...CHOICE, ...choice }).series;
}

suite('webview/series: what is drawn', () => {
  test('the sum is one line named after the subject; null where a day has no figures', () => {
    const total = DAYS.map((_, i) => (i === 2 ? null : stats(10 + i)));
    const all = seriesFor(data(total), init({ kind: 'all' }));
    assert.deepEqual(all, [
      { label: 'allOwners', values: [10, 11, null, 13, 14, 15, 16], styleIndex: 0, average: false },
    ]);
    const one = seriesFor(data(total), init({ kind: 'owners', owners: ['zs'] }, { zs: '张三' }));
    assert.equal(one[0].label, '张三');
    assert.equal(seriesFor(data(total), init(TWO))[0].label, 'sum');
  });

  test('compare draws one line per owner, by display name, only when the data has them', () => {
    const perOwner = [
      { owner: 'zhangsan', series: DAYS.map(() => stats(1)) },
      { owner: 'lisi', series: DAYS.map((_, i) => (i === 0 ? null : stats(2))) },
    ];
    const lines = seriesFor(
      data(
        DAYS.map(() => stats(3)),
        { perOwner },
      ),
      init(TWO, { lisi: '李四' }),
      { mode: 'compare' },
    );
    assert.deepEqual(
      lines.map((l) => [l.label, l.values[0], l.values[1], l.styleIndex]),
      [
        ['zhangsan', 1, 1, 0],
        ['李四', null, 2, 1],
      ],
    );
    // Without per-owner data (not fetched yet), compare falls back to the sum.
    assert.equal(seriesFor(data(DAYS.map(() => stats(3))), init(TWO), { mode: 'compare' }).length, 1);
  });

  test('compare needs two owners; more than the cap is refused with the reason', () => {
    assert.equal(canCompare(init({ kind: 'all' })), false);
    assert.equal(canCompare(init({ kind: 'owners', owners: ['a'] })), false);
    assert.equal(canCompare(init(TWO)), true);
    assert.equal(compareCap(init(TWO)), undefined);
    const many = Array.from({ length: MAX_COMPARE_OWNERS + 1 }, (_, i) => `u${i}`);
    assert.equal(
      compareCap(init({ kind: 'owners', owners: many })),
      `at most ${MAX_COMPARE_OWNERS}, ${MAX_COMPARE_OWNERS + 1} chosen`,
    );
  });

  test('empty: no figures or only zeros, but never while days are missing', () => {
    assert.equal(isEmpty(data(DAYS.map(() => null))), true);
    assert.equal(isEmpty(data(DAYS.map(() => emptyStats()))), true);
    assert.equal(isEmpty(data(DAYS.map((_, i) => (i === 3 ? stats(0, 1) : emptyStats())))), false);
    assert.equal(
      isEmpty(
        data(
          DAYS.map(() => null),
          { missingDays: [DAYS[1]] },
        ),
      ),
      false,
    );
  });

  test('missing days are named as runs of consecutive days of the range', () => {
    const missing: CstDay[] = ['2026-11-25', '2026-11-20', '2026-11-22', '2026-11-23', '2026-11-24'];
    assert.deepEqual(dayRuns(missing, DAYS), ['2026-11-20', '2026-11-22 … 2026-11-25']);
    assert.deepEqual(dayRuns([], DAYS), []);
    const total = DAYS.map(() => null);
    assert.equal(
      missingDaysText(data(total, { missingDays: missing }), LABELS),
      'not reported: 2026-11-20, 2026-11-22 … 2026-11-25',
    );
    assert.equal(missingDaysText(data(total), LABELS), undefined);
  });
});

suite('webview/cardsModel: what the cards say', () => {
  const numberFormat = new Intl.NumberFormat('en');
  const input = (
    view: Omit<CardsInput['view'], 'derivation'>,
    extra: Partial<CardsInput> = {},
  ): CardsInput => ({
    view: { derivation: { input: { data: {}, change: {} } }, ...view },
    isYesterday: false,
    yesterdayFetchedAt: undefined,
    whose: undefined,
    selected: 'chat_total',
    labels: LABELS,
    lang: 'en',
    numberFormat,
    ...extra,
  });

  test('a one-day span: the day, its change from the day before (none after a gap)', () => {
    const total = DAYS.map((_, i) => (i >= 5 ? null : stats(1000 + i * 250)));
    const oneDay = { ...data(total), from: DAYS[4], to: DAYS[4], days: [DAYS[4]], total: [total[4]] };
    const view = cardsFor(oneDay, 'day');
    assert.ok(view);
    assert.equal(view.day, DAYS[4]);
    assert.deepEqual(
      view.figures.find((f) => f.metric === 'chat_total'),
      {
        metric: 'chat_total',
        dayValue: 2000,
        value: 2000,
        previousMissing: 1,
      },
    );
    const inRange = cardsFor(data(total), 'day');
    assert.equal(inRange?.figures.find((f) => f.metric === 'chat_total')?.dayChange, 250);
    assert.equal(cardsFor(data(DAYS.map(() => null)), 'day'), undefined);
    const afterGap = cardsFor(data(DAYS.map((_, i) => (i === 6 ? stats(5) : null))), 'day');
    assert.equal(afterGap?.figures[0].dayChange, undefined);
  });

  test('texts: label, formatted value, signed changes, direction, the selected card', () => {
    const span = { from: '2026-11-20', to: '2026-11-20', missing: 0, complete: true };
    const previous = { from: '2026-11-19', to: '2026-11-19', name: { days: 1 } };
    const text = cardsText(
      input({
        day: '2026-11-20',
        span,
        previous,
        figures: [
          {
            metric: 'chat_total',
            value: 12345,
            dayValue: 12345,
            dayChange: 1200,
            weekChange: -5,
            previousValue: 11145,
            previousMissing: 0,
          },
          { metric: 'new_chat_cnt', value: 3, dayValue: 3, dayChange: -2, previousMissing: 1 },
          { metric: 'msg_total', value: 0, dayValue: 0, dayChange: 0, previousValue: 0, previousMissing: 0 },
          { metric: 'member_total', value: 7, dayValue: 7, previousMissing: 0 },
        ],
      }),
    );
    assert.equal(text.heading, '2026-11-20 (CST)');
    assert.equal(text.fetchedNote, undefined);
    assert.deepEqual(
      text.cards.map((c) => [c.label, c.value, c.changes.map((x) => [x.text, x.direction]), c.selected]),
      [
        [
          'Total groups',
          '12,345',
          [
            ['+1,200 vsDayBefore', 'up'],
            ['−5 vsWeekBefore', 'down'],
            // 1,200 / 11,145 = 10.77 %; a zero base has no ratio.
            ['+1,200 (+10.8%) vs previous 1 days', 'up'],
          ],
          true,
        ],
        [
          'New groups',
          '3',
          [
            ['−2 vsDayBefore', 'down'],
            ['no comparison with 2026-11-19: 1 not stored', undefined],
          ],
          false,
        ],
        [
          'Total messages',
          '0',
          [
            ['±0 vsDayBefore', undefined],
            ['±0 vs previous 1 days', undefined],
          ],
          false,
        ],
        ['Total members', '7', [], false],
      ],
    );
    assert.equal(cardsText(input({ day: '2026-11-20', span, previous, figures: [] })).cards.length, 0);
  });

  test('yesterday: the fetch time in CST, provisional before 10:00 CST the next day, and whose', () => {
    const view = {
      day: '2026-11-26',
      span: { from: '2026-11-26', to: '2026-11-26', missing: 0, complete: true },
      previous: { from: '2026-11-25', to: '2026-11-25', name: { days: 1 } },
      figures: [],
    };
    const nextDay = dayStartTs('2026-11-27') * 1000;
    const early = cardsText(
      input(view, { isYesterday: true, yesterdayFetchedAt: nextDay + 9.5 * 3600_000, whose: 'sum' }),
    );
    assert.equal(early.heading, 'yesterday · 2026-11-26 (CST) · sum · provisional');
    assert.equal(early.provisional, true);
    assert.equal(early.fetchedNote, 'Fetched at 09:30 CST, may change');
    const late = cardsText(input(view, { isYesterday: true, yesterdayFetchedAt: nextDay + 11 * 3600_000 }));
    assert.equal(late.heading, 'yesterday · 2026-11-26 (CST)');
    assert.equal(late.provisional, false);
    assert.equal(late.fetchedNote, 'Fetched at 11:00 CST');
    // A fetch time only speaks of yesterday: an older day's cards have none.
    const older = cardsText(input(view, { isYesterday: false, yesterdayFetchedAt: nextDay }));
    assert.equal(older.fetchedNote, undefined);
    assert.equal(older.provisional, false);
  });
});
