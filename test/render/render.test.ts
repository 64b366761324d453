import { describe, expect, it } from 'vitest';
import { fanChart, parkCharts, targetProbabilitiesChart } from '../../src/charts/index.js';
import { categoryLabels } from '../../src/charts/labels.js';
import { fontFiles, fontFilesFor, latinFontFiles } from '../../src/render/fonts.js';
import { renderPng, renderSvg } from '../../src/render/index.js';
import { rasterise } from '../../src/render/png.js';
import { textWidth } from '../../src/render/textWidth.js';
import { escapeHtml } from '../../src/report/pages/html.js';
import { chartResults, seedResults } from '../charts/results.js';
import { inkShare, pngSize } from './png.js';

/** The SVG's own size, from its root element. */
function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg[^>]*>/.exec(svg)?.[0] ?? '';
  return { width: Number(/ width="([\d.]+)"/.exec(root)?.[1]), height: Number(/ height="([\d.]+)"/.exec(root)?.[1]) };
}

describe('SVG with the real Vega renderer, in Node', () => {
  it('the probabilities chart names every target (each line of its wrapped label)', async () => {
    const { simulation } = await seedResults();
    const svg = await renderSvg(targetProbabilitiesChart(simulation));
    expect(svg.startsWith('<svg')).toBe(true);
    for (const label of categoryLabels(simulation.targets))
      for (const line of label.split('\n')) expect(svg).toContain(escapeHtml(line).replace(/&#39;/g, "'"));
    expect(svg).toContain('All 7 official targets together');
  });

  it('a fan chart names its targets in the subtitle and beside their marks, escaping what must be escaped', async () => {
    const { simulation, projection } = await chartResults();
    const svg = await renderSvg(fanChart({ simulation, projection, metric: 'firms' }));
    expect(svg).toContain('At least 50 enterprises introduced by 2025 &amp; kept &lt;there&gt;');
    expect(svg).toContain('at least 50 by 2025');
    expect(svg).toContain('20 to 40 by 2024');
  });
});

describe('PNG from the SVG with resvg and the shipped fonts', () => {
  it('every chart of a park is a non-blank PNG twice the size of its SVG', async () => {
    const { simulation, projection } = await chartResults();
    for (const chart of parkCharts({ simulation, projection })) {
      const svg = await renderSvg(chart.spec);
      const png = await renderPng(svg);
      const { width, height } = svgSize(svg);
      expect(width, chart.id).toBeGreaterThan(300);
      expect(pngSize(png), chart.id).toEqual({ width: Math.round(width * 2), height: Math.round(height * 2) });
      expect(png.byteLength, chart.id).toBeGreaterThan(20_000);
      expect(inkShare(png), chart.id).toBeGreaterThan(0.05);
    }
  });

  it('draws Chinese text with the shipped font, on no system font', async () => {
    const text = async (content: string) =>
      Buffer.from(
        await renderPng(
          `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><text x="10" y="40" font-family="sans-serif" font-size="28">${content}</text></svg>`,
        ),
      );
    expect(inkShare(await text(''))).toBe(0);
    expect(inkShare(await text('Target'))).toBeGreaterThan(0.01);
    expect(inkShare(await text('亿元'))).toBeGreaterThan(0.01);
    // A font without Chinese draws the same empty box for every character: real glyphs differ.
    expect((await text('亿元')).equals(await text('目标'))).toBe(false);
  });

  it('draws Latin-only charts with the small Latin fonts, the same PNG byte for byte as with the full fonts', async () => {
    const { simulation, projection } = await chartResults();
    for (const chart of parkCharts({ simulation, projection })) {
      const svg = await renderSvg(chart.spec);
      expect(fontFilesFor(svg), chart.id).toEqual(latinFontFiles());
      const [latin, full] = await Promise.all([rasterise(svg, latinFontFiles(), 2), rasterise(svg, fontFiles(), 2)]);
      expect(Buffer.from(latin).equals(Buffer.from(full)), chart.id).toBe(true);
    }
    const chinese = await renderSvg(targetProbabilitiesChart(simulation, { lang: 'zh' }));
    expect(fontFilesFor(chinese)).toEqual(fontFiles());
  });

  it('takes the full fonts for any character from U+2E80 on, written out or as a numeric reference', () => {
    const text = (content: string) => `<svg xmlns="http://www.w3.org/2000/svg"><text>${content}</text></svg>`;
    expect(fontFilesFor(text('Output &#39;25 € → ◆ ±5% Ω Ж'))).toEqual(latinFontFiles());
    for (const content of ['亿元', '&#20159;', '&#x4EBF;', '、', '１', '😀']) expect(fontFilesFor(text(content)), content).toEqual(fontFiles());
  });

  it('a scale of 1 gives the SVG’s own size', async () => {
    const { simulation } = await chartResults();
    const svg = await renderSvg(targetProbabilitiesChart(simulation, { lang: 'zh' }));
    const { width, height } = svgSize(svg);
    expect(pngSize(await renderPng(svg, { scale: 1 }))).toEqual({ width: Math.round(width), height: Math.round(height) });
  });
});

describe('text measure for layout', () => {
  it('measures Latin narrower than Chinese, and bold wider than regular', () => {
    expect(textWidth('Target', 10)).toBeCloseTo(((599 + 564 + 388 + 563 + 554 + 377) * 10) / 1000);
    expect(textWidth('目标', 10)).toBe(20);
    expect(textWidth('Target', 10, true)).toBeGreaterThan(textWidth('Target', 10));
  });
});
