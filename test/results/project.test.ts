import { describe, expect, it } from 'vitest';
import { parseScenario, project, simulate } from '../../src/index.js';
import { baseScenario } from '../fixtures/scenarios.js';

describe('project: the deterministic nominal case', () => {
  it('follows a growth path to the last digit', async () => {
    const projection = await project(await parseScenario(baseScenario()));
    const expected = [1e9];
    for (let t = 1; t <= 3; t++) expected.push(expected[t - 1] * Math.exp(0.1));
    expect(projection.metrics[0].values).toEqual(expected);
  });

  it('uses each assumption at its median (or its point) and removes the noise', async () => {
    const projection = await project(
      await parseScenario(
        baseScenario({
          parameters: {
            drift: { distribution: { dist: 'lognormal', mu: Math.log(0.08), sigma: 0.5 } },
            rate: { distribution: { dist: 'uniform', min: 10, max: 30, point: 25 } },
          },
          metrics: {
            output: { unit: 'yuan', baseline: 1e9, process: { type: 'growth', drift: 'drift', volatility: 0.3 } },
            firms: { unit: 'count', baseline: 0, process: { type: 'arrivals', rate: 'rate' } },
          },
        }),
      ),
    );
    expect(projection.parameters).toEqual([
      { name: 'drift', value: Math.exp(Math.log(0.08)), basis: 'assumed' },
      { name: 'rate', value: 25, basis: 'assumed' },
    ]);
    expect(projection.metrics[0].values[3]).toBe(
      1e9 * Math.exp(Math.exp(Math.log(0.08))) * Math.exp(Math.exp(Math.log(0.08))) * Math.exp(Math.exp(Math.log(0.08))),
    );
    expect(projection.metrics[1].values).toEqual([0, 25, 50, 75]);
  });

  it('reports per target: met, value, margin, first year met and the growth rate required', async () => {
    const projection = await project(
      await parseScenario(
        baseScenario({
          horizon: { baseYear: 2022, endYear: 2026 },
          metrics: {
            output: { unit: 'yuan', baseline: 1e9, process: { type: 'growth', drift: Math.log(1.2), volatility: 0 } },
            firms: { unit: 'count', baseline: 10, process: { type: 'arrivals', rate: 30 } },
          },
          targets: [
            { id: 'output-1-5bn', label: 'a', metric: 'output', comparison: '>', threshold: 1.5e9, deadline: 2025 },
            { id: 'firms-100', label: 'b', metric: 'firms', comparison: '>=', threshold: 100, deadline: 2025, measure: 'runningTotal' },
            { id: 'output-sum', label: 'c', metric: 'output', comparison: '>=', threshold: 3.7e9, deadline: 2025, measure: 'sum' },
            { id: 'firms-range', label: 'd', metric: 'firms', comparison: 'between', threshold: [60, 80], deadline: 2026, measure: 'reachedBy' },
          ],
        }),
      ),
    );
    const [output, firms, sum, range] = projection.targets;
    expect(output.met).toBe(true);
    expect(output.value).toBeCloseTo(1.728e9, 0);
    expect(output.margin).toBeCloseTo(0.228e9, 0);
    expect(output.firstYearMet).toBe(2025);
    expect(output.requiredGrowthRate).toBeCloseTo(1.5 ** (1 / 3) - 1, 12);
    expect(output.projectedGrowthRate).toBeCloseTo(0.2, 12);
    // 90 introduced by 2025 misses 100; the running total reaches 120 in 2026: late, not never.
    expect(firms.met).toBe(false);
    expect(firms.value).toBe(90);
    expect(firms.margin).toBe(-10);
    expect(firms.firstYearMet).toBe(2026);
    expect(firms.requiredYearlyIncrease).toBeCloseTo(100 / 3, 12);
    // 1.2 + 1.44 + 1.728 = 4.368 bn over 2023-2025.
    expect(sum.value).toBeCloseTo(4.368e9, 0);
    expect(sum.met).toBe(true);
    expect(sum.firstYearMet).toBe(2025);
    // 40, 70, 100, 130: 70 is inside [60, 80] in 2024.
    expect(range.met).toBe(true);
    expect(range.value).toBe(70);
    expect(range.firstYearMet).toBe(2024);
  });

  it('is the nominal case of the same model: with no uncertainty, simulate agrees with it exactly', async () => {
    const scenario = await parseScenario(
      baseScenario({
        targets: [{ id: 'grow', label: 'grow', metric: 'output', comparison: '>=', threshold: 1.3e9, deadline: 2025 }],
      }),
    );
    const [projection, simulation] = await Promise.all([project(scenario), simulate(scenario, { trials: 2000 })]);
    expect(simulation.targets[0].probability).toBe(projection.targets[0].met ? 1 : 0);
    expect(simulation.metrics[0].years.map((y) => y.mean)).toEqual(projection.metrics[0].values);
  });
});
