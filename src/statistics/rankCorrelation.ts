import { criticalValue } from './wilson.js';

/** Ranks 1..n, ties sharing their average rank (so discrete values and 0/1 outcomes rank fairly). */
export function ranks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  const out = new Float64Array(n);
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && values[order[end]] === values[order[start]]) end++;
    const rank = (start + end + 1) / 2;
    for (let k = start; k < end; k++) out[order[k]] = rank;
    start = end;
  }
  return out;
}

function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? Number.NaN : sxy / Math.sqrt(sxx * syy);
}

/** A rank correlation with its interval. */
export interface RankCorrelation {
  /** Spearman's rho; NaN when either side is constant. */
  readonly rho: number;
  /** Fisher-z interval with the Fieller–Hartley–Pearson variance 1.06/(n−3). */
  readonly interval: readonly [number, number];
  /** The pairs used (pairs with a non-finite value are left out). */
  readonly n: number;
}

/**
 * Spearman's rank correlation of paired values (ties get average ranks), with an interval.
 * Pairs where either value is not finite are left out.
 *
 * @example
 * ```ts
 * rankCorrelation([1, 2, 3, 4], [10, 30, 20, 40]).rho; // 0.8
 * ```
 */
export function rankCorrelation(x: ArrayLike<number>, y: ArrayLike<number>, confidence = 0.95): RankCorrelation {
  if (x.length !== y.length) throw new RangeError(`expected paired values, got ${x.length} and ${y.length}`);
  const keep: number[] = [];
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i]) && Number.isFinite(y[i])) keep.push(i);
  const n = keep.length;
  const xs = Float64Array.from(keep, (i) => x[i]);
  const ys = Float64Array.from(keep, (i) => y[i]);
  const rho = n < 2 ? Number.NaN : pearson(ranks(xs), ranks(ys));
  if (!Number.isFinite(rho) || n < 4) return { rho, interval: [Number.NaN, Number.NaN], n };
  const z = Math.atanh(Math.max(-0.999999, Math.min(0.999999, rho)));
  const half = criticalValue(confidence) * Math.sqrt(1.06 / (n - 3));
  return { rho, interval: [Math.tanh(z - half), Math.tanh(z + half)], n };
}
