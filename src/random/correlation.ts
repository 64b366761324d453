import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { cholesky } from '../scenario/correlationMatrix.js';
import type { RandomStream } from './stream.js';

/** Inverse of a lower-triangular K×K matrix. */
function invertLower(l: Float64Array, k: number): Float64Array {
  const inv = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    inv[i * k + i] = 1 / l[i * k + i];
    for (let j = 0; j < i; j++) {
      let sum = 0;
      for (let m = j; m < i; m++) sum -= l[i * k + m] * inv[m * k + j];
      inv[i * k + j] = sum / l[i * k + i];
    }
  }
  return inv;
}

const scoreCache = new Map<number, Float64Array>();

/** Van der Waerden scores Φ⁻¹(i/(n+1)), i = 1..n. */
function scores(n: number): Float64Array {
  let s = scoreCache.get(n);
  if (s === undefined) {
    s = Float64Array.from({ length: n }, (_, i) => normalQuantile((i + 1) / (n + 1), 0, 1));
    scoreCache.set(n, s);
  }
  return s;
}

/**
 * Iman & Conover (1982): rearranges independently drawn columns so that their rank correlation
 * matches a target, keeping every column's values (its marginal distribution) exactly. Works on
 * one block of trials at a time, with its own stream, so results stay independent of grouping.
 *
 * @param columns the K per-trial assumption arrays to rearrange in place (first `length` values)
 * @param targetFactor lower Cholesky factor of the target correlation of normal scores (K×K, row-major)
 */
export function induceRankCorrelation(columns: readonly Float64Array[], length: number, targetFactor: Float64Array, stream: RandomStream): void {
  const k = columns.length;
  if (k < 2 || length < k + 2) return;
  const base = scores(length);
  // Independently permuted scores, one column per assumption (Fisher-Yates).
  const r = columns.map(() => {
    const column = base.slice();
    for (let i = length - 1; i > 0; i--) {
      const j = Math.floor(stream.uniform() * (i + 1));
      const t = column[i];
      column[i] = column[j];
      column[j] = t;
    }
    return column;
  });
  // Their sample correlation (the scores have mean zero), its Cholesky factor, and the map to the target.
  const sampleCorrelation = new Float64Array(k * k);
  let variance = 0;
  for (let i = 0; i < length; i++) variance += base[i] * base[i];
  for (let a = 0; a < k; a++) {
    for (let b = 0; b <= a; b++) {
      let sum = 0;
      for (let i = 0; i < length; i++) sum += r[a][i] * r[b][i];
      sampleCorrelation[a * k + b] = sampleCorrelation[b * k + a] = sum / variance;
    }
  }
  const sampleFactor = cholesky(sampleCorrelation, k);
  if (sampleFactor === undefined) return;
  const inverse = invertLower(sampleFactor, k);
  const map = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      let sum = 0;
      for (let m = 0; m < k; m++) sum += targetFactor[a * k + m] * inverse[m * k + b];
      map[a * k + b] = sum;
    }
  }
  const target = columns.map(() => new Float64Array(length));
  for (let i = 0; i < length; i++) {
    for (let a = 0; a < k; a++) {
      let sum = 0;
      for (let b = 0; b < k; b++) sum += map[a * k + b] * r[b][i];
      target[a][i] = sum;
    }
  }
  // Give each column's values the ranks of its target scores.
  const order = new Int32Array(length);
  columns.forEach((column, a) => {
    const sorted = column.slice(0, length).sort();
    for (let i = 0; i < length; i++) order[i] = i;
    const t = target[a];
    order.sort((x, y) => t[x] - t[y] || x - y);
    for (let j = 0; j < length; j++) column[order[j]] = sorted[j];
  });
}
