import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { discoveryBoxesChart } from '../../src/charts/index.js';
import { parseScenario } from '../../src/index.js';
import { discover } from '../../src/questions/discovery.js';
import { compileChart } from '../../src/render/compile.js';
import { baseScenario } from '../fixtures/scenarios.js';

interface Layer {
  mark?: string | { type: string };
  data?: { values: Array<Record<string, unknown>> };
  layer?: Layer[];
}
/** Every data row a spec embeds. */
const rowsOf = (layer: Layer): Array<Record<string, unknown>> => [...(layer.data?.values ?? []), ...(layer.layer ?? []).flatMap(rowsOf)];

describe('discovery boxes chart', async () => {
  const scenario = await parseScenario(
    baseScenario({
      horizon: { baseYear: 2022, endYear: 2023 },
      parameters: {
        a: { distribution: { dist: 'uniform', min: 0, max: 1 } },
        b: { distribution: { dist: 'uniform', min: 0, max: 1 } },
      },
      metrics: {
        ok: { unit: 'count', process: { type: 'derived', expression: '1 - (a < 0.3) * (b < 0.3)' } },
        output: { unit: 'yuan', baseline: 1e9, process: { type: 'growth', drift: 0.05, volatility: 0.1 } },
      },
      targets: [
        { id: 'ok', label: 'Not both low', metric: 'ok', comparison: '>=', threshold: 1, deadline: 2023 },
        { id: 'output', label: 'Output', metric: 'output', comparison: '>=', threshold: 1.1e9, deadline: 2023 },
      ],
    }),
  );
  const [misses, hits] = await Promise.all([discover(scenario, { trials: 4000, seed: 1 }), discover(scenario, { trials: 4000, seed: 1, outcome: 'hit' })]);

  it('compiles without warnings, in English and Chinese, for found boxes, several boxes and a rejected one', async () => {
    const specs: Array<[string, TopLevelSpec]> = [];
    for (const lang of ['en', 'zh'] as const)
      for (const [name, result] of [
        ['misses', misses],
        ['hits', hits],
      ] as const)
        for (const target of result.targets) specs.push([`${lang} ${name} ${target.id} (${target.status})`, discoveryBoxesChart(target, { lang })]);
    expect(specs.map(([name]) => name).some((n) => n.includes('(none)'))).toBe(true);
    for (const [name, spec] of specs) expect((await compileChart(spec)).warnings, name).toEqual([]);
  });

  it('draws every step of every trajectory, with one chosen step per box, and the base rate', () => {
    const target = hits.targets[0];
    const rows = rowsOf(discoveryBoxesChart(target) as unknown as Layer);
    const steps = target.boxes.reduce((n, b) => n + b.trajectory.length, 0);
    expect(rows.filter((r) => 'step' in r)).toHaveLength(steps);
    expect(rows.filter((r) => r.chosen === true)).toHaveLength(target.boxes.length);
    expect(rows.find((r) => 'rate' in r)?.rate).toBe(target.baseRate);
  });
});
