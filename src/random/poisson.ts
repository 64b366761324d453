import { exp, log } from '../math/elementary.js';
import { logFactorial } from './logFactorial.js';
import type { RandomStream } from './stream.js';

// e^-mean for the last small mean, in a typed array (a module-level `let` holding a double would
// allocate on every store): a process with a fixed rate draws many times with one mean.
const lastSmall = new Float64Array([Number.NaN, 0]);

/**
 * A Poisson draw. Small means by multiplying uniforms (Knuth); from 10 up by Hörmann's
 * transformed rejection with squeeze (PTRS, 1993), whose cost does not grow with the mean. Means
 * often change from draw to draw (a gamma-mixed rate), so PTRS sets up only what its quick
 * acceptance needs, and the logarithms of its slow path when it first gets there: a third of
 * the time of a seed park with overdispersed arrivals went to setting up constants it never used.
 */
export function poisson(stream: RandomStream, mean: number): number {
  if (!(mean > 0)) return 0;
  if (mean < 10) {
    if (lastSmall[0] !== mean) {
      lastSmall[0] = mean;
      lastSmall[1] = exp(-mean);
    }
    const limit = lastSmall[1];
    let k = 0;
    let product = stream.uniform();
    while (product > limit) {
      k++;
      product *= stream.uniform();
    }
    return k;
  }
  const b = 0.931 + 2.53 * Math.sqrt(mean);
  const a = -0.059 + 0.02483 * b;
  const vr = 0.9277 - 3.6224 / (b - 2);
  let slowPathReady = false;
  let logMean = 0;
  let logInvAlpha = 0;
  for (;;) {
    const u = stream.uniform() - 0.5;
    const v = stream.uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (!slowPathReady) {
      slowPathReady = true;
      logMean = log(mean);
      logInvAlpha = log(1.1239 + 1.1328 / (b - 3.4));
    }
    if (log(v) + logInvAlpha - log(a / (us * us) + b) <= -mean + k * logMean - logFactorial(k)) return k;
  }
}
