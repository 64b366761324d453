import { describe, expect, it } from 'vitest';
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
    await expect(mergeShards([a, b, otherSeed])).rejects.toThrow('shards from different runs: seed 1 and 2');
    await expect(mergeShards([a, c])).rejects.toThrow(ShardMismatchError);
    await expect(mergeShards([a, b, b, c])).rejects.toThrow('appears twice');
    await expect(mergeShards([a, b])).rejects.toThrow('missing');
  });

  it('rejects an impossible shard', async () => {
    const scenario = await parseScenario(referenceScenario());
    await expect(simulateShard(scenario, { trials: 100, shard: { index: 4, count: 3 } })).rejects.toThrow('shard: expected i/n with 1 <= i <= n, got 4/3');
  });
});
