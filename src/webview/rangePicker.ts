/**
 * The toolbar's range: presets (a year and "All history" only when the history store holds days
 * WeCom no longer serves) and a custom range typed as ISO days, checked against the allowed
 * window with the reason shown inline.
 */
import type { ChartUiState, RangePreset } from '../shared/chartState';
import { checkChartRange, normalizeDayInput, RANGE_PRESETS, resolveRange } from '../shared/chartState';
import { HISTORY_DAYS, type CstDay } from '../shared/days';
import { pick } from '../shared/i18n';
import type { InitMessage } from '../shared/protocol';
import { h } from './dom';
import { fill } from './text';

export interface RangeActions {
  readonly preset: (days: RangePreset) => void;
  readonly custom: (from: CstDay, to: CstDay) => void;
}

/** A two-state button (aria-pressed). */
export function toggle(label: string, name: string, onClick: () => void): HTMLButtonElement {
  return h('button', {
    className: 'toggle',
    attrs: { type: 'button', 'aria-pressed': 'false' },
    dataset: { name },
    text: label,
    onClick,
  });
}

export function setPressed(button: HTMLButtonElement, pressed: boolean): void {
  button.setAttribute('aria-pressed', String(pressed));
}

export class RangePicker {
  /** The presets and Custom. */
  readonly presets: HTMLElement;
  /** The custom range form and its error (hidden until Custom is pressed). */
  readonly customRow: HTMLElement;
  private readonly presetButtons = new Map<RangePreset | 'custom', HTMLButtonElement>();
  private readonly fromInput: HTMLInputElement;
  private readonly toInput: HTMLInputElement;
  private readonly rangeError: HTMLElement;

  constructor(init: InitMessage, actions: RangeActions, now: () => number) {
    const { labels, lang } = init;
    this.presets = h('div', { className: 'segmented', attrs: { role: 'group', 'aria-label': labels.range } });
    const olderHistory = init.oldestCached !== undefined && init.oldestCached < init.window.from;
    for (const days of RANGE_PRESETS) {
      if (days > HISTORY_DAYS && !olderHistory) {
        continue;
      }
      const button = toggle(fill(labels.lastNDays, { n: days }), `last${days}`, () => actions.preset(days));
      this.presetButtons.set(days, button);
      this.presets.append(button);
    }
    if (olderHistory && init.oldestCached !== undefined) {
      const oldest = init.oldestCached;
      this.presets.append(
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
    this.presets.append(customButton);

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
    const form = h(
      'form',
      { className: 'custom-range', attrs: { novalidate: '' } },
      h('label', { attrs: { for: 'range-from' }, text: labels.from }),
      this.fromInput,
      h('label', { attrs: { for: 'range-to' }, text: labels.to }),
      this.toInput,
      h('button', { attrs: { type: 'submit' }, text: labels.apply }),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const [from, to] = [normalizeDayInput(this.fromInput.value), normalizeDayInput(this.toInput.value)];
      [this.fromInput.value, this.toInput.value] = [from, to];
      const reason = checkChartRange(from, to, now(), init.oldestCached);
      this.showError(reason && pick(reason, lang));
      if (!reason) {
        actions.custom(from, to);
      }
    });
    this.customRow = h('div', { className: 'custom-row' }, form, this.rangeError);
    this.customRow.hidden = true;
  }

  sync(state: ChartUiState, now: number): void {
    for (const [key, button] of this.presetButtons) {
      setPressed(button, state.range.kind === 'preset' ? key === state.range.days : key === 'custom');
    }
    const range = resolveRange(state.range, now);
    this.fromInput.value = range.from;
    this.toInput.value = range.to;
  }

  showError(text: string | undefined): void {
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
}
