import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { baseRate, getReferenceClass, project, safeParseScenario, simulate } from '../../src/index.js';
import { SHIPPED_REFERENCE_CLASS_IDS } from '../../src/scenario/referenceClasses.js';

const cleanPark = () => JSON.parse(readFileSync(new URL('../../examples/clean-park.json', import.meta.url), 'utf8'));

describe('a target names its reference class', () => {
  it('the bundled list holds every file of reference-classes/, with its observations', () => {
    const files = readdirSync(new URL('../../reference-classes/', import.meta.url))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''))
      .sort();
    expect([...SHIPPED_REFERENCE_CLASS_IDS.keys()].sort()).toEqual(files);
    for (const id of files) expect(SHIPPED_REFERENCE_CLASS_IDS.get(id)).toEqual(getReferenceClass(id).observations.map((o) => o.id));
  });

  it('an unknown class is a problem at its path, with the nearest shipped id', async () => {
    const doc = cleanPark();
    doc.targets[0].referenceClass = 'cn-national-gdp-growth-targets';
    const result = await safeParseScenario(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const problem = result.problems.find((p) => p.code === 'unknown_reference_class');
    expect(problem?.path).toEqual(['targets', 0, 'referenceClass']);
    expect(problem?.message).toContain('did you mean "cn-national-gdp-growth-target"?');
  });

  it('an unknown observation, or an observation without a class, is a problem at its path', async () => {
    const doc = cleanPark();
    doc.targets[0].referenceClass = 'cn-national-gdp-growth-target';
    doc.targets[0].referenceObservation = '2099';
    doc.targets[1].referenceObservation = '2022';
    const result = await safeParseScenario(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path)).toEqual([
      ['targets', 0, 'referenceObservation'],
      ['targets', 1, 'referenceObservation'],
    ]);
  });

  it('simulate gives the named class its outside view, and a projection its base rate; other targets get none', async () => {
    const doc = cleanPark();
    doc.targets[0].referenceClass = 'cn-national-gdp-growth-target';
    const parsed = await safeParseScenario(doc);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const result = await simulate(parsed.scenario, { trials: 2000, seed: 7 });
    const [first, second] = result.targets;
    const base = baseRate(getReferenceClass('cn-national-gdp-growth-target'));
    expect(first.referenceClass).toBe('cn-national-gdp-growth-target');
    expect(first.outsideView?.rate).toBeCloseTo(15 / 17, 12);
    expect(first.outsideView?.interval).toEqual([base.low, base.high]);
    // The verdict follows from the probability and the class's range (margin 5 points).
    const p = first.probability;
    const expected =
      p > base.high + 0.05 ? 'above' : p > base.high ? 'slightlyAbove' : p < base.low - 0.05 ? 'below' : p < base.low ? 'slightlyBelow' : 'inside';
    expect(first.outsideView?.verdict).toBe(expected);
    expect(first.outsideView?.sentence.en).toMatch(/^the model gives /);
    expect(second.outsideView).toBeUndefined();
    expect('referenceClass' in second).toBe(false);
    const projection = await project(parsed.scenario);
    expect(projection.targets[0].baseRate?.rate).toBeCloseTo(15 / 17, 12);
    expect(projection.targets[1].baseRate).toBeUndefined();
  });
});
