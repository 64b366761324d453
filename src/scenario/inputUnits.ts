/**
 * The units a scenario may write a metric's figures in, as Chinese plans state them (亿元, 亩,
 * 平方公里, %), and their exact factors to the canonical units the engine computes in (yuan,
 * square metres, fractions). This file is the only place the factors live.
 */
/** One input unit: the canonical unit it converts to, and canonical = written × 10^exponent / divisor. */
export interface InputUnitDefinition {
  /** The metric unit (see `Unit`) the figures convert to. */
  readonly canonical: 'yuan' | 'area' | 'share';
  /** The power of ten of the factor: 8 for 亿元, -2 for %. */
  readonly exponent: number;
  /** 15 for 亩 (10000/15 m²), else 1. */
  readonly divisor: number;
  /** How the unit is written after a number in English text (Chinese text writes the key itself). */
  readonly english: string;
}

/**
 * Every input unit. 1 亩 (mu) is 10000/15 m² exactly (the statutory 666.67 m²), kept as a ratio so
 * that 15 亩 is exactly 10000 m²; 1 公顷 (hectare) is 10,000 m²; 1 平方公里 is 1,000,000 m².
 */
export const INPUT_UNITS = {
  万元: { canonical: 'yuan', exponent: 4, divisor: 1, english: '10 thousand yuan' },
  亿元: { canonical: 'yuan', exponent: 8, divisor: 1, english: '100 million yuan' },
  万亿元: { canonical: 'yuan', exponent: 12, divisor: 1, english: 'trillion yuan' },
  亩: { canonical: 'area', exponent: 4, divisor: 15, english: 'mu' },
  公顷: { canonical: 'area', exponent: 4, divisor: 1, english: 'ha' },
  ha: { canonical: 'area', exponent: 4, divisor: 1, english: 'ha' },
  平方公里: { canonical: 'area', exponent: 6, divisor: 1, english: 'km²' },
  'km²': { canonical: 'area', exponent: 6, divisor: 1, english: 'km²' },
  '%': { canonical: 'share', exponent: -2, divisor: 1, english: '%' },
  百分点: { canonical: 'share', exponent: -2, divisor: 1, english: 'percentage points' },
} as const satisfies Record<string, InputUnitDefinition>;

export type InputUnitName = keyof typeof INPUT_UNITS;

/** The names of the input units, for the schema's enum. */
export const INPUT_UNIT_NAMES = Object.keys(INPUT_UNITS) as [InputUnitName, ...InputUnitName[]];

/**
 * A figure written in `unit`, in the canonical unit.
 *
 * @example
 * ```ts
 * toCanonical(500, '亩'); // 333333.33… m²
 * toCanonical(16, '亿元'); // 1600000000 yuan
 * ```
 */
export function toCanonical(value: number, unit: InputUnitName): number {
  const u: InputUnitDefinition = INPUT_UNITS[unit];
  const shifted = shiftDecimal(value, u.exponent);
  return u.divisor === 1 ? shifted : shifted / u.divisor;
}

/**
 * A canonical value written back in `unit` (the inverse of `toCanonical`, to within one rounding for 亩).
 *
 * @example
 * ```ts
 * fromCanonical(1_000_000, '亩'); // 1500
 * fromCanonical(0.054, '%'); // 5.4
 * ```
 */
export function fromCanonical(value: number, unit: InputUnitName): number {
  const u: InputUnitDefinition = INPUT_UNITS[unit];
  return shiftDecimal(u.divisor === 1 ? value : value * u.divisor, -u.exponent);
}

/**
 * x × 10^k as the double nearest the decimal the figure was written as: 5.4 % is 0.054, not
 * 5.4 / 100 = 0.054000000000000006. The shortest decimal of x (which reads back as x) has its
 * exponent moved, and is read again.
 */
function shiftDecimal(x: number, k: number): number {
  if (k === 0 || x === 0 || !Number.isFinite(x)) return x;
  const [mantissa, exponent] = x.toExponential().split('e');
  return Number(`${mantissa}e${Number(exponent) + k}`);
}
