import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as source from '../../src/browserEntry.js';
import { parseScenario } from '../../src/index.js';

const bundlePath = new URL('../../dist/browser/parkcast.js', import.meta.url).pathname;

describe('the browser bundle, dist/browser/parkcast.js (npm test builds it first)', () => {
  it('exists', () => {
    expect(existsSync(bundlePath), 'dist/browser/parkcast.js is missing: run `npm run build` (npm test does)').toBe(true);
  });

  it('imports nothing: no Node built-in, no package, no other file; every dependency is inside', () => {
    const code = readFileSync(bundlePath, 'utf8');
    // Static imports (minified: `import{x}from"y"` or `import"y"`) and dynamic ones.
    expect(code.match(/(?:^|[;}\s])import\s*(?:[{*\w][^;]*?from\s*)?["'][^"']+["']/g) ?? []).toEqual([]);
    expect(code.match(/\bimport\s*\(\s*["'`][^"'`]+["'`]\s*\)/g) ?? []).toEqual([]);
    expect(
      code.match(/\brequire\s*\(\s*["'`](?:node:)?(?:fs|fs\/promises|path|crypto|worker_threads|module|url|os|child_process|util|tty)["'`]\s*\)/g) ?? [],
    ).toEqual([]);
    // The only mention of a `node:` module is the guarded look-up of Node's crypto, for speed in Node.
    expect(code.match(/.{0,40}["'`]node:[a-z_/]+["'`]/g)).toEqual([expect.stringContaining('getBuiltinModule?.("node:crypto"')]);
  });

  it('exports the browser-safe API of src/browserEntry.ts, by the same names', async () => {
    const bundle = await import(bundlePath);
    expect(Object.keys(bundle).sort()).toEqual(Object.keys(source).sort());
    for (const name of [
      'parseScenario',
      'safeParseScenario',
      'safeParseScenarioText',
      'project',
      'simulate',
      'parkCharts',
      'fanChart',
      'targetProbabilitiesChart',
    ])
      expect(typeof bundle[name], name).toBe('function');
  });

  it('run in Node, gives the result of the sources bit for bit, and refuses worker threads with a clear message', async () => {
    const bundle = await import(bundlePath);
    const input = JSON.parse(readFileSync(new URL('../../seeds/jinyang-lake.json', import.meta.url), 'utf8'));
    const fromBundle = await bundle.simulate(await bundle.parseScenario(input), { trials: 3000, seed: 11 });
    const fromSource = await source.simulate(await parseScenario(input), { trials: 3000, seed: 11 });
    expect(JSON.stringify(fromBundle)).toBe(JSON.stringify(fromSource));
    await expect(bundle.simulate(await bundle.parseScenario(input), { trials: 40_000, workers: 2 })).rejects.toThrow(/browser runs parkcast on one thread/);
  });
});
