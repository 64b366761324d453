import { describe, expect, it } from 'vitest';
import { parseScenario, project, safeParseScenario, sampleTrials } from '../../src/index.js';
import { baseScenario } from '../fixtures/scenarios.js';

/** Validation problems as "path: message" lines. */
async function problems(input: unknown): Promise<string[]> {
  const result = await safeParseScenario(input);
  return result.ok ? [] : result.problems.map((p) => `${p.path.join('.')}: ${p.message}`);
}

describe('year, prev(x) and base(x) in a derived metric', () => {
  it('compute the trajectories worked out by hand', async () => {
    const scenario = await parseScenario(
      baseScenario({
        horizon: { baseYear: 2022, endYear: 2025 },
        parameters: { growth: { distribution: { dist: 'fixed', value: 0.5 } } },
        metrics: {
          // 100, 150, 225, 337.5: last year's value times 1.5, with no same-year cycle.
          output: { unit: 'yuan', baseline: 100, process: { type: 'derived', expression: 'prev(output) * (1 + growth)' } },
          // The calendar year: 2022 in the base year (no baseline: computed), then 2023...
          calendar: { unit: 'count', process: { type: 'derived', expression: 'year' } },
          yearsElapsed: { unit: 'count', process: { type: 'derived', expression: 'year - 2022' } },
          // output / base(output): 1, 1.5, 2.25, 3.375.
          multiple: { unit: 'share', process: { type: 'derived', expression: 'output / base(output)' } },
          // The year-on-year change, with a stated base-year value of 0.
          change: { unit: 'yuan', baseline: 0, process: { type: 'derived', expression: 'output - prev(output)' } },
          // Average annual growth since the base year: (x_t / x_B)^(1/(t - B)) - 1, 0.5 from 2023 on.
          averageGrowth: {
            unit: 'share',
            baseline: 0,
            process: { type: 'derived', expression: '(output / base(output)) ^ (1 / (year - 2022)) - 1' },
          },
        },
      }),
    );
    const projection = await project(scenario);
    const values = (name: string) => projection.metrics.find((m) => m.name === name)?.values;
    expect(values('output')).toEqual([100, 150, 225, 337.5]);
    expect(values('calendar')).toEqual([2022, 2023, 2024, 2025]);
    expect(values('yearsElapsed')).toEqual([0, 1, 2, 3]);
    expect(values('multiple')).toEqual([1, 1.5, 2.25, 3.375]);
    expect(values('change')).toEqual([0, 50, 75, 112.5]);
    const growth = values('averageGrowth') as number[];
    expect(growth[0]).toBe(0);
    for (const g of growth.slice(1)) expect(g).toBeCloseTo(0.5, 12);
  });

  it('prev() reads each trial’s own last-year value under noise (trial by trial)', async () => {
    const scenario = await parseScenario(
      baseScenario({
        metrics: {
          output: { unit: 'yuan', baseline: 1e9, process: { type: 'growth', drift: 0.1, volatility: 0.2 } },
          growthRate: { unit: 'share', baseline: 0, process: { type: 'derived', expression: 'output / prev(output) - 1' } },
          sinceBase: { unit: 'yuan', process: { type: 'derived', expression: 'output - base(output)' } },
        },
      }),
    );
    const samples = await sampleTrials(scenario, { trials: 500, seed: 3 });
    const output = samples.metrics.output;
    for (let y = 1; y < samples.years.length; y++) {
      for (let i = 0; i < 500; i++) {
        expect(samples.metrics.growthRate[y][i]).toBe(output[y][i] / output[y - 1][i] - 1);
        expect(samples.metrics.sinceBase[y][i]).toBe(output[y][i] - output[0][i]);
      }
    }
    expect(samples.metrics.sinceBase[0].every((v) => v === 0)).toBe(true);
  });

  it('a sum of comparisons counts, in whole numbers, and the data check does not object to its unit count', async () => {
    const { checkScenario } = await import('../../src/index.js');
    const scenario = await parseScenario(
      baseScenario({
        metrics: {
          a: { unit: 'yuan', baseline: 10, process: { type: 'growth', drift: 0.2, volatility: 0.3 } },
          b: { unit: 'yuan', baseline: 20, process: { type: 'growth', drift: 0.1, volatility: 0.3 } },
          // How many of the two parks are above 15 this year, and in how many years a has grown.
          parksAbove: { unit: 'count', process: { type: 'derived', expression: '(a > 15) + (b > 15)' } },
          yearsAGrew: { unit: 'count', baseline: 0, process: { type: 'derived', expression: 'prev(yearsAGrew) + (a > prev(a))' } },
        },
      }),
    );
    const samples = await sampleTrials(scenario, { trials: 300, seed: 1 });
    for (let y = 0; y < samples.years.length; y++) {
      for (let i = 0; i < 300; i++) {
        const expected = Number(samples.metrics.a[y][i] > 15) + Number(samples.metrics.b[y][i] > 15);
        expect(samples.metrics.parksAbove[y][i]).toBe(expected);
        expect(Number.isInteger(samples.metrics.yearsAGrew[y][i])).toBe(true);
        if (y > 0)
          expect(samples.metrics.yearsAGrew[y][i] - samples.metrics.yearsAGrew[y - 1][i]).toBe(Number(samples.metrics.a[y][i] > samples.metrics.a[y - 1][i]));
      }
    }
    const findings = checkScenario(scenario).filter((f) => f.path?.includes('parksAbove') || f.path?.includes('yearsAGrew'));
    expect(findings).toEqual([]);
  });

  it('are checked at load, with the field path', async () => {
    const withExpression = (expression: string, extra: Record<string, unknown> = {}) =>
      baseScenario({
        parameters: { rate: { distribution: { dist: 'fixed', value: 0.1 } } },
        metrics: {
          output: { unit: 'yuan', baseline: 1e9, process: { type: 'growth', drift: 0.1 } },
          derived: { unit: 'yuan', process: { type: 'derived', expression }, ...extra },
        },
      });
    const at = 'metrics.derived.process.expression';
    expect(await problems(withExpression('prev(rate)', { baseline: 1 }))).toEqual([
      `${at}: prev(rate): "rate" is a parameter, drawn once per trial (or each year), not a metric with a value last year; prev() and base() read metrics`,
    ]);
    expect(await problems(withExpression('base(rate)'))).toEqual([
      `${at}: base(rate): "rate" is a parameter, not a metric with a base-year value; read it as rate`,
    ]);
    expect(await problems(withExpression('prev(nothing)', { baseline: 1 }))).toEqual([
      `${at}: unknown name "nothing" in the expression (known: output, derived)`,
    ]);
    expect(await problems(withExpression('prev(output * 2)', { baseline: 1 }))).toEqual([`${at}: prev() takes one metric's name, as in prev(output)`]);
    expect(await problems(withExpression('prev(output, output)', { baseline: 1 }))).toEqual([`${at}: prev() takes one metric's name, as in prev(output)`]);
    expect(await problems(withExpression('prev(output)'))).toEqual([
      `${at}: prev() reads last year's value, and the base year has none: give derived a baseline (its value in the base year), since without one its base-year value is computed from this expression`,
    ]);
    expect(await problems(withExpression('base(derived) + output'))).toEqual([
      `${at}: base(derived) reads derived's own base-year value, which this expression computes when derived has no baseline: give derived a baseline`,
    ]);
    // With a baseline, a metric may read its own previous and base-year values.
    expect(await problems(withExpression('prev(derived) + base(derived) + year', { baseline: 1 }))).toEqual([]);
    // A same-year cycle is still one; prev() breaks it.
    expect(
      await problems(
        baseScenario({
          metrics: {
            a: { unit: 'yuan', baseline: 1, process: { type: 'derived', expression: 'b + 1' } },
            b: { unit: 'yuan', baseline: 1, process: { type: 'derived', expression: 'a + 1' } },
          },
        }),
      ),
    ).toEqual(["metrics.a: metrics depend on each other in a cycle: a -> b -> a; break it with a baseline or a process that uses last year's value"]);
    expect(
      await problems(
        baseScenario({
          metrics: {
            a: { unit: 'yuan', baseline: 1, process: { type: 'derived', expression: 'prev(b) + 1' } },
            b: { unit: 'yuan', baseline: 1, process: { type: 'derived', expression: 'a + 1' } },
          },
        }),
      ),
    ).toEqual([]);
  });

  it('reserve the name "year"', async () => {
    const input = baseScenario({ parameters: { year: { distribution: { dist: 'fixed', value: 1 } } } });
    expect(await problems(input)).toEqual(['parameters.year: "year" is reserved: in an expression it is the calendar year computed; choose another name']);
  });
});
