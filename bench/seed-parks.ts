/**
 * `npm run bench:parks [-- --trials N] [--rounds R]`: each seed park (seeds/*.json) at 1e6 trials
 * from the built package (`npm run bench:parks` builds it first), on one thread and on all cores, as
 * a user of the CLI or the API meets it. Every configuration runs in a fresh process of plain node
 * of its own (bench/park-case.ts, compiled by bench/compile.ts: no TypeScript loader in it), which
 * starts the worker threads (`startWorkers`), reads the scenario, then times two runs:
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
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compileForNode, ROOT } from './compile.js';
import type { CaseTimes } from './park-case.js';

const CORES = os.availableParallelism();

/** `compiled` is bench/park-case.ts compiled for plain node. */
function runInChild(compiled: string, file: string, trials: number, workers: number): Promise<CaseTimes> {
  return new Promise((resolve, reject) => {
    const child = fork(compiled, [file, String(trials), String(workers)], { cwd: ROOT, execArgv: [] });
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
  if (!existsSync(join(ROOT, 'dist', 'index.js'))) throw new Error('dist/index.js not found: run `npm run build` first');
  const compiled = await compileForNode('bench/park-case.ts');
  const parks = readdirSync(join(ROOT, 'seeds'))
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
      for (const workers of order) byWorkers.set(workers, await runInChild(compiled, park, trials, workers));
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

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
