import { describe, expect, it } from 'vitest';
import { distributionQuantile } from '../../src/assumptions/distributionQuantile.js';
import { parseScenario, project, simulate } from '../../src/index.js';
import { sensitivity } from '../../src/questions/sensitivity.js';
import { buildReport } from '../../src/report/index.js';
import { describeDistribution } from '../../src/report/model.js';
import type { Distribution } from '../../src/scenario/schema/distribution.js';
import { chartScenarioInput, seedResults } from '../charts/results.js';

/** The numbers a text writes, in order ("2,000" is 2000; a "%" number is a fraction). */
const numbersIn = (text: string) => [...text.matchAll(/-?\d[\d,]*(?:\.\d+)?(%?)/g)].map((m) => Number(m[0].replace(/[,%]/g, '')) / (m[1] === '%' ? 100 : 1));
const quantiles = (d: Distribution) => [0.5, 0.05, 0.95].map((p) => distributionQuantile(d, p));

describe('assumptions in plain words', () => {
  const pert: Distribution = { dist: 'pert', min: 22, mode: 34, max: 45, lambda: 4 };

  it('a PERT(22, 34, 45) of enterprises a year reads with its median and its 90% range, from the distribution itself', () => {
    const { plain, notation } = describeDistribution(pert, 'enterprises per year', 'en');
    expect(plain).toMatch(/^about \d+ enterprises a year, 90% between \d+ and \d+$/);
    const [median, low, high] = quantiles(pert);
    // Whole numbers from 10 up: each within half a unit of the distribution's quantile.
    const [shownMedian, shownLow, shownHigh] = numbersIn(plain).filter((n) => n !== 0.9);
    expect(Math.abs(shownMedian - median)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(shownLow - low)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(shownHigh - high)).toBeLessThanOrEqual(0.5);
    // The 90% range is inside min–max, not min–max itself.
    expect(shownLow).toBeGreaterThan(22);
    expect(shownHigh).toBeLessThan(45);
    expect(plain).not.toMatch(/PERT|mode/);
    // The modeller's notation is kept.
    expect(notation).toBe('PERT 22 / 34 / 45 enterprises per year (min / mode / max)');
  });

  it('in Chinese: 约每年 … 家，90% 在 … 至 … 之间, with no English left', () => {
    const { plain, notation } = describeDistribution(pert, 'enterprises per year', 'zh');
    const [median, low, high] = quantiles(pert).map(Math.round);
    expect(plain).toBe(`约每年 ${median} 家，90% 在 ${low} 至 ${high} 之间`);
    expect(notation).toBe('PERT 分布 22 / 34 / 45 家/年（最小 / 众数 / 最大）');
    expect(plain).not.toMatch(/[A-Za-z]/);
    expect(notation).not.toMatch(/enterprises|per year/);
  });

  it('a log growth rate reads as a percentage a year: 0.12 is about 12.7% a year', () => {
    const drift: Distribution = { dist: 'normal', mean: 0.12, sd: 0.05 };
    const { plain, notation } = describeDistribution(drift, 'log rate', 'en');
    expect(plain).toMatch(/^about 12\.7% a year, 90% between \d+\.\d% and \d+\.\d%$/);
    const [, low, high] = quantiles(drift).map(Math.expm1);
    const [, shownLow, shownHigh] = numbersIn(plain).filter((n) => n !== 0.9);
    expect(Math.abs(shownLow - low)).toBeLessThanOrEqual(0.0005);
    expect(Math.abs(shownHigh - high)).toBeLessThanOrEqual(0.0005);
    expect(notation).toBe('normal, mean 0.12 log rate, sd 0.05');
    expect(describeDistribution(drift, 'log rate', 'zh').plain).toMatch(/^约每年增长 12\.7%，90% 在 \d+\.\d% 至 \d+\.\d% 之间$/);
  });

  it('a probability reads in percent, not as 0.05127', () => {
    const chance: Distribution = { dist: 'pert', min: 0.02, mode: 0.05, max: 0.09, lambda: 4 };
    const { plain } = describeDistribution(chance, 'probability', 'en');
    expect(plain).toMatch(/^about \d\.\d%, 90% between \d\.\d% and \d\.\d%$/);
    const [median] = quantiles(chance);
    expect(Math.abs(numbersIn(plain)[0] - median)).toBeLessThanOrEqual(0.0005);
    expect(describeDistribution(chance, 'probability', 'zh').plain).toMatch(/^约 \d\.\d%，90% 在 \d\.\d% 至 \d\.\d% 之间$/);
  });

  it('a fixed value reads as itself; on a seed, the main line is plain and the notation stays in the detail', async () => {
    expect(describeDistribution({ dist: 'fixed', value: 0.06 }, 'log rate', 'en').plain).toBe('6.2% a year');
    const { scenario, projection, simulation } = await seedResults();
    const report = buildReport({ scenario, projection, simulation });
    const introduced = report.assumed.find((f) => f.label.startsWith('Upstream and downstream enterprises introduced per year'));
    expect(introduced?.value).toMatch(/^about \d+ enterprises a year, 90% between 22 and 45$/);
    expect(introduced?.detail).toContain('modelled as 90% between 22 and 45 enterprises per year (lognormal)');
    // No assumption of the seed is left in jargon on its main line.
    for (const f of [...report.assumed, ...report.sourced]) expect(f.value, f.label).not.toMatch(/PERT|log rate|\(min \/ mode \/ max\)|lognormal/);
  });

  it('the answer names a driver’s 10th and 90th percentile in the same plain words: a log rate as % a year', async () => {
    const input = chartScenarioInput();
    const parameters = input.parameters ?? {};
    const scenario = await parseScenario({ ...input, parameters: { ...parameters, drift: { ...parameters.drift, unit: 'log rate' } } });
    const [projection, simulation, tornado] = await Promise.all([
      project(scenario),
      simulate(scenario, { trials: 500, seed: 1 }),
      sensitivity(scenario, { trials: 500, seed: 1, sobol: false }),
    ]);
    const report = buildReport({ scenario, projection, simulation, tornado });
    const drift = report.answer.items.flatMap((i) => i.drivers).find((d) => d.assumption === 'drift');
    expect(drift, 'the drift drives a target').toBeDefined();
    const bar = tornado.targets.flatMap((t) => t.tornado).find((b) => b.assumption === 'drift');
    expect(drift?.lowValue).toBe(`${(Math.expm1(bar?.low.value ?? 0) * 100).toFixed(1)}% a year`);
    for (const d of report.answer.items.flatMap((i) => i.drivers)) expect(`${d.lowValue} ${d.highValue}`).not.toMatch(/log rate|per year/);
  });
});
