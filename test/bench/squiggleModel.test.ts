import { describe, expect, it } from 'vitest';
import { REFERENCE_TARGETS, standardError } from '../../bench/reference.js';
import { squiggleModel, squiggleProbabilities } from '../../bench/squiggle.js';

describe('the reference model in Squiggle (bench/reference-model.squiggle)', () => {
  const samples = 20_000;
  let run: ReturnType<typeof squiggleProbabilities> | undefined;
  const probabilities = () => (run ??= squiggleProbabilities(samples, 'squiggle-model-test'));

  it.each(REFERENCE_TARGETS.map((t) => [t.label, t] as const))('gives the reference probability: %s', async (_, target) => {
    const p = await probabilities();
    // 5 standard errors, not 4: Squiggle draws Poisson(35) from Math.random whatever the seed, so
    // the enterprises and joint estimates change from run to run; a false failure is ~1 in 3 million.
    const tolerance = 5 * standardError(target.precise, samples);
    expect(Math.abs(p[target.key] - target.precise)).toBeLessThanOrEqual(tolerance);
  });

  it('replays a seed exactly once each Poisson(35) is written as four Poisson(8.75)', async () => {
    const split = squiggleModel({ split: true });
    const first = await squiggleProbabilities(5_000, 'replay', split);
    expect(await squiggleProbabilities(5_000, 'replay', split)).toEqual(first);
    expect(await squiggleProbabilities(5_000, 'another seed', split)).not.toEqual(first);
  });

  it('reports Squiggle errors', async () => {
    await expect(squiggleProbabilities(100, 's', 'x = ')).rejects.toThrow(/Squiggle/);
    await expect(squiggleProbabilities(100, 's', '3')).rejects.toThrow(/expected a dict/);
    await expect(squiggleProbabilities(100, 's', '{enterprises: 1}')).rejects.toThrow(/"graduates"/);
  });
});
