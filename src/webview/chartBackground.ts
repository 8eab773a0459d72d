/** A Chart.js plugin that paints the editor background first, so an exported PNG looks like the panel. */
import type { ChartType, Plugin } from 'chart.js';

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the type parameter must match Chart.js's declaration
  interface PluginOptionsByType<TType extends ChartType> {
    editorBackground?: { color?: string };
  }
}

export const backgroundPlugin: Plugin = {
  id: 'editorBackground',
  beforeDraw(chart) {
    const background = chart.options.plugins?.editorBackground?.color;
    if (background) {
      const ctx = chart.ctx;
      ctx.save();
      ctx.fillStyle = background;
      ctx.fillRect(0, 0, chart.width, chart.height);
      ctx.restore();
    }
  },
};
