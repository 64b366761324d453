import { describe, expect, it } from 'vitest';
import { fdlibmExp, fdlibmLog, fdlibmLog1p } from '../../src/browser/fdlibm.js';
import { deriveStream } from '../../src/random/stream.js';

/**
 * The browser bundle computes exp and log with these instead of the browser's own, so that a page
 * gives Node's results bit for bit; they must stay Node's bits exactly (V8's fdlibm), on the
 * arguments the engine meets and at the edges.
 */
describe('fdlibm exp, log and log1p for the browser bundle give the bits of Node’s Math', () => {
  const stream = deriveStream(5, 'fdlibm-check', 0);
  const uniforms = Array.from({ length: 300_000 }, () => stream.uniform());
  const edges = [0, -0, 1, -1, 0.5, 1e-300, 5e-324, 1e300, 709.78, 709.79, -745.13, -745.14, Infinity, -Infinity, Number.NaN, 2 ** -1022, 1 - 2 ** -53];
  const same = (f: (x: number) => number, g: (x: number) => number, args: number[]) => args.filter((x) => !Object.is(f(x), g(x)));

  it('exp: growth factors, normal tails, subnormal results and overflow edges', () => {
    expect(
      same(fdlibmExp, Math.exp, [
        ...uniforms.map((u) => u * 60 - 30),
        ...uniforms.map((u) => u * 1400 - 700),
        ...uniforms.map((u) => -708 - u * 37.2),
        ...edges,
      ]),
    ).toEqual([]);
  });

  it('log: uniforms, sums and the edges', () => {
    expect(same(fdlibmLog, Math.log, [...uniforms, ...uniforms.map((u) => u * 1e12), ...edges])).toEqual([]);
  });

  it('log1p: near zero and beyond', () => {
    expect(same(fdlibmLog1p, Math.log1p, [...uniforms.map((u) => (u - 0.5) * 1e-6), ...uniforms.map((u) => u * 100 - 0.999), ...edges])).toEqual([]);
  });
});
