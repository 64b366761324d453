import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { describe, expect, it } from 'vitest';
import {
  assumptionOf,
  buildReport,
  compare,
  goalSeek,
  parseScenario,
  project,
  type ScenarioInput,
  safeParseScenario,
  sampleTrials,
  scenarioAssumptions,
  sensitivity,
  simulate,
  unsourcedBaselineDrivers,
  variantEntries,
} from '../../src/index.js';
import { baseScenario, standardErrors } from '../fixtures/scenarios.js';

const phi = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);

/** Output from an unknown baseline (90% between 2 and 8 bn, lognormal) growing by a drift that is nearly known. */
function unknownBaseline(baseline: Record<string, unknown> = {}): ScenarioInput {
  return baseScenario({
    horizon: { baseYear: 2022, endYear: 2025 },
    parameters: { drift: { distribution: { dist: 'normal', mean: 0.1, sd: 0.01 }, basis: 'assumed', reason: 'test' } },
    metrics: {
      output: {
        unit: 'yuan',
        baseline: {
          distribution: { dist: 'range90', low: 2e9, high: 8e9, shape: 'lognormal' },
          basis: 'assumed',
          reason: 'the plan states targets but no base-year figure',
          ...baseline,
        },
        process: { type: 'growth', drift: 'drift', volatility: 0.05 },
      },
    },
    targets: [{ id: 'output-8bn', label: 'Output over 8 bn', metric: 'output', comparison: '>=', threshold: 8e9, deadline: 2025 }],
  });
}

describe('a baseline written as an assumption', () => {
  it('keeps the draws of the bare distribution it replaces, trial by trial', async () => {
    const distribution = { dist: 'range90', low: 2e9, high: 8e9, shape: 'lognormal' } as const;
    const bare = await parseScenario(
      baseScenario({ metrics: { output: { unit: 'yuan', baseline: distribution, process: { type: 'growth', drift: 0.1, volatility: 0.1 } } } }),
    );
    const written = await parseScenario(
      baseScenario({
        metrics: {
          output: { unit: 'yuan', baseline: { distribution, basis: 'assumed', reason: 'r' }, process: { type: 'growth', drift: 0.1, volatility: 0.1 } },
        },
      }),
    );
    const [a, b] = await Promise.all([sampleTrials(bare, { trials: 3000, seed: 5 }), sampleTrials(written, { trials: 3000, seed: 5 })]);
    expect(b.metrics.output).toEqual(a.metrics.output);
  });

  it('as an expression of parameters equals that expression of each trial’s draws, and of the central values when projected', async () => {
    const scenario = await parseScenario(
      baseScenario({
        parameters: {
          pilotFirms: { distribution: { dist: 'poisson', lambda: 30 } },
          outputPerFirm: { distribution: { dist: 'range90', low: 5e7, high: 2e8, shape: 'lognormal' } },
        },
        metrics: {
          output: {
            unit: 'yuan',
            baseline: { expression: 'pilotFirms * outputPerFirm', basis: 'assumed', reason: 'no stated output' },
            process: { type: 'growth', drift: 0.1, volatility: 0.1 },
          },
        },
      }),
    );
    const samples = await sampleTrials(scenario, { trials: 2500, seed: 2 });
    const firms = samples.parameters.pilotFirms.values[0];
    const perFirm = samples.parameters.outputPerFirm.values[0];
    for (let i = 0; i < samples.trials; i++) expect(samples.metrics.output[0][i]).toBe(firms[i] * perFirm[i]);
    const projection = await project(scenario);
    const central = (name: string) => projection.parameters.find((p) => p.name === name)?.value as number;
    expect(projection.metrics[0].values[0]).toBe(central('pilotFirms') * central('outputPerFirm'));
    // Not an assumption of its own: its parameters are.
    expect(assumptionOf(scenario, 'baseline:output')).toBeUndefined();
    expect(scenarioAssumptions(scenario).map((a) => a.name)).toEqual(['pilotFirms', 'outputPerFirm']);
  });

  it('is listed, swung and ranked first by sensitivity when it dominates, and the warnings say it is an unsourced guess', async () => {
    const scenario = await parseScenario(unknownBaseline());
    const result = await sensitivity(scenario, { trials: 4000, seed: 3 });
    expect(result.assumptions.map((a) => a.name)).toEqual(['drift', 'baseline:output']);
    expect(result.assumptions[1].baseline).toEqual({ metric: 'output', basis: 'assumed' });
    const [target] = result.targets;
    expect(target.tornado[0].assumption).toBe('baseline:output');
    expect(target.samples[0].assumption).toBe('baseline:output');
    // The trials that hit started higher.
    expect(present(target.samples[0].meanDifference).difference).toBeGreaterThan(0);
    // The swing's ends: the baseline fixed at its 10th and 90th percentiles, projected: x0·e^(3·0.1).
    expect(target.tornado[0].low.deterministic).toBeCloseTo(target.tornado[0].low.value * Math.exp(0.3), -2);
    const sobol = present(result.sobol).targets[0].measured;
    const shares = Object.fromEntries(present(sobol).assumptions.map((a) => [a.assumption, a.firstOrder.estimate]));
    expect(shares['baseline:output']).toBeGreaterThan(0.8);
    expect(shares.drift).toBeLessThan(0.1);
    expect(result.warnings.filter((w) => w.includes('baseline:output'))).toEqual([
      'the strongest driver of output-8bn is baseline:output, the base-year value of output, which the scenario assumes and no source states: the probabilities rest on that guess; find a stated figure, or read them as conditional on it',
    ]);
  }, 60_000);

  it('with a source, drives the target without a warning', async () => {
    const input = unknownBaseline({ basis: 'sourced', source: 'plan' });
    input.sources = [{ id: 'plan', headline: 'A plan', outlet: 'A county' }];
    const scenario = await parseScenario(input);
    const result = await sensitivity(scenario, { trials: 1000, seed: 3, sobol: false });
    expect(result.targets[0].tornado[0].assumption).toBe('baseline:output');
    expect(result.warnings).toEqual([]);
    expect(await unsourcedBaselineDrivers(scenario)).toEqual([]);
  });

  it('is named in the report, in English and Chinese, when it is the strongest driver', async () => {
    const scenario = await parseScenario(unknownBaseline());
    const drivers = await unsourcedBaselineDrivers(scenario);
    expect(drivers).toEqual([{ assumption: 'baseline:output', metric: 'output', targets: ['output-8bn'] }]);
    const [projection, simulation] = await Promise.all([project(scenario), simulate(scenario, { trials: 500 })]);
    const en = buildReport({ scenario, projection, simulation, baselineDrivers: drivers, lang: 'en' });
    expect(en.headline.lines.at(-1)).toBe(
      'The strongest driver of “Output over 8 bn” is the 2022 value of output, which the scenario assumes and no source states: this probability rests on that guess.',
    );
    const zh = buildReport({ scenario, projection, simulation, baselineDrivers: drivers, lang: 'zh' });
    expect(zh.headline.lines.at(-1)).toBe(
      '对“Output over 8 bn”影响最大的是output的 2022 年基准值，而这一数值是情景假设的，没有来源说明：这些概率取决于这一估计。',
    );
    // Listed among the assumptions in plain words, its notation and reason under it.
    const listed = en.assumed.find((f) => f.label.startsWith('output'));
    expect(listed?.value).toBe('about 4.00 billion yuan, 90% between 2.00 billion yuan and 8.00 billion yuan');
    expect(listed?.detail).toBe('modelled as 90% between 2 billion yuan and 8 billion yuan (lognormal). Why: the plan states targets but no base-year figure');
  });

  it('goal seek solves on it: the base-year value that gives P(X_T >= c) = 0.8, against the closed form', async () => {
    // ln X_T = ln B + T·μ + σ√T·Z with μ = 0.1, σ = 0.1, T = 3: P(X_T >= c) = p when ln B = ln c − Tμ + z_p·σ√T.
    const [mu, sigma, T, c, p, trials] = [0.1, 0.1, 3, 8e9, 0.8, 20_000];
    const scenario = await parseScenario(
      baseScenario({
        metrics: {
          output: {
            unit: 'yuan',
            baseline: { distribution: { dist: 'range90', low: 2e9, high: 8e9, shape: 'lognormal' }, basis: 'assumed', reason: 'unknown' },
            process: { type: 'growth', drift: mu, volatility: sigma },
          },
        },
        targets: [{ id: 'output-8bn', label: 'Output over 8 bn', metric: 'output', comparison: '>=', threshold: c, deadline: 2025 }],
      }),
    );
    const exact = Math.exp(Math.log(c) - T * mu + normalQuantile(p, 0, 1) * sigma * Math.sqrt(T));
    // The probability's standard error over the curve's slope dP/dB = φ(z_p)/(σ√T·B).
    const se = Math.sqrt((p * (1 - p)) / trials) / (phi(normalQuantile(p, 0, 1)) / (sigma * Math.sqrt(T) * exact));
    const result = await goalSeek(scenario, { target: 'output-8bn', assumption: 'baseline:output', probability: p, trials, seed: 7 });
    expect(result.status).toBe('found');
    expect(result.direction).toBe('increasing');
    expect(result.assumption.domain.min).toBe(0);
    expect(Math.abs(present(result.value) - exact)).toBeLessThan(4 * se);
  }, 60_000);

  it('a variant replacing it changes the probability to the closed form of the new baseline, and compare names it as changed', async () => {
    // Drift 0.1, volatility 0.05 over 3 years: P(X_T >= c) = Φ((ln(B/c) + 0.3) / (0.05·√3)).
    const input = baseScenario({
      metrics: { output: { unit: 'yuan', baseline: 6e9, process: { type: 'growth', drift: 0.1, volatility: 0.05 } } },
      targets: [{ id: 'output-8bn', label: 'Output over 8 bn', metric: 'output', comparison: '>=', threshold: 8e9, deadline: 2025 }],
      variants: [
        { id: 'smaller-start', label: 'A smaller start', baselines: { output: 5.8e9 } },
        { id: 'uncertain-start', label: 'An uncertain start', baselines: { output: { dist: 'uniform', min: 5e9, max: 7e9 } } },
      ],
    });
    const scenario = await parseScenario(input);
    const trials = 20_000;
    const result = await compare(variantEntries(scenario), { trials, seed: 4 });
    const closed = (b: number) => normalCdf((Math.log(b / 8e9) + 0.3) / (0.05 * Math.sqrt(3)), 0, 1);
    const [asStated, smaller] = result.targets[0].probabilities;
    expect(Math.abs(asStated.probability - closed(6e9))).toBeLessThan(standardErrors(closed(6e9), trials));
    expect(Math.abs(smaller.probability - closed(5.8e9))).toBeLessThan(standardErrors(closed(5.8e9), trials));
    expect(result.variants.map((v) => v.changed)).toEqual([[], ['baseline:output'], ['baseline:output']]);
    // A uniform baseline: the probability is the mean of the closed form over it (midpoint rule, 2,000 points).
    const mean = Array.from({ length: 2000 }, (_, k) => closed(5e9 + ((k + 0.5) / 2000) * 2e9)).reduce((a, b) => a + b, 0) / 2000;
    expect(Math.abs(result.targets[0].probabilities[2].probability - mean)).toBeLessThan(standardErrors(mean, trials));
  }, 60_000);

  it('gets clear problems with their paths', async () => {
    const problems = async (input: unknown) => {
      const r = await safeParseScenario(input);
      return r.ok ? [] : r.problems.map((p) => `${p.path.join('.')}: ${p.message}`);
    };
    const withBaseline = (baseline: unknown, extra: Partial<ScenarioInput> = {}) =>
      baseScenario({
        parameters: { firms: { distribution: { dist: 'fixed', value: 3 } } },
        metrics: {
          other: { unit: 'yuan', baseline: 1, process: { type: 'constant' } },
          output: { unit: 'yuan', baseline: baseline as number, process: { type: 'growth', drift: 0.1 } },
        },
        ...extra,
      });
    expect(await problems(withBaseline({ expression: 'firms * other' }))).toEqual([
      'metrics.output.baseline.expression: "other" is a metric; a baseline expression reads parameters only (drawn per trial before any metric): write the metric\'s base-year value in terms of parameters',
    ]);
    expect(await problems(withBaseline({ expression: 'firms * nothing' }))).toEqual([
      'metrics.output.baseline.expression: unknown name "nothing" in the expression (known: other, output, firms)',
    ]);
    expect(await problems(withBaseline({ expression: 'prev(other)' }))).toEqual([
      "metrics.output.baseline.expression: prev() reads another year's value of a metric, and a baseline expression reads parameters only",
    ]);
    expect(await problems(withBaseline({ expression: 'firms * year' }))).toEqual([
      'metrics.output.baseline.expression: "year" (the calendar year computed) is read in a derived metric’s expression, not in a baseline expression',
    ]);
    expect(await problems(withBaseline({ value: -1, basis: 'assumed', reason: 'r' }))).toEqual([
      'metrics.output.baseline.value: expected a count of zero or more, got -1',
    ]);
    expect(await problems(withBaseline({ value: 1, source: 'nowhere' }))).toEqual([
      'metrics.output.baseline.source: unknown source "nowhere" (the scenario lists no sources)',
    ]);
    expect(await problems(withBaseline({ basis: 'assumed' }))).toEqual([
      'metrics.output.baseline.value: expected one of "value", "distribution" or "expression" (the baseline itself)',
    ]);
    expect(await problems(withBaseline({ distribution: { dist: 'normal', mean: 1, sd: 0 } }))).toEqual([
      'metrics.output.baseline.distribution.sd: expected a positive number, got 0',
    ]);
    expect(await problems(withBaseline(1, { variants: [{ id: 'v', label: 'V', baselines: { nothing: 2 } }] }))).toEqual([
      'variants.0.baselines.nothing: unknown metric "nothing" (known: other, output)',
    ]);
  });
});

/** The value, or a failed test when it is missing. */
function present<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}
