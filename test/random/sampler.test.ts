import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import poissonCdf from '@stdlib/stats-base-dists-poisson-cdf';
import { describe, expect, it } from 'vitest';
import { binomialTable, type DiscreteTable, poissonTable } from '../../src/random/discreteTable.js';
import { RandomNoise } from '../../src/random/noise.js';
import { standardNormal } from '../../src/random/normal.js';
import { samplerFor } from '../../src/random/sampler.js';
import { deriveStream } from '../../src/random/stream.js';
import type { Distribution } from '../../src/scenario/schema/distribution.js';
import { Distribution as DistributionSchema } from '../../src/scenario/schema/distribution.js';

const N = 200_000;

function draws(draw: () => number, n = N): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = draw();
  return out;
}

/** Sample mean and variance, with standard errors estimated from the sample itself. */
function summary(xs: Float64Array) {
  const n = xs.length;
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= n;
  let m2 = 0;
  let m4 = 0;
  for (const x of xs) {
    const d = (x - mean) ** 2;
    m2 += d;
    m4 += d * d;
  }
  const variance = m2 / (n - 1);
  m4 /= n;
  return { mean, variance, meanSe: Math.sqrt(variance / n), varianceSe: Math.sqrt(Math.max(m4 - variance * variance, 0) / n) };
}

function expectMoments(xs: Float64Array, mean: number, variance: number) {
  const s = summary(xs);
  expect(Math.abs(s.mean - mean)).toBeLessThan(4 * s.meanSe + 1e-12);
  expect(Math.abs(s.variance - variance)).toBeLessThan(4 * s.varianceSe + 1e-12);
}

const cases: Array<[string, Distribution, number, number]> = (
  [
    ['uniform', { dist: 'uniform', min: 2, max: 5 }, 3.5, 9 / 12],
    ['normal', { dist: 'normal', mean: -1, sd: 2 }, -1, 4],
    ['lognormal', { dist: 'lognormal', mu: 0.2, sigma: 0.5 }, Math.exp(0.2 + 0.125), (Math.exp(0.25) - 1) * Math.exp(0.4 + 0.25)],
    [
      'triangular',
      { dist: 'triangular', min: 0.015, mode: 0.02, max: 0.03 },
      0.065 / 3,
      (0.015 ** 2 + 0.02 ** 2 + 0.03 ** 2 - 0.015 * 0.02 - 0.015 * 0.03 - 0.02 * 0.03) / 18,
    ],
    ['beta', { dist: 'beta', alpha: 2, beta: 5 }, 2 / 7, 10 / (49 * 8)],
    ['beta with shapes below 1', { dist: 'beta', alpha: 0.5, beta: 0.7 }, 0.5 / 1.2, 0.35 / (1.44 * 2.2)],
    ['poisson, small mean', { dist: 'poisson', lambda: 2.5 }, 2.5, 2.5],
    ['poisson, large mean (PTRS)', { dist: 'poisson', lambda: 35 }, 35, 35],
    ['poisson, very large mean', { dist: 'poisson', lambda: 4000 }, 4000, 4000],
    ['binomial by inversion', { dist: 'binomial', n: 20, p: 0.15 }, 3, 2.55],
    ['binomial by BTRS', { dist: 'binomial', n: 1000, p: 0.3 }, 300, 210],
    ['binomial with p > 0.5', { dist: 'binomial', n: 50, p: 0.9 }, 45, 4.5],
  ] as Array<[string, unknown, number, number]>
).map(([name, d, m, v]) => [name, DistributionSchema.parse(d), m, v]);

describe('samplers match their distributions (mean and variance within 4 standard errors)', () => {
  it.each(cases)('%s', (name, d, mean, variance) => {
    const stream = deriveStream(11, name, 0);
    const draw = samplerFor(d);
    expectMoments(
      draws(() => draw(stream)),
      mean,
      variance,
    );
  });

  it('PERT has the beta-PERT mean and variance', () => {
    const d = DistributionSchema.parse({ dist: 'pert', min: 10, mode: 13, max: 20 });
    const alpha = 1 + (4 * 3) / 10;
    const beta = 1 + (4 * 7) / 10;
    const mean = 10 + (10 * alpha) / (alpha + beta);
    const variance = (100 * alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1));
    const stream = deriveStream(11, 'pert', 0);
    const draw = samplerFor(d);
    expectMoments(
      draws(() => draw(stream)),
      mean,
      variance,
    );
  });

  it('the negative binomial has variance mean + mean²/k', () => {
    const noise = new RandomNoise(deriveStream(11, 'negbin', 0));
    expectMoments(
      draws(() => noise.negativeBinomial(12, 3)),
      12,
      12 + 144 / 3,
    );
  });

  it('the 90% range puts 5% below low and 5% above high, for both shapes', () => {
    for (const shape of ['normal', 'lognormal'] as const) {
      const d = DistributionSchema.parse({ dist: 'range90', low: 2, high: 8, shape });
      const stream = deriveStream(11, `range90-${shape}`, 0);
      const draw = samplerFor(d);
      const xs = draws(() => draw(stream));
      const below = xs.filter((x) => x < 2).length / N;
      const above = xs.filter((x) => x > 8).length / N;
      const se = Math.sqrt((0.05 * 0.95) / N);
      expect(Math.abs(below - 0.05)).toBeLessThan(4 * se);
      expect(Math.abs(above - 0.05)).toBeLessThan(4 * se);
    }
  });

  it('bounds truncate by redrawing: a half-normal keeps its shape', () => {
    const d = DistributionSchema.parse({ dist: 'normal', mean: 0, sd: 1, bounds: { min: 0 } });
    const stream = deriveStream(11, 'half-normal', 0);
    const draw = samplerFor(d);
    const xs = draws(() => draw(stream));
    expect(xs.reduce((a, b) => Math.min(a, b))).toBeGreaterThanOrEqual(0);
    expectMoments(xs, Math.sqrt(2 / Math.PI), 1 - 2 / Math.PI);
  });
});

describe('the ziggurat normal', () => {
  it('matches the normal CDF from the centre to the tails (within 4 standard errors)', () => {
    const n = 1_000_000;
    const stream = deriveStream(5, 'ziggurat', 0);
    const xs = draws(() => standardNormal(stream), n);
    for (const z of [-4, -3.5, -3, -2, -1, -0.5, 0, 0.5, 1, 2, 3, 3.5, 4]) {
      const expected = normalCdf(z, 0, 1);
      const observed = xs.filter((x) => x <= z).length / n;
      expect(Math.abs(observed - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / n) + 1 / n);
    }
  });
});

describe('streams', () => {
  it('the same key gives the same numbers; another block or name gives others', () => {
    const a = draws(() => deriveStream(1, 'x', 0).uniform(), 1);
    const s1 = deriveStream(1, 'x', 0);
    const s2 = deriveStream(1, 'x', 0);
    const s3 = deriveStream(1, 'x', 1);
    const s4 = deriveStream(1, 'y', 0);
    const first = draws(() => s1.uniform(), 100);
    expect(draws(() => s2.uniform(), 100)).toEqual(first);
    expect(first[0]).toBe(a[0]);
    expect(draws(() => s3.uniform(), 100)).not.toEqual(first);
    expect(draws(() => s4.uniform(), 100)).not.toEqual(first);
  });

  it('uniforms lie strictly between 0 and 1', () => {
    const s = deriveStream('text seed', 'u', 3);
    const xs = draws(() => s.uniform(), 100_000);
    expect(xs.reduce((a, b) => Math.min(a, b))).toBeGreaterThan(0);
    expect(xs.reduce((a, b) => Math.max(a, b))).toBeLessThan(1);
  });
});

describe('discrete tables (for counts with fixed parameters)', () => {
  const cdfCheck = (draw: () => number, cdf: (k: number) => number, ks: number[]) => {
    const n = 400_000;
    const xs = draws(draw, n);
    for (const k of ks) {
      const expected = cdf(k);
      const observed = xs.filter((x) => x <= k).length / n;
      expect(Math.abs(observed - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / n) + 1 / n);
    }
  };

  it('a Poisson table matches the Poisson CDF', () => {
    const table = poissonTable(35) as DiscreteTable;
    const stream = deriveStream(2, 'poisson-table', 0);
    cdfCheck(
      () => table.draw(stream),
      (k) => poissonCdf(k, 35),
      [20, 25, 30, 35, 40, 45, 50, 55],
    );
    expect(table.mean).toBe(35);
  });

  it('a binomial table matches the binomial CDF', () => {
    const table = binomialTable(20, 0.15) as DiscreteTable;
    const stream = deriveStream(2, 'binomial-table', 0);
    cdfCheck(
      () => table.draw(stream),
      (k) => binomialCdf(k, 20, 0.15),
      [0, 1, 2, 3, 4, 5, 6, 8, 10],
    );
    expect(table.mean).toBeCloseTo(3, 12);
  });

  it('is not built where a table would be too long', () => {
    expect(poissonTable(1e6)).toBeUndefined();
    expect(binomialTable(1e6, 0.5)).toBeUndefined();
  });
});
