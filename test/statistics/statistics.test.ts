import { describe, expect, it } from 'vitest';
import { quantileSorted, requiredGrowthRate, standardError, wilsonInterval } from '../../src/index.js';

describe('wilsonInterval against hand-computed values', () => {
  it.each([
    [42, 100, 0.3279838267435473, 0.5179351329695703],
    [0, 50, 0, 0.07134759913335872],
    [10, 10, 0.7224672001371107, 1],
    [1, 1000, 0.00017654637062607852, 0.0056425585979579355],
  ])('%i of %i', (hits, n, low, high) => {
    const [l, h] = wilsonInterval(hits, n);
    expect(l).toBeCloseTo(low, 12);
    expect(h).toBeCloseTo(high, 12);
  });

  it('widens with the confidence level', () => {
    const [l90, h90] = wilsonInterval(42, 100, 0.9);
    const [l99, h99] = wilsonInterval(42, 100, 0.99);
    expect(h90 - l90).toBeLessThan(h99 - l99);
  });

  it('standard error is sqrt(p(1-p)/n)', () => {
    expect(standardError(42, 100)).toBeCloseTo(Math.sqrt((0.42 * 0.58) / 100), 15);
    expect(standardError(0, 100)).toBe(0);
  });
});

describe('quantileSorted (type 7, linear interpolation)', () => {
  it.each([
    [[1, 2, 3, 4], 0.25, 1.75],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[1, 2, 3, 4], 0, 1],
    [[1, 2, 3, 4], 1, 4],
    [[1, 1, 2, 3, 4, 5, 6, 9], 0.9, 6.9],
    [[7], 0.3, 7],
  ])('%j at %f is %f', (values, p, expected) => {
    expect(quantileSorted(Float64Array.from(values), p)).toBeCloseTo(expected, 12);
  });
});

describe('requiredGrowthRate', () => {
  it('tripling in three years needs 3^(1/3) - 1 a year', () => {
    expect(requiredGrowthRate(10e9, 30e9, 3, 'value')).toBeCloseTo(3 ** (1 / 3) - 1, 12);
  });
  it('a running total counts the increase over the baseline', () => {
    expect(requiredGrowthRate(100, 100, 2, 'runningTotal')).toBeCloseTo(Math.SQRT2 - 1, 12);
  });
  it('a sum over years is solved so that the yearly values add up to the level', () => {
    const g = requiredGrowthRate(100, 400, 3, 'sum') as number;
    expect(100 * (1 + g) + 100 * (1 + g) ** 2 + 100 * (1 + g) ** 3).toBeCloseTo(400, 6);
  });
  it('is null from a zero baseline, where no rate can express it', () => {
    expect(requiredGrowthRate(0, 100, 3, 'value')).toBeNull();
  });
});
