/**
 * One benchmark configuration, run alone in its own process so its peak memory is its own:
 * `tsx bench/case.ts <engine|loop> <trials> [runs = 3] [first run = 1]`. A warm-up run, then the
 * timed runs, run i with seed `bench-i`; the result goes to the parent (bench/run.ts) over IPC, or
 * to stdout when run by hand.
 */
import { fileURLToPath } from 'node:url';
import type { ReferenceHits } from './reference-loop.js';
import { REFERENCE_TARGETS } from './reference.js';

export type Implementation = 'engine' | 'loop';
export type Probabilities = Record<keyof ReferenceHits, number>;

export type CaseResult =
  | {
      ok: true;
      what: Implementation;
      trials: number;
      /** Wall time of each timed run, in milliseconds. */
      timesMs: number[];
      medianMs: number;
      trialsPerSecond: number;
      /** RSS once everything is imported (and the scenario loaded), before any run. */
      loadedRssMiB: number;
      /** Peak RSS of the whole process (`maxRSS`). */
      peakRssMiB: number;
      /** Averaged over the timed runs (each its own seed), so estimated from `trials * timesMs.length` trials. */
      probabilities: Probabilities;
    }
  | { ok: false; what: Implementation; trials: number; error: string };

const WARM_UP_TRIALS = 200_000;
const MIB = 1024 * 1024;

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

async function engineRunner(): Promise<Runner> {
  const { loadScenario, simulate } = await import('../src/index.js');
  const scenario = await loadScenario(fileURLToPath(new URL('../examples/reference-model.json', import.meta.url)));
  return async (trials, seed) => {
    const result = await simulate(scenario, { trials, seed });
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Warms up, then times `runs` runs of `trials` trials with seeds bench-<firstRun>, bench-<firstRun + 1>, ... */
export async function runCase(what: Implementation, trials: number, runs = 3, firstRun = 1): Promise<CaseResult> {
  try {
    const run = what === 'engine' ? await engineRunner() : await loopRunner();
    const loadedRssMiB = process.memoryUsage().rss / MIB;
    await run(Math.min(trials, WARM_UP_TRIALS), 'bench-warm-up');
    const timesMs: number[] = [];
    const sums: Probabilities = { enterprises: 0, graduates: 0, output: 0, tax: 0, all: 0 };
    for (let i = firstRun; i < firstRun + runs; i++) {
      const start = performance.now();
      const p = await run(trials, `bench-${i}`);
      timesMs.push(performance.now() - start);
      for (const key of Object.keys(sums) as Array<keyof Probabilities>) sums[key] += p[key] / runs;
    }
    const medianMs = median(timesMs);
    return {
      ok: true,
      what,
      trials,
      timesMs,
      medianMs,
      trialsPerSecond: trials / (medianMs / 1000),
      loadedRssMiB,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
      probabilities: sums,
    };
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { ok: false, what, trials, error: message };
  }
}

async function main(args: string[]): Promise<void> {
  const [what, trialsText, runsText = '3', firstRunText = '1'] = args;
  const [trials, runs, firstRun] = [trialsText, runsText, firstRunText].map(Number);
  if ((what !== 'engine' && what !== 'loop') || ![trials, runs, firstRun].every((n) => Number.isInteger(n) && n >= 1)) {
    console.error('usage: tsx bench/case.ts <engine|loop> <trials> [runs = 3] [first run = 1]');
    process.exitCode = 2;
    return;
  }
  const result = await runCase(what, trials, runs, firstRun);
  if (process.send) process.send(result);
  else console.log(JSON.stringify(result, null, 2));
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) void main(process.argv.slice(2));
