import { describe, expect, it } from 'vitest';
import { parkCharts } from '../../src/charts/index.js';
import { loadScenario, project, simulate } from '../../src/index.js';
import { buildReport, reportMarkdown } from '../../src/report/index.js';

const exampleFile = new URL('../../examples/annual-work-plan-ensure-strive.json', import.meta.url).pathname;

async function exampleResults() {
  const scenario = await loadScenario(exampleFile);
  const [projection, simulation] = await Promise.all([project(scenario), simulate(scenario, { trials: 4096, seed: 11 })]);
  return { scenario, projection, simulation };
}

describe('a 确保/力争 plan written in 亿元 and 亩, with Chinese labels and helper metrics', () => {
  it('the Chinese report shows the Chinese labels of targets, metrics and assumptions, and figures in the units the source used', async () => {
    const input = await exampleResults();
    const report = buildReport({ ...input, lang: 'zh' });
    const markdown = reportMarkdown(report);
    for (const target of input.scenario.targets) expect(markdown).toContain(target.labelZh as string);
    for (const name of ['revenueDrift', 'newJobsRate', 'acquisitionShare']) expect(markdown).toContain(input.scenario.parameters[name].labelZh as string);
    expect(report.targets.find((t) => t.id === 'land-500-mu')?.threshold).toBe('2024 年不低于 500 亩');
    expect(report.targets.find((t) => t.id === 'revenue-100-160')?.threshold).toBe('2024 年不低于 100 亿元');
    expect(report.targets.find((t) => t.id === 'revenue-100-160:strive')).toMatchObject({ threshold: '2024 年不低于 160 亿元', kind: '力争' });
    expect(report.otherJoints.map((j) => j.label)).toEqual(['全部 3 项力争目标同时实现', '收入与税收同时达到确保目标']);
    const fanTitles = report.charts.filter((c) => c.kind === 'fan').map((c) => (c.spec as { title: { text: string[] } }).title.text.join(''));
    expect(fanTitles).toEqual(['主营业务收入', '税收', '新增就业', '年内征地面积']);
    // The English report keeps the English labels.
    const english = buildReport({ ...input, lang: 'en' });
    expect(english.targets[0].label).toBe('Main business revenue: ensure 10 bn yuan, strive for 16 bn');
    expect(english.targets.find((t) => t.id === 'land-500-mu')?.threshold).toBe('at least 500 mu in 2024');
  });

  it('the headline speaks of the ensure levels only: the hardest target named is never a strive level', async () => {
    const input = await exampleResults();
    for (const lang of ['en', 'zh'] as const) {
      const report = buildReport({ ...input, lang });
      const hardest = [...input.simulation.targets].sort((a, b) => a.probability - b.probability)[0];
      const hardestStrive = Math.min(...input.simulation.targets.flatMap((t) => (t.strive ? [t.strive.probability] : [])));
      // The strive levels are harder still, yet the headline names the hardest ensure level.
      expect(hardestStrive).toBeLessThan(hardest.probability);
      const line = report.headline.lines.find((l) => l.includes(lang === 'zh' ? '最难' : 'hardest')) as string;
      expect(line).toContain(lang === 'zh' ? hardest.labelZh : hardest.label);
      expect(report.headline.lines.join(' ')).not.toMatch(/strive level|（力争）/);
      expect(report.headline.lines[0]).toContain(lang === 'zh' ? '全部 4 项官方目标' : 'all 4 official targets');
    }
  });

  it('the strive rows give P(strive) and P(ensure but not strive) from the simulation', async () => {
    const input = await exampleResults();
    const report = buildReport({ ...input, lang: 'en' });
    const jobs = input.simulation.targets.find((t) => t.id === 'jobs-3000-5000');
    const ensureOnly = report.targets.find((t) => t.id === 'jobs-3000-5000:ensure-only');
    expect(ensureOnly?.probability).toBe(jobs?.strive?.ensureOnly.probability);
    expect(ensureOnly?.label).toBe('New jobs: ensure 3,000, strive for 5,000: ensure met, strive missed');
    expect(report.targets.find((t) => t.id === 'jobs-3000-5000')?.kind).toBe('official (ensure)');
  });

  it('helper metrics stay out of the charts but still feed the metrics that read them', async () => {
    const input = await exampleResults();
    const helpers = Object.entries(input.scenario.metrics)
      .filter(([, m]) => m.helper === true)
      .map(([name]) => name);
    expect(helpers).toEqual(['taxRate', 'plannedAcquisition']);
    for (const lang of ['en', 'zh'] as const) {
      const charts = parkCharts({ simulation: input.simulation, projection: input.projection }, lang);
      const fans = charts.filter((c) => c.kind === 'fan').map((c) => c.subject);
      expect(fans).toEqual(['revenue', 'tax', 'newJobs', 'landAcquired']);
      for (const chart of charts) for (const helper of helpers) expect(JSON.stringify(chart.spec)).not.toContain(helper);
    }
    // Tax is revenue times the helper's share: the helper works in the expression.
    const tax = input.projection.metrics.find((m) => m.name === 'tax')?.values[1] as number;
    const revenue = input.projection.metrics.find((m) => m.name === 'revenue')?.values[1] as number;
    const share = input.projection.metrics.find((m) => m.name === 'taxRate')?.values[1] as number;
    expect(tax).toBe(revenue * share);
    expect(input.projection.metrics.find((m) => m.name === 'taxRate')?.helper).toBe(true);
  });
});
