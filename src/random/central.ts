import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import binomialQuantile from '@stdlib/stats-base-dists-binomial-quantile';
import poissonQuantile from '@stdlib/stats-base-dists-poisson-quantile';
import { exp } from '../math/elementary.js';
import type { Distribution } from '../scenario/schema/distribution.js';
import { fitRange90, pertShape } from './fit.js';

function median(d: Distribution): number {
  switch (d.dist) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'normal':
      return d.mean;
    case 'lognormal':
      return exp(d.mu);
    case 'range90': {
      const { location } = fitRange90(d);
      return d.shape === 'lognormal' ? exp(location) : location;
    }
    case 'triangular': {
      const width = d.max - d.min;
      return (d.mode - d.min) / width >= 0.5 ? d.min + Math.sqrt(0.5 * width * (d.mode - d.min)) : d.max - Math.sqrt(0.5 * width * (d.max - d.mode));
    }
    case 'pert': {
      const { alpha, beta } = pertShape(d);
      return d.min + (d.max - d.min) * betaQuantile(0.5, alpha, beta);
    }
    case 'beta':
      return d.min + (d.max - d.min) * betaQuantile(0.5, d.alpha, d.beta);
    case 'poisson':
      return d.lambda === 0 ? 0 : poissonQuantile(0.5, d.lambda);
    case 'binomial':
      return binomialQuantile(0.5, d.n, d.p);
  }
}

/**
 * The value a distribution takes in the deterministic projection: its `point` if given, else its
 * median, moved inside its bounds if the bounds exclude the median (set `point` to be exact).
 */
export function centralValue(d: Distribution): number {
  if (d.point !== undefined) return d.point;
  const m = median(d);
  return Math.min(Math.max(m, d.bounds?.min ?? -Infinity), d.bounds?.max ?? Infinity);
}
