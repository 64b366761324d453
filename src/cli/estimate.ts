import { MAX_TRIALS, type Scenario, simulate } from '../index.js';
import type { Io } from './io.js';

/** Runs estimated to take longer than this ask for `--yes` before they start. */
export const CONFIRM_ABOVE_SECONDS = 600;

/** Runs of at most this many trials start without a timing run: a million trials of a seed park take about 1.3 s on one thread. */
const TIMED_ABOVE_TRIALS = 1_000_000;

/** A duration readable at a glance: 40 s, 12 min, 3 h 20 min, 2.5 days. */
export function formatDuration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`;
  return `${(seconds / 86_400).toFixed(1)} days`;
}

/** The timing runs stop growing once the last one took this much longer than the one before. */
const TIMING_SECONDS = 0.25;

/**
 * The seconds a run of `trials` of each scenario should take on `workers` threads, from short
 * timing runs on this thread, each four times the last, until one takes a quarter of a second
 * more than the one before: the rate from the difference of the last two leaves out the fixed
 * cost of building the model and summarising, and the engine is warm by then (the first blocks
 * run three times slower). Optimistic on purpose (it assumes every thread adds a full thread's
 * speed), so a run is held back only when it is surely long.
 */
export async function estimateSeconds(scenarios: readonly Scenario[], trials: number, workers: number): Promise<{ seconds: number; trialsPerSecond: number }> {
  let secondsPerTrial = 0;
  for (const scenario of scenarios) {
    const time = async (n: number) => {
      const started = performance.now();
      await simulate(scenario, { trials: n, workers: 1 });
      return (performance.now() - started) / 1000;
    };
    let previous = { trials: 1024, seconds: await time(1024) };
    for (let n = 4096; ; n *= 4) {
      const seconds = await time(n);
      if (seconds - previous.seconds >= TIMING_SECONDS || n >= 1 << 20) {
        secondsPerTrial += Math.max(seconds - previous.seconds, 1e-6) / (n - previous.trials);
        break;
      }
      previous = { trials: n, seconds };
    }
  }
  const seconds = (secondsPerTrial * trials) / Math.max(1, workers);
  return { seconds, trialsPerSecond: scenarios.length / secondsPerTrial };
}

/**
 * Whether `--trials` is within one run's limit; if not, says so (the command then exits 2). An
 * analysis of many runs (sensitivity, goal seek, compare) has the limit for each of its runs.
 */
export function trialsWithinLimit(trials: number, io: Io, hint = ''): boolean {
  if (trials <= MAX_TRIALS) return true;
  io.err(`--trials: at most ${MAX_TRIALS.toLocaleString('en-US')} in one run, got ${trials.toLocaleString('en-US')}${hint}`);
  return false;
}

/** An analysis that makes several runs of the same trials: how many, and what they are, for the estimate's message. */
export interface RunsOfAnalysis {
  readonly count: number;
  /** e.g. "a base run and two per assumption" */
  readonly what: string;
}

/**
 * Holds back a run estimated to take more than ten minutes unless `--yes` was given: prints the
 * estimate and returns false (the command then exits 2). With `--yes`, prints the estimate and
 * returns true. Runs of a million trials or fewer are not timed. An analysis of several runs
 * (`runs`) is estimated as their total.
 */
export async function confirmLongRun(
  scenarios: readonly Scenario[],
  trials: number,
  workers: number,
  yes: boolean | undefined,
  io: Io,
  runs: RunsOfAnalysis = { count: 1, what: '' },
): Promise<boolean> {
  if (trials * runs.count * scenarios.length <= TIMED_ABOVE_TRIALS) return true;
  const { seconds: secondsPerRun, trialsPerSecond } = await estimateSeconds(scenarios, trials, workers);
  const seconds = secondsPerRun * runs.count;
  if (seconds <= CONFIRM_ABOVE_SECONDS) return true;
  const each = `${trials.toLocaleString('en-US')} trials${scenarios.length > 1 ? ` of each of ${scenarios.length} scenarios` : ''}`;
  const what = runs.count === 1 ? each : `${runs.count.toLocaleString('en-US')} runs (${runs.what}) of ${each}`;
  const estimate = `${what} should take about ${formatDuration(seconds)} on ${workers} thread${workers === 1 ? '' : 's'} (timed: ${Math.round(trialsPerSecond).toLocaleString('en-US')} trials/s on one)`;
  if (yes) {
    io.err(`parkcast: ${estimate}; starting (--yes)`);
    return true;
  }
  io.err(`parkcast: ${estimate}, more than ${CONFIRM_ABOVE_SECONDS / 60} minutes: add --yes to run it anyway, or ask for fewer --trials`);
  return false;
}
