import { z } from 'zod';
import { messages } from '../../problems/messages.js';
import { numbers } from './common.js';

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

export const FixedDistribution = z.strictObject({ dist: z.literal('fixed'), value: numbers.any(), ...common });
export const UniformDistribution = z.strictObject({ dist: z.literal('uniform'), min: numbers.any(), max: numbers.any(), ...common });
export const NormalDistribution = z.strictObject({ dist: z.literal('normal'), mean: numbers.any(), sd: numbers.positive(), ...common });
/** ln X ~ Normal(mu, sigma). The median is exp(mu). */
export const LognormalDistribution = z.strictObject({ dist: z.literal('lognormal'), mu: numbers.any(), sigma: numbers.positive(), ...common });
export const TriangularDistribution = z.strictObject({
  dist: z.literal('triangular'),
  min: numbers.any(),
  mode: numbers.any(),
  max: numbers.any(),
  ...common,
});
/** Beta-PERT on [min, max] with the given mode; `lambda` (default 4) weights the mode. */
export const PertDistribution = z.strictObject({
  dist: z.literal('pert'),
  min: numbers.any(),
  mode: numbers.any(),
  max: numbers.any(),
  lambda: numbers.positive().default(4),
  ...common,
});
/** Beta(alpha, beta), optionally stretched onto [min, max]. */
export const BetaDistribution = z.strictObject({
  dist: z.literal('beta'),
  alpha: numbers.positive(),
  beta: numbers.positive(),
  min: numbers.any().default(0),
  max: numbers.any().default(1),
  ...common,
});
export const PoissonDistribution = z.strictObject({ dist: z.literal('poisson'), lambda: numbers.zeroOrMore(), ...common });
export const BinomialDistribution = z.strictObject({
  dist: z.literal('binomial'),
  n: numbers.wholeCount(),
  p: numbers.probability(),
  ...common,
});
/**
 * The planner's form: "90% sure it lies between low and high". Fitted as a normal (symmetric)
 * or a lognormal (for positive, skewed quantities) with low and high as its 5th and 95th percentiles.
 */
export const Range90Distribution = z.strictObject({
  dist: z.literal('range90'),
  low: numbers.any(),
  high: numbers.any(),
  shape: z.enum(['normal', 'lognormal']).default('normal'),
  ...common,
});

const AnyDistribution = z.discriminatedUnion('dist', [
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
]);

/** Where a distribution's draws can fall, and whether its ends can be drawn themselves. */
interface Support {
  low: number;
  high: number;
  /** Whether `low` itself can be drawn (false for the lognormal's 0). */
  lowIncluded: boolean;
}

function supportOf(d: z.infer<typeof AnyDistribution>): Support {
  switch (d.dist) {
    case 'fixed':
      return { low: d.value, high: d.value, lowIncluded: true };
    case 'uniform':
    case 'triangular':
    case 'pert':
    case 'beta':
      return { low: d.min, high: d.max, lowIncluded: true };
    case 'normal':
      return { low: -Infinity, high: Infinity, lowIncluded: false };
    case 'lognormal':
      return { low: 0, high: Infinity, lowIncluded: false };
    case 'range90':
      return d.shape === 'lognormal' ? { low: 0, high: Infinity, lowIncluded: false } : { low: -Infinity, high: Infinity, lowIncluded: false };
    case 'poisson':
      return { low: 0, high: Infinity, lowIncluded: true };
    case 'binomial':
      return { low: 0, high: d.n, lowIncluded: true };
  }
}

function describeSupport({ low, high, lowIncluded }: Support): string {
  if (low === -Infinity) return 'any number';
  if (high === Infinity) return lowIncluded ? `of ${low} or more` : `above ${low}`;
  return low === high ? `equal to ${low}` : `from ${low} to ${high}`;
}

/**
 * A distribution, with the checks between its fields: ranges in order (the field out of place is
 * the one blamed: PERT's `mode`, not its `max`), a point the distribution can take, and bounds that
 * leave something to draw. Each check runs only on fields that are themselves valid.
 */
export const Distribution = AnyDistribution.superRefine((d, ctx) => {
  const blame = (path: Array<string | number>, message: string) => ctx.addIssue({ code: 'custom', path, message });
  const order = (lowKey: string, low: number, highKey: string, high: number) => {
    if (!(low < high)) blame([highKey], messages.orderedAfter(highKey, lowKey, low, true, high));
  };
  let ordered = true;
  switch (d.dist) {
    case 'uniform':
    case 'beta':
      order('min', d.min, 'max', d.max);
      ordered = d.min < d.max;
      break;
    case 'triangular':
    case 'pert':
      order('min', d.min, 'max', d.max);
      ordered = d.min < d.max;
      if (ordered && !(d.min <= d.mode && d.mode <= d.max)) blame(['mode'], messages.modeOutOfRange(d.min, d.max, d.mode));
      break;
    case 'range90':
      order('low', d.low, 'high', d.high);
      ordered = d.low < d.high;
      if (d.shape === 'lognormal' && !(d.low > 0)) {
        blame(['low'], messages.lognormalRangeLow(d.low));
        ordered = false;
      }
      break;
  }
  if (!ordered) return;
  const support = supportOf(d);
  const inSupport = (x: number) => (support.lowIncluded ? x >= support.low : x > support.low) && x <= support.high;
  if (d.point !== undefined && !inSupport(d.point)) blame(['point'], messages.pointOutside(describeSupport(support), d.point));
  const bounds = d.bounds;
  if (bounds === undefined) return;
  if (bounds.min !== undefined && bounds.max !== undefined && !(bounds.min < bounds.max)) {
    blame(['bounds', 'max'], messages.orderedAfter('bounds.max', 'bounds.min', bounds.min, true, bounds.max));
    return;
  }
  if (d.dist === 'fixed') {
    if ((bounds.min !== undefined && d.value < bounds.min) || (bounds.max !== undefined && d.value > bounds.max)) {
      blame(['bounds'], messages.valueOutsideBounds(d.value));
    }
    return;
  }
  const below = bounds.max !== undefined && (support.lowIncluded ? bounds.max < support.low : bounds.max <= support.low);
  const above = bounds.min !== undefined && bounds.min >= support.high && !(bounds.min === support.high && d.dist === 'binomial');
  if (below || above) blame(['bounds'], messages.boundsOutside(describeSupport(support)));
  else if (d.point !== undefined && ((bounds.min !== undefined && d.point < bounds.min) || (bounds.max !== undefined && d.point > bounds.max))) {
    blame(['point'], messages.pointOutside(`within the bounds [${bounds.min ?? '-Infinity'}, ${bounds.max ?? 'Infinity'}]`, d.point));
  }
});
export type Distribution = z.infer<typeof Distribution>;
