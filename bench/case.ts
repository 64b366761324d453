/**
 * One benchmark configuration, run alone in its own process so its peak memory is its own:
 * `<case> <engine|loop|squiggle> <trials> [runs = 3] [first run = 1] [workers = 1]`, from the
 * project's root, where `<case>` is this file compiled for plain node (bench/run.ts does that:
 * bench/compile.ts) or, by hand, `tsx bench/case.ts`. Warm-up runs, then the timed runs, run i
 * with seed `bench-i`; the result goes to the parent (bench/run.ts) over IPC, or to stdout when
 * run by hand. `workers` is the engine's (worker threads, piscina); the loop and Squiggle run on
 * this thread. For Squiggle, trials are its `sampleCount`. The engine is the built package
 * (dist/, `npm run build` first), as a user imports it.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REFERENCE_TARGETS } from './reference.js';
import type { ReferenceHits } from './reference-loop.js';

/** `cli` is the built CLI (dist/cli.js), run by bench/run.ts as a process of its own, not by this file. */
export type Implementation = 'engine' | 'loop' | 'squiggle' | 'cli';
/** What this file runs. */
export const IMPLEMENTATIONS: readonly Implementation[] = ['engine', 'loop', 'squiggle'];
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

/** Warm-up runs are of at most this many trials... */
const WARM_UP_RUN_TRIALS = 200_000;
/**
 * ...and the engine and the loop get this many in all before the timed runs, so both are timed
 * once V8 has compiled their hot code: the engine has more of it (a kernel per process, the
 * tally's passes), and after one run of 2e5 trials its next runs still got 5–8% faster. Squiggle
 * gets one warm-up run: a million of its samples take 4 s, and its time is its interpreter's.
 */
const WARM_UP_TOTAL_TRIALS = 1_000_000;
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
  const code = squiggleModel({ file: join(process.cwd(), 'bench', 'reference-model.squiggle') });
  return (trials, seed) => squiggleProbabilities(trials, seed, code);
}

async function engineRunner(workers: number): Promise<Runner> {
  const { loadScenario, simulate }: typeof import('../src/index.js') = await import(distEntry());
  const scenario = await loadScenario(join(process.cwd(), 'examples', 'reference-model.json'));
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

/** dist/index.js under the working directory, as a URL (a variable, so neither the type checker nor the bench's compiler needs a build). */
function distEntry(): string {
  const file = join(process.cwd(), 'dist', 'index.js');
  if (!existsSync(file)) throw new Error(`${file} not found: run \`npm run build\` first, from the project's root`);
  return pathToFileURL(file).href;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Warms up, then times `runs` runs of `trials` trials with seeds bench-<firstRun>, bench-<firstRun + 1>, ... */
export async function runCase(what: Implementation, trials: number, runs = 3, firstRun = 1, workers = 1): Promise<CaseResult> {
  try {
    if (what === 'cli') throw new Error('the built CLI is run by bench/run.ts, not by bench/case.ts');
    const run = what === 'engine' ? await engineRunner(workers) : what === 'squiggle' ? await squiggleRunner() : await loopRunner();
    const loadedRssMiB = process.memoryUsage().rss / MIB;
    const warmUpRun = Math.min(trials, WARM_UP_RUN_TRIALS);
    const warmUpRuns = what === 'squiggle' ? 1 : Math.ceil(WARM_UP_TOTAL_TRIALS / warmUpRun);
    for (let i = 0; i < warmUpRuns; i++) await run(warmUpRun, `bench-warm-up-${i}`);
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
  const [what, trialsText, runsText = '3', firstRunText = '1', workersText = '1'] = args;
  const [trials, runs, firstRun, workers] = [trialsText, runsText, firstRunText, workersText].map(Number);
  if (!IMPLEMENTATIONS.includes(what as Implementation) || ![trials, runs, firstRun, workers].every((n) => Number.isInteger(n) && n >= 1)) {
    console.error('usage: tsx bench/case.ts <engine|loop|squiggle> <trials> [runs = 3] [first run = 1] [workers = 1]');
    process.exitCode = 2;
    return;
  }
  const result = await runCase(what as Implementation, trials, runs, firstRun, workers);
  if (process.send) process.send(result);
  else console.log(JSON.stringify(result, null, 2));
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) void main(process.argv.slice(2));
