import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backtestCommand } from '../../src/cli/commands/backtest.js';
import { backtest, baseRate, getReferenceClass, parseScenario } from '../../src/index.js';

/**
 * Output = 100 · exp(g) after one year. With g fixed the run is certain; with g ~ uniform(0, 0.1),
 * P(output ≥ 100·e^0.06) = 0.4 exactly, and the deterministic projection (g at its median 0.05) misses.
 */
function oneYearPark(id: string, growth: unknown, threshold: number, actual: number, extra: Record<string, unknown> = {}) {
  return {
    park: { id, name: id, location: 'test' },
    sources: [{ id: 'ledger', headline: 'Test ledger', outlet: 'test' }],
    horizon: { baseYear: 2020, endYear: 2021 },
    parameters: { g: { distribution: growth, reason: 'test' } },
    metrics: { output: { unit: 'count', baseline: 100, process: { type: 'growth', drift: 'g' } } },
    targets: [{ id: 'output', label: 'Output target', metric: 'output', comparison: '>=', threshold, deadline: 2021, ...extra }],
    outcomes: [{ target: 'output', year: 2021, value: actual, source: 'ledger' }],
  };
}

const certainMet = oneYearPark('a-met', { dist: 'fixed', value: 0.05 }, 104, 106); // predicts 105.127, met; actual 106, met
const certainMissed = oneYearPark('b-missed', { dist: 'fixed', value: 0.05 }, 110, 104); // predicts 105.127, missed; actual 104, missed
const uncertain = oneYearPark('c-uncertain', { dist: 'uniform', min: 0, max: 0.1 }, 100 * Math.exp(0.06), 108, {
  referenceClass: 'cn-national-gdp-growth-target',
});

async function scenarios(docs: unknown[]) {
  return Promise.all(docs.map(async (doc, i) => ({ name: `s${i}`, scenario: await parseScenario(doc) })));
}

describe('backtest: proper scores on a hand-made folder', () => {
  it('three scenarios, scored by hand', async () => {
    const trials = 20000;
    const result = await backtest(await scenarios([certainMet, certainMissed, uncertain]), { trials, seed: 2 });
    expect(result.events.map((e) => [e.model === 1 || e.model === 0 ? e.model : 'p', e.deterministic, e.outcome])).toEqual([
      [1, 1, 1],
      [0, 0, 0],
      ['p', 0, 1],
    ]);
    const p = result.events[2].model;
    expect(Math.abs(p - 0.4)).toBeLessThan(4 * Math.sqrt((0.4 * 0.6) / trials));
    // Brier by hand: (0 + 0 + (1 − p)²) / 3.
    const model = result.scores.model.brier;
    expect(model?.brier).toBeCloseTo((1 - p) ** 2 / 3, 12);
    // The decomposition sums to the Brier score (Stephenson et al.'s form for binned forecasts).
    if (model === null || model === undefined) throw new Error('no Brier decomposition');
    expect(model.reliability - model.resolution + model.uncertainty + model.withinBinVariance - model.withinBinCovariance).toBeCloseTo(model.brier, 12);
    // Outcomes 1, 0, 1: ō = 2/3, uncertainty ō(1 − ō) = 2/9.
    expect(model.uncertainty).toBeCloseTo(2 / 9, 12);
    // The deterministic verdict: right, right, wrong: Brier 1/3.
    expect(result.scores.deterministic.brier?.brier).toBeCloseTo(1 / 3, 12);
    // The base rate speaks only for the target naming a class: (1 − 15/17)².
    const rate = baseRate(getReferenceClass('cn-national-gdp-growth-target')).rate;
    expect(result.scores.baseRate.forecasts).toBe(1);
    expect(result.scores.baseRate.brier?.brier).toBeCloseTo((1 - rate) ** 2, 12);
    expect(result.scores.modelWhereBaseRate.brier?.brier).toBeCloseTo((1 - p) ** 2, 12);
    // Log score by hand: −(ln 1 + ln 1 + ln p) / 3.
    expect(result.scores.model.log?.score).toBeCloseTo(-Math.log(p) / 3, 12);

    // Continuous: a point mass's CRPS is its absolute error. The simulated percentiles are read
    // from a histogram within 0.2% of the value; the projection's point is exact.
    const [a, b, c] = result.continuous.outcomes;
    const predicted = 100 * Math.exp(0.05);
    expect(Math.abs(a.crps - Math.abs(predicted - 106))).toBeLessThan(0.002 * predicted);
    expect(Math.abs(b.crps - Math.abs(predicted - 104))).toBeLessThan(0.002 * predicted);
    expect(a.crpsDeterministic).toBeCloseTo(106 - predicted, 12);
    // 108 is the 1000·ln(1.08) = 77th percentile of 100·e^U(0, 0.1): inside the 90% interval, outside the 50% one.
    expect(c.interval90[0] <= 108 && 108 <= c.interval90[1]).toBe(true);
    expect(c.interval50[1]).toBeLessThan(108);
    expect(result.continuous.coverage90?.covered).toBe(1);
    expect(result.continuous.coverage50?.covered).toBe(0);
  });

  it('a perfect forecaster scores 0', async () => {
    const result = await backtest(await scenarios([certainMet, certainMissed]), { trials: 1000, seed: 1 });
    expect(result.scores.model.brier?.brier).toBe(0);
    expect(result.scores.model.log?.score).toBe(0);
    expect(result.scores.deterministic.brier?.brier).toBe(0);
  });

  it('the CLI reads a folder and prints the forecasters side by side, or JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parkcast-backtest-'));
    for (const [name, doc] of [
      ['a.json', certainMet],
      ['b.json', certainMissed],
      ['c.json', uncertain],
    ] as const)
      writeFileSync(join(dir, name), JSON.stringify(doc));
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
    expect(await backtestCommand(dir, { trials: 2000, seed: 1 }, io as never)).toBe(0);
    expect(out.join('\n')).toMatch(/deterministic verdict \(0 or 1\)/);
    expect(out.join('\n')).toMatch(/reference-class base rate/);
    out.length = 0;
    expect(await backtestCommand(dir, { trials: 2000, seed: 1, json: true }, io as never)).toBe(0);
    expect(JSON.parse(out.join('\n')).events).toHaveLength(3);
  });
});

describe('backtest: --series independent', () => {
  // Predicts 105.127 (fixed growth) against a threshold of 104: the official 106 meets it, the independent 103 does not.
  const both = oneYearPark('a-both', { dist: 'fixed', value: 0.05 }, 104, 106);
  both.sources.push({ id: 'other', headline: 'An independent estimate', outlet: 'test' });
  (both.outcomes as unknown[]).push({ target: 'output', year: 2021, value: 103, source: 'other', series: 'independent' });
  const officialOnly = oneYearPark('b-official', { dist: 'fixed', value: 0.05 }, 104, 107);

  it('official (the default) decides by the official figures, and nothing falls back', async () => {
    const result = await backtest(await scenarios([both, officialOnly]), { trials: 500, seed: 1 });
    expect(result.events.map((e) => [e.series, e.value, e.outcome])).toEqual([
      ['official', 106, 1],
      ['official', 107, 1],
    ]);
    expect(result.meta).toMatchObject({ series: 'official', fellBack: 0 });
    // One continuous outcome per target: the chosen series', not both.
    expect(result.continuous.outcomes.map((c) => c.actual)).toEqual([106, 107]);
  });

  it('independent uses the independent value where recorded, falls back to the official one elsewhere, and says how many fell back', async () => {
    const result = await backtest(await scenarios([both, officialOnly]), { trials: 500, seed: 1, series: 'independent' });
    expect(result.events.map((e) => [e.series, e.value, e.outcome, e.source])).toEqual([
      ['independent', 103, 0, 'other'],
      ['official', 107, 1, 'ledger'],
    ]);
    expect(result.meta).toMatchObject({ series: 'independent', fellBack: 1 });
    expect(result.warnings).toContain('1 of 2 targets record no independent outcome: they are scored on the official one');
    expect(result.continuous.outcomes.map((c) => c.actual)).toEqual([103, 107]);
    // The model said 1 for both: by the independent series it is wrong once, Brier 1/2.
    expect(result.scores.model.brier?.brier).toBeCloseTo(1 / 2, 12);
  });

  it('the CLI prints which series decided and how many fell back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parkcast-backtest-series-'));
    writeFileSync(join(dir, 'a.json'), JSON.stringify(both));
    writeFileSync(join(dir, 'b.json'), JSON.stringify(officialOnly));
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
    expect(await backtestCommand(dir, { trials: 500, seed: 1, series: 'independent' }, io as never)).toBe(0);
    expect(out.join('\n')).toContain('outcomes: the independent series for 1, the official one for the 1 that record no independent outcome');
  });
});

describe('the shipped backtest set', () => {
  const dir = new URL('../../backtests/', import.meta.url);
  const files = readdirSync(dir).filter((f) => /\.(json|ya?ml)$/.test(f));
  const raw = files.map((f) => ({ name: f, doc: JSON.parse(readFileSync(new URL(f, dir), 'utf8')) }));

  it('holds at least 30 past targets, each file valid', async () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    const loaded = await Promise.all(raw.map(async ({ name, doc }) => ({ name, scenario: await parseScenario(doc) })));
    expect(loaded.reduce((n, { scenario }) => n + scenario.targets.length, 0)).toBeGreaterThanOrEqual(30);
  });

  it('sources every target and every outcome with a url, and records an outcome for each target', async () => {
    const unsourced: string[] = [];
    for (const { name, doc } of raw) {
      const scenario = await parseScenario(doc);
      const url = (id: string | undefined) => scenario.sources.find((s) => s.id === id)?.url ?? '';
      for (const target of scenario.targets) {
        if (!/^https?:\/\//.test(url(target.source))) unsourced.push(`${name}: target ${target.id}`);
        if (!scenario.outcomes?.some((o) => o.target === target.id)) unsourced.push(`${name}: no outcome for ${target.id}`);
      }
      for (const [i, o] of (scenario.outcomes ?? []).entries()) if (!/^https?:\/\//.test(url(o.source))) unsourced.push(`${name}: outcomes[${i}]`);
    }
    expect(unsourced).toEqual([]);
  });

  it('records independent outcomes beside official ones, and is scored on either series', async () => {
    const loaded = await Promise.all(raw.map(async ({ name, doc }) => ({ name, scenario: await parseScenario(doc) })));
    const independent = loaded.flatMap(({ scenario }) => (scenario.outcomes ?? []).filter((o) => o.series === 'independent'));
    expect(independent.length).toBeGreaterThanOrEqual(2);
    const official = await backtest(loaded, { trials: 2000, seed: 1 });
    expect(official.events).toHaveLength(files.length);
    expect(official.events.every((e) => e.series === 'official')).toBe(true);
    const b = official.scores.model.brier;
    if (b === null) throw new Error('no Brier decomposition');
    expect(b.reliability - b.resolution + b.uncertainty + b.withinBinVariance - b.withinBinCovariance).toBeCloseTo(b.brier, 12);
    // CRPS is averaged within a unit only: growth and price rates apart from counts of jobs.
    const byUnit = official.continuous.crpsByUnit;
    expect(byUnit.map((u) => u.unit).sort()).toEqual([...new Set(official.continuous.outcomes.map((c) => c.unit))].sort());
    expect(byUnit.map((u) => u.unit)).toEqual(expect.arrayContaining(['persons', 'rate', 'share']));
    expect(byUnit.reduce((n, u) => n + u.outcomes, 0)).toBe(official.continuous.outcomes.length);
    const rates = official.continuous.outcomes.filter((c) => c.unit === 'rate');
    expect(byUnit.find((u) => u.unit === 'rate')?.model).toBeCloseTo(rates.reduce((a, c) => a + c.crps, 0) / rates.length, 12);
    const other = await backtest(loaded, { trials: 2000, seed: 1, series: 'independent' });
    expect(other.events.filter((e) => e.series === 'independent')).toHaveLength(independent.length);
    expect(other.meta.fellBack).toBe(files.length - independent.length);
  });
});
