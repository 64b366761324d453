import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import poissonCdf from '@stdlib/stats-base-dists-poisson-cdf';
import { describe, expect, it } from 'vitest';
import { parseScenario, project, type ScenarioInput, simulate } from '../../src/index.js';
import { baseScenario, standardErrors } from '../fixtures/scenarios.js';

const TRIALS = 100_000;

async function probabilityOf(input: ScenarioInput, seed = 3): Promise<number[]> {
  const result = await simulate(await parseScenario(input), { trials: TRIALS, seed });
  return result.targets.map((t) => t.probability);
}

describe('Monte Carlo probabilities against closed forms (fixed seed, within 4 standard errors)', () => {
  it('lognormal compound growth: P(X_T >= c) from the normal CDF', async () => {
    const [p] = await probabilityOf(
      baseScenario({
        metrics: { output: { unit: 'yuan', baseline: 1e9, process: { type: 'growth', drift: 0.05, volatility: 0.2 } } },
        targets: [{ id: 'grow', label: 'grow', metric: 'output', comparison: '>=', threshold: 1.5e9, deadline: 2025 }],
      }),
    );
    const expected = 1 - normalCdf(Math.log(1.5), 3 * 0.05, 0.2 * Math.sqrt(3));
    expect(Math.abs(p - expected)).toBeLessThan(standardErrors(expected, TRIALS));
  });

  it('growth with an uncertain drift drawn once per trial: variance T²·sd² + T·vol²', async () => {
    const [p] = await probabilityOf(
      baseScenario({
        parameters: { drift: { distribution: { dist: 'normal', mean: 0.05, sd: 0.04 } } },
        metrics: { output: { unit: 'yuan', baseline: 1e9, process: { type: 'growth', drift: 'drift', volatility: 0.1 } } },
        targets: [{ id: 'grow', label: 'grow', metric: 'output', comparison: '>', threshold: 1.3e9, deadline: 2025 }],
      }),
    );
    const expected = 1 - normalCdf(Math.log(1.3), 0.15, Math.sqrt(9 * 0.04 ** 2 + 3 * 0.1 ** 2));
    expect(Math.abs(p - expected)).toBeLessThan(standardErrors(expected, TRIALS));
  });

  it('Poisson arrivals over T years: the Poisson CDF at T·λ', async () => {
    const [atLeast, below] = await probabilityOf(
      baseScenario({
        metrics: { firms: { unit: 'count', baseline: 12, process: { type: 'arrivals', rate: 30 } } },
        targets: [
          { id: 'firms-100', label: '100 new firms', metric: 'firms', comparison: '>=', threshold: 100, deadline: 2025, measure: 'runningTotal' },
          { id: 'firms-under-85', label: 'under 85', metric: 'firms', comparison: '<', threshold: 85, deadline: 2025, measure: 'runningTotal' },
        ],
      }),
    );
    const expectedAtLeast = 1 - poissonCdf(99, 90);
    const expectedBelow = poissonCdf(84, 90);
    expect(Math.abs(atLeast - expectedAtLeast)).toBeLessThan(standardErrors(expectedAtLeast, TRIALS));
    expect(Math.abs(below - expectedBelow)).toBeLessThan(standardErrors(expectedBelow, TRIALS));
  });

  it('binomial graduation: a fresh cohort each year and a depleting pool', async () => {
    const [fresh, depleting] = await probabilityOf(
      baseScenario({
        metrics: {
          cohort: { unit: 'count', baseline: 0, process: { type: 'graduation', pool: 20, probability: 0.15, depleting: false } },
          pool: { unit: 'count', baseline: 0, process: { type: 'graduation', pool: 40, probability: 0.1 } },
        },
        targets: [
          { id: 'fresh', label: 'fresh', metric: 'cohort', comparison: '>=', threshold: 10, deadline: 2025, measure: 'runningTotal' },
          { id: 'depleting', label: 'depleting', metric: 'pool', comparison: '>=', threshold: 12, deadline: 2025 },
        ],
      }),
    );
    const expectedFresh = 1 - binomialCdf(9, 60, 0.15);
    // Each of the 40 candidates graduates within three years with probability 1 - 0.9³.
    const expectedDepleting = 1 - binomialCdf(11, 40, 1 - 0.9 ** 3);
    expect(Math.abs(fresh - expectedFresh)).toBeLessThan(standardErrors(expectedFresh, TRIALS));
    expect(Math.abs(depleting - expectedDepleting)).toBeLessThan(standardErrors(expectedDepleting, TRIALS));
  });

  it('a derived metric of a lognormal: tax = output × rate', async () => {
    const [p] = await probabilityOf(
      baseScenario({
        parameters: { taxRate: { distribution: { dist: 'fixed', value: 0.02 } } },
        metrics: {
          output: { unit: 'yuan', baseline: 1e10, process: { type: 'growth', drift: 0.1, volatility: 0.15 } },
          tax: { unit: 'yuan', process: { type: 'derived', expression: 'output * taxRate' } },
        },
        targets: [{ id: 'tax', label: 'tax', metric: 'tax', comparison: '>=', threshold: 2.6e8, deadline: 2024 }],
      }),
    );
    const expected = 1 - normalCdf(Math.log(2.6e8 / (1e10 * 0.02)), 0.2, 0.15 * Math.sqrt(2));
    expect(Math.abs(p - expected)).toBeLessThan(standardErrors(expected, TRIALS));
  });

  it('logistic growth without noise follows the closed-form logistic curve', async () => {
    const result = await simulate(
      await parseScenario(
        baseScenario({
          metrics: { area: { unit: 'area', baseline: 100_000, process: { type: 'logistic', rate: 0.8, capacity: 1_330_000 } } },
        }),
      ),
      { trials: 10 },
    );
    const k = 1_330_000;
    const expected = k / (1 + (k / 100_000 - 1) * Math.exp(-0.8 * 3));
    const median = result.metrics[0].years[3].quantiles?.p50 ?? Number.NaN;
    expect(Math.abs(median - expected) / expected).toBeLessThan(0.002);
  });
});

describe('overdispersed arrivals and one-off steps', () => {
  it('negative binomial arrivals: mean T·μ and variance T·(μ + μ²/k) over T years', async () => {
    const result = await simulate(
      await parseScenario(baseScenario({ metrics: { firms: { unit: 'count', baseline: 0, process: { type: 'arrivals', rate: 30, dispersion: 5 } } } })),
      { trials: TRIALS, seed: 4 },
    );
    const final = result.metrics[0].years[3];
    const variance = 3 * (30 + 900 / 5);
    expect(Math.abs((final.mean as number) - 90)).toBeLessThan(4 * Math.sqrt(variance / TRIALS));
    // The sample sd's standard error is about sd·sqrt((kurtosis - 1) / 4n); kurtosis here is below 4.
    expect(Math.abs((final.sd as number) - Math.sqrt(variance))).toBeLessThan(4 * Math.sqrt(variance) * Math.sqrt(3 / (4 * TRIALS)));
  });

  it('steps add and multiply in their year and carry forward; a constant metric keeps its value', async () => {
    const projection = await project(
      await parseScenario(
        baseScenario({
          parameters: { fund: { distribution: { dist: 'fixed', value: 1e10 } } },
          metrics: {
            fundBalance: {
              unit: 'yuan',
              baseline: 0,
              process: { type: 'constant' },
              steps: [
                { year: 2023, add: 'fund' },
                { year: 2025, multiply: 0.5 },
              ],
            },
            output: { unit: 'yuan', baseline: 1e9, process: { type: 'growth', drift: 0.1 }, steps: [{ year: 2024, multiply: 2, add: 1e8 }] },
          },
        }),
      ),
    );
    expect(projection.metrics[0].values).toEqual([0, 1e10, 1e10, 5e9]);
    const g = Math.exp(0.1);
    expect(projection.metrics[1].values).toEqual([1e9, 1e9 * g, 1e9 * g * g * 2 + 1e8, (1e9 * g * g * 2 + 1e8) * g]);
  });
});
