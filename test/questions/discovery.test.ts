import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/index.js';
import { type DiscoveredBox, discover } from '../../src/questions/discovery.js';
import { baseScenario } from '../fixtures/scenarios.js';

/** A target that fails exactly when a < 0.3 and b < 0.3; c and d are drawn but change nothing. */
const planted = () =>
  parseScenario(
    baseScenario({
      horizon: { baseYear: 2022, endYear: 2023 },
      parameters: {
        a: { distribution: { dist: 'uniform', min: 0, max: 1 }, unit: 'share' },
        b: { distribution: { dist: 'uniform', min: 0, max: 1 } },
        c: { distribution: { dist: 'uniform', min: 0, max: 1 } },
        d: { distribution: { dist: 'normal', mean: 5, sd: 1 } },
      },
      metrics: { ok: { unit: 'count', process: { type: 'derived', expression: '1 - (a < 0.3) * (b < 0.3) + 0 * (c + d)' } } },
      targets: [{ id: 'ok', label: 'Not both low', metric: 'ok', comparison: '>=', threshold: 1, deadline: 2023 }],
    }),
  );

/** Hits and misses come from yearly noise in growth only; a, b and c are drawn and used by nothing the target measures. */
const noiseOnly = () =>
  parseScenario(
    baseScenario({
      horizon: { baseYear: 2022, endYear: 2025 },
      parameters: {
        a: { distribution: { dist: 'uniform', min: 0, max: 1 } },
        b: { distribution: { dist: 'uniform', min: 0, max: 1 } },
        c: { distribution: { dist: 'normal', mean: 0, sd: 1 }, varies: 'year' },
      },
      metrics: {
        output: { unit: 'yuan', baseline: 1e9, process: { type: 'growth', drift: 0.05, volatility: 0.1 } },
        unrelated: { unit: 'count', process: { type: 'derived', expression: 'a + b + c' } },
      },
      targets: [{ id: 'output', label: 'Output 1.15 bn', metric: 'output', comparison: '>=', threshold: 1.15e9, deadline: 2025 }],
    }),
  );

const restrictionOf = (box: DiscoveredBox, name: string) => box.restrictions.find((r) => r.assumption === name);

describe('scenario discovery finds a planted rule', async () => {
  const scenario = await planted();
  const trials = 10_000;

  it('the misses: a box on a and b only, both below 0.3, holding nearly all misses and nearly only misses', async () => {
    const result = await discover(scenario, { trials, seed: 1 });
    const target = result.targets[0];
    expect(target.status).toBe('found');
    // The true rate of the rule is 0.3 × 0.3; the run's rate is within 4 standard errors of it.
    expect(Math.abs(target.baseRate - 0.09)).toBeLessThan(4 * Math.sqrt((0.09 * 0.91) / trials));
    const [box] = target.boxes;
    expect(box.restrictions.map((r) => r.assumption).sort()).toEqual(['a', 'b']);
    for (const name of ['a', 'b']) {
      const r = restrictionOf(box, name);
      expect(r?.low, name).toBeNull();
      // A peel removes 5% of the box: near the end, about 0.05 × 0.3 of the range.
      expect(Math.abs((r?.high ?? Number.NaN) - 0.3), name).toBeLessThan(0.02);
      expect(r?.quasiPValue).toBeLessThan(1e-6);
    }
    expect(restrictionOf(box, 'a')?.unit).toBe('share');
    expect(box.holdout.coverage).toBeGreaterThan(0.95);
    expect(box.holdout.density).toBeGreaterThan(0.95);
    expect(box.pValue).toBeLessThan(box.pValueThreshold);
    expect(box.trajectory[box.chosenStep].coverage).toBeGreaterThan(0.95);
    expect(box.trajectory[0]).toMatchObject({ coverage: 1, mass: 1, restricted: 0 });
  });

  it('the hits: two boxes, a at least 0.3 and then b at least 0.3, each pure', async () => {
    const result = await discover(scenario, { trials, seed: 1, outcome: 'hit' });
    const target = result.targets[0];
    expect(target.status).toBe('found');
    expect(target.boxes).toHaveLength(2);
    const names = target.boxes.map((b) => b.restrictions.map((r) => r.assumption));
    expect(names.flat().sort()).toEqual(['a', 'b']);
    for (const box of target.boxes) {
      const [r] = box.restrictions;
      expect(r.high).toBeNull();
      expect(Math.abs((r.low ?? Number.NaN) - 0.3)).toBeLessThan(0.02);
      expect(box.holdout.density).toBeGreaterThan(0.99);
    }
    // Together the two boxes hold nearly every hit.
    expect(target.boxes[0].holdout.coverage + target.boxes[1].holdout.coverage).toBeGreaterThan(0.97);
  });

  it('gives the same result for the same seed, and other draws for another', async () => {
    const [first, again, other] = await Promise.all([
      discover(scenario, { trials: 4000, seed: 7 }),
      discover(scenario, { trials: 4000, seed: 7 }),
      discover(scenario, { trials: 4000, seed: 8 }),
    ]);
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(first));
  });
});

describe('scenario discovery reports nothing spurious', () => {
  it('when only yearly noise decides the target, no box passes the held-out test, seed after seed', async () => {
    const scenario = await noiseOnly();
    for (const seed of [1, 2, 3, 4, 5]) {
      const result = await discover(scenario, { trials: 10_000, seed });
      const target = result.targets[0];
      expect(target.baseRate, `seed ${seed}`).toBeGreaterThan(0.2);
      expect(target.status, `seed ${seed}`).toBe('none');
      expect(target.boxes).toEqual([]);
      // A box was found on the first half, and the second half did not bear it out.
      expect(target.rejected?.significant).toBe(false);
    }
  });

  it('says why when there is nothing to explain: no uncertain assumption, or no miss', async () => {
    const fixed = await parseScenario(
      baseScenario({
        metrics: { output: { unit: 'yuan', baseline: 1e9, process: { type: 'growth', drift: 0.05, volatility: 0.1 } } },
        targets: [{ id: 'o', label: 'Output', metric: 'output', comparison: '>=', threshold: 1.1e9, deadline: 2025 }],
      }),
    );
    const none = await discover(fixed, { trials: 1000 });
    expect(none.targets[0].status).toBe('no-assumptions');
    expect(none.warnings.join(' ')).toMatch(/no assumption that varies/);
    const met = await parseScenario(
      baseScenario({
        parameters: { a: { distribution: { dist: 'uniform', min: 0, max: 1 } } },
        metrics: { x: { unit: 'count', process: { type: 'derived', expression: '2 + a' } } },
        targets: [{ id: 'x', label: 'x', metric: 'x', comparison: '>=', threshold: 1, deadline: 2025 }],
      }),
    );
    expect((await discover(met, { trials: 500 })).targets[0].status).toBe('no-outcome');
    expect((await discover(met, { trials: 500, outcome: 'hit' })).targets[0].status).toBe('every-trial');
  });

  it('rejects an unknown target and invalid options', async () => {
    const scenario = await planted();
    await expect(discover(scenario, { target: 'nope' })).rejects.toThrow(/unknown "nope"/);
    await expect(discover(scenario, { trials: 10 })).rejects.toThrow(/trials/);
    await expect(discover(scenario, { outcome: 'maybe' as 'hit' })).rejects.toThrow(/outcome/);
  });
});
