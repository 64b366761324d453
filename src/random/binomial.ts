import { exp, log } from '../math/elementary.js';
import { logFactorial } from './logFactorial.js';
import type { RandomStream } from './stream.js';

// For the last p: log(1 - p); for the last (n, p): q^n. In a typed array so updating it does not
// allocate. A depleting pool changes n from draw to draw, a drawn probability changes p.
const last = new Float64Array([Number.NaN, 0, Number.NaN, 0]);
const P = 0;
const LOG_Q = 1;
const N = 2;
const Q_TO_N = 3;

/** Inversion by sequential search, restarted past a bound far in the tail (which costs a square root, so it is worked out only when the search gets near it). */
function inversion(stream: RandomStream, n: number, p: number): number {
  const q = 1 - p;
  if (last[P] !== p) {
    last[P] = p;
    last[LOG_Q] = log(q);
    last[N] = Number.NaN;
  }
  if (last[N] !== n) {
    last[N] = n;
    last[Q_TO_N] = exp(n * last[LOG_Q]);
  }
  const qn = last[Q_TO_N];
  const np = n * p;
  // The bound is min(n, np + 10·sqrt(npq + 1)), never below min(n, np + 10).
  const nearBound = Math.min(n, np + 10);
  let bound = -1;
  let x = 0;
  let px = qn;
  let u = stream.uniform();
  while (u > px) {
    x++;
    if (x > nearBound) {
      if (bound < 0) bound = Math.min(n, np + 10 * Math.sqrt(np * q + 1));
      if (x > bound) {
        x = 0;
        px = qn;
        u = stream.uniform();
        continue;
      }
    }
    u -= px;
    px = ((n - x + 1) * p * px) / (x * q);
  }
  return x;
}

/** Hörmann's BTRS (transformed rejection with squeeze), for n·p >= 10 with p <= 0.5. */
function transformedRejection(stream: RandomStream, n: number, p: number): number {
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const lpq = log(p / q);
  const m = Math.floor((n + 1) * p);
  const h = logFactorial(m) + logFactorial(n - m);
  for (;;) {
    const u = stream.uniform() - 0.5;
    let v = stream.uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    v = log((v * alpha) / (a / (us * us) + b));
    if (v <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * lpq) return k;
  }
}

/** A binomial draw: successes in n trials of probability p. `n` is rounded down to a whole number. */
export function binomial(stream: RandomStream, trials: number, p: number): number {
  const n = Math.floor(trials);
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const flip = p > 0.5;
  const pp = flip ? 1 - p : p;
  const k = n * pp < 10 ? inversion(stream, n, pp) : transformedRejection(stream, n, pp);
  return flip ? n - k : k;
}
