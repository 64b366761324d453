import { fileURLToPath } from 'node:url';
import chisquareQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { describe, expect, it } from 'vitest';
import { logGrowthIncrements } from '../../src/history/growthHistory.js';
import { safeParseGrowthHistory, seriesHistory } from '../../src/history/growthHistoryFile.js';
import { loadScenario, parseScenario, simulate } from '../../src/index.js';
import { calibrateGrowth } from '../../src/questions/calibrate.js';
import { standardNormal } from '../../src/random/normal.js';
import { deriveStream } from '../../src/random/stream.js';
import { baseScenario } from '../fixtures/scenarios.js';

/** A synthetic yearly history of log-normal growth: x[t] = x[t-1]·exp(drift + volatility·Z). */
function syntheticHistory(drift: number, volatility: number, values: number, replicate: number) {
  const stream = deriveStream('calibration-test', 'history', replicate);
  let x = 100;
  return Array.from({ length: values }, (_, i) => {
    if (i > 0) x *= Math.exp(drift + volatility * standardNormal(stream));
    return { year: 2015 + i, value: x };
  });
}

describe('calibrating growth on a short history', () => {
  const drift = 0.12;
  const volatility = 0.08;

  it('recovers a known drift from a synthetic history, within its interval and its standard error', () => {
    const c = calibrateGrowth({ points: syntheticHistory(drift, volatility, 8, 0) });
    expect(c.increments).toHaveLength(7);
    expect(c.drift.degreesOfFreedom).toBe(6);
    expect(c.drift.interval[0]).toBeLessThan(drift);
    expect(c.drift.interval[1]).toBeGreaterThan(drift);
    expect(Math.abs(c.drift.estimate - drift)).toBeLessThan((4 * volatility) / Math.sqrt(7));
    expect(c.volatility.basis).toBe('history');
    expect(c.warnings).toEqual([]);
  });

  it.each([
    [6, 2000],
    [3, 2000],
  ])('intervals from %i values cover the true drift and volatility in 95 of 100 histories (%i histories, within 3 binomial errors)', (values, replicates) => {
    let driftCovered = 0;
    let volatilityCovered = 0;
    let emittedCovered = 0;
    for (let r = 0; r < replicates; r++) {
      const c = calibrateGrowth({ points: syntheticHistory(drift, volatility, values, 1000 + r) });
      if (c.drift.interval[0] <= drift && drift <= c.drift.interval[1]) driftCovered++;
      if (c.volatility.interval[0] <= volatility && volatility <= c.volatility.interval[1]) volatilityCovered++;
      // The emitted normal's central 95% is the t interval (to its 4 significant digits).
      const d = c.parameters.growthDrift.distribution as { mean: number; sd: number };
      if (Math.abs(drift - d.mean) <= 1.959964 * d.sd) emittedCovered++;
    }
    const tolerance = 3 * Math.sqrt((0.95 * 0.05) / replicates);
    expect(Math.abs(driftCovered / replicates - 0.95)).toBeLessThan(tolerance);
    expect(Math.abs(volatilityCovered / replicates - 0.95)).toBeLessThan(tolerance);
    expect(Math.abs(emittedCovered / replicates - 0.95)).toBeLessThan(tolerance);
  });

  it('warns that two growth rates say little, and widens by the t quantile with one degree of freedom', () => {
    const c = calibrateGrowth({
      points: [
        { year: 2020, value: 100 },
        { year: 2021, value: 112 },
        { year: 2022, value: 130 },
      ],
    });
    expect(c.drift.degreesOfFreedom).toBe(1);
    const half = (c.drift.interval[1] - c.drift.interval[0]) / 2;
    expect(half).toBeCloseTo(tQuantile(0.975, 1) * c.drift.standardError, 12);
    expect(c.warnings[0]).toMatch(
      /^2 growth rates \(2020-2022\) are too short a history to say much: the interval is t-based with 1 degrees of freedom, 6\.5 times as wide as a normal one$/,
    );
  });

  it('needs an assumed volatility for a single year-on-year rate, and then counts it as `weight` years', () => {
    const points = [{ year: 2021, value: 208.981e9, growthRate: 0.196 }];
    expect(() => calibrateGrowth({ points })).toThrow(
      'a single growth rate (2020-2021: 19.6%) cannot show how much growth varies from year to year: give an assumed volatility (e.g. 0.1)',
    );
    const c = calibrateGrowth({ points }, { volatility: { value: 0.08 } });
    expect(c.drift.estimate).toBeCloseTo(Math.log(1.196), 14);
    expect(c.drift.degreesOfFreedom).toBe(4);
    expect(c.drift.interval[1] - c.drift.estimate).toBeCloseTo(tQuantile(0.975, 4) * 0.08, 12);
    expect(c.volatility.interval[1]).toBeCloseTo(0.08 * Math.sqrt(4 / chisquareQuantile(0.025, 4)), 12);
    expect(c.volatility.basis).toBe('assumed');
    expect(c.warnings[0]).toContain('one growth rate (2020-2021) is too short a history to say much');
  });

  it('counts each year of growth once: a rate between two values further apart splits their growth', () => {
    const { increments } = logGrowthIncrements([
      { year: 2018, value: 100 },
      { year: 2020, growthRate: 0.1 },
      { year: 2021, value: 133 },
    ]);
    expect(increments).toEqual([
      { fromYear: 2019, toYear: 2020, years: 1, logGrowth: expect.closeTo(Math.log(1.1), 12), basis: 'rate' },
      { fromYear: 2018, toYear: 2021, years: 2, logGrowth: expect.closeTo(Math.log(1.33) - Math.log(1.1), 12), basis: 'values less rates' },
    ]);
    // A rate that repeats two consecutive values is not counted again; a disagreement is noted.
    const repeated = logGrowthIncrements([
      { year: 2020, value: 100 },
      { year: 2021, value: 110, growthRate: 0.2 },
    ]);
    expect(repeated.increments).toHaveLength(1);
    expect(repeated.notes).toEqual(["2021: the stated rate 20.0% and the values' 10.0% disagree; the values are used"]);
  });

  it('emits assumptions a scenario accepts and runs', async () => {
    const c = calibrateGrowth({ points: syntheticHistory(drift, volatility, 6, 7), source: 'history' }, { name: 'output' });
    const scenario = await parseScenario(
      baseScenario({
        sources: [{ id: 'history', headline: 'A history', outlet: 'Nowhere' }],
        parameters: c.parameters,
        metrics: { output: { unit: 'yuan', baseline: 1e9, process: { type: 'growth', drift: 'outputDrift', volatility: 'outputVolatility' } } },
      }),
    );
    expect(scenario.parameters.outputDrift.basis).toBe('sourced');
    expect((await simulate(scenario, { trials: 1024 })).meta.trials).toBe(1024);
  });

  it("reads a history file's points (or a bare list of them) and reports problems with their paths", () => {
    expect(
      safeParseGrowthHistory([
        { year: 2020, value: 1 },
        { year: 2021, value: 2 },
      ]),
    ).toMatchObject({ ok: true, history: { period: 'year' } });
    const bad = safeParseGrowthHistory({ points: [{ year: 'x' }] }, 'h.json');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]).toMatchObject({ path: ['points', 0, 'year'], file: 'h.json' });
  });
});

describe('the calibration examples hold what calibrate emits from their own series', () => {
  const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
  it.each([
    ['calibration-liangjiang.json', 'production-value', 'production', 0.08],
    ['calibration-shanxi-top20.json', 'top20-output-h1', 'top20Output', 0.1],
  ])('%s', async (file, series, name, assumedVolatility) => {
    const scenario = await loadScenario(`${examples}${file}`);
    const c = calibrateGrowth(seriesHistory(scenario, series), { name, volatility: { value: assumedVolatility } });
    expect(scenario.parameters[`${name}Drift`].distribution).toEqual(c.parameters[`${name}Drift`].distribution);
    expect(scenario.parameters[`${name}Volatility`].distribution).toEqual(c.parameters[`${name}Volatility`].distribution);
  });
});
