import type { Distribution } from '../scenario/schema/distribution.js';
import { binomial } from './binomial.js';
import { fitRange90, pertShape } from './fit.js';
import { beta } from './gamma.js';
import { standardNormal } from './normal.js';
import { poisson } from './poisson.js';
import type { RandomStream } from './stream.js';

/** Draws one value of a distribution from a stream. */
export type Sampler = (stream: RandomStream) => number;

/** Fills out[0..length) with draws. */
export type BlockSampler = (out: Float64Array, length: number, stream: RandomStream) => void;

/** A block sampler for a distribution (with its bounds, as `samplerFor`). */
export function blockSamplerFor(d: Distribution): BlockSampler {
  const draw = samplerFor(d);
  return (out, length, stream) => {
    for (let i = 0; i < length; i++) out[i] = draw(stream);
  };
}

/** A sampler without bounds; parameters are read once here, so the returned function only draws. */
function unbounded(d: Distribution): Sampler {
  switch (d.dist) {
    case 'fixed': {
      const value = d.value;
      return () => value;
    }
    case 'uniform': {
      const { min } = d;
      const width = d.max - d.min;
      return (s) => min + width * s.uniform();
    }
    case 'normal': {
      const { mean, sd } = d;
      return (s) => mean + sd * standardNormal(s);
    }
    case 'lognormal': {
      const { mu, sigma } = d;
      return (s) => Math.exp(mu + sigma * standardNormal(s));
    }
    case 'range90': {
      const { location, scale } = fitRange90(d);
      return d.shape === 'lognormal' ? (s) => Math.exp(location + scale * standardNormal(s)) : (s) => location + scale * standardNormal(s);
    }
    case 'triangular': {
      const { min, mode, max } = d;
      const width = max - min;
      const split = (mode - min) / width;
      return (s) => {
        const u = s.uniform();
        return u < split ? min + Math.sqrt(u * width * (mode - min)) : max - Math.sqrt((1 - u) * width * (max - mode));
      };
    }
    case 'pert': {
      const { alpha, beta: betaShape } = pertShape(d);
      const { min } = d;
      const width = d.max - d.min;
      return (s) => min + width * beta(s, alpha, betaShape);
    }
    case 'beta': {
      const { alpha, beta: betaShape, min } = d;
      const width = d.max - d.min;
      return (s) => min + width * beta(s, alpha, betaShape);
    }
    case 'poisson': {
      const { lambda } = d;
      return (s) => poisson(s, lambda);
    }
    case 'binomial': {
      const { n, p } = d;
      return (s) => binomial(s, n, p);
    }
  }
}

/** Raised when bounds exclude (almost) all of a distribution, so truncation cannot draw. */
export class BoundsError extends Error {}

const MAX_REDRAWS = 10_000;

/**
 * A sampler for a distribution, truncated to its bounds by redrawing (which keeps the shape
 * inside the bounds, unlike clamping). Throws `BoundsError` if 10,000 draws in a row fall outside.
 */
export function samplerFor(d: Distribution): Sampler {
  const draw = unbounded(d);
  const low = d.bounds?.min ?? -Infinity;
  const high = d.bounds?.max ?? Infinity;
  if (low === -Infinity && high === Infinity) return draw;
  return (s) => {
    for (let attempt = 0; attempt < MAX_REDRAWS; attempt++) {
      const x = draw(s);
      if (x >= low && x <= high) return x;
    }
    throw new BoundsError(`bounds [${low}, ${high}] leave almost no probability: ${MAX_REDRAWS} draws in a row fell outside`);
  };
}
