import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { referenceScenario } from './fixtures/scenarios.js';

const root = new URL('../', import.meta.url);
const dist = (file: string) => new URL(`dist/${file}`, root).pathname;
const run = promisify(execFile);

describe('the built package (npm test builds it first)', () => {
  it('exists', () => {
    expect(existsSync(dist('index.js')), 'dist/ is missing: run `npm run build` (npm test does)').toBe(true);
  });

  it('ESM and CJS builds give the same result bit for bit', async () => {
    const esm = await import(dist('index.js'));
    const cjs = createRequire(import.meta.url)(dist('index.cjs'));
    const [a, b] = await Promise.all(
      [esm, cjs].map(async (api) => JSON.stringify(await api.simulate(await api.parseScenario(referenceScenario()), { trials: 3000, seed: 8 }))),
    );
    expect(b).toBe(a);
  });

  it('ESM and CJS builds on worker threads give the single-thread result bit for bit', async () => {
    const esm = await import(dist('index.js'));
    const cjs = createRequire(import.meta.url)(dist('index.cjs'));
    const scenario = await esm.parseScenario(referenceScenario());
    const single = JSON.stringify(await esm.simulate(scenario, { trials: 20_000, seed: 8 }));
    for (const api of [esm, cjs]) {
      expect(JSON.stringify(await api.simulate(scenario, { trials: 20_000, seed: 8, workers: 2, blocksPerBatch: 4 }))).toBe(single);
    }
  });

  it('the bin runs', async () => {
    const { stdout } = await run(process.execPath, [dist('cli.js'), '--version']);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
