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
import type { CstDay } from '../shared/days';
import { backgroundPlugin } from './chartBackground';
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
  readonly days: readonly CstDay[];
  readonly series: readonly SeriesView[];
  /** The axis starts at zero (the toolbar's toggle), else zooms in on the values. */
  readonly beginAtZero: boolean;
  readonly numberFormat: Intl.NumberFormat;
  /** A day as the tooltip title, in the UI language ("2026-11-26 (CST)"). */
  readonly dayTitle: (day: string) => string;
  /** Drawn above the plot (and so in an exported PNG): what the figures lack. */
  readonly note?: string;
}

type LineConfig = ChartConfiguration<'line', (number | null)[], CstDay>;

export class ByDayChart {
  private chart: Chart<'line', (number | null)[], CstDay> | undefined;

  constructor(private readonly canvas: HTMLCanvasElement) {}

  /** Draws (first call) or updates the chart (synchronously: animations are off). */
  render(input: ChartInput, theme: ChartTheme): void {
    const config = this.configure(input, theme);
    if (!this.chart) {
      this.chart = new Chart(this.canvas, config);
      return;
    }
    this.chart.data = config.data;
    this.chart.options = config.options ?? {};
    this.chart.update('none');
  }

  toPng(): string {
    return this.canvas.toDataURL('image/png');
  }

  destroy(): void {
    this.chart?.destroy();
    this.chart = undefined;
  }

  private configure(input: ChartInput, theme: ChartTheme): LineConfig {
    const dense = input.days.length > 60;
    const width = theme.highContrast ? 3 : 2;
    const font = { family: theme.fontFamily, size: theme.fontSize };
    return {
      type: 'line',
      data: {
        labels: [...input.days],
        datasets: input.series.map((s, i) => {
          const colour = theme.series[i % theme.series.length];
          return {
            label: s.label,
            data: [...s.values],
            borderColor: colour,
            backgroundColor: colour,
            borderWidth: width,
            pointRadius: dense ? 0 : 2.5,
            pointHoverRadius: 5,
            // Dashes tell series apart without relying on colour alone.
            borderDash: i >= theme.series.length ? [6, 3] : undefined,
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
            labels: { color: theme.foreground, font, boxWidth: 14, boxHeight: 2 },
          },
          tooltip: {
            titleFont: font,
            bodyFont: font,
            callbacks: {
              title: (items: TooltipItem<'line'>[]) => (items[0] ? input.dayTitle(items[0].label) : ''),
              label: (item: TooltipItem<'line'>) =>
                `${item.dataset.label ?? ''}: ${input.numberFormat.format(item.parsed.y ?? 0)}`,
            },
          },
        },
      },
    };
  }
}
