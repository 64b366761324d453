import { loadScenario, type Projection, parseScenario, project, type Scenario, type SimulationResult, simulate } from '../../src/index.js';
import { baseScenario } from '../fixtures/scenarios.js';

/** A scenario with every kind of target a chart must draw: value, runningTotal (with a baseline), between, sum, a share, a stretch goal. */
export function chartScenarioInput() {
  return baseScenario({
    park: { id: 'chart-park', name: 'Chart Park', nameZh: '图表园区', location: 'Testland' },
    horizon: { baseYear: 2022, endYear: 2026 },
    parameters: {
      drift: { distribution: { dist: 'normal', mean: 0.12, sd: 0.05 }, basis: 'assumed', reason: 'Comparable parks grow 10-15% a year.' },
      arrivals: {
        distribution: { dist: 'range90', low: 8, high: 20, shape: 'lognormal' },
        unit: 'enterprises per year',
        basis: 'sourced',
        source: 'plan',
        description: 'Enterprises introduced per year',
      },
      taxRate: { distribution: { dist: 'pert', min: 0.01, mode: 0.02, max: 0.03 }, unit: 'share', basis: 'assumed', reason: 'Typical of new parks.' },
    },
    metrics: {
      output: { unit: 'yuan', label: 'Output value', baseline: 12e9, source: 'plan', process: { type: 'growth', drift: 'drift', volatility: 0.05 } },
      firms: { unit: 'count', label: 'Enterprises in the park', baseline: 40, process: { type: 'arrivals', rate: 'arrivals' } },
      tax: { unit: 'yuan', label: 'Tax', process: { type: 'derived', expression: 'output * taxRate' } },
      taxShare: { unit: 'share', label: 'Tax as a share of output', process: { type: 'derived', expression: 'taxRate' } },
    },
    targets: [
      { id: 'output-20bn', label: 'Output value above 20 billion yuan by 2026', metric: 'output', comparison: '>=', threshold: 20e9, deadline: 2026 },
      {
        id: 'firms-50',
        label: 'At least 50 enterprises introduced by 2025 & kept <there>',
        metric: 'firms',
        comparison: '>=',
        threshold: 50,
        deadline: 2025,
        measure: 'runningTotal',
      },
      {
        id: 'firms-between',
        label: '20 to 40 enterprises introduced by 2024',
        metric: 'firms',
        comparison: 'between',
        threshold: [20, 40],
        deadline: 2024,
        measure: 'runningTotal',
      },
      { id: 'tax-sum', label: 'Tax of 1 billion yuan over 2023-2026', metric: 'tax', comparison: '>=', threshold: 1e9, deadline: 2026, measure: 'sum' },
      { id: 'tax-share', label: 'Tax below 2.5% of output in 2024', metric: 'taxShare', comparison: '<', threshold: 0.025, deadline: 2024, kind: 'stretch' },
    ],
    sources: [{ id: 'plan', headline: 'Chart Park plan', outlet: 'Testland Daily', date: '2023' }],
    context: [{ id: 'land', label: 'Land area', value: 1.2e6, unit: 'area', source: 'plan' }],
  });
}

export interface ChartResults {
  readonly scenario: Scenario;
  readonly projection: Projection;
  readonly simulation: SimulationResult;
}

const cache = new Map<string, Promise<ChartResults>>();

async function run(scenario: Scenario, trials: number, seed: number): Promise<ChartResults> {
  return { scenario, projection: await project(scenario), simulation: await simulate(scenario, { trials, seed }) };
}

/** The fixture's results (small trial counts keep the tests quick; charts need only summaries). */
export function chartResults(seed = 1): Promise<ChartResults> {
  const key = `fixture-${seed}`;
  if (!cache.has(key))
    cache.set(
      key,
      parseScenario(chartScenarioInput()).then((s) => run(s, 2000, seed)),
    );
  return cache.get(key) as Promise<ChartResults>;
}

/** A seed park's results, for the real-data checks. */
export function seedResults(name = 'jinyang-lake'): Promise<ChartResults> {
  const key = `seed-${name}`;
  if (!cache.has(key))
    cache.set(
      key,
      loadScenario(new URL(`../../seeds/${name}.json`, import.meta.url).pathname).then((s) => run(s, 2000, 1)),
    );
  return cache.get(key) as Promise<ChartResults>;
}
