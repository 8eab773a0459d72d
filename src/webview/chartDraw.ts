/** Draws a Chart.js chart on first use; later, swaps its data and options in place (no animation). */
import type { ChartConfiguration, ChartType, DefaultDataPoint } from 'chart.js';
import { Chart } from 'chart.js';

export function drawOrUpdate<T extends ChartType, D = DefaultDataPoint<T>, L = unknown>(
  chart: Chart<T, D, L> | undefined,
  canvas: HTMLCanvasElement,
  config: ChartConfiguration<T, D, L>,
): Chart<T, D, L> {
  if (!chart) {
    return new Chart(canvas, config);
  }
  chart.data = config.data;
  // Both callers' configurations always set options; `{}` would reset them to the defaults.
  if (config.options) {
    chart.options = config.options;
  }
  chart.update('none');
  return chart;
}
