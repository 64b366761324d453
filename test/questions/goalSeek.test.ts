import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import poissonCdf from '@stdlib/stats-base-dists-poisson-cdf';
import { describe, expect, it } from 'vitest';
import { assumptionDomain } from '../../src/assumptions/assumptionDomain.js';
import { parseScenario, type ScenarioInput } from '../../src/index.js';
import { goalSeek } from '../../src/questions/goalSeek.js';
import { growthNeeded } from '../../src/questions/growthNeeded.js';
import { baseScenario, referenceScenario } from '../fixtures/scenarios.js';

/** The value, or a failed test when it is missing. */
function present<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

const phi = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);

/**
 * Lognormal growth: ln X_T = ln x0 + T·μ + σ√T·Z with the drift μ fixed. P(X_T ≥ c) = p exactly when
 * μ = ln(c/x0)/T + z_p·σ/√T, and P(X_T ≤ c) = p when μ = ln(c/x0)/T − z_p·σ/√T.
 */
const x0 = 1e9;
const c = 2e9;
const sigma = 0.2;
const T = 4;
const lognormalGrowth = (comparison: '>=' | '<=') =>
  parseScenario(
    baseScenario({
      horizon: { baseYear: 2022, endYear: 2022 + T },
      parameters: { drift: { distribution: { dist: 'normal', mean: 0.1, sd: 0.05 } } },
      metrics: { output: { unit: 'yuan', baseline: x0, process: { type: 'growth', drift: 'drift', volatility: sigma } } },
      targets: [{ id: 'output-2bn', label: 'Output 2 bn', metric: 'output', comparison, threshold: c, deadline: 2022 + T }],
    }),
  );

/** The Monte Carlo standard error of the drift found: that of the probability over the curve's slope φ(z_p)·√T/σ. */
function driftStandardError(p: number, trials: number): number {
  return Math.sqrt((p * (1 - p)) / trials) / ((phi(normalQuantile(p, 0, 1)) * Math.sqrt(T)) / sigma);
}

describe('goal seek against the closed form of lognormal growth', () => {
  const trials = 20_000;

  it.each([0.8, 0.3])('finds the drift that gives P(X_T >= c) = %s within 4 Monte Carlo standard errors', async (p) => {
    const exact = Math.log(c / x0) / T + (normalQuantile(p, 0, 1) * sigma) / Math.sqrt(T);
    const se = driftStandardError(p, trials);
    const result = await goalSeek(await lognormalGrowth('>='), { target: 'output-2bn', assumption: 'drift', probability: p, trials, seed: 11 });
    expect(result.status).toBe('found');
    expect(result.direction).toBe('increasing');
    expect(Math.abs((result.value as number) - exact)).toBeLessThan(4 * se);
    // The reported uncertainty is the closed form's: the interval spans about ±1.96 standard errors.
    expect(result.standardError as number).toBeGreaterThan(0.7 * se);
    expect(result.standardError as number).toBeLessThan(1.3 * se);
    expect(result.probabilityAtValue as number).toBeGreaterThanOrEqual(p);
    expect(result.change?.absolute).toBeCloseTo((result.value as number) - 0.1, 12);
    // With common random numbers the curve of probabilities against the drift never turns back.
    result.curve.forEach((point, i) => {
      if (i > 0) expect(point.probability).toBeGreaterThanOrEqual(result.curve[i - 1].probability);
    });
    expect(result.warnings).toEqual([]);
  });

  it('seeks downward when the target is a ceiling: P(X_T <= c) = 0.8', async () => {
    const p = 0.8;
    const exact = Math.log(c / x0) / T - (normalQuantile(p, 0, 1) * sigma) / Math.sqrt(T);
    const result = await goalSeek(await lognormalGrowth('<='), { target: 'output-2bn', assumption: 'drift', probability: p, trials, seed: 12 });
    expect(result.direction).toBe('decreasing');
    expect(Math.abs((result.value as number) - exact)).toBeLessThan(4 * driftStandardError(p, trials));
    const [low, high] = result.interval as [number, number];
    expect(low).toBeLessThan(result.value as number);
    expect(high).toBeGreaterThan(result.value as number);
  });

  it("says when no value in the assumption's range can reach the level (a graduation probability is at most 1)", async () => {
    const scenario = await parseScenario(
      baseScenario({
        parameters: { gradP: { distribution: { dist: 'beta', alpha: 2, beta: 8 } } },
        metrics: { graduates: { unit: 'count', baseline: 0, process: { type: 'graduation', pool: 5, probability: 'gradP' } } },
        targets: [{ id: 'six', label: 'Six graduates', metric: 'graduates', comparison: '>=', threshold: 6, deadline: 2025, measure: 'runningTotal' }],
      }),
    );
    expect(assumptionDomain(scenario, 'gradP')).toMatchObject({ min: 0, max: 1 });
    const result = await goalSeek(scenario, { target: 'six', assumption: 'gradP', probability: 0.5, trials: 2000 });
    expect(result.status).toBe('unreachable');
    expect(result.value).toBeNull();
    expect(result.warnings).toContain('gradP does not change the probability of six anywhere in [0, 1]');
  });

  it('rejects an unknown target or assumption with the names it knows', async () => {
    const scenario = await lognormalGrowth('>=');
    await expect(goalSeek(scenario, { target: 'nope', assumption: 'drift', probability: 0.5 })).rejects.toThrow(
      'unknown target "nope"; the scenario\'s targets are: output-2bn',
    );
    await expect(goalSeek(scenario, { target: 'output-2bn', assumption: 'nope', probability: 0.5 })).rejects.toThrow("the scenario's assumptions are: drift");
  });
});

/** The x in [low, high] where an increasing f crosses `level`, by bisection. */
function solve(f: (x: number) => number, level: number, low: number, high: number): number {
  for (let i = 0; i < 100; i++) {
    const mid = (low + high) / 2;
    if (f(mid) >= level) high = mid;
    else low = mid;
  }
  return (low + high) / 2;
}

describe('goal seek on counts against their closed forms', async () => {
  const trials = 20_000;
  const scenario = await parseScenario(
    baseScenario({
      parameters: {
        rate: { distribution: { dist: 'range90', low: 20, high: 50, shape: 'lognormal' } },
        graduation: { distribution: { dist: 'beta', alpha: 3, beta: 17 } },
      },
      metrics: {
        firms: { unit: 'count', baseline: 0, process: { type: 'arrivals', rate: 'rate' } },
        graduates: { unit: 'count', baseline: 0, process: { type: 'graduation', pool: 20, probability: 'graduation', depleting: false } },
      },
      targets: [
        { id: 'firms-100', label: '100 firms', metric: 'firms', comparison: '>=', threshold: 100, deadline: 2025, measure: 'runningTotal' },
        { id: 'graduates-10', label: '10 graduates', metric: 'graduates', comparison: '>=', threshold: 10, deadline: 2025, measure: 'runningTotal' },
      ],
    }),
  );
  const p = 0.8;
  const probabilityError = Math.sqrt((p * (1 - p)) / trials);

  it('an arrival rate: three years of Poisson(λ) arrivals reach 100 with P = 0.8', async () => {
    // P(N ≥ 100) for N ~ Poisson(3λ); its slope in λ is 3·P(N = 99).
    const reach = (rate: number) => 1 - poissonCdf(99, 3 * rate);
    const exact = solve(reach, p, 1, 100);
    const slope = 3 * (poissonCdf(99, 3 * exact) - poissonCdf(98, 3 * exact));
    const result = await goalSeek(scenario, { target: 'firms-100', assumption: 'rate', probability: p, trials });
    expect(Math.abs((result.value as number) - exact)).toBeLessThan((4 * probabilityError) / slope);
    expect(result.assumption.domain).toMatchObject({ min: 0, reasons: ['arrival rate of firms'] });
  });

  it('a graduation probability: 60 candidates over three years give 10 graduates with P = 0.8', async () => {
    const reach = (q: number) => 1 - binomialCdf(9, 60, q);
    const exact = solve(reach, p, 0, 1);
    const h = 1e-6;
    const slope = (reach(exact + h) - reach(exact - h)) / (2 * h);
    const result = await goalSeek(scenario, { target: 'graduates-10', assumption: 'graduation', probability: p, trials });
    expect(Math.abs((result.value as number) - exact)).toBeLessThan((4 * probabilityError) / slope);
  });
});

describe('growth needed (the deterministic goal seek)', () => {
  it('gives the constant rate that meets each target and compares it with the growth its series shows', async () => {
    const input: ScenarioInput = {
      ...referenceScenario(),
      series: [
        {
          id: 'output-history',
          label: 'Output value',
          unit: 'yuan',
          metric: 'outputValue',
          points: [
            { year: 2019, value: 7e9 },
            { year: 2020, value: 8e9 },
            { year: 2021, value: 9e9 },
            { year: 2022, value: 10e9, growthRate: 0.1111111 },
          ],
        },
      ],
    };
    const result = await growthNeeded(await parseScenario(input));
    const output = present(result.targets.find((t) => t.id === 'output-30bn'));
    expect(output.requiredGrowthRate).toBeCloseTo(3 ** (1 / 3) - 1, 10);
    expect(output.recent?.average.rate).toBeCloseTo((10 / 7) ** (1 / 3) - 1, 10);
    expect(output.recent?.latest).toEqual({ year: 2022, rate: expect.closeTo(0.1111111, 6) });
    expect(output.gapToRecent).toBeCloseTo(3 ** (1 / 3) - (10 / 7) ** (1 / 3), 10);
    // Targets whose metric has no series get no comparison.
    expect(result.targets.find((t) => t.id === 'enterprises-100')?.recent).toBeNull();
  });
});
