import { describe, expect, it } from 'vitest';
import { type ReliabilityChartInput, reliabilityDiagramChart } from '../../src/charts/index.js';
import { compileChart } from '../../src/render/compile.js';
import { brierDecomposition, logScore, reliabilityDiagram } from '../../src/statistics/scores.js';

interface Layer {
  data?: { values: Array<Record<string, unknown>> };
  layer?: Layer[];
  hconcat?: Layer[];
}
/** Every data row a spec embeds, with the view it came from. */
const rowsOf = (layer: Layer): Array<Record<string, unknown>> => [
  ...(layer.data?.values ?? []),
  ...(layer.layer ?? []).flatMap(rowsOf),
  ...(layer.hconcat ?? []).flatMap(rowsOf),
];

// Eight forecasts in ten equal bins, counted by hand:
//   [0.0, 0.1): 0.05            → 1 target, 0 met
//   [0.1, 0.2): 0.15, 0.12      → 2 targets, 1 met, mean 0.135
//   [0.5, 0.6): 0.55, 0.58      → 2 targets, 1 met, mean 0.565
//   [0.9, 1.0]: 0.95, 0.99, 0.91 → 3 targets, 3 met, mean 0.95
const forecasts = [0.05, 0.15, 0.12, 0.55, 0.58, 0.95, 0.99, 0.91];
const outcomes = [0, 0, 1, 1, 0, 1, 1, 1];
const deterministic = forecasts.map((p) => (p >= 0.5 ? 1 : 0));

function scores(f: number[], o: number[]) {
  return { forecasts: f.length, brier: brierDecomposition(f, o, { bins: 10 }), log: logScore(f, o), reliability: reliabilityDiagram(f, o, { bins: 10 }) };
}
const empty = { forecasts: 0, brier: null, log: null, reliability: [] };
const input: ReliabilityChartInput = {
  meta: { bins: 10 },
  scores: { model: scores(forecasts, outcomes), deterministic: scores(deterministic, outcomes), baseRate: empty, modelWhereBaseRate: empty },
};

describe('the backtest chart (reliability diagram and scores)', () => {
  const spec = reliabilityDiagramChart(input);
  const rows = rowsOf(spec as Layer);
  const bins = rows.filter((r) => 'observed' in r);

  it("draws one dot per non-empty bin, with the hand count, the bin's mean forecast and its observed share", () => {
    expect(bins.map((b) => b.count)).toEqual([1, 2, 2, 3]);
    expect(bins.map((b) => b.range)).toEqual(['0–10%', '10–20%', '50–60%', '90–100%']);
    const expected = [
      [0.05, 0],
      [0.135, 0.5],
      [0.565, 0.5],
      [0.95, 1],
    ];
    bins.forEach((b, i) => {
      expect(b.forecast).toBeCloseTo(expected[i][0], 12);
      expect(b.observed).toBeCloseTo(expected[i][1], 12);
      expect(b.low as number).toBeLessThanOrEqual(b.observed as number);
      expect(b.high as number).toBeGreaterThanOrEqual(b.observed as number);
    });
  });

  it('draws the diagonal of perfect calibration', () => {
    expect(rows.filter((r) => 'x' in r && 'y' in r)).toEqual([
      { x: 0, y: 0 },
      { x: 1, y: 1 },
    ]);
  });

  it('shows the Brier score of the model and the deterministic verdict, and leaves out a forecaster with no targets', () => {
    const bars = rows.filter((r) => 'brier' in r);
    expect(bars.map((b) => b.id)).toEqual(['model', 'deterministic']);
    // By hand: model (0.05² + 0.15² + 0.88² + 0.45² + 0.58² + 0.05² + 0.01² + 0.09²) / 8; the verdict misses 2 of 8.
    const modelBrier = (0.05 ** 2 + 0.15 ** 2 + 0.88 ** 2 + 0.45 ** 2 + 0.58 ** 2 + 0.05 ** 2 + 0.01 ** 2 + 0.09 ** 2) / 8;
    expect(bars[0].brier).toBeCloseTo(modelBrier, 12);
    expect(bars[1].brier).toBeCloseTo(2 / 8, 12);
    expect(bars[0].label).toBe(`${modelBrier.toFixed(3)} (8 targets)`);
  });

  it('says which series decided the targets, and how many fell back to the other', () => {
    const subtitle = (s: typeof spec) => ((s.title as { subtitle: string[] }).subtitle ?? []).join(' ');
    expect(subtitle(spec)).toContain('met or missed by the official figures.');
    const independent = reliabilityDiagramChart({ ...input, meta: { bins: 10, series: 'independent', fellBack: 6 } });
    expect(subtitle(independent)).toContain('by the independent figures (the official ones for 6 that record no independent figure)');
  });

  it('compiles without warnings, in English and Chinese', async () => {
    expect((await compileChart(spec)).warnings).toEqual([]);
    const zh = reliabilityDiagramChart(input, { lang: 'zh' });
    expect(JSON.stringify(zh)).toContain('回测');
    expect((await compileChart(zh)).warnings).toEqual([]);
  });
});
