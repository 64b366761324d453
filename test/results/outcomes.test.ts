import { describe, expect, it } from 'vitest';
import { parseScenario, safeParseScenario, simulate } from '../../src/index.js';
import { meetsTarget, percentileOf } from '../../src/results/outcomes.js';

/** Output = 100 · exp(g) after one year, g ~ uniform(0, 0.1): P(output ≤ 100·e^x) = x / 0.1 for x in [0, 0.1]. */
function uniformGrowthPark(outcomes: unknown[]) {
  return {
    park: { id: 'uniform-growth', name: 'Uniform growth (test)', location: 'test' },
    sources: [{ id: 'ledger', headline: 'Test ledger', outlet: 'test' }],
    horizon: { baseYear: 2020, endYear: 2021 },
    parameters: { g: { distribution: { dist: 'uniform', min: 0, max: 0.1 }, reason: 'test' } },
    metrics: { output: { unit: 'count', baseline: 100, process: { type: 'growth', drift: 'g' } } },
    targets: [{ id: 'output-106', label: 'Output above 106', metric: 'output', comparison: '>=', threshold: 106, deadline: 2021 }],
    outcomes,
  };
}

describe('outcomes: predicted against actual', () => {
  it('percentileOf interpolates between quantiles, by hand', () => {
    const levels = [0.05, 0.25, 0.5, 0.75, 0.95];
    const q = [1, 2, 3, 4, 5];
    // 3.5 is halfway from p50 (3) to p75 (4): 50 + 0.5 · 25 = 62.5.
    expect(percentileOf(levels, q, 3.5)).toEqual({ percentile: 62.5 });
    // 1.5 is halfway from p5 to p25: 5 + 0.5 · 20 = 15.
    expect(percentileOf(levels, q, 1.5).percentile).toBeCloseTo(15, 12);
    expect(percentileOf(levels, q, 0.5)).toEqual({ percentile: 5, outside: 'below' });
    expect(percentileOf(levels, q, 9)).toEqual({ percentile: 95, outside: 'above' });
    // A point mass: every quantile equal to the value, the middle of their levels.
    expect(percentileOf(levels, [2, 2, 2, 2, 2], 2)).toEqual({ percentile: 50 });
  });

  it('meetsTarget follows the comparison', () => {
    expect(meetsTarget({ comparison: '>=', threshold: 5 }, 5)).toBe(true);
    expect(meetsTarget({ comparison: '>', threshold: 5 }, 5)).toBe(false);
    expect(meetsTarget({ comparison: 'between', threshold: [2, 3] }, 3)).toBe(true);
    expect(meetsTarget({ comparison: '<', threshold: 5 }, 6)).toBe(false);
  });

  it("an outcome's percentile in the simulated distribution matches the closed form", async () => {
    const actual = 100 * Math.exp(0.07); // the 70th percentile exactly
    const scenario = await parseScenario(
      uniformGrowthPark([
        { target: 'output-106', year: 2021, value: actual, source: 'ledger' },
        { metric: 'output', year: 2021, value: actual, source: 'ledger', series: 'independent' },
      ]),
    );
    const trials = 20000;
    const result = await simulate(scenario, { trials, seed: 3 });
    const [byTarget, byMetric] = result.outcomes ?? [];
    // Sampling error of a 70th percentile, in percentile points: 100·sqrt(0.7·0.3/n). The histogram
    // reads quantiles within 0.2% of the value, and percentile(x) = 1000·ln(x/100) moves 1000/x
    // points per unit: 0.002·x · 1000/x = 2 points.
    const histogram = 0.002 * actual * (1000 / actual);
    const tolerance = 4 * 100 * Math.sqrt((0.7 * 0.3) / trials) + histogram;
    expect(Math.abs((byTarget.percentile as number) - 70)).toBeLessThan(tolerance);
    expect(Math.abs((byMetric.percentile as number) - 70)).toBeLessThan(tolerance);
    expect(byTarget.met).toBe(true);
    expect(byTarget.predictedProbability).toBe(result.targets[0].probability);
    // The metric's outcome judges the value target due that year too.
    expect(byMetric.targets).toEqual([{ id: 'output-106', met: true, predictedProbability: result.targets[0].probability }]);
    expect(byMetric.series).toBe('independent');
  });

  it('results record an empty outcomes list as empty and an absent one not at all; bad outcomes are problems at their paths', async () => {
    const scenario = await parseScenario(uniformGrowthPark([]));
    expect((await simulate(scenario, { trials: 100, seed: 1 })).outcomes).toEqual([]);
    const { outcomes: _none, ...withoutOutcomes } = uniformGrowthPark([]);
    expect('outcomes' in (await simulate(await parseScenario(withoutOutcomes), { trials: 100, seed: 1 }))).toBe(false);
    const bad = await safeParseScenario(
      uniformGrowthPark([
        { target: 'output-106', year: 2020, value: 1, source: 'ledger' },
        { metric: 'outptu', year: 2021, value: 1, source: 'ledger' },
        { metric: 'output', target: 'output-106', year: 2021, value: 1, source: 'ledger' },
        { metric: 'output', year: 2021, value: 1, source: 'nowhere' },
      ]),
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.map((p) => p.path)).toEqual([
      ['outcomes', 0, 'year'],
      ['outcomes', 1, 'metric'],
      ['outcomes', 2, 'target'],
      ['outcomes', 3, 'source'],
    ]);
  });
});
