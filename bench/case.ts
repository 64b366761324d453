/**
 * One benchmark configuration, run alone in its own process so its peak memory is its own:
 * `tsx bench/case.ts <engine|loop|squiggle> <trials> [runs = 3] [first run = 1] [workers = 1] [src|dist]`.
 * A warm-up run, then the timed runs, run i with seed `bench-i`; the result goes to the parent
 * (bench/run.ts) over IPC, or to stdout when run by hand. `workers` is the engine's (worker
 * threads, piscina); the loop and Squiggle run on this thread. For Squiggle, trials are its
 * `sampleCount`. The engine comes from the TypeScript sources (src/, through tsx, the default) or
 * from the built package (dist/, `npm run build` first), whose workers start without tsx.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { REFERENCE_TARGETS } from './reference.js';
import type { ReferenceHits } from './reference-loop.js';

/** `cli` is the built CLI (dist/cli.js), run by bench/run.ts as a process of its own, not by this file. */
export type Implementation = 'engine' | 'loop' | 'squiggle' | 'cli';
/** What this file runs. */
export const IMPLEMENTATIONS: readonly Implementation[] = ['engine', 'loop', 'squiggle'];
/** Where the engine is imported from. */
export type EngineSource = 'src' | 'dist';
export type Probabilities = Record<keyof ReferenceHits, number>;

export type CaseResult =
  | {
      ok: true;
      what: Implementation;
      trials: number;
      workers: number;
      /** Wall time of each timed run, in milliseconds. */
      timesMs: number[];
      medianMs: number;
      trialsPerSecond: number;
      /** RSS once everything is imported (and the scenario loaded), before any run. */
      loadedRssMiB: number;
      /** Peak RSS of the whole process, worker threads included (`maxRSS`), over the warm-up and the timed runs. */
      peakRssMiB: number;
      /** Averaged over the timed runs (each its own seed), so estimated from `trials * timesMs.length` trials. */
      probabilities: Probabilities;
      /** During the timed runs: this process's CPU time (all its threads) per second of wall time. */
      ownCores: number;
      /** During the timed runs: the machine's other busy CPU time (other processes) per second of wall time. */
      otherCores: number;
    }
  | { ok: false; what: Implementation; trials: number; workers: number; error: string };

const WARM_UP_TRIALS = 200_000;
const MIB = 1024 * 1024;

/** Busy CPU time of the whole machine so far, in microseconds (os.cpus() counts milliseconds). */
export function machineBusyMicros(): number {
  let busy = 0;
  for (const { times } of os.cpus()) busy += times.user + times.nice + times.sys + times.irq;
  return busy * 1000;
}

type Runner = (trials: number, seed: string) => Promise<Probabilities>;

async function loopRunner(): Promise<Runner> {
  const { referenceLoop } = await import('./reference-loop.js');
  return async (trials, seed) => {
    const { hits } = referenceLoop(trials, seed);
    return {
      enterprises: hits.enterprises / trials,
      graduates: hits.graduates / trials,
      output: hits.output / trials,
      tax: hits.tax / trials,
      all: hits.all / trials,
    };
  };
}

async function squiggleRunner(): Promise<Runner> {
  const { squiggleModel, squiggleProbabilities } = await import('./squiggle.js');
  const code = squiggleModel();
  return (trials, seed) => squiggleProbabilities(trials, seed, code);
}

async function engineRunner(workers: number, from: EngineSource): Promise<Runner> {
  const { loadScenario, simulate }: typeof import('../src/index.js') = from === 'dist' ? await import(distEntry()) : await import('../src/index.js');
  const scenario = await loadScenario(fileURLToPath(new URL('../examples/reference-model.json', import.meta.url)));
  return async (trials, seed) => {
    const result = await simulate(scenario, { trials, seed, workers });
    const probabilities = { all: result.joint.probability } as Probabilities;
    for (const target of REFERENCE_TARGETS) {
      if (target.id === null) continue;
      const found = result.targets.find((t) => t.id === target.id);
      if (found === undefined) throw new Error(`simulate returned no target "${target.id}"`);
      probabilities[target.key] = found.probability;
    }
    return probabilities;
  };
}

/** dist/index.js, as a URL (a variable, so the type checker does not need a build). */
function distEntry(): string {
  const url = new URL('../dist/index.js', import.meta.url);
  if (!existsSync(url)) throw new Error('dist/index.js not found: run `npm run build` first');
  return url.href;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Warms up, then times `runs` runs of `trials` trials with seeds bench-<firstRun>, bench-<firstRun + 1>, ... */
export async function runCase(what: Implementation, trials: number, runs = 3, firstRun = 1, workers = 1, from: EngineSource = 'src'): Promise<CaseResult> {
  try {
    if (what === 'cli') throw new Error('the built CLI is run by bench/run.ts, not by bench/case.ts');
    const run = what === 'engine' ? await engineRunner(workers, from) : what === 'squiggle' ? await squiggleRunner() : await loopRunner();
    const loadedRssMiB = process.memoryUsage().rss / MIB;
    await run(Math.min(trials, WARM_UP_TRIALS), 'bench-warm-up');
    const timesMs: number[] = [];
    const sums: Probabilities = { enterprises: 0, graduates: 0, output: 0, tax: 0, all: 0 };
    const ownBefore = process.cpuUsage();
    const machineBefore = machineBusyMicros();
    for (let i = firstRun; i < firstRun + runs; i++) {
      const start = performance.now();
      const p = await run(trials, `bench-${i}`);
      timesMs.push(performance.now() - start);
      for (const key of Object.keys(sums) as Array<keyof Probabilities>) sums[key] += p[key] / runs;
    }
    const own = process.cpuUsage(ownBefore);
    const ownMicros = own.user + own.system;
    const wallMicros = timesMs.reduce((a, b) => a + b, 0) * 1000;
    const medianMs = median(timesMs);
    return {
      ok: true,
      what,
      trials,
      workers,
      timesMs,
      medianMs,
      trialsPerSecond: trials / (medianMs / 1000),
      loadedRssMiB,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
      probabilities: sums,
      ownCores: ownMicros / wallMicros,
      // os.cpus() ticks are coarse (10 ms); clamp the small negative differences that gives.
      otherCores: Math.max(0, (machineBusyMicros() - machineBefore - ownMicros) / wallMicros),
    };
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { ok: false, what, trials, workers, error: message };
  }
}

async function main(args: string[]): Promise<void> {
  const [what, trialsText, runsText = '3', firstRunText = '1', workersText = '1', from = 'src'] = args;
  const [trials, runs, firstRun, workers] = [trialsText, runsText, firstRunText, workersText].map(Number);
  if (
    !IMPLEMENTATIONS.includes(what as Implementation) ||
    ![trials, runs, firstRun, workers].every((n) => Number.isInteger(n) && n >= 1) ||
    (from !== 'src' && from !== 'dist')
  ) {
    console.error('usage: tsx bench/case.ts <engine|loop|squiggle> <trials> [runs = 3] [first run = 1] [workers = 1] [src|dist]');
    process.exitCode = 2;
    return;
  }
  const result = await runCase(what as Implementation, trials, runs, firstRun, workers, from);
  if (process.send) process.send(result);
  else console.log(JSON.stringify(result, null, 2));
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) void main(process.argv.slice(2));
