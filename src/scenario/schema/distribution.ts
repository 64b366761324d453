import { z } from 'zod';

const Bounds = z.strictObject({
  min: z.number().optional(),
  max: z.number().optional(),
});

/** Fields every distribution may carry besides its own parameters. */
const common = {
  /** The value used by the deterministic projection. Defaults to the distribution's median. */
  point: z.number().optional(),
  /** Draws outside the bounds are redrawn (truncation), so the shape inside is kept. */
  bounds: Bounds.optional(),
};

const positive = z.number().positive();
const probability = z.number().min(0).max(1);

export const FixedDistribution = z.strictObject({ dist: z.literal('fixed'), value: z.number(), ...common });
export const UniformDistribution = z.strictObject({ dist: z.literal('uniform'), min: z.number(), max: z.number(), ...common });
export const NormalDistribution = z.strictObject({ dist: z.literal('normal'), mean: z.number(), sd: positive, ...common });
/** ln X ~ Normal(mu, sigma). The median is exp(mu). */
export const LognormalDistribution = z.strictObject({ dist: z.literal('lognormal'), mu: z.number(), sigma: positive, ...common });
export const TriangularDistribution = z.strictObject({
  dist: z.literal('triangular'),
  min: z.number(),
  mode: z.number(),
  max: z.number(),
  ...common,
});
/** Beta-PERT on [min, max] with the given mode; `lambda` (default 4) weights the mode. */
export const PertDistribution = z.strictObject({
  dist: z.literal('pert'),
  min: z.number(),
  mode: z.number(),
  max: z.number(),
  lambda: positive.default(4),
  ...common,
});
/** Beta(alpha, beta), optionally stretched onto [min, max]. */
export const BetaDistribution = z.strictObject({
  dist: z.literal('beta'),
  alpha: positive,
  beta: positive,
  min: z.number().default(0),
  max: z.number().default(1),
  ...common,
});
export const PoissonDistribution = z.strictObject({ dist: z.literal('poisson'), lambda: z.number().nonnegative(), ...common });
export const BinomialDistribution = z.strictObject({
  dist: z.literal('binomial'),
  n: z.number().int().nonnegative(),
  p: probability,
  ...common,
});
/**
 * The planner's form: "90% sure it lies between low and high". Fitted as a normal (symmetric)
 * or a lognormal (for positive, skewed quantities) with low and high as its 5th and 95th percentiles.
 */
export const Range90Distribution = z.strictObject({
  dist: z.literal('range90'),
  low: z.number(),
  high: z.number(),
  shape: z.enum(['normal', 'lognormal']).default('normal'),
  ...common,
});

export const Distribution = z
  .discriminatedUnion('dist', [
    FixedDistribution,
    UniformDistribution,
    NormalDistribution,
    LognormalDistribution,
    TriangularDistribution,
    PertDistribution,
    BetaDistribution,
    PoissonDistribution,
    BinomialDistribution,
    Range90Distribution,
  ])
  .superRefine((d, ctx) => {
    const order = (lowKey: string, low: number, highKey: string, high: number, strict = true) => {
      if (strict ? !(low < high) : !(low <= high)) {
        ctx.addIssue({ code: 'custom', path: [highKey], message: `expected ${highKey} ${strict ? '>' : '>='} ${lowKey} (${low}), got ${high}` });
      }
    };
    switch (d.dist) {
      case 'uniform':
        order('min', d.min, 'max', d.max);
        break;
      case 'triangular':
      case 'pert':
        order('min', d.min, 'max', d.max);
        if (d.min < d.max) {
          order('min', d.min, 'mode', d.mode, false);
          order('mode', d.mode, 'max', d.max, false);
        }
        break;
      case 'beta':
        order('min', d.min, 'max', d.max);
        break;
      case 'range90':
        order('low', d.low, 'high', d.high);
        if (d.shape === 'lognormal' && !(d.low > 0)) {
          ctx.addIssue({ code: 'custom', path: ['low'], message: `expected a positive low for a lognormal range, got ${d.low}` });
        }
        break;
    }
    if (d.bounds?.min !== undefined && d.bounds.max !== undefined && !(d.bounds.min < d.bounds.max)) {
      ctx.addIssue({ code: 'custom', path: ['bounds', 'max'], message: `expected bounds.max > bounds.min (${d.bounds.min}), got ${d.bounds.max}` });
    }
  });
export type Distribution = z.infer<typeof Distribution>;
