/**
 * The heatmap tab's toolbar row: the range (30 / 90 / 180 days, or any stored range typed as
 * days), colour by value or change, the rows' order (any figure, either direction), and chart
 * or table. The host checks a custom range again and says why it refuses one.
 */
import { addDays, tryParseCstDay, type CstDay, type DayRange } from '../../shared/days';
import { normalizeDayInput } from '../../shared/chartState';
import type {
  ColourBy,
  HeatmapPreset,
  HeatmapRange,
  HeatmapView,
  InsightsInit,
} from '../../shared/insightsProtocol';
import { HEATMAP_PRESETS } from '../../shared/insightsProtocol';
import type { MetricKey } from '../../shared/metrics';
import { h } from '../dom';
import { metricSelect } from '../metricSelect';
import { fill } from '../text';
import { segmented, setPressed } from './segmented';

export interface HeatmapActions {
  readonly range: (range: HeatmapRange) => void;
  readonly colourBy: (by: ColourBy) => void;
  readonly sortBy: (metric: MetricKey) => void;
  readonly ascending: (ascending: boolean) => void;
  readonly view: (view: HeatmapView) => void;
}

/** The days of a range choice: presets end yesterday (the window's last day). */
export function heatmapDays(range: HeatmapRange, yesterday: CstDay): DayRange {
  return range.kind === 'preset'
    ? { from: addDays(yesterday, 1 - range.days), to: yesterday }
    : { from: range.from, to: range.to };
}

export class HeatmapControls {
  readonly element: HTMLElement;
  private readonly presets: Map<HeatmapPreset | 'custom', HTMLButtonElement>;
  private readonly colours: Map<ColourBy, HTMLButtonElement>;
  private readonly views: Map<HeatmapView, HTMLButtonElement>;
  private readonly sortSelect: HTMLSelectElement;
  private readonly direction: HTMLButtonElement;
  private readonly customRow: HTMLElement;
  private readonly fromInput: HTMLInputElement;
  private readonly toInput: HTMLInputElement;
  private readonly error = h('p', { className: 'range-error', attrs: { role: 'alert' } });
  private ascending = false;
  private readonly directionText: { readonly asc: string; readonly desc: string };

  constructor(init: InsightsInit, actions: HeatmapActions) {
    const { labels, lang } = init;
    const presetGroup = segmented<HeatmapPreset | 'custom'>(
      labels.range,
      [
        ...HEATMAP_PRESETS.map((n) => [n, fill(labels.lastNDays, { n })] as const),
        ['custom', labels.custom] as const,
      ],
      (choice) => {
        if (choice === 'custom') {
          this.customRow.hidden = false;
          this.fromInput.focus();
        } else {
          this.customRow.hidden = true;
          actions.range({ kind: 'preset', days: choice });
        }
      },
      'range',
    );
    this.presets = presetGroup.buttons;
    this.fromInput = h('input', {
      className: 'day-input',
      attrs: { id: 'from', 'aria-label': labels.from, placeholder: 'YYYY-MM-DD' },
    });
    this.toInput = h('input', {
      className: 'day-input',
      attrs: { id: 'to', 'aria-label': labels.to, placeholder: 'YYYY-MM-DD' },
    });
    const apply = (): void => {
      const from = tryParseCstDay(normalizeDayInput(this.fromInput.value));
      const to = tryParseCstDay(normalizeDayInput(this.toInput.value));
      const ok = from !== undefined && to !== undefined && from <= to && to <= init.window.to;
      this.fromInput.setAttribute('aria-invalid', String(from === undefined));
      this.toInput.setAttribute('aria-invalid', String(to === undefined));
      this.error.textContent = ok ? '' : `${labels.from} ≤ ${labels.to} ≤ ${init.window.to} (YYYY-MM-DD)`;
      if (ok) {
        actions.range({ kind: 'custom', from, to });
      }
    };
    this.customRow = h(
      'span',
      { className: 'custom-range' },
      this.fromInput,
      h('span', { text: '…' }),
      this.toInput,
      h('button', {
        attrs: { type: 'button' },
        dataset: { name: 'apply' },
        text: labels.apply,
        onClick: apply,
      }),
    );
    const colourGroup = segmented<ColourBy>(
      labels.colourBy,
      [
        ['value', labels.byValue],
        ['change', labels.byChange],
      ],
      (by) => actions.colourBy(by),
      'colour',
    );
    this.colours = colourGroup.buttons;
    this.sortSelect = metricSelect(lang, labels.sortBy, 'sort-by');
    this.sortSelect.addEventListener('change', () => actions.sortBy(this.sortSelect.value as MetricKey));
    this.direction = h('button', {
      attrs: { type: 'button' },
      dataset: { name: 'direction' },
      onClick: () => actions.ascending(!this.ascending),
    });
    const viewGroup = segmented<HeatmapView>(
      labels.chartView,
      [
        ['chart', labels.chartView],
        ['table', labels.tableView],
      ],
      (view) => actions.view(view),
      'view',
    );
    this.views = viewGroup.buttons;
    this.element = h(
      'div',
      { className: 'heatmap-controls' },
      h('div', { className: 'row' }, presetGroup.element, this.customRow),
      this.error,
      h(
        'div',
        { className: 'row' },
        h('label', { text: labels.colourBy }),
        colourGroup.element,
        h('label', { attrs: { for: 'sort-by' }, text: labels.sortBy }),
        this.sortSelect,
        this.direction,
        viewGroup.element,
      ),
    );
    this.directionText = { asc: labels.ascending, desc: labels.descending };
  }

  sync(state: {
    range: HeatmapRange;
    colourBy: ColourBy;
    sortBy: MetricKey;
    ascending: boolean;
    view: HeatmapView;
  }): void {
    const preset = state.range.kind === 'preset' ? state.range.days : 'custom';
    this.presets.forEach((b, key) => setPressed(b, key === preset));
    this.customRow.hidden = state.range.kind !== 'custom';
    if (state.range.kind === 'custom') {
      this.fromInput.value = state.range.from;
      this.toInput.value = state.range.to;
    }
    this.colours.forEach((b, key) => setPressed(b, key === state.colourBy));
    this.views.forEach((b, key) => setPressed(b, key === state.view));
    this.sortSelect.value = state.sortBy;
    this.ascending = state.ascending;
    this.direction.textContent = state.ascending
      ? `↑ ${this.directionText.asc}`
      : `↓ ${this.directionText.desc}`;
  }
}
