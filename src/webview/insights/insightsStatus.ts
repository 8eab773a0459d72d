/**
 * What the panel says besides the figures: loading (with progress and Stop), the question before
 * a fetch above the threshold (its call count first), an error (with Retry when it can help), and
 * the notices of what the figures lack (incomplete days, a stopped fetch). Every state says what
 * to do: never a silent empty view or a spinner without end.
 */
import type { FetchConfirm, InsightsLabels, InsightsShown } from '../../shared/insightsProtocol';
import { MAX_INSIGHTS_NOTICES } from '../../shared/insightsProtocol';
import { MAX_NOTICE_CHARS } from '../../shared/protocol';
import { h, replaceChildren } from '../dom';
import { fill } from '../text';

export type StatusState = InsightsShown['state'];

export interface StatusActions {
  readonly stop: () => void;
  readonly fetch: () => void;
  readonly storedOnly: () => void;
  readonly retry: () => void;
}

/** "2026-11-01, 2026-11-02 and 5 more". */
export function daysText(days: readonly string[]): string {
  return days.length <= 4 ? days.join(', ') : `${days.slice(0, 3).join(', ')} +${days.length - 3}`;
}

export class InsightsStatus {
  readonly status = h('div', { className: 'status', attrs: { role: 'status', 'aria-live': 'polite' } });
  readonly notices = h('div', { className: 'notices', attrs: { role: 'alert' } });
  private current: StatusState = 'loading';

  constructor(
    private readonly labels: InsightsLabels,
    private readonly actions: StatusActions,
  ) {}

  get state(): StatusState {
    return this.current;
  }

  loading(progress?: { done: number; total: number }): void {
    const text =
      progress && progress.total > 0
        ? fill(this.labels.loadingProgress, { done: progress.done, total: progress.total })
        : this.labels.loading;
    this.set('loading', h('p', { text }), this.button('stop', this.labels.stop, this.actions.stop));
  }

  confirm(ask: FetchConfirm): void {
    this.set(
      'confirm',
      h('p', {
        text: fill(this.labels.confirmFetch, { calls: ask.calls, days: ask.days, owners: ask.owners }),
      }),
      this.button('fetch', this.labels.fetch, this.actions.fetch),
      this.button('stored-only', this.labels.storedOnly, this.actions.storedOnly),
    );
  }

  error(message: string, retryable: boolean): void {
    this.set(
      'error',
      h('p', { className: 'error-title', text: this.labels.errorTitle }),
      h('p', { className: 'error-message', text: message }),
      retryable ? this.button('retry', this.labels.retry, this.actions.retry) : null,
    );
  }

  ready(empty: boolean): void {
    this.set(
      empty ? 'empty' : 'ready',
      empty ? h('p', { className: 'empty-title', text: this.labels.empty }) : null,
    );
  }

  /** What the figures lack: missing and provisional days, a fetch the user stopped. */
  setNotices(
    gaps: { missingDays: readonly string[]; provisionalDays: readonly string[] } | undefined,
    stopped: boolean,
  ): void {
    const items: HTMLElement[] = [];
    if (stopped) {
      items.push(h('div', { className: 'notice stopped' }, h('p', { text: this.labels.stopped })));
    }
    if (gaps && gaps.missingDays.length > 0) {
      const text = fill(this.labels.incompleteMissing, { days: daysText(gaps.missingDays) });
      items.push(
        h(
          'div',
          { className: 'notice missing', dataset: { days: gaps.missingDays.join(',') } },
          h('p', { text }),
        ),
      );
    }
    if (gaps && gaps.provisionalDays.length > 0) {
      const text = fill(this.labels.incompleteProvisional, { days: daysText(gaps.provisionalDays) });
      items.push(
        h(
          'div',
          { className: 'notice provisional', dataset: { days: gaps.provisionalDays.join(',') } },
          h('p', { text }),
        ),
      );
    }
    replaceChildren(this.notices, ...items);
    this.notices.hidden = items.length === 0;
  }

  /** The texts on screen, bounded as the protocol allows. */
  texts(): string[] {
    return [this.status, this.notices]
      .flatMap((area) => [...area.querySelectorAll('p')])
      .map((p) => (p.textContent ?? '').slice(0, MAX_NOTICE_CHARS))
      .filter((t) => t.length > 0)
      .slice(0, MAX_INSIGHTS_NOTICES);
  }

  private set(state: StatusState, ...children: (HTMLElement | null)[]): void {
    this.current = state;
    document.body.dataset.state = state;
    replaceChildren(this.status, ...children);
    this.status.className = `status ${state}`;
    this.status.hidden = children.every((c) => c === null);
  }

  private button(name: string, text: string, onClick: () => void): HTMLButtonElement {
    return h('button', { className: 'action', attrs: { type: 'button' }, dataset: { name }, text, onClick });
  }
}
