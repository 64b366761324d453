import type { Comparison } from '../scenario/schema/target.js';

/**
 * A target's comparison as plain bounds, so the hot loops test every kind of target alike with no
 * branch on the kind: a value meets the target when `metFrom <= value <= metTo` (a strict `>`
 * or `<` moves the bound to the next double), and its margin is
 * `min(value - marginFrom, marginTo - value)`. NaN meets nothing and has a NaN margin.
 */
export interface TargetBounds {
  readonly metFrom: number;
  readonly metTo: number;
  readonly marginFrom: number;
  readonly marginTo: number;
}

/** The bounds of a comparison against `low` (and `high`, for `between`). */
export function targetBounds(comparison: Comparison, low: number, high: number): TargetBounds {
  switch (comparison) {
    case '>':
      return { metFrom: nextDouble(low, 1), metTo: Infinity, marginFrom: low, marginTo: Infinity };
    case '>=':
      return { metFrom: low, metTo: Infinity, marginFrom: low, marginTo: Infinity };
    case '<':
      return { metFrom: -Infinity, metTo: nextDouble(low, -1), marginFrom: -Infinity, marginTo: low };
    case '<=':
      return { metFrom: -Infinity, metTo: low, marginFrom: -Infinity, marginTo: low };
    case 'between':
      return { metFrom: low, metTo: high, marginFrom: low, marginTo: high };
  }
}

/** The double next to a finite `x`, upwards (direction 1) or downwards (-1). */
function nextDouble(x: number, direction: 1 | -1): number {
  if (x === 0) return direction * Number.MIN_VALUE;
  const bits = new BigInt64Array(Float64Array.of(x).buffer);
  // For a positive x the bit pattern grows with the value; for a negative one it shrinks.
  bits[0] += x > 0 === direction > 0 ? 1n : -1n;
  return new Float64Array(bits.buffer)[0];
}
