import { describe, expect, it } from 'vitest';
import { ExactSum } from '../../src/engine/exactSum.js';
import { deriveStream } from '../../src/random/stream.js';

const sumOf = (values: readonly number[]) => {
  const s = new ExactSum();
  for (const v of values) s.add(v);
  return s.value();
};

describe('ExactSum', () => {
  it('is exact where plain addition is not', () => {
    expect(sumOf([1e100, 1, -1e100])).toBe(1);
    // The doubles nearest 0.1, 0.2, 0.3 and 0.6 add up to exactly 2^-55; plain addition gives 2^-53.
    expect(sumOf([0.1, 0.2, 0.3, -0.6])).toBe(2 ** -55);
    expect(0.1 + 0.2 + 0.3 - 0.6).toBe(2 ** -53);
    expect(sumOf(Array.from({ length: 10 }, () => 0.1))).toBe(1);
  });

  it('gives the same bits in any order and any split into merged parts', () => {
    const stream = deriveStream(1, 'exact-sum', 0);
    const values = Array.from({ length: 5000 }, () => (stream.uniform() - 0.3) * 10 ** Math.floor(stream.uniform() * 20));
    const forward = sumOf(values);
    expect(sumOf([...values].reverse())).toBe(forward);
    const a = new ExactSum();
    const b = new ExactSum();
    values.forEach((v, i) => (i % 3 === 0 ? a : b).add(v));
    b.merge(a);
    expect(b.value()).toBe(forward);
    expect(ExactSum.deserialize(b.serialize()).value()).toBe(forward);
  });
});
