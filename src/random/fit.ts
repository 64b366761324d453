import { log } from '../math/elementary.js';
import type { Distribution } from '../scenario/schema/distribution.js';

/** The standard normal's 95th percentile: low and high of a 90% range sit this many sds from the centre. */
export const Z95 = 1.6448536269514722;

/** Normal(mean, sd) or lognormal(mu, sigma) whose 5th and 95th percentiles are `low` and `high`. */
export function fitRange90(d: Extract<Distribution, { dist: 'range90' }>): { location: number; scale: number } {
  if (d.shape === 'lognormal') {
    const logLow = log(d.low);
    const logHigh = log(d.high);
    return { location: (logLow + logHigh) / 2, scale: (logHigh - logLow) / (2 * Z95) };
  }
  return { location: (d.low + d.high) / 2, scale: (d.high - d.low) / (2 * Z95) };
}

/** The shape parameters of a Beta-PERT on [min, max]. */
export function pertShape(d: Extract<Distribution, { dist: 'pert' }>): { alpha: number; beta: number } {
  const width = d.max - d.min;
  return {
    alpha: 1 + (d.lambda * (d.mode - d.min)) / width,
    beta: 1 + (d.lambda * (d.max - d.mode)) / width,
  };
}
