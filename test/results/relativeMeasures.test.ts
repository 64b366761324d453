import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { describe, expect, it } from 'vitest';
import { parseScenario, project, type ScenarioInput, sampleTrials, simulate } from '../../src/index.js';
import { baseScenario, standardErrors } from '../fixtures/scenarios.js';

const TRIALS = 100_000;
const DRIFT = 0.05;
const VOLATILITY = 0.2;

/** Output growing at a fixed log drift with lognormal noise, 2022-2025 (T = 3), and the given targets on it. */
function growth(targets: ScenarioInput['targets'], endYear = 2025): ScenarioInput {
  return baseScenario({
    horizon: { baseYear: 2022, endYear },
    metrics: { output: { unit: 'yuan', baseline: 1e9, process: { type: 'growth', drift: DRIFT, volatility: VOLATILITY } } },
    targets,
  });
}

describe('relative and rate measures against closed forms (fixed seed, within 4 standard errors)', () => {
  it('ratioToBase, averageGrowth and yearOnYear of lognormal growth: normal CDFs', async () => {
    const result = await simulate(
      await parseScenario(
        growth([
          { id: 'ratio', label: 'up 30%', metric: 'output', comparison: '>=', threshold: 1.3, deadline: 2025, measure: 'ratioToBase' },
          { id: 'average', label: '6% a year', metric: 'output', comparison: '>=', threshold: 0.06, deadline: 2025, measure: 'averageGrowth' },
          { id: 'yearly', label: '10% in 2025', metric: 'output', comparison: '>', threshold: 0.1, deadline: 2025, measure: 'yearOnYear' },
          { id: 'average-below', label: 'under 2% a year', metric: 'output', comparison: '<', threshold: 0.02, deadline: 2024, measure: 'averageGrowth' },
        ]),
      ),
      { trials: TRIALS, seed: 11 },
    );
    const sd = (years: number) => VOLATILITY * Math.sqrt(years);
    const expected = [
      1 - normalCdf(Math.log(1.3), 3 * DRIFT, sd(3)),
      // (X_3/X_0)^(1/3) - 1 >= g  <=>  ln(X_3/X_0) >= 3 ln(1 + g).
      1 - normalCdf(3 * Math.log(1.06), 3 * DRIFT, sd(3)),
      // ln(X_3/X_2) ~ N(drift, volatility): one year's growth.
      1 - normalCdf(Math.log(1.1), DRIFT, sd(1)),
      normalCdf(2 * Math.log(1.02), 2 * DRIFT, sd(2)),
    ];
    result.targets.forEach((t, i) => {
      expect(Math.abs(t.probability - expected[i]), t.id).toBeLessThan(standardErrors(expected[i], TRIALS));
    });
    expect(result.targets.map((t) => t.unit)).toEqual(['ratio', 'rate', 'rate', 'rate']);
  });

  it('everyYear and changeInPoints agree with a trial-by-trial count, and the first years up to the deadline, late and never add up', async () => {
    const scenario = await parseScenario(
      baseScenario({
        horizon: { baseYear: 2022, endYear: 2027 },
        metrics: {
          output: { unit: 'yuan', baseline: 1e9, process: { type: 'growth', drift: DRIFT, volatility: VOLATILITY } },
          digital: { unit: 'yuan', baseline: 2e8, process: { type: 'growth', drift: 0.12, volatility: 0.15 } },
          digitalShare: { unit: 'share', process: { type: 'derived', expression: 'digital / output' } },
        },
        targets: [
          { id: 'every', label: 'above 1.05 bn every year', metric: 'output', comparison: '>=', threshold: 1.05e9, deadline: 2025, measure: 'everyYear' },
          { id: 'points', label: 'share up 3 points', metric: 'digitalShare', comparison: '>=', threshold: 3, deadline: 2025, measure: 'changeInPoints' },
          { id: 'average', label: '8% a year', metric: 'output', comparison: '>=', threshold: 0.08, deadline: 2025, measure: 'averageGrowth' },
        ],
      }),
    );
    const trials = 20_000;
    const [result, samples] = await Promise.all([simulate(scenario, { trials, seed: 5 }), sampleTrials(scenario, { trials, seed: 5 })]);
    const output = samples.metrics.output;
    const share = samples.metrics.digitalShare;
    const deadline = 3;
    const every = (i: number) => [1, 2, 3].every((y) => output[y][i] >= 1.05e9);
    const points = (i: number, y: number) => (share[y][i] - share[0][i]) * 100 >= 3;
    const average = (i: number, y: number) => (output[y][i] / output[0][i]) ** (1 / y) - 1 >= 0.08;
    const count = (met: (i: number) => boolean) => Array.from({ length: trials }, (_, i) => i).filter(met).length;
    expect(result.targets[0].hits).toBe(count(every));
    expect(result.targets[1].hits).toBe(count((i) => points(i, deadline)));
    expect(result.targets[2].hits).toBe(count((i) => average(i, deadline)));

    // everyYear is first met at the deadline or never.
    const everyFirst = result.targets[0].firstYearMet;
    expect(everyFirst.byYear.map((y) => y.year)).toEqual([2023, 2024, 2025]);
    expect(everyFirst.byYear.slice(0, 2).map((y) => y.probability)).toEqual([0, 0]);
    expect(everyFirst.byYear[2].probability).toBe(result.targets[0].probability);
    expect(everyFirst.late).toBe(0);

    // averageGrowth: the first year the average to that year met 8%, counted trial by trial; after 2025 it is late.
    const firstYear = (i: number) => [1, 2, 3, 4, 5].find((y) => average(i, y)) ?? -1;
    const firsts = Array.from({ length: trials }, (_, i) => firstYear(i));
    const averageFirst = result.targets[2].firstYearMet;
    expect(averageFirst.byYear.map((y) => y.probability * trials)).toEqual([1, 2, 3].map((y) => firsts.filter((f) => f === y).length));
    expect(averageFirst.lateByYear.map((y) => y.year)).toEqual([2026, 2027]);
    expect(averageFirst.late * trials).toBe(firsts.filter((f) => f > deadline).length);
    expect(averageFirst.never * trials).toBe(firsts.filter((f) => f < 0).length);
    expect(averageFirst.late).toBeGreaterThan(0);
    // Met early and lost again: more trials met it by the deadline than at it.
    const byDeadline = averageFirst.byYear.reduce((sum, y) => sum + y.probability, 0);
    expect(byDeadline).toBeGreaterThan(result.targets[2].probability);
    for (const t of result.targets) {
      const f = t.firstYearMet;
      expect(f.byYear.reduce((sum, y) => sum + y.probability, 0) + f.late + f.never, t.id).toBeCloseTo(1, 12);
    }
  });

  it('a reachedBy or value target met only after its deadline is late, not a success', async () => {
    const result = await simulate(
      await parseScenario(
        growth(
          [
            { id: 'value', label: '1.3 bn in 2024', metric: 'output', comparison: '>=', threshold: 1.3e9, deadline: 2024 },
            { id: 'reached', label: '1.3 bn by 2024', metric: 'output', comparison: '>=', threshold: 1.3e9, deadline: 2024, measure: 'reachedBy' },
          ],
          2027,
        ),
      ),
      { trials: 20_000, seed: 2 },
    );
    const [value, reached] = result.targets;
    // reachedBy: success is exactly "first met by the deadline".
    expect(reached.firstYearMet.byYear.reduce((sum, y) => sum + y.probability, 0)).toBeCloseTo(reached.probability, 12);
    expect(reached.firstYearMet.byYear.map((y) => y.year)).toEqual([2023, 2024]);
    expect(reached.firstYearMet.late).toBeGreaterThan(0.1);
    expect(value.firstYearMet.late).toBe(reached.firstYearMet.late);
    expect(value.probability).toBeLessThanOrEqual(reached.probability);
  });
});

describe('relative and rate measures in the deterministic projection', () => {
  it('measures, first years met, and the growth needed for each', async () => {
    const projection = await project(
      await parseScenario(
        baseScenario({
          horizon: { baseYear: 2022, endYear: 2027 },
          metrics: {
            output: { unit: 'yuan', baseline: 1e9, process: { type: 'growth', drift: Math.log(1.2), volatility: 0 } },
            share: { unit: 'share', baseline: 0.2, process: { type: 'constant' }, steps: [{ year: 2024, add: 0.03 }] },
          },
          targets: [
            { id: 'doubles', label: 'doubles', metric: 'output', comparison: '>=', threshold: 2, deadline: 2026, measure: 'ratioToBase' },
            { id: 'average', label: '25% a year', metric: 'output', comparison: '>=', threshold: 0.25, deadline: 2025, measure: 'averageGrowth' },
            { id: 'yearly', label: '15% in 2025', metric: 'output', comparison: '>=', threshold: 0.15, deadline: 2025, measure: 'yearOnYear' },
            { id: 'points', label: 'up 2 points', metric: 'share', comparison: '>=', threshold: 2, deadline: 2025, measure: 'changeInPoints' },
            { id: 'every', label: 'over 1.1 bn every year', metric: 'output', comparison: '>', threshold: 1.1e9, deadline: 2025, measure: 'everyYear' },
          ],
        }),
      ),
    );
    const [doubles, average, yearly, points, every] = projection.targets;
    // 1.2^4 = 2.07 in 2026; 1.2^3 = 1.728 < 2 in 2025.
    expect(doubles).toMatchObject({ met: true, unit: 'ratio', firstYearMet: 2026 });
    expect(doubles.value).toBeCloseTo(1.2 ** 4, 12);
    expect(doubles.requiredGrowthRate).toBeCloseTo(2 ** (1 / 4) - 1, 12);
    // 20% a year is never an average of 25%.
    expect(average).toMatchObject({ met: false, unit: 'rate', firstYearMet: null, requiredGrowthRate: 0.25, requiredYearlyIncrease: null });
    expect(average.value).toBeCloseTo(0.2, 12);
    expect(average.margin).toBeCloseTo(-0.05, 12);
    expect(yearly).toMatchObject({ met: true, firstYearMet: 2023, requiredGrowthRate: 0.15 });
    // +3 points in 2024: 2 points a year's increase needed is 2/3 point a year.
    expect(points).toMatchObject({ met: true, unit: 'points', firstYearMet: 2024 });
    expect(points.value).toBeCloseTo(3, 10);
    expect(points.requiredYearlyIncrease).toBeCloseTo(2 / 3, 12);
    expect(points.requiredGrowthRate).toBeCloseTo((0.22 / 0.2) ** (1 / 3) - 1, 12);
    // 1.2 bn in 2023 is above 1.1 bn and the path grows: met every year, first met at the deadline.
    expect(every).toMatchObject({ met: true, unit: 'yuan', firstYearMet: 2025, value: 1.2e9 });
    expect(every.requiredGrowthRate).toBeCloseTo(0.1, 12);
  });
});
