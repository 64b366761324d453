import ln from '@stdlib/math-base-special-ln';
import log1p from '@stdlib/math-base-special-log1p';

/*
 * The browser bundle's `Math.exp`, `Math.log` and `Math.log1p` (tsup.config.ts puts these in their
 * place, in the expression kernels too): the algorithms of Node's V8, whose `ieee754` functions
 * are FreeBSD's msun (fdlibm) code, in JavaScript. Chromium 156's own differ from Node 20's in
 * the last bit for about 1 argument in 10 (exp) or 50 (log), which was enough to move a seed
 * park's standard deviations; with these, the page gives the CLI's results bit for bit.
 * test/browser/fdlibm.test.ts checks them against Node's Math on a million arguments and the edges.
 */

const word = new Float64Array(1);
const words = new Uint32Array(word.buffer);
/** Index of the high 32 bits of a double in `words` (little-endian on every platform a browser runs). */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

const highWord = (x: number): number => {
  word[0] = x;
  return words[HI] | 0;
};
const fromWords = (hi: number, lo: number): number => {
  words[HI] = hi;
  words[LO] = lo;
  return word[0];
};

const E = Math.E;
const HUGE = 1e300;
const TWO_M1000 = 9.332636185032189e-302; // 2^-1000
const TWO_1023 = 8.98846567431158e307; // 2^1023
const O_THRESHOLD = 709.782712893384;
const U_THRESHOLD = -745.1332191019411;
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
const INV_LN2 = Math.LOG2E;
const P1 = 0.16666666666666602;
const P2 = -0.0027777777777015593;
const P3 = 0.00006613756321437934;
const P4 = -0.0000016533902205465252;
const P5 = 4.1381367970572385e-8;

/** e^x as V8 computes it (src/base/ieee754.cc `exp`: msun's e_exp.c, and exp(1) = E exactly). */
export function fdlibmExp(x: number): number {
  let hx = highWord(x);
  const negative = hx < 0;
  hx &= 0x7fffffff;
  // Non-finite arguments, overflow and underflow.
  if (hx >= 0x40862e42) {
    if (Number.isNaN(x)) return x;
    if (hx >= 0x7ff00000) return negative ? 0 : x;
    if (x > O_THRESHOLD) return Number.POSITIVE_INFINITY;
    if (x < U_THRESHOLD) return 0;
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  // Argument reduction: x = k·ln2 + r, |r| <= 0.5·ln2.
  if (hx > 0x3fd62e42) {
    if (hx < 0x3ff0a2b2) {
      if (x === 1) return E;
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = negative ? -1 : 1;
    } else {
      k = Math.trunc(INV_LN2 * x + (negative ? -0.5 : 0.5));
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    // |x| < 2^-28
    if (HUGE + x > 1) return 1 + x;
  }
  const t = x * x;
  const twoToK = k >= -1021 ? fromWords((0x3ff00000 + (k << 20)) | 0, 0) : fromWords((0x3ff00000 + ((k + 1000) << 20)) | 0, 0);
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - (lo - (x * c) / (2.0 - c) - hi);
  if (k >= -1021) return k === 1024 ? y * 2.0 * TWO_1023 : y * twoToK;
  return y * twoToK * TWO_M1000;
}

/** ln x: stdlib's port of msun's e_log.c, the same code as V8's `log`. */
export const fdlibmLog: (x: number) => number = ln;
/** ln(1 + x): stdlib's port of msun's s_log1p.c, as V8's `log1p`. */
export const fdlibmLog1p: (x: number) => number = log1p;
