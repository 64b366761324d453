import { sin } from '../math/elementary.js';
import type { Scenario } from './schema/scenario.js';

/**
 * Pearson correlation of normal scores that gives a requested Spearman (rank) correlation:
 * for a bivariate normal, Spearman = (6/π)·asin(r/2), so r = 2·sin(π·ρs/6).
 */
export function pearsonForSpearman(rankCorrelation: number): number {
  return 2 * sin((Math.PI * rankCorrelation) / 6);
}

/** Lower Cholesky factor of a symmetric K×K matrix (row-major), or undefined if it is not positive definite. */
export function cholesky(matrix: Float64Array, k: number): Float64Array | undefined {
  const l = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * k + j];
      for (let m = 0; m < j; m++) sum -= l[i * k + m] * l[j * k + m];
      if (i === j) {
        if (!(sum > 1e-12)) return undefined;
        l[i * k + i] = Math.sqrt(sum);
      } else l[i * k + j] = sum / l[j * k + j];
    }
  }
  return l;
}

/**
 * The correlation structure a scenario asks for: the assumptions involved (in scenario order),
 * the normal-score correlation matrix (pairs not stated are 0), and its Cholesky factor,
 * undefined when the stated correlations cannot hold together (the matrix is not positive definite).
 */
export function correlationMatrix(scenario: Scenario): { names: string[]; matrix: Float64Array; factor: Float64Array | undefined } {
  const involved = new Set(scenario.correlations.flatMap((c) => c.between));
  const names = Object.keys(scenario.parameters).filter((name) => involved.has(name));
  const k = names.length;
  const matrix = new Float64Array(k * k);
  for (let i = 0; i < k; i++) matrix[i * k + i] = 1;
  for (const c of scenario.correlations) {
    const a = names.indexOf(c.between[0]);
    const b = names.indexOf(c.between[1]);
    matrix[a * k + b] = matrix[b * k + a] = pearsonForSpearman(c.rankCorrelation);
  }
  return { names, matrix, factor: k === 0 ? new Float64Array(0) : cholesky(matrix, k) };
}
