import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/index.js';
import { compare, variantEntries } from '../../src/questions/compare.js';
import { pairedDifference } from '../../src/statistics/pairedDifference.js';
import { baseScenario } from '../fixtures/scenarios.js';

/** The value, or a failed test when it is missing. */
function present<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

const x0 = 1e9;
const c = 1.5e9;
const T = 3;
const sigma = 0.1;

/**
 * Output with an uncertain drift d ~ N(m, 0.05) and yearly noise σ: ln X_T ~ N(ln x0 + T·m, T²·0.05² + T·σ²),
 * so P(X_T ≥ c) = Φ((ln(x0/c) + T·m) / √(T²·0.05² + T·σ²)) for each variant's m.
 */
const exact = (m: number) => normalCdf((Math.log(x0 / c) + T * m) / Math.sqrt(T * T * 0.05 ** 2 + T * sigma ** 2), 0, 1);

const park = () =>
  parseScenario(
    baseScenario({
      horizon: { baseYear: 2022, endYear: 2022 + T },
      parameters: {
        drift: { distribution: { dist: 'normal', mean: 0.1, sd: 0.05 } },
        arrivals: { distribution: { dist: 'uniform', min: 5, max: 15 } },
      },
      metrics: {
        output: { unit: 'yuan', baseline: x0, process: { type: 'growth', drift: 'drift', volatility: sigma } },
        firms: { unit: 'count', baseline: 0, process: { type: 'arrivals', rate: 'arrivals' } },
      },
      targets: [
        { id: 'output', label: 'Output 1.5 bn', metric: 'output', comparison: '>=', threshold: c, deadline: 2022 + T },
        { id: 'firms', label: '30 firms', metric: 'firms', comparison: '>=', threshold: 30, deadline: 2022 + T, measure: 'runningTotal' },
      ],
      variants: [
        { id: 'with-fund', label: 'With the fund', parameters: { drift: { dist: 'normal', mean: 0.15, sd: 0.05 } } },
        { id: 'slow-economy', label: 'Slow economy', parameters: { drift: { dist: 'normal', mean: 0.05, sd: 0.05 } } },
      ],
    }),
  );

describe('comparing variants with common random numbers', async () => {
  const scenario = await park();
  const trials = 20_000;
  const result = await compare(variantEntries(scenario), { trials, seed: 5 });
  const output = present(result.targets.find((t) => t.id === 'output'));

  it("gives each variant's probability within Monte Carlo error of the closed form", () => {
    expect(output.probabilities.map((p) => p.variant)).toEqual(['base', 'with-fund', 'slow-economy']);
    output.probabilities.forEach((p, i) => {
      const truth = exact([0.1, 0.15, 0.05][i]);
      expect(Math.abs(p.probability - truth)).toBeLessThan(4 * p.standardError);
    });
    expect(result.variants[1].changed).toEqual(['drift']);
  });

  it('gives the paired difference within its own (smaller) standard error of the closed form', () => {
    for (const [i, m] of [
      [0, 0.15],
      [1, 0.05],
    ] as const) {
      const d = output.differences[i];
      expect(Math.abs(d.difference - (exact(m) - exact(0.1)))).toBeLessThan(4 * d.standardError);
      expect(d.standardError).toBeLessThan(0.75 * d.unpairedStandardError);
    }
    // The fund only raises the drift, trial by trial: no trial is lost by it.
    expect(output.differences[0].aOnly).toBe(0);
    expect(output.differences[0].probabilityBHigher).toBeGreaterThan(0.999);
    // A target the variants do not touch has exactly no difference.
    const firms = present(result.targets.find((t) => t.id === 'firms'));
    expect(firms.differences[0]).toMatchObject({ difference: 0, standardError: 0, probabilityBHigher: 0.5 });
    expect(result.joint?.targets).toEqual(['output', 'firms']);
  });

  it('paired differences have a smaller standard error than unpaired ones, and an honest one: it matches the spread over seeds', async () => {
    const entries = variantEntries(scenario, ['with-fund']);
    const estimates: number[] = [];
    const errors: number[] = [];
    for (let seed = 100; seed < 130; seed++) {
      const r = await compare(entries, { trials: 4096, seed });
      const d = r.targets[0].differences[0];
      expect(d.standardError).toBeLessThan(d.unpairedStandardError);
      estimates.push(d.difference);
      errors.push(d.standardError);
    }
    const mean = estimates.reduce((a, b) => a + b, 0) / estimates.length;
    const spread = Math.sqrt(estimates.reduce((a, b) => a + (b - mean) ** 2, 0) / (estimates.length - 1));
    const typical = errors.reduce((a, b) => a + b, 0) / errors.length;
    // The sd of 30 estimates is within about ±40% of the truth at three of its own standard errors (1/√58 ≈ 13%).
    expect(spread / typical).toBeGreaterThan(0.6);
    expect(spread / typical).toBeLessThan(1.4);
  });

  it('rejects a variant id the scenario does not have', () => {
    expect(() => variantEntries(scenario, ['boom'])).toThrow('unknown variant "boom"; the scenario\'s variants are: with-fund, slow-economy');
  });
});

describe('pairedDifference', () => {
  it('computes the paired and unpaired errors of two 0/1 outcomes on the same trials', () => {
    const a = Uint8Array.of(0, 1, 0, 1, 1, 0, 0, 1);
    const b = Uint8Array.of(1, 1, 0, 1, 1, 1, 0, 0);
    const d = pairedDifference(a, b);
    const diffs = [1, 0, 0, 0, 0, 1, 0, -1];
    const mean = diffs.reduce((x, y) => x + y, 0) / 8;
    const sd = Math.sqrt(diffs.reduce((x, y) => x + (y - mean) ** 2, 0) / 7);
    expect(d.difference).toBeCloseTo(mean, 14);
    expect(d.standardError).toBeCloseTo(sd / Math.sqrt(8), 14);
    expect(d.unpairedStandardError).toBeCloseTo(Math.sqrt((0.5 * 0.5 + 0.625 * 0.375) / 8), 14);
    expect([d.aOnly, d.bOnly]).toEqual([1 / 8, 2 / 8]);
  });
});
