import { describe, expect, it } from 'vitest';
import { mergeShards, parseScenario, project, sampleTrials, simulate, simulateShard } from '../../src/index.js';
import { baseScenario } from '../fixtures/scenarios.js';

/** Output with an uncertain drift, a 确保/力争 output target, a tax-like target, a stretch goal, and a named subset. */
const ensureStriveScenario = () =>
  parseScenario(
    baseScenario({
      parameters: { drift: { distribution: { dist: 'normal', mean: 0.1, sd: 0.08 } } },
      metrics: {
        output: { unit: 'yuan', inputUnit: '亿元', baseline: 10, process: { type: 'growth', drift: 'drift', volatility: 0.05 } },
        land: { unit: 'area', inputUnit: '亩', baseline: 300, process: { type: 'arrivals', rate: 0 }, steps: [] },
        firms: { unit: 'count', baseline: 0, process: { type: 'arrivals', rate: 12 } },
      },
      targets: [
        { id: 'output', label: 'Output', metric: 'output', comparison: '>', threshold: 13, strive: 14.5, deadline: 2025 },
        { id: 'firms', label: 'Firms', metric: 'firms', comparison: '>=', threshold: 36, strive: 42, deadline: 2025, measure: 'runningTotal' },
        {
          id: 'firms-stretch',
          label: 'Firms, stretch',
          metric: 'firms',
          comparison: '>=',
          threshold: 45,
          deadline: 2025,
          measure: 'runningTotal',
          kind: 'stretch',
        },
      ],
      jointTargets: [{ id: 'output-and-stretch', label: 'Output and the stretch goal', targets: ['output', 'firms-stretch'] }],
    }),
  );

const TRIALS = 20_000;
const SEED = 'ensure-strive';

describe('ensure / strive (确保 / 力争) as one target with two levels', () => {
  it('P(ensure but not strive) is P(ensure) − P(strive) in whole counts, and equals a trial-by-trial count', async () => {
    const scenario = await ensureStriveScenario();
    const [result, samples] = await Promise.all([simulate(scenario, { trials: TRIALS, seed: SEED }), sampleTrials(scenario, { trials: TRIALS, seed: SEED })]);
    for (const id of ['output', 'firms']) {
      const t = result.targets.find((x) => x.id === id);
      if (t?.strive === undefined) throw new Error(`no strive level on ${id}`);
      const ensure = samples.targets[id].hit;
      const strive = samples.targets[`${id}:strive`].hit;
      let ensureOnly = 0;
      let striveHits = 0;
      let striveWithoutEnsure = 0;
      for (let i = 0; i < TRIALS; i++) {
        striveHits += strive[i];
        if (ensure[i] === 1 && strive[i] === 0) ensureOnly++;
        if (ensure[i] === 0 && strive[i] === 1) striveWithoutEnsure++;
      }
      expect(striveWithoutEnsure).toBe(0);
      expect(t.strive.hits).toBe(striveHits);
      expect(t.strive.ensureOnly.hits).toBe(ensureOnly);
      expect(t.strive.ensureOnly.hits).toBe(t.hits - t.strive.hits);
      expect(t.strive.ensureOnly.probability).toBe((t.hits - t.strive.hits) / TRIALS);
      // Both levels are genuinely uncertain here, so the test can tell them apart.
      expect(t.strive.probability).toBeGreaterThan(0.02);
      expect(t.strive.probability).toBeLessThan(t.probability - 0.02);
    }
  });

  it('the official joint counts ensure levels only; the strive joint counts every strive level together', async () => {
    const scenario = await ensureStriveScenario();
    const [result, samples] = await Promise.all([simulate(scenario, { trials: TRIALS, seed: SEED }), sampleTrials(scenario, { trials: TRIALS, seed: SEED })]);
    expect(result.joint.targets).toEqual(['output', 'firms']);
    expect(result.targets.map((t) => t.id)).toEqual(['output', 'firms', 'firms-stretch']);
    let officialAll = 0;
    let striveAll = 0;
    for (let i = 0; i < TRIALS; i++) {
      officialAll += samples.targets.output.hit[i] & samples.targets.firms.hit[i];
      striveAll += samples.targets['output:strive'].hit[i] & samples.targets['firms:strive'].hit[i];
    }
    expect(result.joint.hits).toBe(officialAll);
    expect(result.striveJoint?.targets).toEqual(['output', 'firms']);
    expect(result.striveJoint?.hits).toBe(striveAll);
    expect(striveAll).toBeLessThan(officialAll);
    // k of n counts the two official targets at their ensure levels.
    expect(result.officialHitCount.map((c) => c.k)).toEqual([0, 1, 2]);
    expect(result.officialHitCount[2].probability).toBe(officialAll / TRIALS);
  });

  it('a named subset of targets gets its joint probability, equal to a trial-by-trial count', async () => {
    const scenario = await ensureStriveScenario();
    const [result, samples] = await Promise.all([simulate(scenario, { trials: TRIALS, seed: SEED }), sampleTrials(scenario, { trials: TRIALS, seed: SEED })]);
    let both = 0;
    for (let i = 0; i < TRIALS; i++) both += samples.targets.output.hit[i] & samples.targets['firms-stretch'].hit[i];
    expect(result.jointTargets).toHaveLength(1);
    const joint = result.jointTargets?.[0];
    expect(joint).toMatchObject({ id: 'output-and-stretch', targets: ['output', 'firms-stretch'], hits: both, probability: both / TRIALS });
    expect(both).toBeGreaterThan(0);
  });

  it('shards and workers give the same strive and subset counts, bit for bit', async () => {
    const scenario = await ensureStriveScenario();
    const whole = await simulate(scenario, { trials: 9000, seed: 3 });
    const shards = await Promise.all([1, 2, 3].map((index) => simulateShard(scenario, { trials: 9000, seed: 3, shard: { index, count: 3 } })));
    const merged = await mergeShards(JSON.parse(JSON.stringify(shards)));
    expect(JSON.stringify(merged)).toBe(JSON.stringify(whole));
    const onWorkers = await simulate(scenario, { trials: 9000, seed: 3, workers: 2, blocksPerBatch: 2 });
    expect(JSON.stringify(onWorkers)).toBe(JSON.stringify(whole));
  });

  it('the projection reports the strive level beside the ensure level, in canonical units', async () => {
    const projection = await project(await ensureStriveScenario());
    const output = projection.targets[0];
    expect(output.threshold).toBe(13e8);
    expect(output.striveThreshold).toBe(14.5e8);
    expect(output.displayUnit).toBe('亿元');
    // 10 亿元 at e^0.1 a year for three years: 13.50 亿元, past 13 but short of 14.5.
    expect(output.met).toBe(true);
    expect(output.strive).toMatchObject({ threshold: 14.5e8, met: false });
    expect(output.strive?.margin).toBeCloseTo(10e8 * Math.exp(0.3) - 14.5e8, 0);
  });

  it('rejects a strive level easier than the ensure level, or of the wrong shape, and unknown targets in a subset', async () => {
    const bad = baseScenario({
      targets: [
        { id: 'a', label: 'A', metric: 'output', comparison: '>=', threshold: 2e9, strive: 1e9, deadline: 2025 },
        { id: 'b', label: 'B', metric: 'output', comparison: '<', threshold: 2e9, strive: 3e9, deadline: 2025 },
        { id: 'c', label: 'C', metric: 'output', comparison: 'between', threshold: [1e9, 2e9], strive: [0.5e9, 1.5e9], deadline: 2025 },
        { id: 'd', label: 'D', metric: 'output', comparison: '>', threshold: 1e9, strive: [1e9, 2e9], deadline: 2025 },
      ],
      jointTargets: [{ id: 'j', label: 'J', targets: ['a', 'zzz', 'a'] }],
    });
    await expect(parseScenario(bad)).rejects.toMatchObject({
      problems: expect.arrayContaining([
        expect.objectContaining({ path: ['targets', 0, 'strive'], message: expect.stringContaining('at or above the ensure threshold') }),
        expect.objectContaining({ path: ['targets', 1, 'strive'], message: expect.stringContaining('at or below') }),
        expect.objectContaining({ path: ['targets', 2, 'strive'], message: expect.stringContaining('inside the ensure range') }),
        expect.objectContaining({ path: ['targets', 3, 'strive'], message: expect.stringContaining('single number') }),
        expect.objectContaining({ path: ['jointTargets', 0, 'targets', 1], message: expect.stringContaining('unknown target "zzz"') }),
        expect.objectContaining({ path: ['jointTargets', 0, 'targets', 2], message: expect.stringContaining('listed twice') }),
      ]),
    });
  });

  it('a scenario without strive levels or subsets has no strive or subset fields in its results', async () => {
    const scenario = await parseScenario(
      baseScenario({ targets: [{ id: 'a', label: 'A', metric: 'output', comparison: '>=', threshold: 1.2e9, deadline: 2025 }] }),
    );
    const result = await simulate(scenario, { trials: 2048 });
    expect(result).not.toHaveProperty('striveJoint');
    expect(result).not.toHaveProperty('jointTargets');
    expect(result.targets[0]).not.toHaveProperty('strive');
    expect(result.targets[0]).not.toHaveProperty('displayUnit');
    expect(result.metrics[0]).not.toHaveProperty('helper');
  });
});
