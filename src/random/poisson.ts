import { logFactorial } from './logFactorial.js';
import type { RandomStream } from './stream.js';

// The constants of the last mean, kept in a typed array (a module-level `let` holding a double
// would allocate on every store). Processes usually draw many times with one mean.
const last = new Float64Array([Number.NaN, 0, 0, 0, 0, 0, 0]);
const MEAN = 0;
const LOG_MEAN = 1;
const B = 2;
const A = 3;
const LOG_INV_ALPHA = 4;
const VR = 5;
const LIMIT = 6;

function prepare(mean: number): void {
  if (last[MEAN] === mean) return;
  last[MEAN] = mean;
  last[LIMIT] = Math.exp(-mean);
  const b = 0.931 + 2.53 * Math.sqrt(mean);
  last[LOG_MEAN] = Math.log(mean);
  last[B] = b;
  last[A] = -0.059 + 0.02483 * b;
  last[LOG_INV_ALPHA] = Math.log(1.1239 + 1.1328 / (b - 3.4));
  last[VR] = 0.9277 - 3.6224 / (b - 2);
}

/**
 * A Poisson draw. Small means by multiplying uniforms (Knuth); from 10 up by Hörmann's
 * transformed rejection with squeeze (PTRS, 1993), whose cost does not grow with the mean.
 */
export function poisson(stream: RandomStream, mean: number): number {
  if (!(mean > 0)) return 0;
  prepare(mean);
  if (mean < 10) {
    const limit = last[LIMIT];
    let k = 0;
    let product = stream.uniform();
    while (product > limit) {
      k++;
      product *= stream.uniform();
    }
    return k;
  }
  const logMean = last[LOG_MEAN];
  const b = last[B];
  const a = last[A];
  const logInvAlpha = last[LOG_INV_ALPHA];
  const vr = last[VR];
  for (;;) {
    const u = stream.uniform() - 0.5;
    const v = stream.uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b) <= -mean + k * logMean - logFactorial(k)) return k;
  }
}
