import { describe, expect, it } from 'vitest';
import { BlockRunner } from '../../src/engine/blockRunner.js';
import { margin } from '../../src/engine/measure.js';
import { compileModel } from '../../src/engine/model.js';
import { runBlocks } from '../../src/engine/run.js';
import { Tally } from '../../src/engine/tally.js';
import { parseScenario } from '../../src/index.js';
import type { Comparison } from '../../src/scenario/schema/target.js';
import { referenceScenario } from '../fixtures/scenarios.js';

describe('the tally keeps no raw samples', () => {
  it('its size stays flat as trials grow twentyfold', async () => {
    const model = await compileModel(await parseScenario(referenceScenario()));
    const size = async (trials: number) => JSON.stringify((await runBlocks(model, 1, trials)).tally.serialize()).length;
    const small = await size(20_480);
    const large = await size(409_600);
    // Bins fill in and counts gain digits, but nothing per trial or per block is kept.
    expect(large).toBeLessThan(small * 1.6);
    expect(large).toBeLessThan(1_000_000);
  });
});

describe('a target measured on a metric column', () => {
  it('shares that column’s histogram, counted once however the run is split and merged', async () => {
    const model = await compileModel(await parseScenario(referenceScenario()));
    const output = model.targets.findIndex((t) => t.measure === 'value');
    const { metricIndex, deadlineIndex } = model.targets[output];
    const whole = (await runBlocks(model, 3, 30_000)).tally;
    const parts = await Promise.all([runBlocks(model, 3, 30_000, { endBlock: 10 }), runBlocks(model, 3, 30_000, { firstBlock: 10 })]);
    const merged = Tally.deserialize(model, parts[0].tally.serialize());
    merged.merge(Tally.deserialize(model, parts[1].tally.serialize()));
    for (const tally of [whole, merged]) {
      expect(tally.measuredHistograms[output]).toBe(tally.metricHistograms[metricIndex][deadlineIndex]);
      expect(tally.measuredHistograms[output].count).toBe(30_000);
      expect(tally.measuredMoments[output].count).toBe(30_000);
    }
    // Counts are exact, and sums exact once rounded (their partial sums may be split differently).
    expect(merged.measuredHistograms[output].serialize()).toEqual(whole.measuredHistograms[output].serialize());
    expect([merged.measuredMoments[output].mean, merged.measuredMoments[output].sd]).toEqual([
      whole.measuredMoments[output].mean,
      whole.measuredMoments[output].sd,
    ]);
  });
});

describe('hits, k of n, first years and shortfalls of a block', () => {
  it('are those counted trial by trial, for every comparison, with non-finite measures among them', async () => {
    const comparisons: Array<[Comparison, number | [number, number]]> = [
      ['>=', 41e9],
      ['>', 41e9],
      ['<', 42e9],
      ['<=', 42e9],
      ['between', [38e9, 44e9]],
    ];
    const scenario = referenceScenario();
    scenario.targets = comparisons.map(([comparison, threshold], i) => ({
      id: `t${i}`,
      label: `${comparison} ${threshold}`,
      metric: 'outputValue',
      comparison,
      threshold,
      deadline: 2025,
      measure: 'sum' as const,
    }));
    const model = await compileModel(await parseScenario(scenario));
    const outcome = new BlockRunner(model, 1024).run(1024, { kind: 'random', seed: 4, block: 0 });
    // Sums of output over 2023-2025 (about 4.1e10) straddle every bound; then some are made
    // non-finite: an infinite shortfall (>=, <), an infinite value that hits (>), NaN (<=), both ends (between).
    const { POSITIVE_INFINITY: inf, NEGATIVE_INFINITY: minusInf } = Number;
    const nonFinite = [[minusInf], [inf], [inf], [Number.NaN], [minusInf, inf]];
    model.targets.forEach((target, t) => {
      const measured = outcome.targets.measured[t];
      nonFinite[t].forEach((value, k) => {
        const i = 100 * (t + 1) + k;
        measured[i] = value;
        outcome.targets.hit[t][i] = value >= target.metFrom && value <= target.metTo ? 1 : 0;
      });
    });
    const tally = new Tally(model);
    tally.addBlock(outcome);
    const tallyAfterNonFinite = new Tally(model);
    // The same block with every measure finite takes the fast path for every target.
    const finiteOutcome = new BlockRunner(model, 1024).run(1024, { kind: 'random', seed: 4, block: 0 });
    tallyAfterNonFinite.addBlock(finiteOutcome);
    for (const [run, out] of [
      [tally, outcome],
      [tallyAfterNonFinite, finiteOutcome],
    ] as const) {
      model.targets.forEach((target, t) => {
        const hit = out.targets.hit[t];
        const measured = out.targets.measured[t];
        const first = out.targets.firstYearIndex[t];
        let hits = 0;
        let shortfall = 0;
        let misses = 0;
        const firstYears = new Array(model.years.length).fill(0);
        let never = 0;
        for (let i = 0; i < 1024; i++) {
          if (first[i] < 0) never++;
          else firstYears[first[i]]++;
          if (hit[i] === 1) {
            hits++;
            continue;
          }
          const missedBy = -margin(target, measured[i]);
          if (Number.isFinite(missedBy)) {
            shortfall += missedBy;
            misses++;
          }
        }
        expect(run.hits[t], target.id).toBe(hits);
        expect(hits, target.id).toBeGreaterThan(50);
        expect(hits, target.id).toBeLessThan(1000);
        expect(run.shortfallCounts[t], target.id).toBe(misses);
        expect(run.shortfallSums[t].value(), target.id).toBe(shortfall);
        expect(run.firstYearCounts[t], target.id).toEqual(firstYears);
        expect(run.never[t], target.id).toBe(never);
      });
      // Trials by how many of the (all official) targets they meet, and all of them.
      const byCount = new Array(model.targets.length + 1).fill(0);
      for (let i = 0; i < 1024; i++) byCount[model.targets.reduce((met, _, t) => met + out.targets.hit[t][i], 0)]++;
      expect(model.targets.every((t) => t.official)).toBe(true);
      expect(run.officialHitCounts).toEqual(byCount);
      expect(run.jointHits).toBe(byCount[model.targets.length]);
      expect(byCount.filter((count) => count > 0).length).toBeGreaterThan(2);
    }
    // A non-finite measure that missed is no shortfall.
    expect(model.targets.map((_, t) => 1024 - tally.hits[t] - tally.shortfallCounts[t])).toEqual([1, 0, 1, 1, 2]);
  });
});
