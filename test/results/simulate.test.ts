import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { describe, expect, it } from 'vitest';
import { MAX_TRIALS, parseScenario, RunAborted, simulate, simulateShard, VERSION } from '../../src/index.js';
import { baseScenario, referenceScenario, standardErrors } from '../fixtures/scenarios.js';

const reference = () => parseScenario(referenceScenario());

describe('simulate: reproducibility', () => {
  it('the same seed gives identical JSON; another seed does not', async () => {
    const scenario = await reference();
    const a = JSON.stringify(await simulate(scenario, { trials: 5000, seed: 42 }));
    const b = JSON.stringify(await simulate(scenario, { trials: 5000, seed: 42 }));
    const c = JSON.stringify(await simulate(scenario, { trials: 5000, seed: 43 }));
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });

  it('grouping blocks into different batch sizes gives identical JSON', async () => {
    const scenario = await reference();
    const runs = await Promise.all([1, 3, 16, 1000].map((blocksPerBatch) => simulate(scenario, { trials: 9000, seed: 'batch', blocksPerBatch })));
    for (const run of runs.slice(1)) expect(JSON.stringify(run)).toBe(JSON.stringify(runs[0]));
  });

  it('adding an unrelated assumption and metric leaves the other targets unchanged', async () => {
    const input = referenceScenario();
    const before = await simulate(await parseScenario(input), { trials: 5000, seed: 7 });
    const extended = referenceScenario();
    extended.parameters = { aaaUnrelated: { distribution: { dist: 'normal', mean: 0, sd: 1 } }, ...extended.parameters };
    extended.metrics = {
      aaaFloorSpace: { unit: 'area', baseline: 1000, process: { type: 'growth', drift: 'aaaUnrelated', volatility: 0.2 } },
      ...extended.metrics,
    };
    const after = await simulate(await parseScenario(extended), { trials: 5000, seed: 7 });
    expect(after.targets).toEqual(before.targets);
    expect(after.joint).toEqual(before.joint);
  });

  it('records seed, trials, version and scenario hash', async () => {
    const result = await simulate(await reference(), { trials: 3000, seed: 'audit' });
    expect(result.meta).toMatchObject({ seed: 'audit', trials: 3000, requestedTrials: 3000, parkcastVersion: VERSION, stoppedEarly: false });
    expect(result.meta.scenarioHash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('simulate: what it reports', () => {
  it('joint and k-of-n are consistent with the targets', async () => {
    const result = await simulate(await reference(), { trials: 20_000, seed: 5 });
    const { officialHitCount: counts, joint } = result;
    expect(counts.map((c) => c.k)).toEqual([0, 1, 2, 3, 4]);
    expect(counts.reduce((s, c) => s + c.probability, 0)).toBeCloseTo(1, 12);
    expect(counts[0].atLeast).toBe(1);
    expect(counts[4].probability).toBe(joint.probability);
    expect(joint.probability).toBeLessThanOrEqual(Math.min(...result.targets.map((t) => t.probability)));
    // The expected number of targets met is the sum of their probabilities.
    const expectedCount = counts.reduce((s, c) => s + c.k * c.probability, 0);
    expect(expectedCount).toBeCloseTo(
      result.targets.reduce((s, t) => s + t.probability, 0),
      12,
    );
  });

  it('first-year-met shares add up to one with late and never, and a missed target has a positive shortfall', async () => {
    const result = await simulate(await reference(), { trials: 20_000, seed: 5 });
    for (const t of result.targets) {
      const total = t.firstYearMet.byYear.reduce((s, y) => s + y.probability, 0) + t.firstYearMet.late + t.firstYearMet.never;
      expect(total).toBeCloseTo(1, 12);
      expect(t.expectedShortfall).toBeGreaterThan(0);
      expect(t.interval[0]).toBeLessThanOrEqual(t.probability);
      expect(t.interval[1]).toBeGreaterThanOrEqual(t.probability);
    }
  });

  it('matches the reference probabilities of notes/performance.md within 4 standard errors', async () => {
    const trials = 200_000;
    const result = await simulate(await reference(), { trials, seed: 2024 });
    const expected = [0.7, 0.412, 0.0023, 0.0066];
    result.targets.forEach((t, i) => {
      expect(Math.abs(t.probability - expected[i])).toBeLessThan(4 * Math.sqrt((expected[i] * (1 - expected[i])) / trials));
    });
  });

  it('stops early once every probability is known to the requested precision', async () => {
    const result = await simulate(await reference(), { trials: 1_000_000, seed: 9, precision: { halfWidth: 0.01 } });
    expect(result.meta.stoppedEarly).toBe(true);
    expect(result.meta.trials).toBeLessThan(1_000_000);
    expect(result.meta.trials % 1024).toBe(0);
    for (const t of [...result.targets, result.joint]) expect((t.interval[1] - t.interval[0]) / 2).toBeLessThanOrEqual(0.01);
    // One block fewer would not have been precise enough: it stopped at the first block that was.
    const shorter = await simulate(await reference(), { trials: result.meta.trials - 1024, seed: 9 });
    const widest = Math.max(...[...shorter.targets, shorter.joint].map((t) => (t.interval[1] - t.interval[0]) / 2));
    expect(widest).toBeGreaterThan(0.01);
  });

  it('rejects impossible options with a clear message', async () => {
    const scenario = await reference();
    await expect(simulate(scenario, { trials: 0 })).rejects.toThrow('trials: expected a whole number of at least 1, got 0');
    await expect(simulate(scenario, { trials: 10, precision: { halfWidth: 2 } })).rejects.toThrow('precision.halfWidth');
  });
});

describe('simulate: requests that cannot be honoured are said', () => {
  const halfWidthOf = (t: { interval: readonly [number, number] }) => (t.interval[1] - t.interval[0]) / 2;

  it('a precision not reached within the trials: precisionReached false and a warning naming what fell short', async () => {
    const result = await simulate(await reference(), { trials: 10_000, seed: 9, precision: { halfWidth: 0.002 } });
    expect(result.meta).toMatchObject({ trials: 10_000, stoppedEarly: false, precisionReached: false, precision: { halfWidth: 0.002, confidence: 0.95 } });
    const widest = Math.max(...[...result.targets, result.joint].map(halfWidthOf));
    expect(widest).toBeGreaterThan(0.002);
    const warning = result.warnings.find((w) => w.startsWith('precision not reached'));
    expect(warning).toContain('±0.20 pp was asked, but the most trials asked for (10,000) gave target enterprises-100');
    expect(warning).toMatch(/about [\d,]+ trials would reach it$/);
  });

  it('a precision reached: precisionReached true, no warning; a run without one has no such field', async () => {
    const reached = await simulate(await reference(), { trials: 1_000_000, seed: 9, precision: { halfWidth: 0.01 } });
    expect(reached.meta.precisionReached).toBe(true);
    expect(reached.warnings.filter((w) => w.startsWith('precision'))).toEqual([]);
    const plain = await simulate(await reference(), { trials: 2048, seed: 9 });
    expect('precisionReached' in plain.meta).toBe(false);
    expect(plain.meta.precision).toBeNull();
  });

  it('a relative precision keeps running a rare target (p near 0.2%) until its interval is within ±20% of p, with at least 10 hits', async () => {
    // Lognormal growth: P(X_3 >= 3.15e9) = 1 - Φ(ln 3.15; 3·0.05, 0.2·√3), about 0.2%.
    const scenario = await parseScenario(
      baseScenario({
        metrics: { output: { unit: 'yuan', baseline: 1e9, process: { type: 'growth', drift: 0.05, volatility: 0.2 } } },
        targets: [{ id: 'rare', label: 'rare', metric: 'output', comparison: '>=', threshold: 3.15e9, deadline: 2025 }],
      }),
    );
    const expected = 1 - normalCdf(Math.log(3.15), 3 * 0.05, 0.2 * Math.sqrt(3));
    const absolute = await simulate(scenario, { trials: 10_000_000, seed: 4, precision: { halfWidth: 0.005 } });
    // The absolute ±0.5 pp stops at the first block, with a handful of hits: an interval wider than p itself.
    expect(absolute.meta.trials).toBe(1024);
    expect(halfWidthOf(absolute.targets[0])).toBeGreaterThan(expected);

    const relative = await simulate(scenario, { trials: 10_000_000, seed: 4, precision: { relative: 0.2 } });
    expect(relative.meta).toMatchObject({ stoppedEarly: true, precisionReached: true, precision: { relative: 0.2, minimumHits: 10, confidence: 0.95 } });
    const [rare] = relative.targets;
    expect(halfWidthOf(rare)).toBeLessThanOrEqual(0.2 * rare.probability);
    expect(rare.hits).toBeGreaterThanOrEqual(10);
    expect(Math.abs(rare.probability - expected)).toBeLessThan(standardErrors(expected, relative.meta.trials));
    // It stopped at the first block that was precise enough.
    const shorter = (await simulate(scenario, { trials: relative.meta.trials - 1024, seed: 4 })).targets[0];
    expect(halfWidthOf(shorter)).toBeGreaterThan(0.2 * shorter.probability);
  });

  it('refuses more trials than a run may have, at once, with the limit and the way to shards', async () => {
    const scenario = await reference();
    const started = Date.now();
    await expect(simulate(scenario, { trials: 1e12 })).rejects.toThrow(
      'trials: at most 1,000,000,000 in one run, got 1,000,000,000,000; split a larger run into shards',
    );
    await expect(simulate(scenario, { trials: MAX_TRIALS + 1 })).rejects.toThrow(RangeError);
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(simulateShard(scenario, { trials: 1e13, shard: { index: 1, count: 2 } })).rejects.toThrow('trials: at most 1,000,000,000,000');
    await expect(simulateShard(scenario, { trials: 4e9, shard: { index: 1, count: 2 } })).rejects.toThrow(
      'shard: at most 1,000,000,000 trials in one shard, but shard 1 of 2 holds 2,000,000,000',
    );
  });

  it('checks the seed: a text or a whole number, never an object that reads like every other', async () => {
    const scenario = await reference();
    for (const [seed, shown] of [
      [{ a: 1 }, '{"a":1}'],
      [{ b: 2 }, '{"b":2}'],
      [1.5, '1.5'],
      [Number.NaN, 'NaN'],
      [true, 'true'],
      [[1], '[1]'],
    ] as const) {
      await expect(simulate(scenario, { trials: 10, seed: seed as never })).rejects.toThrow(`seed: expected a text or a whole number, got ${shown}`);
      await expect(simulateShard(scenario, { trials: 10, seed: seed as never, shard: { index: 1, count: 1 } })).rejects.toThrow(RangeError);
    }
    await expect(simulate(scenario, { trials: 10, seed: -7 })).resolves.toBeDefined();
    await expect(simulate(scenario, { trials: 10, seed: 'text' })).resolves.toBeDefined();
  });
});

describe('simulate on worker threads', () => {
  it('gives identical JSON for 1, 2 and 3 workers and any batch size', async () => {
    const scenario = await reference();
    const runs = await Promise.all([
      simulate(scenario, { trials: 40_000, seed: 'workers', workers: 1 }),
      simulate(scenario, { trials: 40_000, seed: 'workers', workers: 2, blocksPerBatch: 3 }),
      simulate(scenario, { trials: 40_000, seed: 'workers', workers: 3, blocksPerBatch: 5 }),
    ]);
    for (const run of runs.slice(1)) expect(JSON.stringify(run)).toBe(JSON.stringify(runs[0]));
  });

  it('gives the same JSON with batches sized to the work left, run after run on the kept pool', async () => {
    const scenario = await reference();
    const single = JSON.stringify(await simulate(scenario, { trials: 150_000, seed: 'guided', workers: 1 }));
    for (const workers of [2, 2, 3]) expect(JSON.stringify(await simulate(scenario, { trials: 150_000, seed: 'guided', workers }))).toBe(single);
  });

  it('stops early at the same block whatever the number of workers', async () => {
    const scenario = await reference();
    const options = { trials: 1_000_000, seed: 9, precision: { halfWidth: 0.01 } };
    const [one, two, three] = await Promise.all([
      simulate(scenario, { ...options, workers: 1 }),
      simulate(scenario, { ...options, workers: 2, blocksPerBatch: 7 }),
      simulate(scenario, { ...options, workers: 3 }),
    ]);
    expect(one.meta.trials).toBeLessThan(options.trials);
    expect(two.meta.trials).toBe(one.meta.trials);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(JSON.stringify(three)).toBe(JSON.stringify(one));
  });
});

describe('stopping a run on worker threads', () => {
  it('rejects with RunAborted once its signal fires, and the next run on workers still gives the single-thread result', async () => {
    const scenario = await reference();
    const controller = new AbortController();
    const aborted = simulate(scenario, {
      trials: 100_000_000,
      seed: 1,
      workers: 2,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(aborted).rejects.toBeInstanceOf(RunAborted);
    const options = { trials: 60_000, seed: 'after-abort' };
    const [single, onWorkers] = await Promise.all([simulate(scenario, { ...options, workers: 1 }), simulate(scenario, { ...options, workers: 2 })]);
    expect(JSON.stringify(onWorkers)).toBe(JSON.stringify(single));
  });
});
