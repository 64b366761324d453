import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/check/index.js';
import { reportCommand } from '../../src/cli/commands/report.js';
import { buildReport, likelihoodOf, REPORT_CSP, reportMarkdown, WHAT_IF_CSP, type WrittenReport, writeReport } from '../../src/report/index.js';
import { chartResults, chartScenarioInput, seedResults } from '../charts/results.js';
import { pngSize } from '../render/png.js';

const seedFile = new URL('../../seeds/jinyang-lake.json', import.meta.url).pathname;

describe('buildReport', () => {
  it('gives a headline verdict, the targets table, sourced figures beside assumptions, and the findings', async () => {
    const { scenario, projection, simulation } = await seedResults();
    const report = buildReport({ scenario, projection, simulation, findings: checkScenario(scenario) });
    expect(report.headline.lines[0]).toMatch(/^Meeting all 7 official targets together is (very unlikely|unlikely|a toss-up|likely|very likely): /);
    expect(report.headline.likelihood).toBe(likelihoodOf(simulation.joint.probability));
    expect(report.targets.map((t) => t.id)).toEqual(scenario.targets.map((t) => t.id));
    const revenue = report.targets.find((t) => t.id === 'enterprise-revenue-2023');
    // Just under its threshold: written with enough digits not to read as 10.00 billion.
    expect(revenue?.deterministic).toBe('9.996 billion yuan');
    expect(revenue?.deterministicMet).toBe(false);
    expect(revenue?.interval).toMatch(/^\d+\.\d%–\d+\.\d%$/);
    expect(report.joint?.label).toBe('All 7 official targets together');
    expect(report.assumed.find((f) => f.label.startsWith('Upstream and downstream enterprises introduced per year'))).toMatchObject({
      value: expect.stringMatching(/^about \d+ enterprises a year, 90% between 22 and 45$/),
      detail: expect.stringMatching(/^modelled as 90% between 22 and 45 enterprises per year \(lognormal\);.*Why: The plan's own pace/),
    });
    expect(report.sourced.find((f) => f.label === 'Annual revenue line for the incubation target')).toMatchObject({ value: '20 million yuan' });
    expect(report.findings).toEqual(checkScenario(scenario));
  });

  it('in Chinese: the park’s Chinese name, 亿元, and a report without findings says the check was not run', async () => {
    const { scenario, projection, simulation } = await seedResults();
    const report = buildReport({ scenario, projection, simulation, lang: 'zh' });
    expect(report.parkName).toBe('晋阳湖数字经济产业园');
    expect(report.targets.find((t) => t.id === 'output-value-30bn')?.threshold).toBe('2025 年超过 300 亿元');
    expect(report.findings).toBeNull();
    expect(reportMarkdown(report)).toContain('未运行数据检查。');
  });

  it('writes Markdown with the targets table and the charts as PNG images', async () => {
    const { scenario, projection, simulation } = await chartResults();
    const markdown = reportMarkdown(buildReport({ scenario, projection, simulation, findings: [{ severity: 'warning', message: 'A *figure* | looks odd' }] }));
    expect(markdown).toContain('| Target | Kind | Threshold | Nominal case | Probability | Interval | Typical first year |');
    expect(markdown).toContain('![Chance of meeting each target](charts/target-probabilities.png)');
    expect(markdown).toContain('A \\*figure\\* \\| looks odd');
    expect(markdown).toContain('At least 50 enterprises introduced by 2025 & kept \\<there\\>');
  });
});

describe('writeReport', () => {
  let written: WrittenReport;
  beforeAll(async () => {
    const { scenario } = await seedResults();
    written = await writeReport(scenario, { outDir: await mkdtemp(join(tmpdir(), 'parkcast-report-')), trials: 1000, seed: 3, file: seedFile });
  });

  it('writes report.html, report.md, results.json and each chart as .vl.json, .svg and .png, with no temporary files left', async () => {
    const top = (await readdir(written.outDir)).sort();
    expect(top).toEqual(['assumptions.csv', 'charts', 'metrics.csv', 'report.html', 'report.md', 'results.csv', 'results.json']);
    const charts = (await readdir(join(written.outDir, 'charts'))).sort();
    const expected = written.report.charts.flatMap((c) => [`${c.id}.png`, `${c.id}.svg`, `${c.id}.vl.json`]).sort();
    expect(charts).toEqual(expected);
    expect(written.report.charts.length).toBe(2 + 7 + 7);
    const png = await readFile(join(written.outDir, 'charts', 'target-probabilities.png'));
    expect(pngSize(png).width).toBeGreaterThan(600);
    const spec = JSON.parse(await readFile(join(written.outDir, 'charts', 'target-probabilities.vl.json'), 'utf8'));
    expect(spec.$schema).toContain('vega-lite');
  });

  it('results.json holds the projection, the simulation summary and the findings', async () => {
    const results = JSON.parse(await readFile(join(written.outDir, 'results.json'), 'utf8'));
    expect(results.simulation.meta).toMatchObject({ trials: 1000, seed: 3 });
    expect(results.projection.meta.kind).toBe('projection');
    expect(results.file).toBe(seedFile);
    expect(Array.isArray(results.findings)).toBe(true);
  });

  it('report.html is self-contained: the three libraries inlined, a CSP with no network, no outside address loaded', async () => {
    const html = await readFile(join(written.outDir, 'report.html'), 'utf8');
    // With the what-if section (the default): the engine's expression kernels need 'unsafe-eval'.
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${WHAT_IF_CSP}">`);
    expect(html).toMatch(/t\.version="6\.4\.0"/); // vega
    expect(html).toContain('vegaLite');
    expect(html).toContain('vegaEmbed');
    // The method's track record on the shipped past targets, beside the outside view.
    expect(html).toMatch(
      /<h3>How far to trust the method<\/h3><p>The same method, written with only what was known at the time, was scored on \d+ past government targets/,
    );
    // Outside the inlined code: no element that loads anything.
    const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '<script></script>');
    expect(markup.match(/<(script|link|img|iframe|object|embed)[^>]+(src|href|data)=/gi)).toBeNull();
    expect(/sourceMappingURL/.test(html)).toBe(false);
    expect(html.match(/data-spec="/g)).toHaveLength(written.report.charts.length);
    // The what-if section inlines the engine (about 1.2 MB).
    // The engine for the what-if section (1.2 MB), the three Vega libraries and every chart as inline SVG (for readers without scripts).
    expect(Buffer.byteLength(html)).toBeLessThan(3_000_000);
  });

  it('without the what-if section: the plain CSP, no engine, under 1.5 MB', async () => {
    const plain = await writeReport((await seedResults()).scenario, {
      outDir: await mkdtemp(join(tmpdir(), 'parkcast-report-')),
      trials: 500,
      pngScale: 1,
      whatIf: false,
    });
    const html = await readFile(join(plain.outDir, 'report.html'), 'utf8');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    expect(html).not.toContain('id="what-if"');
    expect(Buffer.byteLength(html)).toBeLessThan(1_500_000);
  });
});

describe('parkcast report (the command)', () => {
  it('writes the report where asked and says where; exit 0', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'parkcast-cmd-')), 'jinyang');
    const lines: string[] = [];
    const errors: string[] = [];
    const code = await reportCommand(seedFile, { out, trials: 500, seed: 'text seed', lang: 'zh' }, { out: (t) => lines.push(t), err: (t) => errors.push(t) });
    expect(code).toBe(0);
    expect(errors).toEqual([]);
    expect(lines[0]).toMatch(/report written to .*jinyang\/$/);
    expect(lines.join('\n')).toMatch(/report\.html +[\d,]+ KB/);
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<html lang="zh-CN"');
    expect(html).toContain('晋阳湖数字经济产业园');
  });

  it('an invalid scenario is invalid input (exit 1); an unknown language is wrong usage (exit 2)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parkcast-cmd-'));
    const io = { out: () => {}, err: () => {} };
    expect(await reportCommand(join(dir, 'missing.json'), { out: dir }, io)).toBe(1);
    expect(await reportCommand(seedFile, { out: dir, lang: 'fr' as never }, io)).toBe(2);
    expect(await readdir(dir)).toEqual([]);
  });

  it('the fixture scenario (every kind of target) writes without error', async () => {
    const { parseScenario } = await import('../../src/index.js');
    const scenario = await parseScenario(chartScenarioInput());
    const done = await writeReport(scenario, { outDir: await mkdtemp(join(tmpdir(), 'parkcast-report-')), trials: 500, pngScale: 1 });
    expect(done.files.some((f) => f.path === 'charts/distribution-tax-sum.png')).toBe(true);
    // An English page that shows no Chinese embeds no font (the scenario's Chinese labels are not shown).
    const html = await readFile(join(done.outDir, 'report.html'), 'utf8');
    expect(html).not.toContain('@font-face');
  });
});
