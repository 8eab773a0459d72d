/** Reading a webview's canvas from a test (the test tsconfig has no DOM lib). */
import type { FrameLocator } from 'playwright-core';

/** The little of the DOM the page function uses. */
interface PageCanvas {
  readonly width: number;
  readonly height: number;
  getContext(
    kind: '2d',
  ): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
}

/** Distinct colours on the first canvas matching `selector`: a blank canvas means nothing was drawn. */
export async function canvasColours(frame: FrameLocator, selector = 'canvas'): Promise<number> {
  return frame
    .locator(selector)
    .first()
    .evaluate((element) => {
      const canvas = element as unknown as PageCanvas;
      const ctx = canvas.getContext('2d');
      if (!ctx) {
        return 0;
      }
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 7) {
        colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      }
      return colours.size;
    });
}
