import { describe, expect, it } from 'vitest';
import { baseRate, wilson } from '../../src/reference/baseRate.js';
import { classWith } from './fixtures.js';

describe('wilson', () => {
  // Reference values: the Wilson score interval without continuity correction, as R's
  // prop.test(x, n, correct = FALSE)$conf.int and statsmodels' proportion_confint(method="wilson") give them.
  it.each([
    [16, 20, 0.584, 0.9193],
    [5, 10, 0.2366, 0.7634],
    [0, 10, 0, 0.2775],
    [10, 10, 0.7225, 1],
  ])('%i of %i: %f–%f', (hits, total, low, high) => {
    const interval = wilson(hits, total);
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });

  it('inverts the score test: at each end, |p̂ − p| / √(p(1 − p)/n) = z (found by bisection)', () => {
    const z = 1.959963984540054;
    const score = (p: number, hits: number, total: number) => Math.abs(hits / total - p) / Math.sqrt((p * (1 - p)) / total);
    const solve = (lo: number, hi: number, hits: number, total: number) => {
      // score is z at the root; it falls from lo to hi on the lower side and rises on the upper.
      const falling = score(lo, hits, total) > score(hi, hits, total);
      for (let i = 0; i < 200; i++) {
        const mid = (lo + hi) / 2;
        if (score(mid, hits, total) > z === falling) lo = mid;
        else hi = mid;
      }
      return (lo + hi) / 2;
    };
    for (const [hits, total] of [
      [14, 31],
      [1, 22],
      [403, 600],
      [435, 437],
    ]) {
      const p = hits / total;
      const interval = wilson(hits, total);
      expect(interval.low).toBeCloseTo(solve(1e-12, p, hits, total), 9);
      expect(interval.high).toBeCloseTo(solve(p, 1 - 1e-12, hits, total), 9);
    }
  });

  it('matches the closed form at another z', () => {
    const z = 1;
    const p = 0.3;
    const n = 50;
    const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
    const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
    expect(wilson(15, 50, z).low).toBeCloseTo(centre - half, 12);
    expect(wilson(15, 50, z).high).toBeCloseTo(centre + half, 12);
  });

  it('is symmetric: the interval of misses mirrors that of hits', () => {
    const a = wilson(7, 19);
    const b = wilson(12, 19);
    expect(a.low).toBeCloseTo(1 - b.high, 12);
    expect(a.high).toBeCloseTo(1 - b.low, 12);
  });

  it('accepts a fractional count (a rate times its n)', () => {
    const interval = wilson(0.1 * 258, 258);
    expect(interval.low).toBeLessThan(0.1);
    expect(interval.high).toBeGreaterThan(0.1);
  });

  it('refuses impossible counts', () => {
    expect(() => wilson(1, 0)).toThrow(RangeError);
    expect(() => wilson(5, 4)).toThrow(RangeError);
    expect(() => wilson(-1, 4)).toThrow(RangeError);
  });
});

describe('baseRate', () => {
  it('a count: the rate and its Wilson interval', () => {
    const rate = baseRate(classWith({ kind: 'count', hits: 16, total: 20, bound: 'exact' }));
    expect(rate).toMatchObject({ rate: 0.8, method: 'wilson', bound: 'exact', hits: 16, total: 20 });
    expect(rate.low).toBeCloseTo(0.584, 3);
    expect(rate.compareLow).toBe(rate.low);
    expect(rate.compareHigh).toBe(rate.high);
  });

  it('an "at most" count opens the compared range down to 0; "at least" up to 1', () => {
    const atMost = baseRate(classWith({ kind: 'count', hits: 20, total: 31, bound: 'atMost' }));
    expect(atMost.compareLow).toBe(0);
    expect(atMost.compareHigh).toBe(atMost.high);
    const atLeast = baseRate(classWith({ kind: 'count', hits: 20, total: 31, bound: 'atLeast' }));
    expect(atLeast.compareLow).toBe(atLeast.low);
    expect(atLeast.compareHigh).toBe(1);
  });

  it('a rate with n: a Wilson interval on rate × n', () => {
    const rate = baseRate(classWith({ kind: 'rate', value: 0.41, n: 68 }));
    const expected = wilson(0.41 * 68, 68);
    expect(rate).toMatchObject({ rate: 0.41, method: 'wilson', n: 68, low: expected.low, high: expected.high });
  });

  it('a rate with a reported range uses the range', () => {
    const rate = baseRate(classWith({ kind: 'rate', value: 0.31, low: 0.138, high: 0.5513, rangeKind: 'reported', n: 6 }));
    expect(rate).toMatchObject({ rate: 0.31, low: 0.138, high: 0.5513, method: 'reported-range' });
    expect(baseRate(classWith({ kind: 'rate', value: 0.3, low: 0.2, high: 0.4, rangeKind: 'interval' })).method).toBe('source-interval');
  });

  it('a bare rate has no interval', () => {
    expect(baseRate(classWith({ kind: 'rate', value: 0.86 }))).toMatchObject({ rate: 0.86, low: 0.86, high: 0.86, method: 'none' });
  });

  it('an unknown observation is refused', () => {
    expect(() => baseRate(classWith({ kind: 'rate', value: 0.86 }), 'nope')).toThrow(/unknown observation "nope" \(known: count\)/);
  });
});
