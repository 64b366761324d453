import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/engine/model.js';
import { runBlocks } from '../../src/engine/run.js';
import { Tally } from '../../src/engine/tally.js';
import { parseScenario } from '../../src/index.js';
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
