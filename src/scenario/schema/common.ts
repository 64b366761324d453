import { z } from 'zod';
import { expectations, messages } from '../../problems/messages.js';
import { INPUT_UNIT_NAMES } from '../inputUnits.js';

/**
 * Names JavaScript objects already carry (`constructor`, `__proto__`, `toString`, ...), and
 * `prototype`. A metric or parameter so named would be dropped (`__proto__`) or confused with the
 * inherited property wherever a scenario's records are read by name, so such names are refused.
 */
const OBJECT_PROPERTY_NAMES: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** Refuses `OBJECT_PROPERTY_NAMES` with a reason; a check on any text used as a key or a reference. */
const notAnObjectProperty = <T extends z.ZodString>(schema: T) =>
  schema.superRefine((name, ctx) => {
    if (OBJECT_PROPERTY_NAMES.has(name)) ctx.addIssue({ code: 'custom', message: messages.objectPropertyName(name), input: name });
  });

/** A name usable in expressions: letters, digits and underscores, not starting with a digit. */
export const Identifier = notAnObjectProperty(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, expectations.name));

/** An id for targets, sources and context entries: lower-case words joined by dashes or underscores. */
export const Id = notAnObjectProperty(z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, expectations.id));

const FIRST_YEAR = 1900;
const LAST_YEAR = 2200;
export const Year = z
  .number()
  .int(expectations.year(FIRST_YEAR, LAST_YEAR))
  .min(FIRST_YEAR, expectations.year(FIRST_YEAR, LAST_YEAR))
  .max(LAST_YEAR, expectations.year(FIRST_YEAR, LAST_YEAR));

/**
 * The units a metric can carry. Money is always in yuan (not 亿元), shares are fractions (0.054, not 5.4%),
 * rates are fractions a year (0.15 for 15% growth), ratios are plain multiples (2 for "doubles").
 */
export const Unit = z.enum(['yuan', 'count', 'persons', 'area', 'share', 'ratio', 'rate']);
export type Unit = z.infer<typeof Unit>;

/** Numbers with their range stated, each check worded for the reader (see `expectations`). */
export const numbers = {
  any: () => z.number(),
  positive: () => z.number().positive(expectations.positive),
  zeroOrMore: () => z.number().min(0, expectations.zeroOrMore),
  probability: () => z.number().min(0, expectations.probability).max(1, expectations.probability),
  wholeCount: () => z.number().int(expectations.wholeCount).min(0, expectations.wholeCount),
};

/**
 * The unit of a target's measure and threshold: the metric's own for `value`, `sum`, `runningTotal`,
 * `reachedBy` and `everyYear`; `ratio` for `ratioToBase`; `rate` for `averageGrowth` and `yearOnYear`;
 * `points` (percentage points, 2 for "up 2 points") for `changeInPoints`.
 */
export type MeasureUnit = Unit | 'points';

/**
 * A number, or the name of a parameter (or metric) that supplies it. Used wherever a process
 * needs an input that may be uncertain: `"drift": "outputDrift"` or `"drift": 0.12`. A number
 * written in place is held to `literal`'s range; a named parameter's draws are the modeller's.
 */
export const quantity = (literal: z.ZodNumber = z.number()) => z.union([literal, Identifier], { error: expectations.quantity });

export const Quantity = quantity();
export type Quantity = z.infer<typeof Quantity>;

/** Where a figure comes from: the id of an entry in the scenario's `sources`. */
export const SourceRef = Id;

/**
 * A unit a metric's figures may be written in, as the source writes them (亿元, 亩, %): converted
 * once, at load, to the metric's canonical unit (see `scenario/inputUnits.ts` for the factors).
 */
export const InputUnit = z.enum(INPUT_UNIT_NAMES);
export type InputUnit = z.infer<typeof InputUnit>;
