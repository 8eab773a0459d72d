/**
 * The toolbar: figure picker (grouped), range presets and custom dates (checked against the
 * allowed window, the reason shown inline), sum/compare, chart/table, refresh and exports.
 */
import { HISTORY_DAYS, type CstDay } from '../shared/days';
import type { MetricKey } from '../shared/metrics';
import { pick } from '../shared/i18n';
import type { InitMessage } from '../shared/protocol';
import type { ChartUiState, ChartView, RangePreset, SeriesMode } from '../shared/chartState';
import {
  checkChartRange,
  normalizeDayInput,
  RANGE_PRESETS,
  resolveRange,
  startsAtZero,
} from '../shared/chartState';
import { h } from './dom';
import { metricSelect } from './metricSelect';
import { fill } from './text';
import { canCompare } from './series';

export interface ControlActions {
  readonly metric: (metric: MetricKey) => void;
  readonly preset: (days: RangePreset) => void;
  readonly custom: (from: CstDay, to: CstDay) => void;
  readonly mode: (mode: SeriesMode) => void;
  readonly view: (view: ChartView) => void;
  readonly fromZero: (on: boolean) => void;
  readonly refresh: () => void;
  readonly exportCsv: () => void;
  readonly exportPng: () => void;
}

function toggle(label: string, name: string, onClick: () => void): HTMLButtonElement {
  return h('button', {
    className: 'toggle',
    attrs: { type: 'button', 'aria-pressed': 'false' },
    dataset: { name },
    text: label,
    onClick,
  });
}

function setPressed(button: HTMLButtonElement, pressed: boolean): void {
  button.setAttribute('aria-pressed', String(pressed));
}

export class Controls {
  readonly element: HTMLElement;
  private readonly metricSelect: HTMLSelectElement;
  private readonly presetButtons = new Map<RangePreset | 'custom', HTMLButtonElement>();
  private readonly customRow: HTMLElement;
  private readonly fromInput: HTMLInputElement;
  private readonly toInput: HTMLInputElement;
  private readonly rangeError: HTMLElement;
  private readonly modeButtons = new Map<SeriesMode, HTMLButtonElement>();
  private readonly viewButtons = new Map<ChartView, HTMLButtonElement>();
  private readonly exportButtons: HTMLButtonElement[];
  private readonly zeroButton: HTMLButtonElement;

  constructor(init: InitMessage, actions: ControlActions) {
    const { labels, lang } = init;
    this.metricSelect = metricSelect(lang, labels.figure, 'metric');
    this.metricSelect.addEventListener('change', () => actions.metric(this.metricSelect.value as MetricKey));

    const presets = h('div', {
      className: 'segmented',
      attrs: { role: 'group', 'aria-label': labels.range },
    });
    // A year and "All history" only when the history store holds days WeCom no longer serves.
    const olderHistory = init.oldestCached !== undefined && init.oldestCached < init.window.from;
    for (const days of RANGE_PRESETS) {
      if (days > HISTORY_DAYS && !olderHistory) {
        continue;
      }
      const button = toggle(fill(labels.lastNDays, { n: days }), `last${days}`, () => actions.preset(days));
      this.presetButtons.set(days, button);
      presets.append(button);
    }
    if (olderHistory && init.oldestCached !== undefined) {
      const oldest = init.oldestCached;
      presets.append(
        h('button', {
          className: 'toggle',
          attrs: { type: 'button' },
          dataset: { name: 'all-history' },
          text: labels.allHistory,
          onClick: () => actions.custom(oldest, init.window.to),
        }),
      );
    }
    const customButton = toggle(labels.custom, 'custom', () => {
      this.customRow.hidden = !this.customRow.hidden;
      if (!this.customRow.hidden) {
        this.fromInput.focus();
      }
    });
    this.presetButtons.set('custom', customButton);
    presets.append(customButton);

    // Text inputs, not type="date": the browser's date input shows the OS locale (mm/dd/yyyy),
    // while everything else in the panel, also in Chinese, is ISO YYYY-MM-DD.
    const dateInput = (id: string): HTMLInputElement =>
      h('input', {
        className: 'day-input',
        attrs: {
          id,
          type: 'text',
          placeholder: 'YYYY-MM-DD',
          inputmode: 'numeric',
          maxlength: '10',
          size: '11',
          autocomplete: 'off',
          spellcheck: 'false',
          required: '',
          'aria-describedby': 'range-error',
        },
      });
    this.fromInput = dateInput('range-from');
    this.toInput = dateInput('range-to');
    this.rangeError = h('p', { className: 'range-error', attrs: { role: 'alert', id: 'range-error' } });
    const apply = h('button', {
      attrs: { type: 'submit' },
      text: labels.apply,
    });
    const form = h(
      'form',
      { className: 'custom-range', attrs: { novalidate: '' } },
      h('label', { attrs: { for: 'range-from' }, text: labels.from }),
      this.fromInput,
      h('label', { attrs: { for: 'range-to' }, text: labels.to }),
      this.toInput,
      apply,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const [from, to] = [normalizeDayInput(this.fromInput.value), normalizeDayInput(this.toInput.value)];
      [this.fromInput.value, this.toInput.value] = [from, to];
      const reason = checkChartRange(from, to, Date.now(), init.oldestCached);
      this.showRangeError(reason && pick(reason, lang));
      if (!reason) {
        actions.custom(from, to);
      }
    });
    this.customRow = h('div', { className: 'custom-row' }, form, this.rangeError);
    this.customRow.hidden = true;

    const modes = h('div', { className: 'segmented', attrs: { role: 'group' } });
    for (const [mode, label] of [
      ['sum', labels.sum],
      ['compare', labels.compare],
    ] as const) {
      const button = toggle(label, mode, () => actions.mode(mode));
      this.modeButtons.set(mode, button);
      modes.append(button);
    }
    modes.hidden = !canCompare(init);

    const views = h('div', { className: 'segmented', attrs: { role: 'group' } });
    for (const [view, label] of [
      ['chart', labels.chartView],
      ['table', labels.tableView],
    ] as const) {
      const button = toggle(label, view, () => actions.view(view));
      this.viewButtons.set(view, button);
      views.append(button);
    }

    // A two-state toggle (aria-pressed): the y-axis from zero, or zoomed in on the values.
    this.zeroButton = toggle(labels.startAtZero, 'zero', () =>
      actions.fromZero(this.zeroButton.getAttribute('aria-pressed') !== 'true'),
    );

    const action = (label: string, name: string, run: () => void): HTMLButtonElement =>
      h('button', {
        className: 'action',
        attrs: { type: 'button' },
        dataset: { name },
        text: label,
        onClick: run,
      });
    this.exportButtons = [
      action(labels.exportCsv, 'export-csv', actions.exportCsv),
      action(labels.exportPng, 'export-png', actions.exportPng),
    ];
    const tools = h(
      'div',
      { className: 'actions' },
      action(labels.refresh, 'refresh', actions.refresh),
      ...this.exportButtons,
    );

    this.element = h(
      'div',
      { className: 'toolbar' },
      h(
        'div',
        { className: 'row' },
        h('label', { attrs: { for: 'metric' }, text: labels.figure }),
        this.metricSelect,
        modes,
        views,
        this.zeroButton,
        tools,
      ),
      h('div', { className: 'row' }, presets),
      this.customRow,
    );
  }

  /** Reflects the UI state in the controls. */
  sync(state: ChartUiState): void {
    this.metricSelect.value = state.metric;
    for (const [key, button] of this.presetButtons) {
      setPressed(button, state.range.kind === 'preset' ? key === state.range.days : key === 'custom');
    }
    const range = resolveRange(state.range);
    this.fromInput.value = range.from;
    this.toInput.value = range.to;
    for (const [mode, button] of this.modeButtons) {
      setPressed(button, mode === state.mode);
    }
    for (const [view, button] of this.viewButtons) {
      setPressed(button, view === state.view);
    }
    setPressed(this.zeroButton, startsAtZero(state));
    // The table has no axis.
    this.zeroButton.disabled = state.view !== 'chart';
  }

  showRangeError(text: string | undefined): void {
    this.rangeError.textContent = text ?? '';
    this.rangeError.hidden = !text;
    for (const input of [this.fromInput, this.toInput]) {
      if (text) {
        input.setAttribute('aria-invalid', 'true');
      } else {
        input.removeAttribute('aria-invalid');
      }
    }
    if (text) {
      this.customRow.hidden = false;
    }
  }

  /** Exports need loaded figures. */
  setExportsEnabled(enabled: boolean): void {
    for (const button of this.exportButtons) {
      button.disabled = !enabled;
    }
  }
}
