import { describe, expect, it } from 'vitest';
import { REFERENCE_TARGETS, standardError } from '../../bench/reference.js';
import { referenceLoop } from '../../bench/reference-loop.js';

describe('referenceLoop', () => {
  const trials = 200_000;
  const result = referenceLoop(trials, 'reference-loop-test');

  it.each(REFERENCE_TARGETS.map((t) => [t.label, t] as const))('meets the reference probability: %s', (_, target) => {
    const p = result.hits[target.key] / trials;
    const tolerance = 4 * standardError(target.notes, trials);
    expect(Math.abs(p - target.notes)).toBeLessThanOrEqual(tolerance);
  });

  it('replays a seed exactly and counts a partial last block', () => {
    const odd = 3 * 1024 + 500;
    expect(referenceLoop(odd, 7)).toEqual(referenceLoop(odd, 7));
    expect(referenceLoop(odd, 7)).not.toEqual(referenceLoop(odd, 8));
    const { trials: n, hits } = referenceLoop(odd, 7);
    expect(n).toBe(odd);
    for (const count of Object.values(hits)) expect(count).toBeLessThanOrEqual(odd);
    expect(hits.enterprises).toBeGreaterThan(0);
  });

  it('rejects a trial count that is not a whole number >= 0', () => {
    expect(() => referenceLoop(1.5, 1)).toThrow(RangeError);
    expect(() => referenceLoop(-1, 1)).toThrow(RangeError);
    expect(referenceLoop(0, 1).hits).toEqual({ enterprises: 0, graduates: 0, output: 0, tax: 0, all: 0 });
  });
});
