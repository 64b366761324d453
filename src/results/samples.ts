import { compileModel } from '../engine/model.js';
import { runBlocks } from '../engine/run.js';
import type { Scenario } from '../scenario/schema/scenario.js';
import { DEFAULT_SEED } from './simulate.js';

/** Every trial of a run, for sensitivity analysis and audit. Same seed and trials as `simulate`, same draws. */
export interface TrialSamples {
  readonly trials: number;
  readonly seed: string | number;
  readonly years: readonly number[];
  /** Per assumption, its value in each trial (per year for yearly ones: `[yearIndex][trial]`, year 0 is the base year). */
  readonly parameters: Readonly<Record<string, { readonly perYear: boolean; readonly values: readonly Float64Array[] }>>;
  /** Per metric, its value in each year and trial: `[yearIndex][trial]`. */
  readonly metrics: Readonly<Record<string, readonly Float64Array[]>>;
  /** Per target: the measured value, whether it hit (1/0) and the first year index met (-1: never). */
  readonly targets: Readonly<Record<string, { readonly measured: Float64Array; readonly hit: Uint8Array; readonly firstYearIndex: Int16Array }>>;
}

/**
 * Runs a scenario like `simulate` and keeps every trial's assumptions, metric values and target
 * outcomes. Memory grows with trials (about 8 bytes per value): use it for tens of thousands of
 * trials, and `simulate` for summaries of millions.
 *
 * @example
 * ```ts
 * const samples = await sampleTrials(scenario, { trials: 20_000, seed: 1 });
 * samples.parameters.outputDrift.values[0][17]; // the drift drawn in trial 17
 * samples.targets['output-30bn'].hit[17];       // 1 if trial 17 met the target
 * ```
 */
export async function sampleTrials(scenario: Scenario, options: { trials: number; seed?: string | number }): Promise<TrialSamples> {
  const { trials } = options;
  if (!(Number.isInteger(trials) && trials >= 1)) throw new RangeError(`trials: expected a whole number of at least 1, got ${trials}`);
  const seed = options.seed ?? DEFAULT_SEED;
  const model = await compileModel(scenario);
  const years = model.years.length;
  const parameters = model.parameters.map((p) => ({
    perYear: p.perYear,
    values: Array.from({ length: p.perYear ? years : 1 }, () => new Float64Array(trials)),
  }));
  const metrics = model.metrics.map(() => Array.from({ length: years }, () => new Float64Array(trials)));
  const targets = model.targets.map(() => ({ measured: new Float64Array(trials), hit: new Uint8Array(trials), firstYearIndex: new Int16Array(trials) }));
  await runBlocks(model, seed, trials, {
    onBlock: (outcome, first) => {
      const n = outcome.length;
      parameters.forEach((p, i) => p.values.forEach((out, y) => out.set(outcome.parameters[i][y].subarray(0, n), first)));
      metrics.forEach((byYear, m) => byYear.forEach((out, y) => out.set(outcome.values[m][y].subarray(0, n), first)));
      targets.forEach((t, i) => {
        t.measured.set(outcome.targets.measured[i].subarray(0, n), first);
        t.hit.set(outcome.targets.hit[i].subarray(0, n), first);
        t.firstYearIndex.set(outcome.targets.firstYearIndex[i].subarray(0, n), first);
      });
    },
  });
  return {
    trials,
    seed,
    years: model.years,
    parameters: Object.fromEntries(model.parameters.map((p, i) => [p.name, parameters[i]])),
    metrics: Object.fromEntries(model.metrics.map((m, i) => [m.name, metrics[i]])),
    targets: Object.fromEntries(model.targets.map((t, i) => [t.id, targets[i]])),
  };
}
