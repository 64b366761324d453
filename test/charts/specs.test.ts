import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import {
  deadlineDistributionChart,
  exceedanceAt,
  fanChart,
  firstYearReachedChart,
  formatQuantity,
  parkCharts,
  scenarioComparisonChart,
  targetProbabilitiesChart,
} from '../../src/charts/index.js';
import { wrapText } from '../../src/charts/labels.js';
import { COLORS } from '../../src/charts/theme.js';
import { parseScenario, project, simulate } from '../../src/index.js';
import { compileChart } from '../../src/render/compile.js';
import { renderSvg } from '../../src/render/svg.js';
import { baseScenario } from '../fixtures/scenarios.js';
import { chartResults, seedResults } from './results.js';

// The parts of a spec these tests look into (vega-lite's own types are unions too wide to walk).
interface Layer {
  mark?: string | { type: string; [key: string]: unknown };
  data?: { values: Array<Record<string, unknown>> };
  encoding?: Record<string, { field?: string; datum?: unknown; title?: unknown } | undefined>;
  layer?: Layer[];
}
const markType = (layer: Layer) => (typeof layer.mark === 'string' ? layer.mark : layer.mark?.type);
/** Every unit layer of a spec, depth first, each with the data it draws (its own or the nearest parent's). */
function units(spec: TopLevelSpec): Array<Layer & { rows: Array<Record<string, unknown>> }> {
  const out: Array<Layer & { rows: Array<Record<string, unknown>> }> = [];
  const walk = (layer: Layer, rows: Array<Record<string, unknown>>) => {
    const own = layer.data?.values ?? rows;
    if (layer.layer) for (const child of layer.layer) walk(child, own);
    else out.push({ ...layer, rows: own });
  };
  walk(spec as unknown as Layer, []);
  return out;
}
const longestArray = (value: unknown): number =>
  Array.isArray(value)
    ? Math.max(value.length, ...value.map(longestArray))
    : value && typeof value === 'object'
      ? Math.max(0, ...Object.values(value).map(longestArray))
      : 0;

describe('chart specs compile with vega-lite without warnings', () => {
  it('every chart of a park, in English and Chinese, and the scenario comparison', async () => {
    const fixture = await chartResults();
    const other = await chartResults(2);
    const seed = await seedResults();
    const specs: Array<[string, TopLevelSpec]> = [];
    for (const lang of ['en', 'zh'] as const) {
      for (const results of [fixture, seed]) {
        for (const chart of parkCharts({ simulation: results.simulation, projection: results.projection }, lang))
          specs.push([`${lang} ${results.scenario.park.id} ${chart.id}`, chart.spec]);
      }
      specs.push([
        `${lang} comparison`,
        scenarioComparisonChart(
          [
            { label: 'A', result: fixture.simulation },
            { label: 'B', result: other.simulation },
          ],
          { lang },
        ),
      ]);
    }
    expect(specs.length).toBeGreaterThan(40);
    for (const [name, spec] of specs) {
      const { warnings } = await compileChart(spec);
      expect(warnings, name).toEqual([]);
    }
  });

  it('embed only summaries: no array longer than the 101 percentiles, and small specs', async () => {
    const { simulation, projection } = await seedResults();
    for (const chart of parkCharts({ simulation, projection })) {
      expect(longestArray(chart.spec), chart.id).toBeLessThanOrEqual(101);
      expect(JSON.stringify(chart.spec).length, chart.id).toBeLessThan(20_000);
    }
  });
});

describe('tooltips', () => {
  it('every tooltip value of a seed park’s charts carries its unit, in its title or its format; only plain counts go without', async () => {
    for (const name of ['jinyang-lake', 'chongqing-liangjiang']) {
      const { simulation, projection } = await seedResults(name);
      const unitOf = (chart: { kind: string; subject?: string }) =>
        chart.kind === 'fan'
          ? simulation.metrics.find((m) => m.name === chart.subject)?.unit
          : chart.kind === 'deadlineDistribution'
            ? simulation.targets.find((t) => t.id === chart.subject)?.unit
            : undefined;
      for (const lang of ['en', 'zh'] as const) {
        let checked = 0;
        for (const chart of parkCharts({ simulation, projection }, lang)) {
          const tips = units(chart.spec).flatMap(
            (l) => (l.encoding?.tooltip as unknown as Array<{ field: string; type: string; title?: string; format?: string }>) ?? [],
          );
          for (const tip of tips.filter((t) => t.type === 'quantitative' && t.field !== 'year')) {
            checked++;
            const hasUnit = /\(.+\)$/.test(tip.title ?? '') || (tip.format ?? '').endsWith('%');
            const plainCount = unitOf(chart) === 'count';
            expect(hasUnit || plainCount, `${name} ${lang} ${chart.id} ${tip.field} "${tip.title}"`).toBe(true);
          }
        }
        expect(checked).toBeGreaterThan(50);
      }
    }
  });
});

describe('fan chart', () => {
  it('draws the 5-95 and 25-75 bands first, then the median, the nominal case above them, the base-year point and the target at its deadline', async () => {
    const { simulation, projection } = await chartResults();
    const layers = units(fanChart({ simulation, projection, metric: 'output' }));
    const [band90, band50, median, nominal, nominalPoints, base] = layers;
    expect([markType(band90), band90.encoding?.y?.field, band90.encoding?.y2?.field]).toEqual(['area', 'p5', 'p95']);
    expect([markType(band50), band50.encoding?.y?.field, band50.encoding?.y2?.field]).toEqual(['area', 'p25', 'p75']);
    expect([markType(median), median.encoding?.y?.field]).toEqual(['line', 'p50']);
    expect([markType(nominal), nominal.encoding?.y?.field]).toEqual(['line', 'deterministic']);
    expect([markType(nominalPoints), nominalPoints.encoding?.y?.field]).toEqual(['point', 'deterministic']);
    expect(markType(base)).toBe('point');
    // Billions of yuan: the baseline 12e9 is 12 on the axis, the target 20e9 is 20, at 2026.
    expect(base.rows).toEqual([expect.objectContaining({ year: 2022, value: 12 })]);
    const target = layers.find((l) => markType(l) === 'point' && l.encoding?.y?.field === 'level');
    expect(target?.rows).toEqual([expect.objectContaining({ year: 2026, level: 20, text: 'at least 20 billion yuan in 2026' })]);
    expect(band90.encoding?.y?.title).toBe('Billion yuan');
    // Quantiles per year, scaled to the axis unit.
    const metric = simulation.metrics.find((m) => m.name === 'output');
    expect(band90.rows.map((r) => r.p95)).toEqual(metric?.years.map((y) => Number(((y.quantiles?.p95 ?? 0) * 1e-9).toPrecision(6))));
  });

  it('puts a runningTotal target at the baseline plus the threshold, and a between target as a bar from low to high', async () => {
    const { simulation, projection } = await chartResults();
    const layers = units(fanChart({ simulation, projection, metric: 'firms' }));
    const points = layers.find((l) => markType(l) === 'point' && l.encoding?.y?.field === 'level');
    // Baseline 40: at least 50 more by 2025 is 90; 20 to 40 more by 2024 is 60 to 80.
    expect(points?.rows.map((r) => [r.year, r.level])).toEqual([
      [2025, 90],
      [2024, 60],
      [2024, 80],
    ]);
    const range = layers.find((l) => markType(l) === 'rule');
    expect(range?.rows).toEqual([expect.objectContaining({ year: 2024, low: 60, high: 80 })]);
  });

  it('lists a target on a sum over years under the title without drawing it; uses 亿元 in Chinese', async () => {
    const { simulation, projection } = await chartResults();
    const spec = fanChart({ simulation, projection, metric: 'tax' }, { lang: 'zh' }) as unknown as { title: { subtitle: string[] } };
    expect(spec.title.subtitle.join(' ')).toContain('Tax of 1 billion yuan over 2023-2026');
    const layers = units(spec as unknown as TopLevelSpec);
    expect(layers.some((l) => l.encoding?.y?.field === 'level')).toBe(false);
    expect(layers[0].encoding?.y?.title).toBe('亿元');
  });

  it('throws for an unknown metric', async () => {
    const { simulation } = await chartResults();
    expect(() => fanChart({ simulation, metric: 'nope' })).toThrow(RangeError);
  });

  it('draws the nominal case above the bands and the median, dashed and orange with points, named in both languages', async () => {
    const { simulation, projection } = await chartResults();
    for (const [lang, name] of [
      ['en', 'Nominal case'],
      ['zh', '名义情景'],
    ] as const) {
      const layers = units(fanChart({ simulation, projection, metric: 'output' }, { lang }));
      const index = (predicate: (l: Layer) => boolean) => layers.findIndex(predicate);
      const nominal = index((l) => markType(l) === 'line' && l.encoding?.y?.field === 'deterministic');
      const median = index((l) => markType(l) === 'line' && l.encoding?.y?.field === 'p50');
      const lastBand = Math.max(...layers.flatMap((l, i) => (markType(l) === 'area' ? [i] : [])));
      expect(nominal, lang).toBeGreaterThan(median);
      expect(median, lang).toBeGreaterThan(lastBand);
      expect(
        index((l) => markType(l) === 'point' && l.encoding?.y?.field === 'deterministic'),
        lang,
      ).toBeGreaterThan(median);
      // The dash and the colour come from the line legend's scales: the nominal case's entry is dashed and not the median's colour.
      const stroke = layers[median].encoding?.stroke as unknown as { scale: { domain: string[]; range: string[] } };
      const dash = layers[median].encoding?.strokeDash as unknown as { scale: { domain: string[]; range: number[][] } };
      expect(stroke.scale.domain, lang).toEqual([lang === 'en' ? 'Median' : '中位数', name]);
      expect(stroke.scale.range[1]).toBe(COLORS.deterministic);
      expect(stroke.scale.range[1]).not.toBe(stroke.scale.range[0]);
      expect(dash.scale.range[0]).toEqual([1, 0]);
      expect(dash.scale.range[1].length).toBeGreaterThan(1);
      expect(dash.scale.range[1][1]).toBeGreaterThan(0);
      const lineOf = (l: Layer) => (l as { transform?: Array<{ calculate: string }> }).transform?.[0]?.calculate;
      expect(lineOf(layers[nominal])).toBe(JSON.stringify(name));
      expect(layers[nominal].encoding?.stroke?.field).toBe('line');
      expect(layers[nominal].encoding?.strokeDash?.field).toBe('line');
    }
  });

  it('legends draw lines as lines and only the bands as squares (compiled to Vega)', async () => {
    const { simulation, projection } = await chartResults();
    const { spec } = await compileChart(fanChart({ simulation, projection, metric: 'output' }));
    const legends = (spec.legends ?? []) as Array<{ symbolType?: string; stroke?: string; fill?: string; strokeDash?: string; shape?: string }>;
    const lines = legends.find((l) => l.stroke !== undefined);
    const bands = legends.find((l) => l.fill !== undefined && l.stroke === undefined);
    expect(lines?.symbolType).toBe('stroke');
    expect(lines?.strokeDash).toBeDefined();
    expect(bands?.symbolType).toBe('square');
    // Three legends: bands, lines, the target's diamond; none mixes a line with a band.
    expect(legends).toHaveLength(3);
  });

  it('ticks a count axis at whole numbers only, even on a small range', async () => {
    const { simulation, projection } = await seedResults('chongqing-liangjiang');
    const small = simulation.metrics.find((m) => m.unit === 'count' && (m.years.at(-1)?.quantiles?.p95 ?? Infinity) <= 10);
    expect(small, 'a count metric with a small range in the seed').toBeDefined();
    const layers = units(fanChart({ simulation, projection, metric: small?.name ?? '' }));
    const y = layers[0].encoding?.y as unknown as { axis: { tickMinStep?: number; format?: string } };
    expect(y.axis).toEqual({ tickMinStep: 1, format: ',d' });
    // The rendered axis shows no fractional tick.
    const svg = await renderSvg(fanChart({ simulation, projection, metric: small?.name ?? '' }));
    const labels = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((t) => t[1]).filter((t) => /^-?[\d.,]+$/.test(t));
    expect(labels.length).toBeGreaterThan(3);
    expect(labels.filter((t) => t.includes('.'))).toEqual([]);
    // Billions of yuan keep their decimals.
    const output = units(fanChart({ simulation, projection, metric: simulation.metrics.find((m) => m.unit === 'yuan')?.name ?? '' }));
    const outputY = output[0].encoding?.y as unknown as { axis: object };
    expect(outputY.axis).toEqual({});
  });

  it('every fan-chart tooltip value carries its unit in its title', async () => {
    const { simulation, projection } = await chartResults();
    for (const [lang, unit] of [
      ['en', '(billion yuan)'],
      ['zh', '(亿元)'],
    ] as const) {
      const layers = units(fanChart({ simulation, projection, metric: 'output' }, { lang }));
      const tips = layers.flatMap((l) => (l.encoding?.tooltip as unknown as Array<{ field: string; type: string; title: string }>) ?? []);
      const values = tips.filter((t) => t.type === 'quantitative' && t.field !== 'year');
      expect(values.length).toBeGreaterThan(6);
      for (const t of values) expect(t.title, `${lang} ${t.field}`).toContain(unit);
    }
    const share = units(fanChart({ simulation, projection, metric: 'taxShare' }));
    const shareTips = share
      .flatMap((l) => (l.encoding?.tooltip as unknown as Array<{ field: string; type: string; title: string }>) ?? [])
      .filter((t) => t.type === 'quantitative' && t.field !== 'year');
    expect(shareTips.length).toBeGreaterThan(6);
    for (const t of shareTips) expect(t.title).toMatch(/\(%\)$/);
  });
});

describe('target probabilities', () => {
  it('one bar per target and one for all official targets, with Wilson intervals as error bars and rules at 50% and 80%', async () => {
    const { simulation } = await chartResults();
    const layers = units(targetProbabilitiesChart(simulation));
    const bars = layers.find((l) => markType(l) === 'bar');
    expect(bars?.rows.map((r) => r.probability)).toEqual([...simulation.targets.map((t) => t.probability), simulation.joint.probability]);
    const errorBar = layers.find((l) => markType(l) === 'rule' && l.encoding?.x2);
    expect(errorBar?.encoding?.x?.field).toBe('low');
    expect(errorBar?.rows.map((r) => [r.low, r.high])).toEqual([...simulation.targets.map((t) => [...t.interval]), [...simulation.joint.interval]]);
    const references = layers.find((l) => markType(l) === 'rule' && !l.encoding?.x2);
    expect(references?.rows.map((r) => r.at)).toEqual([0.5, 0.8]);
    expect(bars?.rows.at(-1)?.category).toBe('All 4 official targets together');
    expect(new Set(bars?.rows.map((r) => r.kind))).toEqual(new Set(['Official target', 'Stretch goal', 'All official targets']));
  });
});

/** The scenegraph items of a chart as drawn (headless vega), with their mark type and absolute bounds. */
async function drawnItems(
  chart: TopLevelSpec,
): Promise<Array<{ type: string; text?: string; role?: string; dashed: boolean; x1: number; x2: number; y1: number; y2: number }>> {
  const { spec } = await compileChart(chart);
  const vega = await import('vega');
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  await view.runAsync();
  const out: Array<{ type: string; text?: string; role?: string; dashed: boolean; x1: number; x2: number; y1: number; y2: number }> = [];
  type Node = {
    marktype?: string;
    role?: string;
    items?: Node[];
    x?: number;
    y?: number;
    text?: unknown;
    strokeDash?: unknown;
    bounds?: { x1: number; x2: number; y1: number; y2: number };
  };
  const walk = (node: Node, dx: number, dy: number, type?: string, role?: string) => {
    for (const item of node.items ?? []) {
      if (item.marktype !== undefined) walk(item, dx, dy, item.marktype, item.role);
      else if (type === 'group') walk(item, dx + (item.x ?? 0), dy + (item.y ?? 0));
      else if (type !== undefined && item.bounds)
        out.push({
          type,
          role,
          text: item.text === undefined ? undefined : String(item.text),
          dashed: item.strokeDash !== undefined,
          x1: item.bounds.x1 + dx,
          x2: item.bounds.x2 + dx,
          y1: item.bounds.y1 + dy,
          y2: item.bounds.y2 + dy,
        });
    }
  };
  walk((view.scenegraph() as unknown as { root: Node }).root, 0, 0, 'group');
  view.finalize();
  return out;
}

describe('target probabilities: labels clear of the rules', () => {
  it('no value label overlaps the 50% or 80% rule, on the seed parks (drawn by vega)', async () => {
    for (const name of ['jinyang-lake', 'chongqing-liangjiang']) {
      const { simulation } = await seedResults(name);
      const other = await seedResults(name === 'jinyang-lake' ? 'chongqing-liangjiang' : 'jinyang-lake');
      for (const [lang, chart, count] of [
        ['en', targetProbabilitiesChart(simulation), simulation.targets.length + 1],
        ['zh', targetProbabilitiesChart(simulation, { lang: 'zh' }), simulation.targets.length + 1],
        // The comparison chart draws the same rules; two results of one park, so every target has two bars.
        [
          'en comparison',
          scenarioComparisonChart([
            { label: 'A', result: simulation },
            { label: 'B', result: { ...simulation, targets: simulation.targets.map((t) => ({ ...t, probability: other.simulation.targets[0].probability })) } },
          ]),
          2 * (simulation.targets.length + 1),
        ],
      ] as const) {
        const items = await drawnItems(chart);
        // The dashed vertical rules at 50% and 80% (axis grid lines are solid).
        const rules = items.filter((i) => i.type === 'rule' && i.dashed && i.x2 - i.x1 < 4 && i.y2 - i.y1 > 100);
        expect(rules, `${name} ${lang}`).toHaveLength(2);
        const labels = items.filter(
          (i) => i.type === 'text' && i.role === 'mark' && /^[<>]?\d+(\.\d)?%$/.test(i.text ?? '') && !['50%', '80%'].includes(i.text ?? ''),
        );
        expect(labels.length, `${name} ${lang}`).toBe(count);
        for (const label of labels)
          for (const rule of rules) {
            const crosses = label.x1 <= rule.x2 && label.x2 >= rule.x1 && label.y1 <= rule.y2 && label.y2 >= rule.y1;
            expect(crosses, `${name} ${lang} ${label.text} against the rule at x=${rule.x1}`).toBe(false);
          }
      }
    }
  });
});

describe('distribution at the deadline (exceedance curve)', () => {
  it('draws P(value ≥ x) from the 101 percentiles, the threshold rule and the target point at P(met)', async () => {
    const { simulation, projection } = await chartResults();
    const target = simulation.targets.find((t) => t.id === 'output-20bn');
    const layers = units(deadlineDistributionChart(simulation, 'output-20bn', { projection }));
    const curve = layers.find((l) => markType(l) === 'line');
    expect(curve?.rows).toHaveLength(101);
    expect(curve?.rows[0]).toEqual({ value: Number(((target?.measured.percentiles[0] ?? 0) * 1e-9).toPrecision(6)), exceed: 1 });
    expect(curve?.rows[100].exceed).toBe(0);
    const rules = layers.filter((l) => markType(l) === 'rule');
    expect(rules.flatMap((l) => l.rows.map((r) => r.value))).toContain(20);
    const point = layers.find((l) => markType(l) === 'point');
    expect(point?.rows).toEqual([expect.objectContaining({ value: 20, exceed: Number(target?.probability.toFixed(4)) })]);
  });

  it('for a "less than" target the point is at 1 - P(met) and the region below the threshold is shaded', async () => {
    const { simulation } = await chartResults();
    const target = simulation.targets.find((t) => t.id === 'tax-share');
    const layers = units(deadlineDistributionChart(simulation, 'tax-share'));
    const region = layers.find((l) => markType(l) === 'rect');
    expect(region?.rows[0].to).toBe(2.5);
    const point = layers.find((l) => markType(l) === 'point');
    expect(point?.rows[0].exceed).toBeCloseTo(1 - (target?.probability ?? 0), 4);
  });

  it('reads exceedance off percentiles, with steps for counts', () => {
    const percentiles = Array.from({ length: 101 }, (_, k) => k);
    expect(exceedanceAt(percentiles, -1)).toBe(1);
    expect(exceedanceAt(percentiles, 25)).toBeCloseTo(0.75);
    expect(exceedanceAt(percentiles, 25.5)).toBeCloseTo(0.745);
    expect(exceedanceAt(percentiles, 101)).toBe(0);
    const counts = [...Array(30).fill(0), ...Array(71).fill(1)];
    expect(exceedanceAt(counts, 1)).toBeCloseTo(0.7);
  });

  it('throws for an unknown target', async () => {
    const { simulation } = await chartResults();
    expect(() => deadlineDistributionChart(simulation, 'nope')).toThrow(RangeError);
  });
});

describe('first year reached', () => {
  it('splits each target’s trials by first year met and “not by the end year”, summing to one', async () => {
    const { simulation } = await chartResults();
    const spec = firstYearReachedChart(simulation) as unknown as { data: { values: Array<{ target: string; share: number; when: string }> } };
    for (const t of simulation.targets) {
      const shares = spec.data.values.filter((r) => r.target === t.label);
      expect(shares.reduce((sum, r) => sum + r.share, 0)).toBeCloseTo(1, 9);
    }
    expect(spec.data.values.some((r) => r.when === 'Not by 2026')).toBe(true);
  });

  it('colours only the years up to each deadline as met; a first year after it is late, in a colour of its own', async () => {
    const scenario = await parseScenario(
      baseScenario({
        horizon: { baseYear: 2022, endYear: 2027 },
        metrics: { output: { unit: 'yuan', baseline: 1e9, process: { type: 'growth', drift: 0.08, volatility: 0.1 } } },
        targets: [
          {
            id: 'early',
            label: 'Average growth of 15% by 2024',
            metric: 'output',
            comparison: '>=',
            threshold: 0.15,
            deadline: 2024,
            measure: 'averageGrowth',
          },
        ],
      }),
    );
    const simulation = await simulate(scenario, { trials: 4096, seed: 1 });
    const spec = firstYearReachedChart(simulation) as unknown as {
      data: { values: Array<{ share: number; when: string }> };
      layer: Array<{ encoding: { color: { scale: { domain: string[]; range: string[] } } } }>;
    };
    const t = simulation.targets[0];
    expect(t.firstYearMet.late).toBeGreaterThan(0);
    const coloured = spec.data.values.filter((r) => /^\d{4}$/.test(r.when));
    expect(coloured.every((r) => Number(r.when) <= 2024)).toBe(true);
    expect(spec.data.values.find((r) => r.when === 'Late (only after the deadline)')?.share).toBe(t.firstYearMet.late);
    expect(spec.layer[0].encoding.color.scale.domain).toEqual(['2023', '2024', 'Late (only after the deadline)', 'Not by 2027']);
    expect(spec.layer[0].encoding.color.scale.range[2]).toBe(COLORS.late);
  });

  it('marks on each bar the share that meets the target at its deadline, below the years where a level reached early is lost again', async () => {
    const { simulation } = await seedResults('chongqing-liangjiang');
    for (const lang of ['en', 'zh'] as const) {
      const layers = units(firstYearReachedChart(simulation, { lang }));
      const ticks = layers.find((l) => markType(l) === 'tick');
      expect(ticks?.rows.map((r) => r.probability)).toEqual(simulation.targets.map((t) => t.probability));
      expect(ticks?.rows[0].label).toBe(lang === 'en' ? 'Met at the deadline' : '期限时达标');
      // No year after a deadline is coloured as a year: those trials are late.
      const bars = layers.find((l) => markType(l) === 'bar');
      for (const t of simulation.targets)
        for (const row of bars?.rows.filter((r) => r.target === t.label && /^\d{4}$/.test(String(r.when))) ?? [])
          expect(Number(row.when), t.id).toBeLessThanOrEqual(t.deadline);
    }
    // A range target ("two to three listed companies"): reached early and overshot, so its years add up to more than its odds.
    const range = simulation.targets.find((t) => t.comparison === 'between');
    expect(range, 'a between target in the seed').toBeDefined();
    const reached = range?.firstYearMet.byYear.reduce((sum, y) => sum + y.probability, 0) ?? 0;
    expect(reached).toBeGreaterThan((range?.probability ?? 1) + 0.05);
  });
});

describe('the units of relative measures', () => {
  it('shows a rate as a percentage, a ratio as a multiple and points as points', () => {
    expect(formatQuantity(0.15, 'rate', 'en')).toBe('15.0%');
    expect(formatQuantity(2, 'ratio', 'en')).toBe('2×');
    expect(formatQuantity(2.345, 'ratio', 'zh')).toBe('2.35 倍');
    expect(formatQuantity(2, 'points', 'en')).toBe('2.0 points');
    expect(formatQuantity(-1.5, 'points', 'zh')).toBe('-1.5 个百分点');
  });

  it('titles each axis with its quantity and unit: a growth rate is not a share, a ratio is a multiple of the base year', async () => {
    const scenario = await parseScenario(
      baseScenario({
        parameters: { drift: { distribution: { dist: 'normal', mean: 0.1, sd: 0.02 }, basis: 'assumed', reason: 'test' } },
        metrics: {
          output: { unit: 'yuan', baseline: 1e9, process: { type: 'growth', drift: 'drift', volatility: 0.05 } },
          growth: { unit: 'rate', label: 'Growth on the year before', process: { type: 'derived', expression: 'exp(drift) - 1' } },
          multiple: { unit: 'ratio', label: 'Output over the base year', process: { type: 'derived', expression: 'output / 1e9' } },
        },
        targets: [{ id: 'growth-10pct', label: 'Growth of 10% in 2025', metric: 'growth', comparison: '>=', threshold: 0.1, deadline: 2025 }],
      }),
    );
    const simulation = await simulate(scenario, { trials: 500, seed: 1 });
    const projection = await project(scenario);
    const yTitle = (metric: string, lang: 'en' | 'zh') => units(fanChart({ simulation, projection, metric }, { lang }))[0].encoding?.y?.title;
    expect(yTitle('growth', 'en')).toBe('Growth rate (%)');
    expect(yTitle('growth', 'zh')).toBe('增速 (%)');
    expect(yTitle('multiple', 'en')).toBe('Multiple of the base year (×)');
    expect(yTitle('multiple', 'zh')).toBe('为基准年的倍数 (倍)');
    for (const lang of ['en', 'zh'] as const) expect(String(yTitle('growth', lang))).not.toMatch(/Share|比例/);
    // The distribution of one year's growth names it too.
    const xTitle = (lang: 'en' | 'zh') => units(deadlineDistributionChart(simulation, 'growth-10pct', { lang }))[0].encoding?.x?.title;
    expect(xTitle('en')).toBe('Growth rate in 2025 (%)');
    expect(xTitle('zh')).toBe('2025 年增速 (%)');
  });

  it('draws an average-growth target on a percentage axis at its threshold', async () => {
    const scenario = await parseScenario(
      baseScenario({
        metrics: { output: { unit: 'yuan', baseline: 1e9, process: { type: 'growth', drift: 0.1, volatility: 0.1 } } },
        targets: [{ id: 'growth', label: '12% a year', metric: 'output', comparison: '>=', threshold: 0.12, deadline: 2025, measure: 'averageGrowth' }],
      }),
    );
    const simulation = await simulate(scenario, { trials: 4096, seed: 1 });
    const layers = units(deadlineDistributionChart(simulation, 'growth'));
    const rule = layers.find((l) => markType(l) === 'rule');
    expect(rule?.rows).toEqual([{ value: 12 }]);
    expect(JSON.stringify(deadlineDistributionChart(simulation, 'growth'))).toContain('"title":"Average yearly growth 2022–2025 (%)"');
  });
});

describe('scenario comparison', () => {
  it('one bar per result and target, side by side, joint included', async () => {
    const a = (await chartResults(1)).simulation;
    const b = (await chartResults(2)).simulation;
    const layers = units(
      scenarioComparisonChart([
        { label: 'As planned', result: a },
        { label: 'Another seed', result: b },
      ]),
    );
    const bars = layers.find((l) => markType(l) === 'bar');
    expect(bars?.rows).toHaveLength(2 * (a.targets.length + 1));
    expect(bars?.rows.filter((r) => r.scenario === 'Another seed').map((r) => r.probability)).toEqual([
      ...b.targets.map((t) => t.probability),
      b.joint.probability,
    ]);
    expect(() => scenarioComparisonChart([])).toThrow(RangeError);
  });
});

describe('wrapText', () => {
  it('breaks at spaces, and between Chinese characters', () => {
    expect(wrapText('More than 100 enterprises introduced within three years', 25)).toEqual(['More than 100 enterprises', 'introduced within three', 'years']);
    expect(wrapText('晋阳湖数字经济产业园', 10)).toEqual(['晋阳湖数字', '经济产业园']);
  });
});
