import { describe, expect, it } from 'vitest';
import { distributionQuantile } from '../../src/assumptions/distributionQuantile.js';
import { scenarioAssumptions } from '../../src/assumptions/scenarioAssumptions.js';
import { loadScenario, mainAssumptions, project, withAssumptionFixed } from '../../src/index.js';

const seed = (park: string) => loadScenario(new URL(`../../seeds/${park}.json`, import.meta.url).pathname);

describe('mainAssumptions', () => {
  it('ranks the uncertain assumptions by the widest swing (p5 to p95) they give a target, relative to its threshold', async () => {
    const scenario = await seed('chongqing-liangjiang');
    const main = await mainAssumptions(scenario, { count: 10 });
    const uncertain = scenarioAssumptions(scenario).filter((a) => a.distribution.dist !== 'fixed');
    expect(main.length).toBeGreaterThan(0);
    expect(main.length).toBeLessThanOrEqual(uncertain.length);
    for (const a of main) {
      expect(a.low).toBe(distributionQuantile(a.distribution, 0.05));
      expect(a.high).toBe(distributionQuantile(a.distribution, 0.95));
      // The swing recomputed here, from two projections, for the target it names.
      const t = scenario.targets.findIndex((x) => x.id === a.target);
      const [low, high] = await Promise.all([a.low, a.high].map((v) => project(withAssumptionFixed(scenario, a.name, v))));
      const threshold = scenario.targets[t].threshold;
      const scale = typeof threshold === 'number' ? Math.abs(threshold) : Math.max(...threshold.map(Math.abs));
      expect(a.relativeSwing).toBe(Math.abs(high.targets[t].value - low.targets[t].value) / scale);
    }
    for (let i = 1; i < main.length; i++) expect(main[i - 1].relativeSwing).toBeGreaterThanOrEqual(main[i].relativeSwing);
    // A baseline drawn from a distribution is one of them, by its assumption name.
    expect(main.map((a) => a.name)).toContain('baseline:softwareRevenue');
    expect(main.find((a) => a.name === 'baseline:softwareRevenue')?.metric).toBe('softwareRevenue');
  });

  it('keeps at most `count`, the strongest first, and leaves out fixed assumptions', async () => {
    const scenario = await seed('jinyang-lake');
    const all = await mainAssumptions(scenario, { count: 100 });
    expect((await mainAssumptions(scenario, { count: 3 })).map((a) => a.name)).toEqual(all.slice(0, 3).map((a) => a.name));
    expect(all.map((a) => a.name)).not.toContain('revenueVolatility'); // fixed at 0.08
    expect(await mainAssumptions(scenario, { count: 0 })).toEqual([]);
  });

  it('refuses a bad range or count with a clear message', async () => {
    const scenario = await seed('jinyang-lake');
    await expect(mainAssumptions(scenario, { low: 0.9, high: 0.1 })).rejects.toThrow(/0 < low < high < 1/);
    await expect(mainAssumptions(scenario, { count: 1.5 })).rejects.toThrow(/count: expected a whole number/);
  });
});
