import quantile from '@stdlib/stats-base-dists-normal-quantile';

/** The two-sided standard-normal critical value for a confidence level (1.959963984540054 at 0.95). */
export function criticalValue(confidence: number): number {
  return quantile(1 - (1 - confidence) / 2, 0, 1);
}

/**
 * The Wilson score interval for a proportion: well behaved near 0 and 1 and at small n, unlike
 * the normal ("Wald") interval, which collapses to [0, 0] when nothing was hit.
 *
 * @example
 * ```ts
 * wilsonInterval(42, 100); // [0.32798..., 0.51794...]
 * ```
 */
export function wilsonInterval(hits: number, trials: number, confidence = 0.95): [number, number] {
  if (trials <= 0) return [0, 1];
  const z = criticalValue(confidence);
  const p = hits / trials;
  const z2n = (z * z) / trials;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / trials + z2n / (4 * trials));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * The Monte Carlo standard error of a proportion estimated from `trials` independent trials.
 *
 * @example
 * ```ts
 * standardError(42, 100); // 0.04936
 * ```
 */
export function standardError(hits: number, trials: number): number {
  if (trials <= 0) return 0;
  const p = hits / trials;
  return Math.sqrt((p * (1 - p)) / trials);
}
