/**
 * The one Chart.js line chart of the panel: created once, `update()`d with new data and theme,
 * `destroy()`ed on teardown. Only the parts used are registered, so the bundle stays small.
 */
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import {
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  SubTitle,
  Tooltip,
} from 'chart.js';
import type { ShownPeriod } from '../analysis/chartPeriods';
import { backgroundPlugin } from './chartBackground';
import { drawOrUpdate } from './chartDraw';
import { REVISED_POINT_STYLE, seriesStyle } from './palette';
import type { SeriesView } from './series';
import type { ChartTheme } from './theme';

Chart.register(
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  CategoryScale,
  Tooltip,
  Legend,
  SubTitle,
);

export interface ChartInput {
  readonly periods: readonly ShownPeriod[];
  readonly series: readonly SeriesView[];
  /** The axis starts at zero (the toolbar's toggle), else zooms in on the values. */
  readonly beginAtZero: boolean;
  readonly numberFormat: Intl.NumberFormat;
  /** A point as the tooltip title, in the UI language ("2026-W48: 2026-11-23 … 2026-11-29 (CST)"). */
  readonly periodTitle: (period: ShownPeriod) => string;
  /** Said in the tooltip of an incomplete point (drawn hollow, reached by a dashed segment). */
  readonly incomplete: string;
  /** Lines (by `styleIndex`) the user hid from their owner's card, with their averages. */
  readonly hidden: ReadonlySet<number>;
  /** Drawn above the plot (and so in an exported PNG): what the figures lack. */
  readonly note?: string;
}

type LineConfig = ChartConfiguration<'line', (number | null)[], string>;

export class ByDayChart {
  private chart: Chart<'line', (number | null)[], string> | undefined;

  constructor(private readonly canvas: HTMLCanvasElement) {}

  /** Draws (first call) or updates the chart (synchronously: animations are off). */
  render(input: ChartInput, theme: ChartTheme): void {
    this.chart = drawOrUpdate(this.chart, this.canvas, this.configure(input, theme));
  }

  toPng(): string {
    return this.canvas.toDataURL('image/png');
  }

  destroy(): void {
    this.chart?.destroy();
    this.chart = undefined;
  }

  private configure(input: ChartInput, theme: ChartTheme): LineConfig {
    const dense = input.periods.length > 60;
    const width = theme.highContrast ? 3 : 2;
    const font = { family: theme.fontFamily, size: theme.fontSize };
    const incomplete = input.periods.map((p) => !p.complete);
    return {
      type: 'line',
      data: {
        labels: input.periods.map((p) => p.id),
        datasets: input.series.map((s) => {
          const style = seriesStyle(theme.kind, s.styleIndex);
          if (s.average) {
            // The average: thinner, dashed, no points; the line it averages keeps its colour.
            return {
              label: s.label,
              data: [...s.values],
              borderColor: style.colour,
              backgroundColor: style.colour,
              borderWidth: Math.max(1, width - 1),
              borderDash: [5, 4],
              pointRadius: 0,
              pointHoverRadius: 3,
              hidden: input.hidden.has(s.styleIndex),
              spanGaps: false,
              tension: 0,
            };
          }
          const revised = (i: number): boolean => s.notes?.[i] !== undefined;
          return {
            label: s.label,
            data: [...s.values],
            borderColor: style.colour,
            backgroundColor: style.colour,
            borderWidth: width,
            borderDash: [...style.dash],
            pointStyle: s.values.map((_, i) => (revised(i) ? REVISED_POINT_STYLE : style.pointStyle)),
            pointRadius: s.values.map((_, i) => (revised(i) ? 6 : incomplete[i] || !dense ? 3 : 0)),
            // An incomplete point is hollow: the background shows through.
            pointBackgroundColor: s.values.map((_, i) => (incomplete[i] ? theme.background : style.colour)),
            pointBorderColor: style.colour,
            pointHoverRadius: 5,
            hidden: input.hidden.has(s.styleIndex),
            // The segment into an incomplete point is dashed, so a partial week never reads as a drop.
            segment: {
              borderDash: (ctx) =>
                incomplete[ctx.p1DataIndex] ? [3, 3] : style.dash.length ? [...style.dash] : undefined,
            },
            spanGaps: false,
            tension: 0,
          };
        }),
      },
      plugins: [backgroundPlugin],
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        color: theme.foreground,
        font,
        scales: {
          x: {
            ticks: { color: theme.muted, font, maxRotation: 0, autoSkip: true, autoSkipPadding: 16 },
            grid: { color: theme.grid, display: false },
            border: { color: theme.grid },
          },
          y: {
            beginAtZero: input.beginAtZero,
            ticks: {
              color: theme.muted,
              font,
              precision: 0,
              callback: (v) => input.numberFormat.format(Number(v)),
            },
            grid: { color: theme.grid },
            border: { color: theme.grid },
          },
        },
        plugins: {
          editorBackground: { color: theme.background },
          subtitle: {
            display: input.note !== undefined,
            text: input.note ?? '',
            color: theme.foreground,
            font,
            align: 'start',
            padding: { bottom: 8 },
          },
          legend: {
            display: input.series.length > 1,
            position: 'bottom',
            labels: { color: theme.foreground, font, boxWidth: 18, boxHeight: 2 },
          },
          tooltip: {
            titleFont: font,
            bodyFont: font,
            footerFont: font,
            callbacks: {
              title: (items: TooltipItem<'line'>[]) => {
                const period = items[0] ? input.periods[items[0].dataIndex] : undefined;
                return period ? input.periodTitle(period) : '';
              },
              label: (item: TooltipItem<'line'>) =>
                `${item.dataset.label ?? ''}: ${input.numberFormat.format(item.parsed.y ?? 0)}`,
              afterLabel: (item: TooltipItem<'line'>) =>
                input.series[item.datasetIndex]?.notes?.[item.dataIndex] ?? '',
              footer: (items: TooltipItem<'line'>[]) =>
                items[0] && incomplete[items[0].dataIndex] ? input.incomplete : '',
            },
          },
        },
      },
    };
  }
}
