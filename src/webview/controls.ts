/**
 * The toolbar: figure picker (grouped), the range (rangePicker.ts), day / week / month, sum or
 * one line per owner, chart or table, start at zero, the 7-day average, refresh and exports, and
 * the links out (the glossary, heatmap & rankings). Its groups wrap as whole groups at narrow
 * widths (chart.css), never button by button.
 */
import type { ChartUiState, ChartView, Granularity, RangePreset, SeriesMode } from '../shared/chartState';
import { GRANULARITIES, granularityOf, startsAtZero } from '../shared/chartState';
import type { CstDay } from '../shared/days';
import type { MetricKey } from '../shared/metrics';
import type { InitMessage } from '../shared/protocol';
import { h } from './dom';
import { metricSelect } from './metricSelect';
import { RangePicker, setPressed, toggle } from './rangePicker';
import { canCompare } from './series';

export interface ControlActions {
  readonly metric: (metric: MetricKey) => void;
  readonly preset: (days: RangePreset) => void;
  readonly custom: (from: CstDay, to: CstDay) => void;
  readonly granularity: (granularity: Granularity) => void;
  readonly mode: (mode: SeriesMode) => void;
  readonly view: (view: ChartView) => void;
  readonly fromZero: (on: boolean) => void;
  readonly movingAverage: (on: boolean) => void;
  readonly refresh: () => void;
  readonly exportCsv: () => void;
  readonly exportPng: () => void;
  readonly glossary: () => void;
  readonly insights: () => void;
}

/** A segmented group of toggles, one per choice; returns the group and its buttons by choice. */
function segmented<T extends string>(
  label: string,
  choices: readonly (readonly [T, string])[],
  onPick: (choice: T) => void,
): { group: HTMLElement; buttons: Map<T, HTMLButtonElement> } {
  const group = h('div', { className: 'segmented', attrs: { role: 'group', 'aria-label': label } });
  const buttons = new Map<T, HTMLButtonElement>();
  for (const [choice, text] of choices) {
    const button = toggle(text, choice, () => onPick(choice));
    buttons.set(choice, button);
    group.append(button);
  }
  return { group, buttons };
}

function action(label: string, name: string, run: () => void): HTMLButtonElement {
  return h('button', {
    className: 'action',
    attrs: { type: 'button' },
    dataset: { name },
    text: label,
    onClick: run,
  });
}

export class Controls {
  readonly element: HTMLElement;
  private readonly metricSelect: HTMLSelectElement;
  private readonly range: RangePicker;
  private readonly granularityButtons: Map<Granularity, HTMLButtonElement>;
  private readonly modeButtons: Map<SeriesMode, HTMLButtonElement>;
  private readonly viewButtons: Map<ChartView, HTMLButtonElement>;
  private readonly exportButtons: HTMLButtonElement[];
  private readonly zeroButton: HTMLButtonElement;
  private readonly averageButton: HTMLButtonElement;

  constructor(
    private readonly init: InitMessage,
    actions: ControlActions,
    private readonly now: () => number,
  ) {
    const { labels, lang } = init;
    this.metricSelect = metricSelect(lang, labels.figure, 'metric');
    this.metricSelect.addEventListener('change', () => actions.metric(this.metricSelect.value as MetricKey));
    this.range = new RangePicker(init, actions, now);

    const granularityLabel: Record<Granularity, string> = {
      day: labels.day,
      week: labels.week,
      month: labels.month,
    };
    const periods = segmented(
      labels.period,
      GRANULARITIES.map((g) => [g, granularityLabel[g]] as const),
      actions.granularity,
    );
    this.granularityButtons = periods.buttons;
    const modes = segmented(
      labels.figure,
      [
        ['sum', labels.sum],
        ['compare', labels.compare],
      ],
      actions.mode,
    );
    this.modeButtons = modes.buttons;
    modes.group.hidden = !canCompare(init);
    const views = segmented(
      labels.tableView,
      [
        ['chart', labels.chartView],
        ['table', labels.tableView],
      ],
      actions.view,
    );
    this.viewButtons = views.buttons;

    // Two-state toggles (aria-pressed): the y-axis from zero, the 7-day average lines.
    this.zeroButton = toggle(labels.startAtZero, 'zero', () =>
      actions.fromZero(this.zeroButton.getAttribute('aria-pressed') !== 'true'),
    );
    this.averageButton = toggle(labels.movingAverage, 'average', () =>
      actions.movingAverage(this.averageButton.getAttribute('aria-pressed') !== 'true'),
    );
    this.exportButtons = [
      action(labels.exportCsv, 'export-csv', actions.exportCsv),
      action(labels.exportPng, 'export-png', actions.exportPng),
    ];
    // Looks like a link (it leads away), works like a button (it posts to the host).
    const glossary = h('button', {
      className: 'link',
      attrs: { type: 'button' },
      dataset: { name: 'glossary' },
      text: labels.glossaryLink,
      onClick: actions.glossary,
    });

    // Each group wraps as a whole (chart.css): figure · range · period · lines · view · tools.
    const group = (name: string, ...children: (Node | null)[]): HTMLElement =>
      h('div', { className: `tool-group ${name}` }, ...children);
    this.element = h(
      'div',
      { className: 'toolbar' },
      h(
        'div',
        { className: 'row' },
        group('figure', h('label', { attrs: { for: 'metric' }, text: labels.figure }), this.metricSelect),
        group('range', this.range.presets),
        group('period', periods.group),
        group('lines', modes.group, this.averageButton),
        group('view', views.group, this.zeroButton),
        group(
          'actions',
          action(labels.refresh, 'refresh', actions.refresh),
          ...this.exportButtons,
          action(labels.insights, 'insights', actions.insights),
        ),
        group('links', glossary),
      ),
      this.range.customRow,
    );
  }

  /** Reflects the UI state in the controls. */
  sync(state: ChartUiState): void {
    this.metricSelect.value = state.metric;
    this.range.sync(state, this.now());
    const granularity = granularityOf(state);
    for (const [choice, button] of this.granularityButtons) {
      setPressed(button, choice === granularity);
    }
    for (const [mode, button] of this.modeButtons) {
      setPressed(button, mode === state.mode);
    }
    for (const [view, button] of this.viewButtons) {
      setPressed(button, view === state.view);
    }
    setPressed(this.zeroButton, startsAtZero(state));
    // The table has no axis.
    this.zeroButton.disabled = state.view !== 'chart';
    // An average of days: weeks and months have none (the reason is the button's tooltip).
    setPressed(this.averageButton, state.movingAverage === true && granularity === 'day');
    this.averageButton.disabled = granularity !== 'day';
    this.averageButton.title = granularity === 'day' ? '' : this.init.labels.movingAverageDaysOnly;
  }

  showRangeError(text: string | undefined): void {
    this.range.showError(text);
  }

  /** Exports need loaded figures. */
  setExportsEnabled(enabled: boolean): void {
    for (const button of this.exportButtons) {
      button.disabled = !enabled;
    }
  }
}
