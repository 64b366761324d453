import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { describe, expect, it } from 'vitest';
import { distributionCdf, distributionQuantile } from '../../src/assumptions/distributionQuantile.js';
import { parseScenario } from '../../src/index.js';
import { sensitivity } from '../../src/questions/sensitivity.js';
import { rankCorrelation, ranks } from '../../src/statistics/rankCorrelation.js';
import { baseScenario, standardErrors } from '../fixtures/scenarios.js';

/** The value, or a failed test when it is missing. */
function present<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

const Phi = (x: number) => normalCdf(x, 0, 1);
const phi = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
const Z90 = normalQuantile(0.9, 0, 1);

/** y = a + 2b with a ~ N(10, 2), b ~ N(5, 1.5): every swing and probability has a closed form. */
const linear = () =>
  parseScenario(
    baseScenario({
      horizon: { baseYear: 2022, endYear: 2023 },
      parameters: {
        a: { distribution: { dist: 'normal', mean: 10, sd: 2 } },
        b: { distribution: { dist: 'normal', mean: 5, sd: 1.5 } },
        c: { distribution: { dist: 'fixed', value: 0 } },
      },
      metrics: { y: { unit: 'count', process: { type: 'derived', expression: 'a + 2 * b + c' } } },
      targets: [{ id: 'y-21', label: 'y at least 21', metric: 'y', comparison: '>=', threshold: 21, deadline: 2023 }],
    }),
  );

describe('sensitivity on a linear model y = a + 2b', async () => {
  const trials = 20_000;
  const result = await sensitivity(await linear(), { trials, seed: 3 });
  const target = result.targets[0];
  const bar = (name: string) => present(target.tornado.find((b) => b.assumption === name));
  const sdY = Math.sqrt(4 + 4 * 2.25);

  it('swings each uncertain assumption between its 10th and 90th percentiles; a fixed one is not swung', () => {
    expect(result.fixedAssumptions).toEqual(['c']);
    const a = present(result.assumptions.find((x) => x.name === 'a'));
    expect(a.low).toBeCloseTo(10 - 2 * Z90, 12);
    expect(a.high).toBeCloseTo(10 + 2 * Z90, 12);
  });

  it('gives the exact deterministic swings (1 × and 2 × the percentile range), widest first', () => {
    expect(target.deterministic).toBeCloseTo(20, 12);
    expect(target.tornado.map((b) => b.assumption)).toEqual(['b', 'a']);
    expect(bar('a').deterministicSwing).toBeCloseTo(2 * 2 * Z90, 10);
    expect(bar('b').deterministicSwing).toBeCloseTo(2 * 2 * 1.5 * Z90, 10);
    expect(bar('a').low.deterministic).toBeCloseTo(10 - 2 * Z90 + 10, 10);
  });

  it("gives each end's probability (the other assumption drawn) within Monte Carlo error of the closed form", () => {
    for (const end of [bar('a').low, bar('a').high]) {
      const p = 1 - Phi((21 - end.value - 10) / 3);
      expect(Math.abs(end.probability - p)).toBeLessThan(standardErrors(p, trials));
    }
    for (const end of [bar('b').low, bar('b').high]) {
      const p = 1 - Phi((21 - 2 * end.value - 10) / 2);
      expect(Math.abs(end.probability - p)).toBeLessThan(standardErrors(p, trials));
    }
    const p = 1 - Phi((21 - 20) / sdY);
    expect(Math.abs(target.probability - p)).toBeLessThan(standardErrors(p, trials));
  });

  it("pairs the swing's two runs: a monotone model moves trials one way only, so the paired error is below the unpaired one", () => {
    for (const b of target.tornado) {
      expect(b.probabilitySwing.aOnly).toBe(0);
      expect(b.probabilitySwing.standardError).toBeLessThan(b.probabilitySwing.unpairedStandardError);
    }
  });

  it('gives rank correlations 6/π·asin(ρ/2) within their error, and hit/miss means of a truncated normal', () => {
    for (const [name, cov] of [
      ['a', 4],
      ['b', 2 * 2.25],
    ] as const) {
      const s = present(target.samples.find((x) => x.assumption === name));
      const rho = cov / (Math.sqrt(name === 'a' ? 4 : 2.25) * sdY);
      const spearman = (6 / Math.PI) * Math.asin(rho / 2);
      const se = (s.rankCorrelation.interval[1] - s.rankCorrelation.interval[0]) / (2 * 1.96);
      expect(Math.abs(s.rankCorrelation.rho - spearman)).toBeLessThan(4 * se);
      const k = (21 - 20) / sdY;
      const mean = name === 'a' ? 10 : 5;
      const sd = name === 'a' ? 2 : 1.5;
      const hitMean = mean + (cov / sdY) * (phi(k) / (1 - Phi(k)));
      const missMean = mean - (cov / sdY) * (phi(k) / Phi(k));
      expect(Math.abs((s.hit.mean as number) - hitMean)).toBeLessThan((4 * sd) / Math.sqrt(s.hit.trials));
      expect(Math.abs((s.miss.mean as number) - missMean)).toBeLessThan((4 * sd) / Math.sqrt(s.miss.trials));
    }
    expect(target.samples[0].assumption).toBe('b');
  });
});

describe('distribution quantiles and ranks', () => {
  it('uses closed forms where they exist and draws for bounded distributions', () => {
    expect(distributionQuantile({ dist: 'uniform', min: 0, max: 2 }, 0.1)).toBeCloseTo(0.2, 12);
    expect(distributionQuantile({ dist: 'triangular', min: 0, mode: 1, max: 2 }, 0.5)).toBeCloseTo(1, 12);
    expect(distributionCdf({ dist: 'lognormal', mu: 0, sigma: 1 }, 1)).toBeCloseTo(0.5, 12);
    // Normal(0, 1) truncated to [0, ∞) is the half-normal: its median is Φ⁻¹(0.75).
    const half = distributionQuantile({ dist: 'normal', mean: 0, sd: 1, bounds: { min: 0 } }, 0.5);
    expect(Math.abs(half - normalQuantile(0.75, 0, 1))).toBeLessThan(0.02);
  });

  it('ranks ties by their average rank', () => {
    expect([...ranks([3, 1, 3, 2])]).toEqual([3.5, 1, 3.5, 2]);
    expect(rankCorrelation([1, 2, 3, 4], [10, 30, 20, 40]).rho).toBeCloseTo(0.8, 12);
  });
});

describe('variance-based (Sobol) indices by pick-freeze', () => {
  it('gives the exact shares of an additive model y = a + 2b + N, N ~ Poisson(4) arrivals, within their standard errors', async () => {
    const scenario = await parseScenario(
      baseScenario({
        horizon: { baseYear: 2022, endYear: 2023 },
        parameters: {
          a: { distribution: { dist: 'normal', mean: 10, sd: 2 } },
          b: { distribution: { dist: 'normal', mean: 5, sd: 1.5 } },
        },
        metrics: {
          firms: { unit: 'count', baseline: 0, process: { type: 'arrivals', rate: 4 } },
          y: { unit: 'count', process: { type: 'derived', expression: 'a + 2 * b + firms' } },
        },
        targets: [{ id: 'y-25', label: 'y at least 25', metric: 'y', comparison: '>=', threshold: 25, deadline: 2023 }],
      }),
    );
    const result = await sensitivity(scenario, { trials: 20_000, seed: 9 });
    const measured = result.sobol?.targets[0].measured;
    expect(measured).toBeDefined();
    // Var y = 4 + 9 + 4: a alone 4/17, b alone 9/17, the assumptions together 13/17; no interactions, so totals equal first-order shares.
    const expected = { a: 4 / 17, b: 9 / 17 } as Record<string, number>;
    for (const { assumption, firstOrder, total } of present(measured).assumptions) {
      expect(Math.abs(firstOrder.estimate - expected[assumption])).toBeLessThan(4 * firstOrder.standardError);
      expect(Math.abs(total.estimate - expected[assumption])).toBeLessThan(4 * total.standardError);
      expect(firstOrder.standardError).toBeLessThan(0.03);
    }
    expect(Math.abs(present(measured).assumptionsTogether.estimate - 13 / 17)).toBeLessThan(4 * present(measured).assumptionsTogether.standardError);
    expect(Math.abs(present(measured).variance - 17)).toBeLessThan(17 * 4 * Math.sqrt(2 / 20_000) * 1.5);
  });

  it('is left out for correlated assumptions, with a warning when asked for', async () => {
    const scenario = await parseScenario(
      baseScenario({
        parameters: {
          a: { distribution: { dist: 'normal', mean: 0.1, sd: 0.02 } },
          b: { distribution: { dist: 'normal', mean: 0.1, sd: 0.02 } },
        },
        metrics: { output: { unit: 'yuan', baseline: 1e9, process: { type: 'growth', drift: 'a', volatility: 'b' } } },
        correlations: [{ between: ['a', 'b'], rankCorrelation: 0.5 }],
      }),
    );
    const result = await sensitivity(scenario, { trials: 1024, sobol: true });
    expect(result.sobol).toBeNull();
    expect(result.warnings).toContain(
      'no variance-based (Sobol) indices: the scenario correlates assumptions, and correlated inputs have no such decomposition',
    );
  });
});
