import { describe, expect, it } from 'vitest';
import { margin, meets } from '../../src/engine/measure.js';
import { targetBounds } from '../../src/engine/targetBounds.js';
import type { Comparison } from '../../src/scenario/schema/target.js';

// Neighbouring doubles: the spacing is 2^-46 between 64 and 128, 2^-51 between 2 and 4 (and 2^-52 just below 2).
const ABOVE_100 = 100 + 2 ** -46;
const BELOW_100 = 100 - 2 ** -46;
const ABOVE_3 = 3 + 2 ** -51;
const ABOVE_MINUS_3 = -3 + 2 ** -51;
const BELOW_MINUS_3 = -3 - 2 ** -51;

describe('targetBounds: every comparison as bounds', () => {
  const cases: Array<[Comparison, number, number, Array<[number, boolean]>]> = [
    [
      '>',
      100,
      100,
      [
        [100, false],
        [ABOVE_100, true],
        [-5, false],
      ],
    ],
    [
      '>=',
      100,
      100,
      [
        [100, true],
        [BELOW_100, false],
        [1e12, true],
      ],
    ],
    [
      '<',
      0,
      0,
      [
        [0, false],
        [-Number.MIN_VALUE, true],
        [-0, false],
      ],
    ],
    [
      '<=',
      -3,
      -3,
      [
        [-3, true],
        [ABOVE_MINUS_3, false],
        [-1e9, true],
      ],
    ],
    [
      '>',
      -3,
      -3,
      [
        [-3, false],
        [ABOVE_MINUS_3, true],
        [BELOW_MINUS_3, false],
      ],
    ],
    [
      'between',
      2,
      3,
      [
        [2, true],
        [3, true],
        [ABOVE_3, false],
      ],
    ],
  ];
  it.each(cases)('%s %d (to %d)', (comparison, low, high, values) => {
    const bounds = targetBounds(comparison, low, high);
    for (const [value, met] of values) expect(meets(bounds, value), `${value}`).toBe(met);
    expect(meets(bounds, Number.NaN)).toBe(false);
  });

  it('gives margins in the metric unit: positive when met, negative when missed, NaN for NaN', () => {
    expect(margin(targetBounds('>=', 100, 100), 130)).toBe(30);
    expect(margin(targetBounds('>', 100, 100), 70)).toBe(-30);
    expect(margin(targetBounds('<=', 50, 50), 20)).toBe(30);
    expect(margin(targetBounds('<', 50, 50), 80)).toBe(-30);
    expect(margin(targetBounds('between', 10, 20), 12)).toBe(2);
    expect(margin(targetBounds('between', 10, 20), 25)).toBe(-5);
    expect(margin(targetBounds('between', 10, 20), 4)).toBe(-6);
    expect(margin(targetBounds('>=', 100, 100), Number.NaN)).toBeNaN();
  });
});

describe('the neighbouring doubles used above', () => {
  it('are the next ones: halfway between them and their neighbour rounds back', () => {
    for (const [x, y] of [
      [100, ABOVE_100],
      [100, BELOW_100],
      [3, ABOVE_3],
      [-3, ABOVE_MINUS_3],
      [-3, BELOW_MINUS_3],
    ]) {
      expect(y).not.toBe(x);
      expect(x + (y - x) / 2 === x || x + (y - x) / 2 === y).toBe(true);
    }
  });
});
