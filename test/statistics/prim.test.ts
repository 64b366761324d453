import { describe, expect, it } from 'vitest';
import { fullBox, primData, primPaste, primPeel, primStatistics } from '../../src/statistics/prim.js';

// 200 points: x = 0, 0.005, …, 0.995 and z = the same values reversed; the outcome is x < 0.2.
const n = 200;
const x = Float64Array.from({ length: n }, (_, i) => i / n);
const z = Float64Array.from({ length: n }, (_, i) => (n - 1 - i) / n);
const outcome = Uint8Array.from(x, (v) => (v < 0.2 ? 1 : 0));
const all = new Uint8Array(n).fill(1);

describe('PRIM peeling and pasting on a one-dimensional rule', () => {
  const data = primData([x, z], outcome);

  it('peels from the full box to a pure one, each peel raising the density and lowering the mass', () => {
    const steps = primPeel(data, all);
    expect(steps[0]).toMatchObject({ points: n, outcomePoints: 40, coverage: 1, density: 0.2, mass: 1, restricted: 0 });
    for (let k = 1; k < steps.length; k++) {
      expect(steps[k].density).toBeGreaterThan(steps[k - 1].density);
      expect(steps[k].mass).toBeLessThan(steps[k - 1].mass);
      // Each peel removes about 5% of the box's points (ties never split; here there are none).
      expect(steps[k - 1].points - steps[k].points).toBe(Math.max(1, Math.floor(0.05 * steps[k - 1].points)));
    }
    const last = steps.at(-1);
    expect(last?.density).toBe(1);
    // The last peel (2 points) took the one non-outcome point and one outcome point with it …
    expect(last?.coverage).toBe(39 / 40);
    // … which pasting gives back.
    expect(primStatistics(data, all, primPaste(data, all, last?.box ?? fullBox(2)))).toMatchObject({ coverage: 1, density: 1 });
  });

  it('pastes a pure box out to the last outcome point and no further', () => {
    const box = { low: [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY], high: [0.1, Number.POSITIVE_INFINITY] };
    const pasted = primPaste(data, all, box);
    expect(pasted.high[0]).toBeCloseTo(0.195, 12);
    expect(primStatistics(data, all, pasted)).toMatchObject({ points: 40, outcomePoints: 40, coverage: 1, density: 1 });
  });

  it('counts only the rows given, and stops at the minimum mass', () => {
    const even = Uint8Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : 0));
    expect(primStatistics(data, even, fullBox(2))).toMatchObject({ points: 100, outcomePoints: 20 });
    const steps = primPeel(data, all, { minimumMass: 0.5 });
    expect(Math.min(...steps.map((s) => s.mass))).toBeGreaterThanOrEqual(0.5);
  });
});
