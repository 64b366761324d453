/**
 * One configuration of `npm run bench:parks` (bench/seed-parks.ts), in a process of its own, from
 * the project's root: `<this file compiled> <park file> <trials> <workers>` starts the worker
 * threads, reads the park from the built package (dist/) and times a cold and a warm run; the
 * times go to the parent over IPC.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface CaseTimes {
  coldMs: number;
  warmMs: number;
  /** SHA-256 of the two results' JSON: equal for any number of threads. */
  digest: string;
}

/** Starts threads, reads the park, times a cold and a warm run. */
async function runCase(file: string, trials: number, workers: number): Promise<CaseTimes> {
  const api: typeof import('../src/index.js') = await import(pathToFileURL(join(process.cwd(), 'dist', 'index.js')).href);
  api.startWorkers(workers);
  const scenario = await api.loadScenario(file);
  const hash = createHash('sha256');
  let start = performance.now();
  hash.update(JSON.stringify(await api.simulate(scenario, { trials, seed: 'bench-cold', workers })));
  const coldMs = performance.now() - start;
  start = performance.now();
  hash.update(JSON.stringify(await api.simulate(scenario, { trials, seed: 'bench-warm', workers })));
  return { coldMs, warmMs: performance.now() - start, digest: hash.digest('hex') };
}

if (process.send !== undefined) {
  const [file, trials, workers] = process.argv.slice(2);
  void runCase(file, Number(trials), Number(workers)).then((times) => process.send?.(times, () => process.disconnect()));
}
