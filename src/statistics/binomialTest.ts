import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';

/**
 * The one-sided p-value of a binomial test: the chance of at least `successes` in `trials`
 * independent trials that each succeed with probability `p`. 1 when successes ≤ 0.
 *
 * @example
 * ```ts
 * binomialUpperTail(8, 10, 0.5); // 56/1024 = 0.0546875
 * ```
 */
export function binomialUpperTail(successes: number, trials: number, p: number): number {
  if (!(Number.isInteger(trials) && trials >= 0)) throw new RangeError(`trials: expected a whole number, got ${trials}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p: expected a probability between 0 and 1, got ${p}`);
  if (successes <= 0) return 1;
  if (successes > trials) return 0;
  // 1 − P(X ≤ k − 1); clamped, as the subtraction can round below 0 far in the tail.
  return Math.min(1, Math.max(0, 1 - binomialCdf(successes - 1, trials, p)));
}
