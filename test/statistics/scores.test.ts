import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { describe, expect, it } from 'vitest';
import { standardNormal } from '../../src/random/normal.js';
import { deriveStream, type RandomStream } from '../../src/random/stream.js';
import { binomialUpperTail } from '../../src/statistics/binomialTest.js';
import {
  brierDecomposition,
  brierScore,
  centralInterval,
  crpsQuantiles,
  crpsSample,
  intervalCoverage,
  logScore,
  reliabilityDiagram,
  sampleCoverage,
} from '../../src/statistics/scores.js';

const Phi = (z: number) => normalCdf(z, 0, 1);
const phi = (z: number) => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
/** CRPS of N(μ, σ) at y (Gneiting & Raftery 2007): σ[z(2Φ(z) − 1) + 2φ(z) − 1/√π]. */
const normalCrps = (mu: number, sigma: number, y: number) => {
  const z = (y - mu) / sigma;
  return sigma * (z * (2 * Phi(z) - 1) + 2 * phi(z) - 1 / Math.sqrt(Math.PI));
};
/** E|x − X| for X ~ N(μ, σ). */
const meanAbsoluteDistance = (mu: number, sigma: number, x: number) => {
  const z = (x - mu) / sigma;
  return sigma * (z * (2 * Phi(z) - 1) + 2 * phi(z));
};

/** Forecasts spread over [0, 1] and outcomes drawn with those probabilities (a calibrated forecaster). */
function calibrated(n: number, stream: RandomStream): { forecasts: Float64Array; outcomes: Uint8Array } {
  const forecasts = new Float64Array(n);
  const outcomes = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    forecasts[i] = stream.uniform();
    outcomes[i] = stream.uniform() < forecasts[i] ? 1 : 0;
  }
  return { forecasts, outcomes };
}

describe('Brier score and its decomposition', () => {
  it('is the mean squared difference (hand-computed)', () => {
    expect(brierScore([0.9, 0.2, 0.6], [1, 0, 0])).toBeCloseTo((0.01 + 0.04 + 0.36) / 3, 15);
  });

  it("splits a hand-computed case into Murphy's three terms", () => {
    // Bins {0.2: outcomes 0, 1} and {0.8: outcomes 1, 1}; base rate 3/4.
    const d = brierDecomposition([0.2, 0.2, 0.8, 0.8], [0, 1, 1, 1], { bins: 'distinct' });
    expect(d.brier).toBeCloseTo((0.04 + 0.64 + 0.04 + 0.04) / 4, 15);
    expect(d.reliability).toBeCloseTo((2 * 0.3 ** 2 + 2 * 0.2 ** 2) / 4, 15);
    expect(d.resolution).toBeCloseTo((2 * 0.25 ** 2 + 2 * 0.25 ** 2) / 4, 15);
    expect(d.uncertainty).toBeCloseTo(0.75 * 0.25, 15);
    expect(d.withinBinVariance).toBe(0);
    expect(d.withinBinCovariance).toBe(0);
  });

  it('sums exactly to the Brier score: three terms for distinct forecasts, five for binned ones', () => {
    const { forecasts, outcomes } = calibrated(5000, deriveStream(11, 'scores:brier', 0));
    const rounded = forecasts.map((f) => Math.round(f * 20) / 20);
    const distinct = brierDecomposition(rounded, outcomes, { bins: 'distinct' });
    expect(distinct.reliability - distinct.resolution + distinct.uncertainty).toBeCloseTo(distinct.brier, 12);
    for (const bins of [1, 3, 10, 37]) {
      const d = brierDecomposition(forecasts, outcomes, { bins });
      expect(d.reliability - d.resolution + d.uncertainty + d.withinBinVariance - d.withinBinCovariance, `${bins} bins`).toBeCloseTo(d.brier, 12);
      // Binning continuous forecasts leaves a gap that only the within-bin terms close.
      expect(Math.abs(d.withinBinVariance - d.withinBinCovariance)).toBeGreaterThan(0);
    }
  });

  it('a perfect forecaster scores 0, with resolution equal to uncertainty', () => {
    const outcomes = [1, 0, 0, 1, 1, 0, 1];
    const d = brierDecomposition(outcomes, outcomes);
    expect(d.brier).toBe(0);
    expect(d.reliability).toBe(0);
    expect(d.resolution).toBeCloseTo(d.uncertainty, 15);
    expect(logScore(outcomes, outcomes)).toEqual({ score: 0, clipped: 0, epsilon: 1e-6 });
  });

  it('a constant forecaster at the base rate has reliability 0, resolution 0, and scores the uncertainty', () => {
    const outcomes = [1, 0, 0, 1, 0, 0, 0, 1];
    const d = brierDecomposition(new Array(outcomes.length).fill(3 / 8), outcomes);
    expect(d.reliability).toBeCloseTo(0, 15);
    expect(d.resolution).toBe(0);
    expect(d.brier).toBeCloseTo((3 / 8) * (5 / 8), 15);
    expect(d.uncertainty).toBeCloseTo(d.brier, 15);
  });

  it('rejects probabilities outside [0, 1], outcomes other than 0/1, and mismatched lengths', () => {
    expect(() => brierScore([1.2], [1])).toThrow(/forecasts\[0\]: expected a probability/);
    expect(() => brierScore([0.5], [2])).toThrow(/outcomes\[0\]: expected 0 or 1/);
    expect(() => brierScore([0.5, 0.2], [1])).toThrow(/one outcome per forecast/);
    expect(() => brierDecomposition([0.5], [1], { bins: 0 })).toThrow(/bins/);
  });
});

describe('log score', () => {
  it('is −mean ln p of what happened, in nats (hand-computed)', () => {
    expect(logScore([0.9, 0.2], [1, 0]).score).toBeCloseTo(-(Math.log(0.9) + Math.log(0.8)) / 2, 15);
  });

  it('clips the probability given to what happened to epsilon, and counts the clipped forecasts', () => {
    const result = logScore([0, 1, 0.5], [1, 1, 0], { epsilon: 1e-4 });
    expect(result.clipped).toBe(1);
    expect(result.score).toBeCloseTo((-Math.log(1e-4) - Math.log(0.5)) / 3, 12);
    expect(() => logScore([0.5], [1], { epsilon: 0 })).toThrow(/epsilon/);
  });
});

describe('reliability diagram', () => {
  it('bins a hand-made case', () => {
    const bins = reliabilityDiagram([0.1, 0.15, 0.8, 0.85], [0, 0, 1, 0], { bins: 5 });
    expect(bins.map((b) => [b.low, b.high, b.count, b.meanForecast, b.observedFrequency])).toEqual([
      [0, 0.2, 2, 0.125, 0],
      [0.8, 1, 2, 0.825, 0.5],
    ]);
    expect(bins[1].interval[0]).toBeLessThan(0.5);
    expect(bins[1].interval[1]).toBeGreaterThan(0.5);
  });

  it("puts a calibrated forecaster's bins on the diagonal within 4 standard errors", () => {
    const { forecasts, outcomes } = calibrated(20_000, deriveStream(12, 'scores:reliability', 0));
    const bins = reliabilityDiagram(forecasts, outcomes);
    expect(bins).toHaveLength(10);
    for (const b of bins) {
      const se = Math.sqrt((b.meanForecast * (1 - b.meanForecast)) / b.count);
      expect(Math.abs(b.observedFrequency - b.meanForecast)).toBeLessThan(4 * se);
    }
    expect(bins.reduce((sum, b) => sum + b.count, 0)).toBe(20_000);
  });
});

describe('interval coverage', () => {
  const levels = [0.5, 0.9];

  it('counts intervals holding the observed value, bounds included (hand-made)', () => {
    const c = intervalCoverage(
      [
        [0, 2],
        [1, 3],
        [5, 6],
      ],
      [2, 4, 5],
      { nominal: 0.5 },
    );
    expect([c.covered, c.count, c.nominal]).toEqual([2, 3, 0.5]);
    expect(() => intervalCoverage([[3, 1]], [2])).toThrow(/low <= high/);
  });

  it('covers at the nominal level within 4 standard errors when the intervals are the true ones', () => {
    const n = 10_000;
    const stream = deriveStream(13, 'scores:coverage', 0);
    const observed = Float64Array.from({ length: n }, () => 3 + 2 * standardNormal(stream));
    for (const level of levels) {
      const z = normalQuantile((1 + level) / 2, 0, 1);
      const c = intervalCoverage(
        Array.from({ length: n }, () => [3 - 2 * z, 3 + 2 * z] as const),
        observed,
        { nominal: level },
      );
      expect(Math.abs(c.rate - level)).toBeLessThan(4 * Math.sqrt((level * (1 - level)) / n));
    }
  });

  it('covers at level·(m − 1)/(m + 1) within 4 standard errors from samples of m predicted values', () => {
    const cases = 2000;
    const m = 199;
    const stream = deriveStream(14, 'scores:coverage', 0);
    const samples = Array.from({ length: cases }, () => Float64Array.from({ length: m }, () => standardNormal(stream)));
    const observed = Float64Array.from({ length: cases }, () => standardNormal(stream));
    const coverage = sampleCoverage(samples, observed);
    expect(coverage.map((c) => c.nominal)).toEqual(levels);
    for (const c of coverage) {
      // The order statistics' expected CDF values are k/(m + 1): the interval holds (m − 1)/(m + 1) of its level on average.
      const expected = ((c.nominal as number) * (m - 1)) / (m + 1);
      expect(Math.abs(c.rate - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / cases));
    }
    expect(centralInterval([1, 2, 3, 4, 5], 0.5)).toEqual([2, 4]);
  });
});

describe('CRPS', () => {
  it('of a point mass is the absolute error, from a sample and from quantiles', () => {
    for (const [x, y] of [
      [3, 5],
      [5, 3],
      [-1.5, 2.25],
      [7, 7],
    ]) {
      expect(crpsSample([x], y)).toBeCloseTo(Math.abs(x - y), 14);
      expect(crpsSample([x, x, x, x], y)).toBeCloseTo(Math.abs(x - y), 14);
      expect(crpsQuantiles([0.05, 0.25, 0.5, 0.75, 0.95], [x, x, x, x, x], y)).toBeCloseTo(Math.abs(x - y), 14);
      expect(crpsQuantiles([0.5], [x], y)).toBeCloseTo(Math.abs(x - y), 14);
    }
  });

  it('of a sample equals the O(m²) pair sum it replaces (both estimators; hand-computed case)', () => {
    expect(crpsSample([1, 2, 3, 4], 2)).toBeCloseTo(1 - 20 / 32, 15);
    const stream = deriveStream(15, 'scores:crps', 0);
    const sample = Float64Array.from({ length: 300 }, () => 10 + 3 * standardNormal(stream));
    const y = 12.5;
    let absolute = 0;
    let pairs = 0;
    for (const a of sample) {
      absolute += Math.abs(a - y);
      for (const b of sample) pairs += Math.abs(a - b);
    }
    const m = sample.length;
    expect(crpsSample(sample, y)).toBeCloseTo(absolute / m - pairs / (2 * m * m), 10);
    expect(crpsSample(sample, y, { fair: true })).toBeCloseTo(absolute / m - pairs / (2 * m * (m - 1)), 10);
  });

  it("of a normal sample matches the closed form within 4 standard errors (the estimator's own, from its influence function)", () => {
    const [mu, sigma] = [4, 2.5];
    const m = 100_000;
    const stream = deriveStream(16, 'scores:crps', 0);
    const sample = Float64Array.from({ length: m }, () => mu + sigma * standardNormal(stream));
    for (const y of [4, 6.1, -3]) {
      // To first order the estimator is the mean of ψ(x) = |x − y| − E|x − X'|: its error is sd(ψ)/√m.
      let sum = 0;
      let sumSquares = 0;
      for (const x of sample) {
        const psi = Math.abs(x - y) - meanAbsoluteDistance(mu, sigma, x);
        sum += psi;
        sumSquares += psi * psi;
      }
      const se = Math.sqrt((sumSquares / m - (sum / m) ** 2) / m);
      const bias = sigma / (Math.sqrt(Math.PI) * m); // E|X − X'|/(2m) of the empirical estimator
      const exact = normalCrps(mu, sigma, y);
      expect(Math.abs(crpsSample(sample, y) - exact), `y = ${y}`).toBeLessThan(4 * se + bias);
      expect(Math.abs(crpsSample(sample, y, { fair: true }) - exact), `y = ${y}`).toBeLessThan(4 * se);
    }
  });

  it('from quantiles approaches the closed form as the levels get denser', () => {
    const [mu, sigma, y] = [4, 2.5, 6.1];
    const exact = normalCrps(mu, sigma, y);
    const errorWith = (k: number) => {
      const levels = Array.from({ length: k }, (_, i) => (i + 0.5) / k);
      return Math.abs(
        crpsQuantiles(
          levels,
          levels.map((p) => normalQuantile(p, mu, sigma)),
          y,
        ) - exact,
      );
    };
    const errors = [9, 99, 999].map(errorWith);
    expect(errors[1]).toBeLessThan(errors[0]);
    expect(errors[2]).toBeLessThan(errors[1]);
    // The midpoint rule misses the tails beyond the outermost levels: at 999 levels, a small share of σ.
    expect(errors[2]).toBeLessThan(0.001 * sigma);
  });

  it('rejects empty samples, decreasing quantiles and levels out of order', () => {
    expect(() => crpsSample([], 1)).toThrow(/at least one/);
    expect(() => crpsQuantiles([0.5, 0.25], [1, 2], 1)).toThrow(/levels\[1\]/);
    expect(() => crpsQuantiles([0.25, 0.5], [2, 1], 1)).toThrow(/quantiles\[1\]/);
  });
});

describe('binomial upper tail', () => {
  it('is the chance of at least k successes (hand-computed)', () => {
    expect(binomialUpperTail(8, 10, 0.5)).toBeCloseTo((45 + 10 + 1) / 1024, 14);
    expect(binomialUpperTail(0, 10, 0.5)).toBe(1);
    expect(binomialUpperTail(11, 10, 0.5)).toBe(0);
  });
});
