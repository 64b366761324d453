import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/engine/model.js';
import { runBlocks } from '../../src/engine/run.js';
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
