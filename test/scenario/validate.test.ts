import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenario, parseScenario, ScenarioError, safeLoadScenario, safeParseScenario } from '../../src/index.js';
import { baseScenario } from '../fixtures/scenarios.js';

async function problemsOf(input: unknown): Promise<string[]> {
  const result = await safeParseScenario(input, { file: 'park.json' });
  return result.ok ? [] : result.problems.map(formatProblem);
}

async function fileProblems(name: string, content: string): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'parkcast-'));
  const file = join(dir, name);
  await writeFile(file, content);
  const result = await safeLoadScenario(file);
  return result.ok ? [] : result.problems.map((p) => formatProblem({ ...p, file: name }));
}

// Loosely typed on purpose: the tests feed invalid values through it.
const target = (overrides: Record<string, unknown> = {}): never =>
  ({ id: 't', label: 'T', metric: 'output', comparison: '>=', threshold: 2e9, deadline: 2025, ...overrides }) as never;

describe('scenario validation: each bad input gets a clear message with its field path', () => {
  it('accepts a valid scenario and fills defaults', async () => {
    const scenario = await parseScenario(baseScenario({ targets: [target()] }));
    expect(scenario.targets[0]).toMatchObject({ measure: 'value', kind: 'official' });
  });

  it('a threshold that is not a number', async () => {
    expect(await problemsOf(baseScenario({ targets: [target(), target({ id: 'b' }), target({ id: 'c', threshold: 'abc' })] }))).toEqual([
      'park.json: targets[2].threshold: expected a positive number (or [low, high] for "between"), got "abc"',
    ]);
  });

  it('an unknown metric in a target', async () => {
    expect(await problemsOf(baseScenario({ targets: [target({ metric: 'outptu' })] }))).toEqual([
      'park.json: targets[0].metric: unknown metric "outptu"; did you mean "output"? (known: output)',
    ]);
  });

  it('a deadline outside the horizon, and one before the base year', async () => {
    expect(await problemsOf(baseScenario({ targets: [target({ deadline: 2030 }), target({ id: 'early', deadline: 2021 })] }))).toEqual([
      "park.json: targets[0].deadline: expected a year from 2023 to 2025 (the scenario's horizon), got 2030",
      'park.json: targets[1].deadline: the deadline 2021 is not after the base year 2022: a target must lie ahead',
    ]);
  });

  it('a cycle among derived metrics', async () => {
    const problems = await problemsOf(
      baseScenario({
        metrics: {
          revenue: { unit: 'yuan', process: { type: 'derived', expression: 'tax / 0.02' } },
          tax: { unit: 'yuan', process: { type: 'derived', expression: 'revenue * 0.02' } },
        },
      }),
    );
    expect(problems).toEqual([
      "park.json: metrics.revenue: metrics depend on each other in a cycle: revenue -> tax -> revenue; break it with a baseline or a process that uses last year's value",
    ]);
  });

  it('a negative count', async () => {
    expect(await problemsOf(baseScenario({ metrics: { firms: { unit: 'count', baseline: -3, process: { type: 'arrivals', rate: 5 } } } }))).toEqual([
      'park.json: metrics.firms.baseline: expected a count of zero or more, got -3',
    ]);
  });

  it('a negative rate of arrivals and a probability above one', async () => {
    expect(await problemsOf(baseScenario({ parameters: { p: { distribution: { dist: 'binomial', n: 10, p: 1.5 } } } }))).toEqual([
      'park.json: parameters.p.distribution.p: expected a probability from 0 to 1, got 1.5',
    ]);
  });

  it('unknown fields are errors, never silently dropped', async () => {
    expect(await problemsOf(baseScenario({ targets: [{ ...(target() as object), treshold: 5 }] as never }))).toEqual([
      'park.json: targets[0].treshold: unknown field "treshold"; did you mean "threshold"?',
    ]);
  });

  it('an unknown process type and an unknown parameter reference', async () => {
    expect(
      await problemsOf(
        baseScenario({
          metrics: {
            output: { unit: 'yuan', baseline: 1, process: { type: 'exponential' } as never },
            firms: { unit: 'count', baseline: 0, process: { type: 'arrivals', rate: 'arrivalRate' } },
          },
        }),
      ),
    ).toEqual([
      'park.json: metrics.output.process.type: expected one of "constant", "growth", "logistic", "arrivals", "graduation", "derived", got "exponential"',
    ]);
    expect(await problemsOf(baseScenario({ metrics: { firms: { unit: 'count', baseline: 0, process: { type: 'arrivals', rate: 'arrivalRate' } } } }))).toEqual([
      'park.json: metrics.firms.process.rate: unknown parameter or metric "arrivalRate" (known: firms)',
    ]);
  });

  it('"between" needs a range, and other comparisons a single number', async () => {
    expect(
      await problemsOf(baseScenario({ targets: [target({ comparison: 'between' }), target({ id: 'r', threshold: [3, 2], comparison: 'between' })] })),
    ).toEqual([
      'park.json: targets[0].threshold: expected a range [low, high] for the comparison "between"',
      'park.json: targets[1].threshold: expected low <= high, got [3, 2]',
    ]);
  });

  it('a missing file', async () => {
    await expect(loadScenario('/nonexistent/park.json')).rejects.toThrow('/nonexistent/park.json: file not found: /nonexistent/park.json');
    await expect(loadScenario('/nonexistent/park.json')).rejects.toBeInstanceOf(ScenarioError);
  });

  it('unreadable JSON', async () => {
    const [problem] = await fileProblems('broken.json', '{ "park": ');
    expect(problem).toBe(
      'broken.json: not valid JSON at line 1, column 11: expected a value (a number, a text in double quotes, true, false, null, an object or a list), found the end of the file',
    );
  });

  it('NaN and Infinity (which YAML and oversized JSON numbers can carry)', async () => {
    const yaml = `park: { id: p, name: P, location: L }
horizon: { baseYear: 2022, endYear: 2025 }
metrics:
  output: { unit: yuan, baseline: .nan, process: { type: growth, drift: .inf } }
`;
    // Quoted as written: "got NaN" or "got Infinity" would not say what in the file is wrong.
    expect(await fileProblems('park.yaml', yaml)).toEqual([
      'park.yaml: metrics.output.baseline: expected a finite number, got .nan as written',
      'park.yaml: metrics.output.process.drift: expected a finite number, got .inf as written',
    ]);
    const json = JSON.stringify(baseScenario()).replace('"baseline":1000000000', '"baseline":1e999');
    expect(await fileProblems('park.json', json)).toEqual([
      'park.json: metrics.output.baseline: the number 1e999 is too large to represent (numbers go up to about 1.8e308)',
    ]);
  });

  it('YAML scenarios load like JSON ones', async () => {
    const yaml = `park: { id: p, name: P, location: L }
horizon: { baseYear: 2022, endYear: 2025 }
metrics:
  output: { unit: yuan, baseline: 1e9, process: { type: growth, drift: 0.1 } }
`;
    expect(await fileProblems('park.yml', yaml)).toEqual([]);
  });

  it('lists every problem, not only the first', async () => {
    const problems = await problemsOf(baseScenario({ targets: [target({ metric: 'nope' }), target({ id: 't2', deadline: 2040 })], sources: [], context: [] }));
    expect(problems).toHaveLength(2);
  });
});

describe('expressions in derived metrics: a hostile expression is a validation error, not code that runs', () => {
  const derived = (expression: string) =>
    problemsOf(
      baseScenario({
        parameters: { rate: { distribution: { dist: 'fixed', value: 0.02 } } },
        metrics: {
          output: { unit: 'yuan', baseline: 1e9, process: { type: 'growth', drift: 0.1 } },
          tax: { unit: 'yuan', process: { type: 'derived', expression } },
        },
      }),
    );

  it.each([
    ['import({evil: 1}, {override: true})', 'the function "import" is not allowed'],
    ['evaluate("1 + 1")', 'the function "evaluate" is not allowed'],
    ['parse("x")', 'the function "parse" is not allowed'],
    ['createUnit("evil")', 'the function "createUnit" is not allowed'],
    ['output.constructor', 'property or index access is not allowed'],
    ['output["constructor"]', 'property or index access is not allowed'],
    ['f(x) = x', 'assignment is not allowed'],
    ['x = 3', 'assignment is not allowed'],
    ['[1, 2, 3]', 'an array is not allowed'],
    ['{a: 1}', 'an object is not allowed'],
    ['"text"', 'the constant "text" is not allowed'],
    ['sin(output)', 'the function "sin" is not allowed'],
    ['output * 2 cm', 'unknown name "cm"'],
    ['outptu * rate', 'unknown name "outptu" in the expression; did you mean "output"? (known: output, tax, rate)'],
    ['output *', 'cannot read the expression'],
  ])('%s', async (expression, message) => {
    const problems = await derived(expression);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('park.json: metrics.tax.process.expression: ');
    expect(problems[0]).toContain(message);
  });

  it('accepts arithmetic, comparisons, conditionals and the allowed functions', async () => {
    expect(await derived('max(output * rate, 1e6) + (output > 2e9 ? 1e5 : 0) - round(abs(log(output)))')).toEqual([]);
  });
});

describe('relative and rate measures: a base that can be zero or less, or a wrong unit, is an error with its path', () => {
  const withBaseline = (baseline: unknown, measure: string, unit = 'yuan') =>
    baseScenario({
      metrics: { output: { unit, baseline, process: { type: 'growth', drift: 0.1, volatility: 0 } } as never },
      targets: [target({ measure, threshold: 2 })],
    });

  it('a fixed baseline of zero or less', async () => {
    expect(await problemsOf(withBaseline(0, 'ratioToBase'))).toEqual([
      `park.json: targets[0].measure: the measure "ratioToBase" divides by metric output's base-year value, which must be above zero, but its baseline is 0`,
    ]);
    expect(await problemsOf(withBaseline(0, 'yearOnYear'))).toEqual([
      `park.json: targets[0].measure: the measure "yearOnYear" divides by metric output's previous year's value, which must be above zero, but its baseline is 0`,
    ]);
  });

  it('a baseline distribution that can be zero or less; a lognormal or a bound above zero is fine', async () => {
    expect(await problemsOf(withBaseline({ dist: 'normal', mean: 1e9, sd: 1e8 }, 'averageGrowth'))).toEqual([
      `park.json: targets[0].measure: the measure "averageGrowth" divides by metric output's base-year value, which must be above zero, but its baseline (a normal distribution) can be zero or negative: use a positive range (a lognormal shape, or bounds.min above zero)`,
    ]);
    expect(await problemsOf(withBaseline({ dist: 'uniform', min: -1, max: 1 }, 'ratioToBase'))).toEqual([
      `park.json: targets[0].measure: the measure "ratioToBase" divides by metric output's base-year value, which must be above zero, but its baseline (a uniform distribution) can be as low as -1: use a positive range (a lognormal shape, or bounds.min above zero)`,
    ]);
    expect(await problemsOf(withBaseline({ dist: 'range90', low: 1e9, high: 2e9, shape: 'lognormal' }, 'ratioToBase'))).toEqual([]);
    expect(await problemsOf(withBaseline({ dist: 'normal', mean: 1e9, sd: 1e8, bounds: { min: 1e8 } }, 'ratioToBase'))).toEqual([]);
    // A lognormal's point of 0 is refused where it is written (a lognormal never draws 0): the root problem.
    expect(await problemsOf(withBaseline({ dist: 'lognormal', mu: 20, sigma: 0.1, point: 0 }, 'averageGrowth'))).toEqual([
      'park.json: metrics.output.baseline.point: expected a point above 0, got 0',
    ]);
    // Measures that do not divide accept any baseline.
    expect(await problemsOf(withBaseline(0, 'everyYear'))).toEqual([]);
  });

  it('changeInPoints on a metric that is not a share', async () => {
    expect(await problemsOf(withBaseline(1e9, 'changeInPoints'))).toEqual([
      'park.json: targets[0].measure: the measure "changeInPoints" is a share\'s change in percentage points, but metric output is in yuan (for an increase in its own unit use "runningTotal", for a relative one "ratioToBase")',
    ]);
    expect(await problemsOf(withBaseline(0.2, 'changeInPoints', 'share'))).toEqual([]);
  });

  it('fromYear on a measure that does not read it', async () => {
    expect(await problemsOf(baseScenario({ targets: [target({ measure: 'averageGrowth', threshold: 0.1, fromYear: 2024 })] }))).toEqual([
      'park.json: targets[0].fromYear: "fromYear" is read only by the measures "sum" and "everyYear"; the measure "averageGrowth" would ignore it',
    ]);
    expect(await problemsOf(baseScenario({ targets: [target({ measure: 'everyYear', fromYear: 2024 })] }))).toEqual([]);
  });
});
