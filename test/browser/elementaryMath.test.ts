import { describe, expect, it } from 'vitest';
import { cos, exp, log, log1p, pow, sin } from '../../src/math/elementary.js';
import { deriveStream } from '../../src/random/stream.js';

/**
 * The engine's exp, log, pow, sin and cos are src/math's (the same bits in Node and in a page):
 * exp, log and log1p must stay Node 20's bits exactly (V8's fdlibm), and pow, sin and cos (stdlib's
 * msun ports) keep Math's special values exactly and are within 1 ulp of Node's Math elsewhere.
 */
const stream = deriveStream(5, 'fdlibm-check', 0);
const uniforms = Array.from({ length: 300_000 }, () => stream.uniform());
const edges = [0, -0, 1, -1, 0.5, -0.5, 2, -2, 3, 1e-300, 5e-324, -5e-324, 2 ** -1074 * 3, 1e300, -1e300, 709.78, 709.79, -745.13, -745.14];
const specials = [
  ...edges,
  Infinity,
  -Infinity,
  Number.NaN,
  2 ** -1022,
  1 - 2 ** -53,
  1 + 2 ** -52,
  Math.PI,
  -Math.PI / 2,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 31) - 1,
];
const same = (f: (x: number) => number, g: (x: number) => number, args: number[]) => args.filter((x) => !Object.is(f(x), g(x)));

const word = new Float64Array(1);
const bits = new BigInt64Array(word.buffer);
/** How many doubles apart a and b are (0 for the same bits, Infinity when one is NaN and the other not). */
function ulps(a: number, b: number): number {
  if (Object.is(a, b)) return 0;
  if (Number.isNaN(a) || Number.isNaN(b) || !Number.isFinite(a) || !Number.isFinite(b)) return Number.POSITIVE_INFINITY;
  // The order of doubles as integers: negative ones mirrored below zero.
  const ordered = (x: number) => {
    word[0] = x;
    return bits[0] < 0n ? -(bits[0] & 0x7fffffffffffffffn) : bits[0];
  };
  const d = ordered(a) - ordered(b);
  return Number(d < 0n ? -d : d);
}

/** x^k for x in [0.5, 4) and an integer k ≥ 1, correctly rounded (to nearest, ties to even), from its exact BigInt value. */
function exactPower(x: number, k: number): number {
  word[0] = x;
  const raw = BigInt.asUintN(64, bits[0]);
  const exponent = Number((raw >> 52n) & 0x7ffn) - 1075;
  const mantissa = (raw & ((1n << 52n) - 1n)) | (1n << 52n);
  const power = mantissa ** BigInt(k);
  const shift = BigInt(power.toString(2).length - 53);
  let q = power >> shift;
  const rest = power - (q << shift);
  const half = 1n << (shift - 1n);
  if (rest > half || (rest === half && (q & 1n) === 1n)) q += 1n;
  return Number(q) * 2 ** (exponent * k + Number(shift));
}

describe('exp, log and log1p give the bits of Node’s Math', () => {
  it('exp: growth factors, normal tails, subnormal results and overflow edges', () => {
    expect(
      same(exp, Math.exp, [...uniforms.map((u) => u * 60 - 30), ...uniforms.map((u) => u * 1400 - 700), ...uniforms.map((u) => -708 - u * 37.2), ...specials]),
    ).toEqual([]);
  });

  it('log: uniforms, sums and the edges', () => {
    expect(same(log, Math.log, [...uniforms, ...uniforms.map((u) => u * 1e12), ...specials])).toEqual([]);
  });

  it('log1p: near zero and beyond', () => {
    expect(same(log1p, Math.log1p, [...uniforms.map((u) => (u - 0.5) * 1e-6), ...uniforms.map((u) => u * 100 - 0.999), ...specials])).toEqual([]);
  });
});

describe('pow, sin and cos: Math’s special values exactly, within 1 ulp of Node’s Math elsewhere', () => {
  it('pow on every pair of special values (±0, ±Inf, NaN, ±1, subnormals, negative bases, odd and even integer exponents) is Math.pow’s', () => {
    const exponents = [...specials, 0.5, -0.5, 1 / 3, 4, -3, 1075, -1075, 2 ** 31, 2 ** 63];
    const isSpecial = (v: number) => !Number.isFinite(v) || v === 0 || Math.abs(v) === 1;
    const pairs = specials.flatMap((x) => exponents.map((y): [number, number] => [x, y]));
    // Where the answer is fixed by the language (a special operand, or a result that is 0, ∞ or NaN): the same bits.
    const fixed = pairs.filter(([x, y]) => isSpecial(x) || isSpecial(y) || isSpecial(x ** y) || Math.abs(x ** y) < 2 ** -1022);
    expect(fixed.length).toBeGreaterThan(400);
    expect(fixed.filter(([x, y]) => !Object.is(pow(x, y), x ** y))).toEqual([]);
    // The rest (large, tiny, near-1 bases): within 1 ulp.
    expect(pairs.filter(([x, y]) => ulps(pow(x, y), x ** y) > 1)).toEqual([]);
  });

  it('pow is correctly rounded as often as Node’s Math.pow (integer powers against the exact value, from BigInt)', () => {
    let ours = 0;
    let node = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const x = 0.5 + 3.5 * uniforms[i];
      const k = 2 + (i % 38);
      const exact = exactPower(x, k);
      if (pow(x, k) === exact) ours++;
      if (x ** k === exact) node++;
      expect(ulps(pow(x, k), exact)).toBeLessThanOrEqual(1);
    }
    // Both are about 90 % correctly rounded (the rest 1 ulp off); the sampling error of each is 0.2 %.
    expect(ours / n).toBeGreaterThan(node / n - 0.01);
  });

  it('pow of negative bases with integer exponents keeps the sign of the odd powers', () => {
    for (let n = -20; n <= 20; n++) for (const x of [-2, -3, -1.5, -10, -0.1]) expect(ulps(pow(x, n), x ** n), `${x}^${n}`).toBeLessThanOrEqual(1);
    expect(pow(-2, 3)).toBe(-8);
    expect(pow(-2, -1)).toBe(-0.5);
  });

  it('pow is exact where the power is a double (integer powers of small integers, square roots of squares)', () => {
    for (let x = 2; x <= 12; x++) {
      for (let n = 0; x ** n < 2 ** 53 && n < 60; n++) {
        let exact = 1;
        for (let i = 0; i < n; i++) exact *= x;
        expect(pow(x, n), `${x}^${n}`).toBe(exact);
      }
      expect(pow(x * x, 0.5)).toBe(x);
      expect(pow(2, -x)).toBe(1 / 2 ** x);
    }
  });

  it('pow within 1 ulp of Math.pow on growth factors, averages over years and wide ranges, and the same bits for 19 in 20 or more', () => {
    const pairs: [number, number][] = [
      ...uniforms.slice(0, 100_000).map((u, i): [number, number] => [0.2 + 3 * u, 1 / (1 + (i % 40))]),
      ...uniforms.slice(100_000, 200_000).map((u, i): [number, number] => [u * 10, (uniforms[i] - 0.5) * 20]),
      ...uniforms.slice(200_000).map((u, i): [number, number] => [2 ** ((u - 0.5) * 2000), (uniforms[i] - 0.5) * 2.2]),
    ];
    let exact = 0;
    const far: [number, number][] = [];
    for (const [x, y] of pairs) {
      const d = ulps(pow(x, y), x ** y);
      if (d === 0) exact++;
      else if (d > 1) far.push([x, y]);
    }
    expect(far).toEqual([]);
    expect(exact / pairs.length).toBeGreaterThan(0.95);
  });

  it('sin and cos: the special values exactly, within 1 ulp elsewhere (the correlations’ small arguments and huge ones that need the long reduction)', () => {
    const small = uniforms.map((u) => (u - 0.5) * (Math.PI / 3));
    const wide = uniforms.map((u, i) => (u - 0.5) * 10 ** ((i % 24) - 4));
    for (const [f, g] of [
      [sin, Math.sin],
      [cos, Math.cos],
    ] as const) {
      expect(
        same(
          f,
          g,
          specials.filter((x) => !Number.isFinite(x) || Math.abs(x) < 1),
        ),
      ).toEqual([]);
      const args = [...small, ...wide, 1e22, 2 ** 120, Number.MAX_VALUE, -1e300];
      let exact = 0;
      const far = args.filter((x) => {
        const d = ulps(f(x), g(x));
        if (d === 0) exact++;
        return d > 1;
      });
      expect(far).toEqual([]);
      expect(exact / args.length).toBeGreaterThan(0.99);
    }
    expect(Object.is(sin(-0), -0)).toBe(true);
    expect(cos(-0)).toBe(1);
  });
});
