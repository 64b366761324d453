import { describe, expect, it } from 'vitest';
import { distributionQuantile } from '../../src/assumptions/distributionQuantile.js';
import { scenarioAssumptions } from '../../src/assumptions/scenarioAssumptions.js';
import { growthNeeded, parseScenario, project, sensitivity, simulate } from '../../src/index.js';
import { honestProbability, percentText } from '../../src/report/answer.js';
import {
  ASSUMPTIONS_CSV_COLUMNS,
  assumptionsCsv,
  buildReport,
  METRICS_CSV_COLUMNS,
  metricsCsv,
  RESULTS_CSV_COLUMNS,
  reportsIndexHtml,
  resultsCsv,
} from '../../src/report/index.js';
import { chartResults, chartScenarioInput } from '../charts/results.js';

/** RFC 4180 CSV into rows of fields: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += ch;
  }
  return rows;
}

describe('small numbers honestly', () => {
  it('a target no trial met shows the upper bound of its interval, never "0.0%"', async () => {
    const input = chartScenarioInput();
    const scenario = await parseScenario({ ...input, targets: (input.targets ?? []).map((t, i) => (i === 0 ? { ...t, threshold: 1e15 } : t)) });
    const [projection, simulation] = await Promise.all([project(scenario), simulate(scenario, { trials: 20_000, seed: 1 })]);
    const target = simulation.targets[0];
    expect(target.hits).toBe(0);
    const row = buildReport({ scenario, projection, simulation }).targets[0];
    const bound = /^below ([\d.]+)%$/.exec(row.probabilityText);
    expect(bound).not.toBeNull();
    // The bound is the interval's upper end rounded up, to two significant digits.
    expect(Number(bound?.[1]) / 100).toBeGreaterThanOrEqual(target.interval[1]);
    expect(Number(bound?.[1]) / 100).toBeLessThan(target.interval[1] * 1.1);
    expect(row.interval).not.toMatch(/0\.0%–0\.0%/);
    expect(honestProbability(1, [1 - target.interval[1], 1], 'zh')).toMatch(/^高于 99\.9\d*%$/);
  });

  it('a share one decimal would round to 0.0% or 100.0% keeps two significant digits', () => {
    expect(percentText(0.00012)).toBe('0.012%');
    expect(percentText(0.99999)).not.toBe('100.0%');
    expect(percentText(0.445)).toBe('44.5%');
  });
});

describe('the answer first', async () => {
  const { scenario, projection, simulation } = await chartResults();
  const [tornado, growth] = await Promise.all([sensitivity(scenario, { trials: 500, seed: 1, sobol: false }), growthNeeded(scenario)]);
  const finding = {
    severity: 'error',
    confidence: 'high',
    code: 'test_error',
    message: 'The output baseline looks 100 times too large.',
    figures: ['output-20bn'],
  };
  const report = buildReport({ scenario, projection, simulation, tornado, growth, findings: [finding] });

  it('has one item per target, with its odds, its nominal value and what it would take', () => {
    expect(report.answer.items.map((i) => i.id)).toEqual(simulation.targets.map((t) => t.id));
    const output = report.answer.items[0];
    const projected = projection.targets[0];
    expect(output.takes).toContain(`${((projected.requiredGrowthRate as number) * 100).toFixed(1)}%`);
    expect(output.nominal).toMatch(/billion yuan/);
  });

  it('names the drivers that move the odds most, with the tornado’s probabilities at the 10th and 90th percentile', () => {
    for (const item of report.answer.items) {
      const bars = tornado.targets.find((t) => t.id === item.id)?.tornado ?? [];
      expect(item.drivers.length).toBeLessThanOrEqual(3);
      const swings = item.drivers.map((d) => Math.abs(d.highProbability - d.lowProbability));
      expect([...swings].sort((a, b) => b - a)).toEqual(swings);
      for (const d of item.drivers) {
        const bar = bars.find((b) => b.assumption === d.assumption);
        expect([d.lowProbability, d.highProbability]).toEqual([bar?.low.probability, bar?.high.probability]);
      }
    }
    expect(report.answer.items.some((i) => i.drivers.length > 0)).toBe(true);
  });

  it('gives the expected number of official targets met from the hit-count distribution', () => {
    const expected = simulation.officialHitCount.reduce((sum, h) => sum + h.k * h.probability, 0);
    expect(report.answer.expected).toContain(`${expected.toFixed(1)} of ${simulation.joint.targets.length}`);
  });

  it('puts a finding beside the target it names, and a high-confidence error in the headline', () => {
    expect(report.answer.items[0].findings).toEqual([finding.message]);
    expect(report.answer.items[1].findings).toEqual([]);
    expect(report.headline.lines[0]).toContain(finding.message);
  });

  it('shows the nominal case as a value, not a verdict', () => {
    for (const row of report.targets) expect(row.deterministic).not.toMatch(/met|missed/);
  });
});

describe('across parks', async () => {
  const { projection, simulation } = await chartResults();

  it('results.csv has a row per target and strive level with the simulation’s own numbers', () => {
    const lines = resultsCsv(projection, simulation).trimEnd().split('\r\n');
    expect(lines[0]).toBe(RESULTS_CSV_COLUMNS.join(','));
    const rows = lines.slice(1);
    expect(rows).toHaveLength(simulation.targets.length + simulation.targets.filter((t) => t.strive !== undefined).length);
    const probability = RESULTS_CSV_COLUMNS.indexOf('probability');
    // Labels in this fixture hold no commas or quotes past the first: split on the unquoted fields from the end.
    for (const [i, t] of simulation.targets.entries()) {
      const fields = rows[i].split(',');
      const fromEnd = RESULTS_CSV_COLUMNS.length - probability;
      expect(Number(fields[fields.length - fromEnd])).toBe(t.probability);
    }
  });

  it('metrics.csv and assumptions.csv hold the tables behind the fan charts and the assumptions, with the results’ own numbers', async () => {
    const metrics = parseCsv(metricsCsv(projection, simulation));
    expect(metrics[0]).toEqual([...METRICS_CSV_COLUMNS]);
    const rows = metrics.slice(1).map((r) => Object.fromEntries(METRICS_CSV_COLUMNS.map((c, i) => [c, r[i]])));
    expect(rows).toHaveLength(simulation.metrics.reduce((n, m) => n + m.years.length, 0));
    for (const metric of simulation.metrics) {
      const last = metric.years.at(-1);
      const row = rows.find((r) => r.metric === metric.name && Number(r.year) === last?.year);
      expect(Number(row?.p50)).toBe(last?.quantiles?.p50);
      expect(Number(row?.nominal)).toBe(projection.metrics.find((m) => m.name === metric.name)?.values.at(-1));
    }
    const { scenario } = await chartResults();
    const assumptions = parseCsv(assumptionsCsv(scenario, projection));
    expect(assumptions[0]).toEqual([...ASSUMPTIONS_CSV_COLUMNS]);
    expect(assumptions.slice(1).map((r) => r[1])).toEqual(scenarioAssumptions(scenario).map((a) => a.name));
    for (const row of assumptions.slice(1)) {
      const distribution = JSON.parse(row[3]);
      expect(Number(row[5])).toBe(distributionQuantile(distribution, 0.05));
      expect(Number(row[7])).toBe(distributionQuantile(distribution, 0.95));
    }
  });

  it('the index page links each park’s report and results.csv and shows each target’s odds', () => {
    const html = reportsIndexHtml([{ id: 'chart-park', name: 'Chart Park', projection, simulation, href: 'chart-park/report.html' }]);
    expect(html).toContain('href="chart-park/report.html"');
    expect(html).toContain('href="chart-park/results.csv"');
    for (const t of simulation.targets) expect(html).toContain(honestProbability(t.probability, t.interval, 'en'));
    expect(html).not.toMatch(/<script/);
  });

  it('the index page in Chinese: its words, the parks’ Chinese names, probabilities written the Chinese way', () => {
    const html = reportsIndexHtml([{ id: 'chart-park', name: 'Chart Park', nameZh: '图表园区', projection, simulation, href: 'chart-park/report.html' }], 'zh');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('各园区的目标及其实现概率');
    expect(html).toContain('>图表园区</a>');
    for (const t of simulation.targets) expect(html).toContain(honestProbability(t.probability, t.interval, 'zh'));
    expect(html).not.toMatch(/official together|Growth needed|a year</u);
  });
});
