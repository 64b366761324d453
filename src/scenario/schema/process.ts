import { z } from 'zod';
import { expectations } from '../../problems/messages.js';
import { numbers, Quantity, quantity } from './common.js';

/** The metric keeps its value from year to year (changed only by steps). */
export const ConstantProcess = z.strictObject({ type: z.literal('constant') });

/**
 * Compound growth with lognormal steps: x[t] = x[t-1] * exp(drift + volatility * Z[t]).
 * `drift` is the log growth rate (0.14 ≈ 15% a year); usually an uncertain parameter drawn once
 * per trial, while Z[t] is fresh standard-normal noise each year.
 */
export const GrowthProcess = z.strictObject({
  type: z.literal('growth'),
  drift: Quantity,
  volatility: quantity(numbers.zeroOrMore()).default(0),
});

/**
 * Logistic growth toward a capacity (land, floor space):
 * x[t] = K / (1 + (K / x[t-1] - 1) * exp(-(rate + volatility * Z[t]))).
 */
export const LogisticProcess = z.strictObject({
  type: z.literal('logistic'),
  rate: Quantity,
  capacity: quantity(numbers.positive()),
  volatility: quantity(numbers.zeroOrMore()).default(0),
});

/**
 * Arrivals per year with a running total: x[t] = x[t-1] + N[t], N[t] ~ Poisson(rate), or, with a
 * `dispersion` k, negative binomial with mean `rate` and variance rate + rate²/k (overdispersion).
 */
export const ArrivalsProcess = z.strictObject({
  type: z.literal('arrivals'),
  rate: quantity(numbers.zeroOrMore()),
  dispersion: quantity(numbers.positive()).optional(),
});

/**
 * Graduation from a pool: each year every candidate crosses the line (e.g. revenue above 20
 * million yuan) with probability p; x[t] = x[t-1] + Binomial(candidates, p). With `depleting`
 * (the default) candidates = pool - x[t-1]; otherwise the pool is a fresh cohort every year.
 */
export const GraduationProcess = z.strictObject({
  type: z.literal('graduation'),
  pool: quantity(numbers.wholeCount()),
  probability: quantity(numbers.probability()),
  depleting: z.boolean().default(true),
});

/** A metric computed each year from other metrics and parameters: `outputValue * effectiveTaxRate`. */
export const DerivedProcess = z.strictObject({
  type: z.literal('derived'),
  expression: z.string().min(1),
});

export const Process = z.discriminatedUnion('type', [ConstantProcess, GrowthProcess, LogisticProcess, ArrivalsProcess, GraduationProcess, DerivedProcess]);
export type Process = z.infer<typeof Process>;

/**
 * A one-off change in a given year, after the year's process: x = x * multiply + add.
 * A fund, a new zone opening, a relocation. It carries forward for stock metrics.
 */
export const Step = z
  .strictObject({
    year: z.number().int(expectations.wholeNumber),
    add: Quantity.optional(),
    /** Zero or more: a step scales a park's figure, it does not turn it negative. */
    multiply: quantity(numbers.zeroOrMore()).optional(),
    note: z.string().optional(),
  })
  .refine((s) => s.add !== undefined || s.multiply !== undefined, {
    message: 'expected "add" or "multiply" (or both)',
  });
export type Step = z.infer<typeof Step>;
