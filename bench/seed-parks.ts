/**
 * `npm run bench:parks [-- --trials N] [--rounds R]`: each seed park (seeds/*.json) at 1e6 trials
 * from the built package (`npm run build` first), on one thread and on all cores, as a user of the
 * CLI or the API meets it. Every configuration runs in a fresh process of its own, which starts
 * the worker threads (`startWorkers`), reads the scenario, then times two runs:
 *
 * - cold: the first run in the process, as one `parkcast simulate` is (its threads have compiled
 *   nothing yet);
 * - warm: a second run with another seed, as in a batch of runs (sensitivity, goal seek, many
 *   parks) on threads kept from the first.
 *
 * Configurations of a park run side by side, in an order that rotates from round to round; each
 * speed-up is the median of the per-round ratios. The results of 1 thread and all cores are
 * compared (same seeds): they must be identical. See docs/performance.md.
 */
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const CORES = os.availableParallelism();
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = new URL('../dist/index.js', import.meta.url);
const SELF = fileURLToPath(import.meta.url);

interface CaseTimes {
  coldMs: number;
  warmMs: number;
  /** SHA-256 of the two results' JSON: equal for any number of threads. */
  digest: string;
}

/** In the child: start threads, read the park, time a cold and a warm run. */
async function runCase(file: string, trials: number, workers: number): Promise<CaseTimes> {
  const api: typeof import('../src/index.js') = await import(DIST.href);
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

function runInChild(file: string, trials: number, workers: number): Promise<CaseTimes> {
  return new Promise((resolve, reject) => {
    const child = fork(SELF, ['--case', file, String(trials), String(workers)], { cwd: ROOT, execArgv: ['--import', 'tsx'] });
    let times: CaseTimes | undefined;
    child.on('message', (message) => {
      times = message as CaseTimes;
    });
    child.on('exit', (code) => (times ? resolve(times) : reject(new Error(`${file} on ${workers} workers: exited with code ${code}`))));
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { trials: { type: 'string', default: '1000000' }, rounds: { type: 'string', default: '3' } } });
  const trials = Number(values.trials);
  const rounds = Number(values.rounds);
  if (!existsSync(DIST)) throw new Error('dist/index.js not found: run `npm run build` first');
  const parks = readdirSync(new URL('../seeds', import.meta.url))
    .filter((name) => name.endsWith('.json'))
    .map((name) => `seeds/${name}`);
  const configs = CORES > 1 ? [1, CORES] : [1];
  console.log(`parkcast bench:parks: every seed park at ${trials.toExponential()} trials, built package, ${rounds} rounds`);
  console.log(
    `machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${CORES} cores, Node ${process.version}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );
  console.log('| park | 1 thread, cold / warm | all cores (%d), cold / warm | speed-up, cold / warm | identical |', CORES);
  console.log('|---|---|---|---|---|');
  for (const park of parks) {
    const runs = new Map<number, CaseTimes[]>(configs.map((w) => [w, []]));
    const coldRatios: number[] = [];
    const warmRatios: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? configs : [...configs].reverse();
      const byWorkers = new Map<number, CaseTimes>();
      for (const workers of order) byWorkers.set(workers, await runInChild(park, trials, workers));
      for (const [workers, times] of byWorkers) runs.get(workers)?.push(times);
      const one = byWorkers.get(1) as CaseTimes;
      const all = byWorkers.get(configs[configs.length - 1]) as CaseTimes;
      coldRatios.push(one.coldMs / all.coldMs);
      warmRatios.push(one.warmMs / all.warmMs);
    }
    const seconds = (workers: number, key: 'coldMs' | 'warmMs') => (median((runs.get(workers) ?? []).map((t) => t[key])) / 1000).toFixed(2);
    const one = configs[0];
    const all = configs[configs.length - 1];
    const digests = new Set([...runs.values()].flat().map((t) => t.digest));
    console.log(
      `| ${park} | ${seconds(one, 'coldMs')} s / ${seconds(one, 'warmMs')} s | ${seconds(all, 'coldMs')} s / ${seconds(all, 'warmMs')} s | ${median(coldRatios).toFixed(2)}x / ${median(warmRatios).toFixed(2)}x | ${digests.size === 1 ? 'yes' : 'NO'} |`,
    );
  }
  console.log('\ncold: the first run in a fresh process (threads started while the park was read); warm: a second run, other seed, same threads');
  console.log(
    `load average at end: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

if (process.argv[2] === '--case') {
  const [file, trials, workers] = process.argv.slice(3);
  void runCase(file, Number(trials), Number(workers)).then((times) => process.send?.(times, () => process.disconnect()));
} else {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
