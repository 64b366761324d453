import { z } from 'zod';
import { INPUT_UNIT_NAMES } from '../inputUnits.js';

/** A name usable in expressions: letters, digits and underscores, not starting with a digit. */
export const Identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected a name of letters, digits and underscores, not starting with a digit');

/** An id for targets, sources and context entries: lower-case words joined by dashes or underscores. */
export const Id = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'expected an id of lower-case letters, digits, "-" and "_"');

export const Year = z.number().int().min(1900).max(2200);

/**
 * The units a metric can carry. Money is always in yuan (not 亿元), shares are fractions (0.054, not 5.4%),
 * rates are fractions a year (0.15 for 15% growth), ratios are plain multiples (2 for "doubles").
 */
export const Unit = z.enum(['yuan', 'count', 'persons', 'area', 'share', 'ratio', 'rate']);
export type Unit = z.infer<typeof Unit>;

/**
 * The unit of a target's measure and threshold: the metric's own for `value`, `sum`, `runningTotal`,
 * `reachedBy` and `everyYear`; `ratio` for `ratioToBase`; `rate` for `averageGrowth` and `yearOnYear`;
 * `points` (percentage points, 2 for "up 2 points") for `changeInPoints`.
 */
export type MeasureUnit = Unit | 'points';

/**
 * A number, or the name of a parameter (or metric) that supplies it. Used wherever a process
 * needs an input that may be uncertain: `"drift": "outputDrift"` or `"drift": 0.12`.
 */
export const Quantity = z.union([z.number(), Identifier], {
  error: 'expected a number or the name of a parameter',
});
export type Quantity = z.infer<typeof Quantity>;

/** Where a figure comes from: the id of an entry in the scenario's `sources`. */
export const SourceRef = Id;

/**
 * A unit a metric's figures may be written in, as the source writes them (亿元, 亩, %): converted
 * once, at load, to the metric's canonical unit (see `scenario/inputUnits.ts` for the factors).
 */
export const InputUnit = z.enum(INPUT_UNIT_NAMES);
export type InputUnit = z.infer<typeof InputUnit>;
