/**
 * The rankings under the chart when it is about several owners: the top and bottom owners by the
 * chosen figure over the chart's days, with each one's rank over the same number of days before
 * and the movement. Read from the history by the host (`rankings`); days it lacks are named.
 */
import { listDays } from '../shared/days';
import { metricLabel, type MetricKey } from '../shared/metrics';
import { CHART_RANK_N, type ByDayData, type ChartRankings, type InitMessage } from '../shared/protocol';
import { h, replaceChildren } from './dom';
import { rankTable } from './rankTable';
import { HostRequestError, type HostConnection } from './rpc';
import { dayRuns } from './series';
import { fill } from './text';

/** Several owners (or all of them): something to rank. */
export function ranksOwners(init: InitMessage): boolean {
  return init.subject.kind === 'all' || new Set(init.subject.owners).size > 1;
}

export class ChartRankingsView {
  readonly element: HTMLElement;
  private shown: { data: ByDayData; metric: MetricKey } | undefined;
  private seq = 0;

  constructor(
    private readonly init: InitMessage,
    private readonly host: HostConnection,
    private readonly format: Intl.NumberFormat,
  ) {
    this.element = h('section', {
      className: 'chart-rankings',
      attrs: { 'aria-label': init.labels.rankingsTab },
    });
    this.element.hidden = true;
  }

  /** Ranks the owners by `metric` over `data`'s days, unless that is already shown or asked. */
  show(data: ByDayData, metric: MetricKey): void {
    if (!ranksOwners(this.init) || (this.shown?.data === data && this.shown.metric === metric)) {
      return;
    }
    this.shown = { data, metric };
    const seq = ++this.seq;
    const { labels } = this.init;
    this.element.dataset.state = 'loading';
    this.fill(h('p', { className: 'rank-range', text: labels.loading }));
    this.host.request('rankings', { metric, from: data.from, to: data.to }).then(
      (rankings) => {
        if (seq === this.seq) {
          this.render(rankings);
        }
      },
      (err: unknown) => {
        if (seq === this.seq) {
          this.element.dataset.state = 'error';
          const message = err instanceof HostRequestError ? err.info.message : String(err);
          this.fill(h('p', { className: 'error-message', text: message }));
          // Asked again with the next figure or load.
          this.shown = undefined;
        }
      },
    );
  }

  private fill(...body: HTMLElement[]): void {
    replaceChildren(this.element, h('h2', { text: this.init.labels.rankingsTab }), ...body);
  }

  private render(data: ChartRankings): void {
    const { labels, lang } = this.init;
    const range = fill(labels.cstDays, { days: `${data.range.from} … ${data.range.to}` });
    const previous = `${labels.previousRank}: ${data.previous.from} … ${data.previous.to}`;
    const heading = h('p', {
      className: 'rank-range',
      text: `${metricLabel(data.metric, lang)} · ${range} · ${previous}`,
    });
    const days = listDays({ from: data.previous.from, to: data.range.to });
    const missing =
      data.missingDays.length === 0
        ? null
        : h('p', {
            className: 'rank-missing',
            text: fill(labels.incompleteMissing, { days: dayRuns(data.missingDays, days).join(', ') }),
          });
    this.element.dataset.state = data.ranked === 0 ? 'empty' : 'ready';
    if (data.ranked === 0) {
      this.fill(heading, h('p', { text: labels.rankingsEmpty }), ...(missing ? [missing] : []));
      return;
    }
    const n = Math.min(CHART_RANK_N, data.ranked);
    const table = (name: 'top' | 'bottom', caption: string, items: ChartRankings['top']) =>
      rankTable({ name, caption, items, labels, format: this.format });
    this.fill(
      h(
        'div',
        { className: 'rank-lists' },
        heading,
        table('top', fill(labels.topN, { n }), data.top),
        table('bottom', fill(labels.bottomN, { n }), data.bottom),
      ),
      ...(missing ? [missing] : []),
    );
  }
}
