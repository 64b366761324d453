import { log, pow } from '../math/elementary.js';
import { standardNormal } from './normal.js';
import type { RandomStream } from './stream.js';

/** A Gamma(shape, 1) draw, by Marsaglia & Tsang (2000); shapes below 1 by the boost U^(1/shape). */
export function gamma(stream: RandomStream, shape: number): number {
  if (shape < 1) return gamma(stream, shape + 1) * pow(stream.uniform(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(stream);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = stream.uniform();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (log(u) < 0.5 * x2 + d * (1 - v + log(v))) return d * v;
  }
}

/** A Beta(alpha, beta) draw from two gammas. */
export function beta(stream: RandomStream, alpha: number, betaShape: number): number {
  const x = gamma(stream, alpha);
  const y = gamma(stream, betaShape);
  return x / (x + y);
}
