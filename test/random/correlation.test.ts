import { describe, expect, it } from 'vitest';
import { formatProblem, parseScenario, type ScenarioInput, safeParseScenario, sampleTrials, simulate } from '../../src/index.js';
import { baseScenario } from '../fixtures/scenarios.js';

function ranks(values: Float64Array): Float64Array {
  const order = Array.from(values.keys()).sort((a, b) => values[a] - values[b]);
  const r = new Float64Array(values.length);
  order.forEach((index, rank) => {
    r[index] = rank;
  });
  return r;
}

function spearman(x: Float64Array, y: Float64Array): number {
  const rx = ranks(x);
  const ry = ranks(y);
  const n = x.length;
  const mean = (n - 1) / 2;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i] - mean) * (ry[i] - mean);
    sxx += (rx[i] - mean) ** 2;
  }
  return sxy / sxx;
}

function correlated(rankCorrelation: number | undefined): ScenarioInput {
  return baseScenario({
    parameters: {
      growth: { distribution: { dist: 'lognormal', mu: Math.log(0.1), sigma: 0.5 } },
      arrivals: { distribution: { dist: 'uniform', min: 10, max: 50 } },
    },
    metrics: {
      output: { unit: 'yuan', baseline: 1e9, process: { type: 'growth', drift: 'growth' } },
      firms: { unit: 'count', baseline: 0, process: { type: 'arrivals', rate: 'arrivals' } },
    },
    targets: [
      { id: 'output', label: 'output', metric: 'output', comparison: '>=', threshold: 1.5e9, deadline: 2025 },
      { id: 'firms', label: 'firms', metric: 'firms', comparison: '>=', threshold: 110, deadline: 2025 },
    ],
    correlations: rankCorrelation === undefined ? [] : [{ between: ['growth', 'arrivals'], rankCorrelation }],
  });
}

describe('rank correlations between assumptions (Iman-Conover)', () => {
  it('achieves the requested Spearman correlation within 4 standard errors, keeping each marginal', async () => {
    const n = 20_000;
    const independent = await sampleTrials(await parseScenario(correlated(undefined)), { trials: n, seed: 3 });
    for (const rho of [0.6, -0.4]) {
      const samples = await sampleTrials(await parseScenario(correlated(rho)), { trials: n, seed: 3 });
      const achieved = spearman(samples.parameters.growth.values[0], samples.parameters.arrivals.values[0]);
      expect(Math.abs(achieved - rho)).toBeLessThan((4 * (1 - rho * rho)) / Math.sqrt(n - 1));
      // The same values are drawn, only paired differently.
      expect(samples.parameters.growth.values[0].slice().sort()).toEqual(independent.parameters.growth.values[0].slice().sort());
    }
  });

  it('moves the joint probability: positive correlation raises it, negative lowers it', async () => {
    const trials = 40_000;
    const joint = async (rho: number | undefined) => (await simulate(await parseScenario(correlated(rho)), { trials, seed: 5 })).joint;
    const [negative, none, positive] = await Promise.all([joint(-0.7), joint(undefined), joint(0.7)]);
    const gap = (a: typeof none, b: typeof none) => (b.probability - a.probability) / Math.hypot(a.standardError, b.standardError);
    expect(gap(negative, none)).toBeGreaterThan(4);
    expect(gap(none, positive)).toBeGreaterThan(4);
  });

  it('rejects correlations that cannot hold together', async () => {
    const input = correlated(0.9);
    input.parameters = { ...input.parameters, third: { distribution: { dist: 'normal', mean: 0, sd: 1 } } };
    input.correlations = [
      { between: ['growth', 'arrivals'], rankCorrelation: 0.9 },
      { between: ['arrivals', 'third'], rankCorrelation: 0.9 },
      { between: ['growth', 'third'], rankCorrelation: -0.9 },
    ];
    const result = await safeParseScenario(input);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.map(formatProblem)).toEqual([
        expect.stringMatching(/^correlations: these correlations cannot hold together .* not a valid correlation matrix/),
      ]);
  });
});
