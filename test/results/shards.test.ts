import { describe, expect, it } from 'vitest';
import { buildModel, parseModelExpressions } from '../../src/engine/model.js';
import { tallyInvariantProblems } from '../../src/engine/tally.js';
import { mergeShards, parseScenario, ShardMismatchError, type ShardResult, simulate, simulateShard } from '../../src/index.js';
import { referenceScenario } from '../fixtures/scenarios.js';

describe('shards that merge', () => {
  it('merging the shards of a run gives the whole run, bit for bit, in any order', async () => {
    const scenario = await parseScenario(referenceScenario());
    const whole = await simulate(scenario, { trials: 30_000, seed: 12 });
    for (const count of [1, 3, 7]) {
      const shards = await Promise.all(
        Array.from({ length: count }, (_, i) => simulateShard(scenario, { trials: 30_000, seed: 12, shard: { index: i + 1, count } })),
      );
      // Through JSON, as shard files travel between machines.
      const files: ShardResult[] = shards.reverse().map((s) => JSON.parse(JSON.stringify(s)));
      expect(JSON.stringify(await mergeShards(files))).toBe(JSON.stringify(whole));
    }
  });

  it('refuses shards of different runs, and missing or repeated shards', async () => {
    const scenario = await parseScenario(referenceScenario());
    const shard = (index: number, seed = 1) => simulateShard(scenario, { trials: 5000, seed, shard: { index, count: 3 } });
    const [a, b, c, otherSeed] = await Promise.all([shard(1), shard(2), shard(3), shard(3, 2)]);
    await expect(mergeShards([a, b, otherSeed])).rejects.toThrow('shard 3 of those given: from another run than shard 1 of those given: seed 2, not 1');
    await expect(mergeShards([a, b, otherSeed], { names: ['a.json', 'b.json', 'c.json'] })).rejects.toThrow(
      'c.json: from another run than a.json: seed 2, not 1',
    );
    await expect(mergeShards([a, c])).rejects.toThrow(ShardMismatchError);
    await expect(mergeShards([a, b, b, c])).rejects.toThrow('shard 3 of those given: shard 2 of those given is shard 2 of 3 too: give each shard once');
    await expect(mergeShards([a, b])).rejects.toThrow('shard 3 of 3 (trials 3,073 to 5,000) is missing: give every shard of the run');
  });

  it('rejects an impossible shard', async () => {
    const scenario = await parseScenario(referenceScenario());
    await expect(simulateShard(scenario, { trials: 100, shard: { index: 4, count: 3 } })).rejects.toThrow('shard: expected i/n with 1 <= i <= n, got 4/3');
  });

  it('a real shard keeps every tally invariant; each count pushed out of line breaks one', async () => {
    const scenario = await parseScenario(referenceScenario());
    const model = buildModel(scenario, await parseModelExpressions(scenario));
    for (const index of [1, 2, 3]) {
      const shard = await simulateShard(scenario, { trials: 5000, seed: 3, shard: { index, count: 3 } });
      expect(tallyInvariantProblems(model, shard.tally, shard.tally.trials)).toEqual([]);
    }
    const shard = await simulateShard(scenario, { trials: 5000, seed: 3, shard: { index: 1, count: 1 } });
    // biome-ignore lint/suspicious/noExplicitAny: the test edits a tally's JSON as freely as a file could be edited.
    type Editable = any;
    const broken = (edit: (tally: Editable) => void) => {
      const tally = structuredClone(shard.tally) as Editable;
      edit(tally);
      return tallyInvariantProblems(model, tally, 5000);
    };
    expect(broken((t) => (t.hits[3] = 5001))[0]).toBe('target tax-3y-500m: 5,001 hits in 5,000 trials');
    expect(broken((t) => (t.trials = 4999))[0]).toBe('it counts 4,999 trials, but its slice of the run holds 5,000');
    expect(broken((t) => (t.firstYearCounts[0][0] = 1)).join()).toContain('met first in the base year');
    expect(broken((t) => (t.shortfallCounts[0] = 5000)).join()).toContain('shortfalls, more than the');
    expect(broken((t) => (t.measuredHistograms[3].nonFinite = 1)).join()).toContain("target tax-3y-500m's measured value: its histogram counts 5,001 values");
    expect(broken((t) => (t.officialHitCounts[0] += 1)).join()).toContain('add up to 5,001, not 5,000');
  });
});
