/**
 * What the panel says besides the figures: the notices of what they lack (compare capped, days
 * WeCom did not report whole, days it no longer keeps), and the `shown` report that tells the host
 * which state and texts are on screen (tests observe it; a refused message shows up there too).
 */
import type { DayRange } from '../shared/days';
import type { ByDayData, ChartLabels, ShownMessage, ShownState } from '../shared/protocol';
import { MAX_NOTICE_CHARS, MAX_SHOWN_NOTICES } from '../shared/protocol';
import { h } from './dom';
import { missingDaysText } from './series';
import { fill } from './text';

export interface NoticesInput {
  readonly labels: ChartLabels;
  /** The server's window: days before it that the cache lacks are named from its start. */
  readonly window: DayRange;
  /** Why compare mode shows the sum instead, if it does. */
  readonly capNotice: string | undefined;
  readonly data: ByDayData | undefined;
  /** Missing days come with a Retry that asks for them again. */
  readonly retryButton: () => HTMLElement;
  /** Days shown but not stored come with Backfill History. */
  readonly backfillButton: () => HTMLElement;
}

export function noticeElements(input: NoticesInput): HTMLElement[] {
  const { labels, data } = input;
  const items: HTMLElement[] = [];
  if (input.capNotice) {
    items.push(h('div', { className: 'notice cap' }, h('p', { text: input.capNotice })));
  }
  const missing = data && missingDaysText(data, labels);
  if (data && missing) {
    items.push(
      h(
        'div',
        { className: 'notice missing', dataset: { days: data.missingDays.join(',') } },
        h('p', { text: missing }),
        input.retryButton(),
      ),
    );
  }
  if (data && data.historyDays.length > 0) {
    const text = fill(labels.historyDays, { n: data.historyDays.length, from: input.window.from });
    items.push(
      h(
        'div',
        { className: 'notice history', dataset: { days: data.historyDays.join(',') } },
        h('p', { text }),
      ),
    );
  }
  if (data && data.unstoredDays.length > 0) {
    const text = fill(labels.unstoredDays, { n: data.unstoredDays.length });
    items.push(h('div', { className: 'notice unstored' }, h('p', { text }), input.backfillButton()));
  }
  if (data && data.unavailableDays > 0) {
    const text = fill(labels.unavailableDays, { n: data.unavailableDays, from: input.window.from });
    items.push(h('div', { className: 'notice unavailable' }, h('p', { text })));
  }
  return items;
}

/** The state on screen (`data-state` of the body) and the texts of `areas`, bounded as the protocol allows. */
export function shownReport(root: HTMLElement, areas: readonly HTMLElement[]): ShownMessage {
  const texts = areas
    .flatMap((area) => [...area.querySelectorAll('p')])
    .map((p) => (p.textContent ?? '').slice(0, MAX_NOTICE_CHARS))
    .filter((text) => text.length > 0)
    .slice(0, MAX_SHOWN_NOTICES);
  const retry = root.querySelector('button[data-name^="retry"]') !== null;
  return { type: 'shown', state: shownState(), notices: texts, retry };
}

function shownState(): ShownState {
  const state = document.body.dataset.state;
  return state === 'ready' || state === 'empty' || state === 'error' ? state : 'loading';
}
