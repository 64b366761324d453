import { describe, expect, it } from 'vitest';
import { parseScenario, sampleTrials, simulate } from '../../src/index.js';
import { referenceScenario } from '../fixtures/scenarios.js';

describe('sampleTrials', () => {
  it('keeps the very trials that simulate summarises (same seed, same draws)', async () => {
    const scenario = await parseScenario(referenceScenario());
    const [samples, summary] = await Promise.all([sampleTrials(scenario, { trials: 3000, seed: 4 }), simulate(scenario, { trials: 3000, seed: 4 })]);
    for (const target of summary.targets) {
      const hits = samples.targets[target.id].hit.reduce((a, b) => a + b, 0);
      expect(hits).toBe(target.hits);
    }
    // A yearly assumption has a value per year; a per-trial one a single row.
    expect(samples.parameters.revenueShare.values).toHaveLength(4);
    expect(samples.parameters.outputDrift.values).toHaveLength(1);
    const drift = samples.parameters.outputDrift.values[0];
    const mean = drift.reduce((a, b) => a + b, 0) / drift.length;
    expect(Math.abs(mean - 0.15)).toBeLessThan(4 * (0.05 / Math.sqrt(drift.length)));
  });
});
