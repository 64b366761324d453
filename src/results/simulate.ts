import { buildModel, type Model, parseModelExpressions } from '../engine/model.js';
import { runBlocks } from '../engine/run.js';
import type { BlockCheck } from '../engine/runBlocks.js';
import { GENERATOR, TRIALS_PER_BLOCK } from '../random/stream.js';
import type { Scenario } from '../scenario/schema/scenario.js';
import { wilsonInterval } from '../statistics/wilson.js';
import { summarise } from './summarise.js';
import { resultMeta } from './targetDefinition.js';
import type { SimulationResult } from './types.js';

/** Options of a Monte Carlo run. */
export interface SimulateOptions {
  /** Trials to run; with `precision`, the most to run. Default 10,000. */
  trials?: number;
  /** The master seed. The same seed gives the same result, bit for bit. Default 1. */
  seed?: string | number;
  /** Confidence level of the reported intervals. Default 0.95. */
  confidence?: number;
  /**
   * Stop once every target's probability (and the joint one) is known to ± `halfWidth` (Wilson
   * interval at `confidence`, default 0.95), checked after each block of 1024 trials.
   */
  precision?: { halfWidth: number; confidence?: number };
  /** Blocks of 1024 trials per unit of work (a worker's task, a progress report). Does not change results. Default 16. */
  blocksPerBatch?: number;
  /** Worker threads to run on. Does not change results, bit for bit. Default 1 (this thread). */
  workers?: number;
  /** Called after each batch with the trials done and the most that will run. */
  onProgress?: (trialsDone: number, trialsPlanned: number) => void;
  /** Stops the run between batches (it then rejects with `RunAborted`). */
  signal?: AbortSignal;
  /**
   * Sees every block of trials as it is computed, for audit (`parkcast simulate --samples`): the
   * arrays are views valid during the call. Only on one thread (`workers` 1).
   */
  onBlock?: (block: BlockSamples) => void;
}

/** One block of trials as `onBlock` sees it: per name, one value per trial of the block. */
export interface BlockSamples {
  readonly firstTrial: number;
  readonly length: number;
  readonly years: readonly number[];
  /** Per assumption: values by year index for yearly ones, else one row. */
  readonly parameters: ReadonlyArray<{ readonly name: string; readonly perYear: boolean; readonly values: readonly Float64Array[] }>;
  /** Per metric: values by year index (0 is the base year). */
  readonly metrics: ReadonlyArray<{ readonly name: string; readonly values: readonly Float64Array[] }>;
  readonly targets: ReadonlyArray<{ readonly id: string; readonly measured: Float64Array; readonly hit: Uint8Array }>;
}

export const DEFAULT_TRIALS = 10_000;
export const DEFAULT_SEED = 1;

function checkOptions(options: SimulateOptions): void {
  const { trials, confidence, precision, blocksPerBatch } = options;
  if (trials !== undefined && !(Number.isInteger(trials) && trials >= 1)) throw new RangeError(`trials: expected a whole number of at least 1, got ${trials}`);
  if (confidence !== undefined && !(confidence > 0 && confidence < 1)) throw new RangeError(`confidence: expected a number between 0 and 1, got ${confidence}`);
  if (precision !== undefined && !(precision.halfWidth > 0 && precision.halfWidth < 0.5))
    throw new RangeError(`precision.halfWidth: expected a number between 0 and 0.5, got ${precision.halfWidth}`);
  if (precision?.confidence !== undefined && !(precision.confidence > 0 && precision.confidence < 1))
    throw new RangeError(`precision.confidence: expected a number between 0 and 1, got ${precision.confidence}`);
  if (options.workers !== undefined && !(Number.isInteger(options.workers) && options.workers >= 1))
    throw new RangeError(`workers: expected a whole number of at least 1, got ${options.workers}`);
  if (options.onBlock !== undefined && (options.workers ?? 1) > 1) throw new RangeError('onBlock: raw samples are collected on one thread; set workers to 1');
  if (blocksPerBatch !== undefined && !(Number.isInteger(blocksPerBatch) && blocksPerBatch >= 1))
    throw new RangeError(`blocksPerBatch: expected a whole number of at least 1, got ${blocksPerBatch}`);
  if (typeof options.seed === 'number' && !Number.isFinite(options.seed)) throw new RangeError(`seed: expected a finite number or a text, got ${options.seed}`);
}

/** A block check that stops once every probability (and the joint one) is known to ± halfWidth. */
function precisionCheck(model: Model, halfWidth: number, confidence: number): BlockCheck {
  const hits = model.targets.map(() => 0);
  let jointHits = 0;
  let trials = 0;
  const hasOfficial = model.targets.some((t) => t.official);
  const precise = (count: number) => {
    const [low, high] = wilsonInterval(count, trials, confidence);
    return (high - low) / 2 <= halfWidth;
  };
  return (block) => {
    block.hits.forEach((count, t) => {
      hits[t] += count;
    });
    jointHits += block.jointHits;
    trials += block.trials;
    return hits.every(precise) && (!hasOfficial || precise(jointHits));
  };
}

/**
 * Runs a seeded Monte Carlo simulation of a scenario and reports, per target, the probability of
 * meeting it with its Wilson interval and standard error; the joint probability of the official
 * targets; how many are met; when they are first met; the expected shortfall when missed; and
 * per metric and year, the mean and quantiles.
 *
 * @example
 * ```ts
 * const result = await simulate(scenario, { trials: 100_000, seed: 7 });
 * console.log(result.joint.probability, result.targets[0].interval);
 * ```
 */
export async function simulate(scenario: Scenario, options: SimulateOptions = {}): Promise<SimulationResult> {
  checkOptions(options);
  const expressions = await parseModelExpressions(scenario);
  const model = buildModel(scenario, expressions);
  const seed = options.seed ?? DEFAULT_SEED;
  const planned = options.trials ?? DEFAULT_TRIALS;
  const confidence = options.confidence ?? 0.95;
  const precision = options.precision ? { halfWidth: options.precision.halfWidth, confidence: options.precision.confidence ?? 0.95 } : null;
  const meta = resultMeta(scenario);
  const { tally, stoppedEarly } = await runBlocks(model, seed, planned, {
    check: precision ? precisionCheck(model, precision.halfWidth, precision.confidence) : undefined,
    blocksPerBatch: options.blocksPerBatch,
    workers: options.workers,
    onProgress: options.onProgress ? (done) => options.onProgress?.(done, planned) : undefined,
    signal: options.signal,
    onBlock: options.onBlock
      ? (outcome, firstTrial) =>
          options.onBlock?.({
            firstTrial,
            length: outcome.length,
            years: model.years,
            parameters: model.parameters.map((p, i) => ({
              name: p.name,
              perYear: p.perYear,
              values: p.perYear ? outcome.parameters[i] : [outcome.parameters[i][0]],
            })),
            metrics: model.metrics.map((m, i) => ({ name: m.name, values: outcome.values[i] })),
            targets: model.targets.map((t, i) => ({ id: t.id, measured: outcome.targets.measured[i], hit: outcome.targets.hit[i] })),
          })
      : undefined,
    expressions,
    modelKey: meta.scenarioHash,
  });

  return {
    meta: {
      kind: 'simulation',
      ...meta,
      seed,
      trials: tally.trials,
      requestedTrials: planned,
      stoppedEarly,
      precision,
      confidence,
      generator: GENERATOR,
      trialsPerBlock: TRIALS_PER_BLOCK,
    },
    ...summarise(model, tally, confidence),
  };
}
