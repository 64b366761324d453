import type { TopLevelSpec } from 'vega-lite';
import { compileChart } from './compile.js';
import { vegaTextWidth } from './textWidth.js';

/**
 * Renders a Vega-Lite spec to SVG in Node with the real Vega renderer (no browser, no canvas):
 * vega-lite compile, a headless vega View, `toSVG()`. Text is measured in the font PNGs use.
 *
 * @example
 * ```ts
 * const svg = await renderSvg(fanChart({ simulation, projection, metric: 'tax' }));
 * ```
 */
export async function renderSvg(chart: TopLevelSpec): Promise<string> {
  const { spec } = await compileChart(chart);
  const vega = await import('vega');
  // Vega's documented hook for a custom measure (vl-convert does the same): Node has no canvas.
  (vega as unknown as { textMetrics: { width: typeof vegaTextWidth } }).textMetrics.width = vegaTextWidth;
  const view = new vega.View(vega.parse(spec), { renderer: 'none', logLevel: vega.Warn });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
