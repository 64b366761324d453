import { describe, expect, it } from 'vitest';
import { LogHistogram, QUANTILE_RELATIVE_ERROR } from '../../src/engine/logHistogram.js';
import { standardNormal } from '../../src/random/normal.js';
import { deriveStream } from '../../src/random/stream.js';
import { quantileSorted } from '../../src/statistics/quantiles.js';

const PS = [0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1];

function exact(values: Float64Array): number[] {
  const sorted = values.slice().sort();
  return PS.map((p) => quantileSorted(sorted, p));
}

function sample(draw: () => number, n: number): Float64Array {
  return Float64Array.from({ length: n }, draw);
}

describe('LogHistogram quantiles stay within the stated relative error of the exact ones', () => {
  const stream = deriveStream(9, 'histogram', 0);
  const cases: Array<[string, Float64Array]> = [
    ['lognormal yuan figures', sample(() => 1e10 * Math.exp(0.3 * standardNormal(stream)), 100_000)],
    ['normal around zero (both signs)', sample(() => standardNormal(stream), 100_000)],
    ['tiny shares', sample(() => 0.05 + 0.001 * standardNormal(stream), 50_000)],
  ];
  it.each(cases)('%s', (_, values) => {
    const histogram = new LogHistogram();
    histogram.addAll(values, values.length);
    const approx = histogram.quantiles(PS);
    exact(values).forEach((e, i) => {
      expect(Math.abs((approx[i] as number) - e)).toBeLessThanOrEqual(QUANTILE_RELATIVE_ERROR * Math.abs(e) + 1e-300);
    });
  });

  it('reads whole numbers below 256 exactly', () => {
    const values = Float64Array.from({ length: 1001 }, (_, i) => i % 200);
    const histogram = new LogHistogram();
    histogram.addAll(values, values.length);
    expect(histogram.quantiles(PS)).toEqual(exact(values));
  });

  it('merging two histograms equals one histogram of all values', () => {
    const values = sample(() => Math.exp(standardNormal(stream)), 20_000);
    const whole = new LogHistogram();
    whole.addAll(values, values.length);
    const a = new LogHistogram();
    const b = new LogHistogram();
    a.addAll(values.subarray(0, 7_000), 7_000);
    b.addAll(values.subarray(7_000), 13_000);
    a.merge(b);
    expect(a.quantiles(PS)).toEqual(whole.quantiles(PS));
  });

  it('reads quantiles at repeated probabilities, and refuses probabilities out of order or outside [0, 1]', () => {
    const histogram = new LogHistogram();
    histogram.addAll(Float64Array.of(1, 2, 3, 4), 4);
    expect(histogram.quantiles([0, 0, 0.5, 0.5, 1])).toEqual([1, 1, 2.5, 2.5, 4]);
    expect(() => histogram.quantiles([0.5, 0.25])).toThrow(RangeError);
    expect(() => histogram.quantiles([1.5])).toThrow(RangeError);
    expect(() => histogram.quantiles([Number.NaN])).toThrow(RangeError);
  });

  it('counts values that are not finite apart and never returns NaN', () => {
    const histogram = new LogHistogram();
    histogram.addAll(Float64Array.of(Number.NaN, Number.POSITIVE_INFINITY, 1, 2, 3), 5);
    expect(histogram.nonFinite).toBe(2);
    expect(histogram.count).toBe(3);
    expect(histogram.quantiles([0.5])).toEqual([2]);
    expect(new LogHistogram().quantiles([0.5])).toEqual([null]);
  });

  it('keeps a fixed size however many values it holds', () => {
    const histogram = new LogHistogram();
    const size = () => JSON.stringify(histogram).length;
    histogram.addAll(
      sample(() => 1e9 * Math.exp(0.1 * standardNormal(stream)), 10_000),
      10_000,
    );
    const after10k = size();
    histogram.addAll(
      sample(() => 1e9 * Math.exp(0.1 * standardNormal(stream)), 200_000),
      200_000,
    );
    // New values of the same spread fill existing bins rather than adding storage.
    expect(size()).toBeLessThan(after10k * 1.5);
  });

  it('counts a block at once exactly as value by value, inside and outside its window', () => {
    // Both signs, zeros, subnormals, values not finite and a spread far wider than the window.
    const values = Float64Array.of(
      ...sample(() => 1e10 * Math.exp(0.3 * standardNormal(stream)), 500),
      ...sample(() => -Math.exp(40 * standardNormal(stream)), 300),
      0,
      -0,
      5e-324,
      1e-300,
      1e300,
      Number.NaN,
      Number.NEGATIVE_INFINITY,
      3,
    );
    const oneByOne = new LogHistogram();
    for (const value of values) oneByOne.add(value);
    const blocks = new LogHistogram();
    // Blocks that start inside a larger array, as the engine's buffers are read.
    const padded = new Float64Array(values.length + 7);
    padded.set(values, 7);
    blocks.addAll(padded.subarray(7, 407), 400);
    blocks.addAll(padded.subarray(407), values.length - 400);
    expect(blocks.serialize()).toEqual(oneByOne.serialize());
    expect([blocks.count, blocks.zeros, blocks.nonFinite]).toEqual([oneByOne.count, oneByOne.zeros, oneByOne.nonFinite]);
    expect(blocks.quantiles(PS)).toEqual(oneByOne.quantiles(PS));
  });

  it('counts a value repeated n times as n values', () => {
    const repeated = new LogHistogram();
    repeated.addRepeated(2.5e9, 1000);
    repeated.addRepeated(Number.NaN, 3);
    const single = new LogHistogram();
    single.addAll(new Float64Array(1000).fill(2.5e9), 1000);
    single.addAll(Float64Array.of(Number.NaN, Number.NaN, Number.NaN), 3);
    expect(repeated.serialize()).toEqual(single.serialize());
    expect(repeated.count).toBe(1000);
    expect(repeated.wholeNumbers).toBe(true);
  });
});
