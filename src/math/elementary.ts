import cosine from '@stdlib/math-base-special-cos';
import ln from '@stdlib/math-base-special-ln';
import log1p from '@stdlib/math-base-special-log1p';
import sine from '@stdlib/math-base-special-sin';

/*
 * The transcendental functions the engine calls (the samplers, the processes, the measures, the
 * compiled expressions, the correlations), in JavaScript, in place of the engine's `Math`, so a
 * result is the same bytes in Node 20, in a browser and in a Node to come. `Math.exp`, `log` and
 * `pow` are not fixed by the language: Chromium 156 differs from Node 20 in the last bit for about
 * 1 argument in 10 (exp, pow) or 40 (log, sin, cos), since its V8 takes pow from the C library
 * (`use_std_math_pow`) and sin and cos from glibc (`V8_USE_LIBM_TRIG_FUNCTIONS`), where Node 20's
 * V8 has fdlibm; a newer Node may follow. `Math.sqrt` is correctly rounded by IEEE 754 and needs
 * nothing, nor do min, max, abs, floor, ceil, round and trunc, which are exact.
 *
 * exp is a port of fdlibm's e_exp.c as V8 has it, and log and log1p are stdlib's ports of msun's
 * e_log.c and s_log1p.c: all three give Node 20's bits exactly, so results computed in Node did
 * not move. pow is a port of fdlibm's e_pow.c (below, with why). sin and cos are stdlib's
 * (@stdlib/math-base-special-sin and -cos 0.3.1: pure JavaScript ports of FreeBSD msun's s_sin.c,
 * k_sin.c, k_cos.c and e_rem_pio2.c, kept and tested by the stdlib project), which are within
 * 1 ulp of Node 20's Math and give its bits for all but about 1 argument in 150. test/math/elementary.test.ts checks all of this.
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

/**
 * e^x as V8 computes it (src/base/ieee754.cc `exp`: msun's e_exp.c, and exp(1) = E exactly).
 * @example exp(1) === Math.E
 */
export function exp(x: number): number {
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

/** ln x: stdlib's port of msun's e_log.c, the same code as V8's `log`. @example log(Math.E) === 1 */
export const log: (x: number) => number = ln;
/** ln(1 + x): stdlib's port of msun's s_log1p.c, as V8's `log1p`. @example log1p(0) === 0 */
export { log1p };

// pow's constants (e_pow.c): log2 of x by (x-1)/(x+1) or (x-1.5)/(x+1.5), then 2^z as exp does.
const TWO53 = 9007199254740992;
const HUGE_POW = 1e300;
const TINY = 1e-300;
const DP_HI = [0, 0.5849624872207642]; // log2(1.5) high
const DP_LO = [0, 1.350039202129749e-8]; // log2(1.5) low
const L1 = 0.5999999999999946;
const L2 = 0.4285714285785502;
const L3 = 0.33333332981837743;
const L4 = 0.272728123808534;
const L5 = 0.23066074577556175;
const L6 = 0.20697501780033842;
const LG2 = Math.LN2;
const LG2_H = 0.6931471824645996;
const LG2_L = -1.904654299957768e-9;
const OVT = 8.008566259537294e-17; // -(1024-log2(ovfl+.5ulp))
const CP = 0.9617966939259756; // 2/(3 ln2)
const CP_H = 0.9617967009544373;
const CP_L = -7.028461650952758e-9;
const IVLN2 = Math.LOG2E;
const IVLN2_H = 1.4426950216293335;
const IVLN2_L = 1.9259629911266175e-8;

/** x with its low 32 bits cleared. */
const clearLow = (x: number): number => {
  word[0] = x;
  words[LO] = 0;
  return word[0];
};

/**
 * x^y as fdlibm's e_pow.c computes it (Sun's, as FreeBSD's msun and V8 before 2023 have it),
 * ported here, with the language's special cases, which are fdlibm's: y = ±0 gives 1 even for a
 * NaN x, (±1)^±∞ is NaN, (-0)^0.5 is +0. Error below 1 ulp (e_pow.c's bound: 0.5 ulp + a little).
 * stdlib's port (@stdlib/math-base-special-pow) was not used: it takes shortcuts for y = 3 and 4
 * (x·x·x, two roundings: 2 ulps off) and C's special values, where JavaScript's differ.
 * @example pow(2, 10) === 1024
 */
export function pow(x: number, y: number): number {
  word[0] = x;
  const hx = words[HI] | 0;
  const lx = words[LO] >>> 0;
  word[0] = y;
  const hy = words[HI] | 0;
  const ly = words[LO] >>> 0;
  let ix = hx & 0x7fffffff;
  const iy = hy & 0x7fffffff;

  if ((iy | ly) === 0) return 1;
  if (ix > 0x7ff00000 || (ix === 0x7ff00000 && lx !== 0) || iy > 0x7ff00000 || (iy === 0x7ff00000 && ly !== 0)) return x + y;

  // When x < 0: is y an odd integer (1), an even one (2) or not an integer (0)?
  let yIsInteger = 0;
  if (hx < 0) {
    if (iy >= 0x43400000) yIsInteger = 2;
    else if (iy >= 0x3ff00000) {
      const e = (iy >> 20) - 0x3ff;
      if (e > 20) {
        const j = ly >>> (52 - e);
        if ((j << (52 - e)) >>> 0 === ly) yIsInteger = 2 - (j & 1);
      } else if (ly === 0) {
        const j = iy >> (20 - e);
        if (j << (20 - e) === iy) yIsInteger = 2 - (j & 1);
      }
    }
  }

  if (ly === 0) {
    if (iy === 0x7ff00000) {
      if (((ix - 0x3ff00000) | lx) === 0) return y - y; // (±1)^±∞ is NaN
      if (ix >= 0x3ff00000) return hy >= 0 ? y : 0;
      return hy < 0 ? -y : 0;
    }
    if (iy === 0x3ff00000) return hy < 0 ? 1 / x : x;
    if (hy === 0x40000000) return x * x;
    if (hy === 0x3fe00000 && hx >= 0) return Math.sqrt(x);
  }

  let ax = Math.abs(x);
  if (lx === 0 && (ix === 0x7ff00000 || ix === 0 || ix === 0x3ff00000)) {
    // x is ±0, ±∞ or ±1.
    let z = hy < 0 ? 1 / ax : ax;
    if (hx < 0) {
      if (((ix - 0x3ff00000) | yIsInteger) === 0) z = Number.NaN;
      else if (yIsInteger === 1) z = -z;
    }
    return z;
  }

  // A negative x: NaN for a y that is not an integer, a negative result for an odd one.
  if (hx < 0 && yIsInteger === 0) return Number.NaN;
  const sign = hx < 0 && yIsInteger === 1 ? -1 : 1;

  let t1: number;
  let t2: number;
  if (iy > 0x41e00000) {
    // |y| > 2^31
    if (iy > 0x43f00000) {
      if (ix <= 0x3fefffff) return hy < 0 ? HUGE_POW * HUGE_POW : TINY * TINY;
      if (ix >= 0x3ff00000) return hy > 0 ? HUGE_POW * HUGE_POW : TINY * TINY;
    }
    if (ix < 0x3fefffff) return hy < 0 ? sign * HUGE_POW * HUGE_POW : sign * TINY * TINY;
    if (ix > 0x3ff00000) return hy > 0 ? sign * HUGE_POW * HUGE_POW : sign * TINY * TINY;
    // |1 - x| <= 2^-20: log(x) by x - x²/2 + x³/3 - x⁴/4.
    const t = ax - 1;
    const w = t * t * (0.5 - t * (0.3333333333333333 - t * 0.25));
    const u = IVLN2_H * t;
    const v = t * IVLN2_L - w * IVLN2;
    t1 = clearLow(u + v);
    t2 = v - (t1 - u);
  } else {
    let n = 0;
    if (ix < 0x00100000) {
      // Subnormal x.
      ax *= TWO53;
      n -= 53;
      ix = highWord(ax);
    }
    n += (ix >> 20) - 0x3ff;
    const j = ix & 0x000fffff;
    ix = j | 0x3ff00000;
    let k: number;
    if (j <= 0x3988e)
      k = 0; // |x| < sqrt(3/2)
    else if (j < 0xbb67a)
      k = 1; // |x| < sqrt(3)
    else {
      k = 0;
      n += 1;
      ix -= 0x00100000;
    }
    word[0] = ax;
    words[HI] = ix;
    ax = word[0];
    const bp = k === 0 ? 1 : 1.5;
    // ss = sH + sL = (x-1)/(x+1) or (x-1.5)/(x+1.5)
    let u = ax - bp;
    let v = 1 / (ax + bp);
    const ss = u * v;
    const sH = clearLow(ss);
    let tH = fromWords((((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18)) | 0, 0);
    let tL = ax - (tH - bp);
    const sL = v * (u - sH * tH - sH * tL);
    let s2 = ss * ss;
    let r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
    r += sL * (sH + ss);
    s2 = sH * sH;
    tH = clearLow(3.0 + s2 + r);
    tL = r - (tH - 3.0 - s2);
    u = sH * tH;
    v = sL * tH + tL * ss;
    const pH = clearLow(u + v);
    const pL = v - (pH - u);
    const zH = CP_H * pH;
    const zL = CP_L * pH + pL * CP + DP_LO[k];
    const t = n;
    t1 = clearLow(zL + zH + DP_HI[k] + t);
    t2 = zL - (t1 - t - DP_HI[k] - zH);
  }

  // (y1 + y2)·(t1 + t2), y split in two.
  const y1 = clearLow(y);
  const pL = (y - y1) * t1 + y * t2;
  let pH = y1 * t1;
  let z = pL + pH;
  word[0] = z;
  let j = words[HI] | 0;
  const i = words[LO] >>> 0;
  if (j >= 0x40900000) {
    // z >= 1024
    if (((j - 0x40900000) | i) !== 0 || pL + OVT > z - pH) return sign * HUGE_POW * HUGE_POW;
  } else if ((j & 0x7fffffff) >= 0x4090cc00) {
    // z <= -1075
    if (((j - (0xc090cc00 | 0)) | i) !== 0 || pL <= z - pH) return sign * TINY * TINY;
  }

  // 2^(pH + pL)
  const iz = j & 0x7fffffff;
  let k = (iz >> 20) - 0x3ff;
  let n = 0;
  if (iz > 0x3fe00000) {
    n = (j + (0x00100000 >> (k + 1))) | 0;
    k = ((n & 0x7fffffff) >> 20) - 0x3ff;
    const t = fromWords(n & ~(0x000fffff >> k), 0);
    n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
    if (j < 0) n = -n;
    pH -= t;
  }
  let t = clearLow(pL + pH);
  const u = t * LG2_H;
  const v = (pL - (t - pH)) * LG2 + t * LG2_L;
  z = u + v;
  const w = v - (z - u);
  t = z * z;
  t1 = z - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const r = (z * t1) / (t1 - 2) - (w + z * w);
  z = 1 - (r - z);
  j = (highWord(z) + (n << 20)) | 0;
  if (j >> 20 <= 0) {
    // A subnormal result: scale in two steps, the second the only rounding.
    z = z * fromWords((0x3ff00000 + ((n + 600) << 20)) | 0, 0) * fromWords((0x3ff00000 - (600 << 20)) | 0, 0);
  } else {
    word[0] = z;
    words[HI] = j;
    z = word[0];
  }
  return sign * z;
}

/** sin x (radians): stdlib's port of msun's s_sin.c. @example sin(0) === 0 */
export const sin: (x: number) => number = sine;
/** cos x (radians): stdlib's port of msun's s_cos.c. @example cos(0) === 1 */
export const cos: (x: number) => number = cosine;
