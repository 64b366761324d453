/**
 * One configuration of `bench/group.ts`, in a child process of plain node: a group of parks (or
 * one park) simulated once to warm up, then timed once; prints the time and peak memory as JSON.
 */
/** The project's root: the harness runs this file there. */
const ROOT = `${process.cwd()}/`;

const YEARS = 5;

/** A group scenario of `parks` parks; with `parks` = 0, the same four metrics as one plain park. */
export function groupScenario(parks: number): Record<string, unknown> {
  const metrics = {
    growthRate: { unit: 'share', process: { type: 'derived', expression: 'cityTrend + ownTrend' } },
    output: { unit: 'yuan', baseline: { dist: 'uniform', min: 2e9, max: 8e9 }, process: { type: 'growth', drift: 'growthRate', volatility: 0.08 } },
    firms: { unit: 'count', baseline: 0, process: { type: 'arrivals', rate: 'firmRate' } },
    tax: { unit: 'yuan', process: { type: 'derived', expression: 'output * 0.02' } },
  };
  const common = {
    park: { id: 'bench-group', name: 'Bench group', location: 'nowhere' },
    horizon: { baseYear: 2020, endYear: 2020 + YEARS },
    parameters: { cityTrend: { distribution: { dist: 'normal', mean: 0.1, sd: 0.03 } } },
  };
  const own = {
    ownTrend: { distribution: { dist: 'normal', mean: 0, sd: 0.05 } },
    firmRate: { distribution: { dist: 'range90', low: 5, high: 20, shape: 'lognormal' } },
  };
  if (parks === 0) {
    return {
      ...common,
      parameters: { ...common.parameters, ...own },
      metrics,
      targets: [{ id: 'output-above', label: 'Output above 8 bn', metric: 'output', comparison: '>', threshold: 8e9, deadline: 2020 + YEARS }],
    };
  }
  return {
    ...common,
    group: {
      id: 'parks',
      name: 'Parks',
      parks: Array.from({ length: parks }, (_, i) => ({ id: `p${i + 1}`, name: `Park ${i + 1}` })),
      parameters: own,
      metrics,
      targets: [
        {
          id: 'half-above',
          label: 'Half the parks above 8 bn',
          aggregate: 'share',
          metric: 'output',
          park: { comparison: '>', threshold: 8e9 },
          comparison: '>=',
          threshold: 0.5,
          deadline: 2020 + YEARS,
        },
      ],
    },
  };
}

export interface Measured {
  readonly seconds: number;
  readonly maxRssMiB: number;
  readonly metrics: number;
}

/** One configuration, warmed up, then timed once. */
async function child(parks: number, trials: number): Promise<void> {
  const { parseScenario, simulate } = (await import(`${ROOT}dist/index.js`)) as typeof import('../src/index.js');
  const scenario = await parseScenario(groupScenario(parks));
  await simulate(scenario, { trials: 10_000, seed: 'warm-up' });
  const start = process.hrtime.bigint();
  await simulate(scenario, { trials, seed: 1 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const measured: Measured = { seconds, maxRssMiB: process.resourceUsage().maxRSS / 1024, metrics: Object.keys(scenario.metrics).length };
  process.stdout.write(JSON.stringify(measured));
}

await child(Number(process.argv[2]), Number(process.argv[3]));
