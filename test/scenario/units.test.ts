import { describe, expect, it } from 'vitest';
import { parseScenario, simulate } from '../../src/index.js';
import { fromCanonical, INPUT_UNIT_NAMES, INPUT_UNITS, toCanonical } from '../../src/scenario/inputUnits.js';
import { baseScenario } from '../fixtures/scenarios.js';

describe('input units: the factors', () => {
  it('each unit has its statutory factor to the canonical unit', () => {
    expect(toCanonical(1, '万元')).toBe(1e4);
    expect(toCanonical(1, '亿元')).toBe(1e8);
    expect(toCanonical(1, '万亿元')).toBe(1e12);
    expect(toCanonical(15, '亩')).toBe(10_000);
    expect(toCanonical(1, '亩')).toBeCloseTo(666.6667, 4);
    expect(toCanonical(1, '公顷')).toBe(1e4);
    expect(toCanonical(1, 'ha')).toBe(1e4);
    expect(toCanonical(1, '平方公里')).toBe(1e6);
    expect(toCanonical(1, 'km²')).toBe(1e6);
    expect(toCanonical(5.4, '%')).toBe(0.054);
    expect(toCanonical(2, '百分点')).toBe(0.02);
    // 1 km² is 1500 亩 and 100 公顷.
    expect(fromCanonical(toCanonical(1, 'km²'), '亩')).toBe(1500);
    expect(fromCanonical(toCanonical(1, 'km²'), '公顷')).toBe(100);
    expect(INPUT_UNIT_NAMES).toEqual(Object.keys(INPUT_UNITS));
  });

  it('a figure converted to canonical and back is the figure, to within one rounding', () => {
    const figures = [0.5, 1, 3.5, 16, 123.456, 500, 2020, 1750, 99_999.99, 1e-3];
    for (const unit of INPUT_UNIT_NAMES) {
      for (const figure of figures) {
        const back = fromCanonical(toCanonical(figure, unit), unit);
        expect(Math.abs(back - figure)).toBeLessThanOrEqual(2 * Number.EPSILON * figure);
      }
    }
  });
});

describe('input units: converted once, at load', () => {
  it('baselines, step additions, logistic capacities and thresholds (and strive levels) become canonical; inputUnit becomes displayUnit', async () => {
    const scenario = await parseScenario(
      baseScenario({
        metrics: {
          output: { unit: 'yuan', inputUnit: '亿元', baseline: 16, process: { type: 'growth', drift: 0.1 }, steps: [{ year: 2024, add: 2, multiply: 1.1 }] },
          land: {
            unit: 'area',
            inputUnit: '亩',
            baseline: { dist: 'normal', mean: 500, sd: 30, point: 510, bounds: { min: 0 } },
            process: { type: 'logistic', rate: 0.3, capacity: 2020 },
          },
          share: { unit: 'share', inputUnit: '%', baseline: { dist: 'lognormal', mu: Math.log(5.4), sigma: 0.1 }, process: { type: 'constant' } },
        },
        targets: [
          { id: 'output', label: 'Output', metric: 'output', comparison: '>=', threshold: 100, strive: 160, deadline: 2025 },
          { id: 'share', label: 'Share', metric: 'share', comparison: 'between', threshold: [4, 8], deadline: 2025 },
        ],
      }),
    );
    const { output, land, share } = scenario.metrics;
    expect(output).toMatchObject({ baseline: 16e8, displayUnit: '亿元', steps: [{ year: 2024, add: 2e8, multiply: 1.1 }] });
    expect(output).not.toHaveProperty('inputUnit');
    expect(land.baseline).toEqual({ dist: 'normal', mean: 500 * (1e4 / 15), sd: 30 * (1e4 / 15), point: 510 * (1e4 / 15), bounds: { min: 0 } });
    expect(land.process).toMatchObject({ capacity: (2020 * 1e4) / 15 });
    expect(share.baseline).toMatchObject({ dist: 'lognormal', sigma: 0.1 });
    expect(Math.exp((share.baseline as { mu: number }).mu)).toBeCloseTo(0.054, 12);
    expect(scenario.targets[0]).toMatchObject({ threshold: 100e8, strive: 160e8 });
    expect(scenario.targets[1].threshold).toEqual([0.04, 0.08]);
  });

  it('a loaded scenario parsed again is unchanged (displayUnit is not converted again)', async () => {
    const once = await parseScenario(
      baseScenario({
        metrics: { output: { unit: 'yuan', inputUnit: '万亿元', baseline: 0.3, process: { type: 'growth', drift: 0.1 } } },
        targets: [{ id: 'o', label: 'O', metric: 'output', comparison: '>', threshold: 0.4, deadline: 2025 }],
      }),
    );
    const twice = await parseScenario(JSON.parse(JSON.stringify(once)));
    expect(twice).toEqual(once);
  });

  it('a scenario written in 亿元 gives the results of the same scenario written in yuan, bit for bit', async () => {
    const inYuan = baseScenario({
      parameters: { drift: { distribution: { dist: 'normal', mean: 0.1, sd: 0.05 } } },
      metrics: { output: { unit: 'yuan', baseline: 12e8, process: { type: 'growth', drift: 'drift', volatility: 0.1 } } },
      targets: [{ id: 'o', label: 'O', metric: 'output', comparison: '>', threshold: 16e8, deadline: 2025 }],
    });
    const inYi = baseScenario({
      parameters: { drift: { distribution: { dist: 'normal', mean: 0.1, sd: 0.05 } } },
      metrics: { output: { unit: 'yuan', inputUnit: '亿元', baseline: 12, process: { type: 'growth', drift: 'drift', volatility: 0.1 } } },
      targets: [{ id: 'o', label: 'O', metric: 'output', comparison: '>', threshold: 16, deadline: 2025 }],
    });
    const a = await simulate(await parseScenario(inYuan), { trials: 4096, seed: 5 });
    const b = await simulate(await parseScenario(inYi), { trials: 4096, seed: 5 });
    const { displayUnit: _unit, ...target } = b.targets[0];
    expect(target).toEqual(a.targets[0]);
    expect(b.targets[0].displayUnit).toBe('亿元');
    expect(b.metrics[0]).toEqual({ ...a.metrics[0], displayUnit: '亿元' });
  });

  it('a unit of another kind, both units at once, or a count distribution in a scaled unit is a problem naming the field', async () => {
    const bad = baseScenario({
      metrics: {
        output: { unit: 'yuan', inputUnit: '亩', baseline: 1, process: { type: 'constant' } },
        firms: { unit: 'count', inputUnit: '亿元', baseline: 1, process: { type: 'constant' } },
        land: { unit: 'area', inputUnit: '亩', displayUnit: '公顷', baseline: { dist: 'poisson', lambda: 3 }, process: { type: 'constant' } },
      },
    });
    await expect(parseScenario(bad)).rejects.toMatchObject({
      problems: expect.arrayContaining([
        expect.objectContaining({ path: ['metrics', 'output', 'inputUnit'], message: expect.stringContaining('may be written in 万元, 亿元, 万亿元') }),
        expect.objectContaining({ path: ['metrics', 'firms', 'inputUnit'], message: expect.stringContaining('without an input unit') }),
        expect.objectContaining({ path: ['metrics', 'land', 'displayUnit'], message: expect.stringContaining('not both') }),
        expect.objectContaining({ path: ['metrics', 'land', 'baseline', 'dist'], message: expect.stringContaining('cannot be written in 亩') }),
      ]),
    });
  });

  it('a share written in percent is checked against 0–100%, not 0–1', async () => {
    const ok = baseScenario({ metrics: { share: { unit: 'share', inputUnit: '%', baseline: 54, process: { type: 'constant' } } } });
    expect((await parseScenario(ok)).metrics.share.baseline).toBe(0.54);
    const bad = baseScenario({ metrics: { share: { unit: 'share', inputUnit: '%', baseline: 154, process: { type: 'constant' } } } });
    await expect(parseScenario(bad)).rejects.toMatchObject({ problems: [expect.objectContaining({ path: ['metrics', 'share', 'baseline'] })] });
  });
});
