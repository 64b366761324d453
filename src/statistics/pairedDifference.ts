import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { criticalValue } from './wilson.js';

/** The difference between two probabilities estimated on the same trials (common random numbers). */
export interface PairedDifference {
  /** P(B) − P(A). */
  readonly difference: number;
  /** From the per-trial differences: sd(B − A)/√n. Small when A and B move together. */
  readonly standardError: number;
  /** What the error would be had A and B been run on independent trials: √(pA(1−pA)/n + pB(1−pB)/n). */
  readonly unpairedStandardError: number;
  /** difference ± z·standardError at the confidence level, within [−1, 1]. */
  readonly interval: readonly [number, number];
  /** Share of trials where B hits and A misses: in the same world, B does better. */
  readonly bOnly: number;
  /** Share of trials where A hits and B misses. */
  readonly aOnly: number;
  /**
   * How sure the run is that B's probability is higher than A's, given its Monte Carlo error:
   * Φ(difference / standardError) (1 or 0 when the error is zero and the difference is not).
   */
  readonly probabilityBHigher: number;
  readonly trials: number;
}

/**
 * Compares two 0/1 outcomes recorded on the same trials (e.g. a target's hits under two
 * variants run with the same seed). The paired error uses the per-trial differences, so
 * randomness common to both cancels; the unpaired error is reported beside it.
 *
 * @throws RangeError when the two have different lengths or none
 * @example
 * ```ts
 * const d = pairedDifference(Uint8Array.of(0, 1, 0, 1), Uint8Array.of(1, 1, 0, 1));
 * d.difference; // 0.25
 * ```
 */
export function pairedDifference(a: ArrayLike<number>, b: ArrayLike<number>, confidence = 0.95): PairedDifference {
  const n = a.length;
  if (n !== b.length || n === 0) throw new RangeError(`expected outcomes on the same trials, got ${a.length} and ${b.length}`);
  let hitsA = 0;
  let hitsB = 0;
  let aOnly = 0;
  let bOnly = 0;
  for (let i = 0; i < n; i++) {
    hitsA += a[i];
    hitsB += b[i];
    if (a[i] > b[i]) aOnly++;
    else if (b[i] > a[i]) bOnly++;
  }
  const pA = hitsA / n;
  const pB = hitsB / n;
  const difference = pB - pA;
  // Per-trial differences are −1, 0 or +1: their variance follows from the two counts.
  const meanSquare = (aOnly + bOnly) / n;
  const variance = n > 1 ? ((meanSquare - difference * difference) * n) / (n - 1) : 0;
  const standardError = Math.sqrt(Math.max(variance, 0) / n);
  const unpairedStandardError = Math.sqrt((pA * (1 - pA) + pB * (1 - pB)) / n);
  const half = criticalValue(confidence) * standardError;
  const probabilityBHigher = standardError > 0 ? normalCdf(difference / standardError, 0, 1) : difference > 0 ? 1 : difference < 0 ? 0 : 0.5;
  return {
    difference,
    standardError,
    unpairedStandardError,
    interval: [Math.max(-1, difference - half), Math.min(1, difference + half)],
    bOnly: bOnly / n,
    aOnly: aOnly / n,
    probabilityBHigher,
    trials: n,
  };
}
