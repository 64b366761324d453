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
   * Stop once every target's probability (and the joint one) is known well enough (Wilson
   * interval at `confidence`, default 0.95), checked after each block of 1024 trials: to ±
   * `halfWidth` (absolute), and/or to ± `relative` × the rarer of p and 1 − p with at least
   * `minimumHits` (default 10) trials on the rarer side, for rare targets, which an absolute
   * half-width stops far too soon (±0.5 pp of a 0.2% target is a 250% error). With both, both
   * must hold. The result says whether it was reached (`meta.precisionReached`); when `trials`
   * ran out first, a warning says so.
   */
  precision?: PrecisionOptions;
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

/** When a run may stop early: give `halfWidth`, `relative`, or both. */
export interface PrecisionOptions {
  /** The largest half-width of every probability's interval, as a probability (0.005 = ±0.5 pp). */
  halfWidth?: number;
  /** The largest half-width as a share of the rarer of p and 1 − p (0.1 = ±10% of p for a rare target). */
  relative?: number;
  /** With `relative`: the fewest trials on the rarer side (hits of a rare target). Default 10. */
  minimumHits?: number;
  /** Confidence level of the intervals checked. Default 0.95. */
  confidence?: number;
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
/**
 * The most trials one run may ask for: 1e9 is about 7 minutes of the reference model and 22 of
 * a seed park on one thread of this machine kind (0.4 s and 1.3 s a million, engine/run.ts);
 * 1e12 ran until killed. Larger runs go in shards (`simulateShard`), each at most this many.
 */
export const MAX_TRIALS = 1_000_000_000;
/** The most trials a run split into shards may have in all (counts stay exact far beyond it). */
export const MAX_SHARDED_TRIALS = 1_000_000_000_000;

/** A value as a message shows it: JSON where it can be, so an object reads `{"a":1}`, not `[object Object]`. */
export function shownValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Checks a run's trials (a whole number from 1 to `most`), for `simulate` and `simulateShard`. */
export function checkTrials(trials: unknown, most = MAX_TRIALS): void {
  if (trials === undefined) return;
  if (!(typeof trials === 'number' && Number.isInteger(trials) && trials >= 1))
    throw new RangeError(`trials: expected a whole number of at least 1, got ${shownValue(trials)}`);
  if (trials > most) {
    throw new RangeError(
      `trials: at most ${most.toLocaleString('en-US')} in one run, got ${trials.toLocaleString('en-US')}${most === MAX_TRIALS ? '; split a larger run into shards (simulateShard, or parkcast simulate --shard i/n) and merge them' : ''}`,
    );
  }
}

/**
 * Checks a seed: a text, or a whole number (a safe integer). Anything else would be turned into
 * text and could silently give another seed's result (every object reads "[object Object]").
 */
export function checkSeed(seed: unknown): void {
  if (seed === undefined || typeof seed === 'string') return;
  if (typeof seed === 'number' && Number.isSafeInteger(seed)) return;
  throw new RangeError(`seed: expected a text or a whole number, got ${shownValue(seed)}`);
}

function checkPrecision(precision: PrecisionOptions): void {
  const { halfWidth, relative, minimumHits, confidence } = precision;
  if (halfWidth === undefined && relative === undefined) throw new RangeError('precision: expected halfWidth, relative, or both');
  if (halfWidth !== undefined && !(typeof halfWidth === 'number' && halfWidth > 0 && halfWidth < 0.5))
    throw new RangeError(`precision.halfWidth: expected a number between 0 and 0.5, got ${shownValue(halfWidth)}`);
  if (relative !== undefined && !(typeof relative === 'number' && relative > 0 && relative < 1))
    throw new RangeError(`precision.relative: expected a number between 0 and 1, got ${shownValue(relative)}`);
  if (minimumHits !== undefined && !(Number.isInteger(minimumHits) && minimumHits >= 1))
    throw new RangeError(`precision.minimumHits: expected a whole number of at least 1, got ${shownValue(minimumHits)}`);
  if (confidence !== undefined && !(typeof confidence === 'number' && confidence > 0 && confidence < 1))
    throw new RangeError(`precision.confidence: expected a number between 0 and 1, got ${shownValue(confidence)}`);
}

function checkOptions(options: SimulateOptions): void {
  const { trials, confidence, precision, blocksPerBatch } = options;
  checkTrials(trials);
  checkSeed(options.seed);
  if (confidence !== undefined && !(typeof confidence === 'number' && confidence > 0 && confidence < 1))
    throw new RangeError(`confidence: expected a number between 0 and 1, got ${shownValue(confidence)}`);
  if (precision !== undefined) checkPrecision(precision);
  if (options.workers !== undefined && !(Number.isInteger(options.workers) && options.workers >= 1))
    throw new RangeError(`workers: expected a whole number of at least 1, got ${options.workers}`);
  if (options.onBlock !== undefined && (options.workers ?? 1) > 1) throw new RangeError('onBlock: raw samples are collected on one thread; set workers to 1');
  if (blocksPerBatch !== undefined && !(Number.isInteger(blocksPerBatch) && blocksPerBatch >= 1))
    throw new RangeError(`blocksPerBatch: expected a whole number of at least 1, got ${blocksPerBatch}`);
}

/** The precision a run asked for, with defaults filled in, as its result records it. */
type Precision = { readonly halfWidth?: number; readonly relative?: number; readonly minimumHits?: number; readonly confidence: number };

const DEFAULT_MINIMUM_HITS = 10;

/** Whether a probability of `count` in `trials` is known as precisely as asked. */
function precise(precision: Precision, count: number, trials: number): boolean {
  const [low, high] = wilsonInterval(count, trials, precision.confidence);
  const halfWidth = (high - low) / 2;
  if (precision.halfWidth !== undefined && halfWidth > precision.halfWidth) return false;
  if (precision.relative !== undefined) {
    const rarer = Math.min(count, trials - count);
    if (rarer < (precision.minimumHits ?? DEFAULT_MINIMUM_HITS) || halfWidth > precision.relative * (rarer / trials)) return false;
  }
  return true;
}

/** The counts a precision check looks at: each target's hits and, with official targets, the joint hits. */
function checkedCounts(model: Model, hits: readonly number[], jointHits: number): Array<{ name: string; count: number }> {
  const counts = model.targets.map((t, i) => ({ name: `target ${t.id}`, count: hits[i] }));
  if (model.targets.some((t) => t.official)) counts.push({ name: 'all official targets together', count: jointHits });
  return counts;
}

/** A block check that stops once every probability (and the joint one) is known as precisely as asked. */
function precisionCheck(model: Model, precision: Precision): BlockCheck {
  const hits = model.targets.map(() => 0);
  let jointHits = 0;
  let trials = 0;
  return (block) => {
    block.hits.forEach((count, t) => {
      hits[t] += count;
    });
    jointHits += block.jointHits;
    trials += block.trials;
    return checkedCounts(model, hits, jointHits).every(({ count }) => precise(precision, count, trials));
  };
}

/** How many trials would reach the precision for `count` hits in `trials`, roughly (half-widths shrink as 1/√n); undefined with no hits on the rarer side. */
function trialsNeeded(precision: Precision, count: number, trials: number): number | undefined {
  const [low, high] = wilsonInterval(count, trials, precision.confidence);
  const halfWidth = (high - low) / 2;
  const rarer = Math.min(count, trials - count);
  let factor = 1;
  if (precision.halfWidth !== undefined) factor = Math.max(factor, (halfWidth / precision.halfWidth) ** 2);
  if (precision.relative !== undefined) {
    if (rarer === 0) return undefined;
    factor = Math.max(factor, (halfWidth / (precision.relative * (rarer / trials))) ** 2, (precision.minimumHits ?? DEFAULT_MINIMUM_HITS) / rarer);
  }
  return trials * factor;
}

/** A count rounded up to two significant digits: 38,416 → 39,000. */
function roundedUp(n: number): number {
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 1);
  return Math.ceil(n / unit) * unit;
}

/** What a run that ran out of trials before reaching its precision says: which probabilities fell short, how far, and about how many trials would do. */
function precisionWarning(model: Model, precision: Precision, hits: readonly number[], jointHits: number, trials: number): string {
  const short = checkedCounts(model, hits, jointHits).filter(({ count }) => !precise(precision, count, trials));
  const asked = [
    precision.halfWidth === undefined ? undefined : `±${(precision.halfWidth * 100).toFixed(2)} pp`,
    precision.relative === undefined
      ? undefined
      : `±${Math.round(precision.relative * 100)}% of p (with at least ${precision.minimumHits ?? DEFAULT_MINIMUM_HITS} hits)`,
  ]
    .filter((text) => text !== undefined)
    .join(' and ');
  const reached = short
    .slice(0, 3)
    .map(({ name, count }) => {
      const [low, high] = wilsonInterval(count, trials, precision.confidence);
      const halfWidth = (high - low) / 2;
      const rarer = Math.min(count, trials - count);
      const relative = precision.relative !== undefined && rarer > 0 ? ` (±${Math.round((halfWidth / (rarer / trials)) * 100)}% of p)` : '';
      return `${name} ±${(halfWidth * 100).toFixed(2)} pp${relative} with ${count.toLocaleString('en-US')} hits`;
    })
    .join('; ');
  const more = short.length > 3 ? `; and ${short.length - 3} more` : '';
  const needed = short.map(({ count }) => trialsNeeded(precision, count, trials));
  const advice = needed.some((n) => n === undefined)
    ? 'run with more trials (a probability with no hits yet cannot be known relative to itself)'
    : `about ${roundedUp(Math.max(...(needed as number[]))).toLocaleString('en-US')} trials would reach it`;
  return `precision not reached: ${asked} was asked, but the most trials asked for (${trials.toLocaleString('en-US')}) gave ${reached}${more}; ${advice}`;
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
  const precision = options.precision ? precisionOf(options.precision) : null;
  const meta = resultMeta(scenario);
  const { tally, stoppedEarly } = await runBlocks(model, seed, planned, {
    check: precision ? precisionCheck(model, precision) : undefined,
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

  const summary = summarise(model, tally, confidence);
  // Reached when the run stopped on it, or its last block met it (a stop there is no early stop).
  const precisionReached =
    precision === null
      ? undefined
      : stoppedEarly || checkedCounts(model, tally.hits, tally.jointHits).every(({ count }) => precise(precision, count, tally.trials));
  return {
    meta: {
      kind: 'simulation',
      ...meta,
      seed,
      trials: tally.trials,
      requestedTrials: planned,
      stoppedEarly,
      precision,
      // Only with a precision asked for, so the results of other runs stay as they were, byte for byte.
      ...(precisionReached === undefined ? {} : { precisionReached }),
      confidence,
      generator: GENERATOR,
      trialsPerBlock: TRIALS_PER_BLOCK,
    },
    ...summary,
    warnings:
      precision !== null && precisionReached === false
        ? [...summary.warnings, precisionWarning(model, precision, tally.hits, tally.jointHits, tally.trials)]
        : summary.warnings,
  };
}

/** The precision as the result records it: as asked, with the confidence (and with `relative`, the minimum hits) filled in; `{ halfWidth, confidence }` alone as before. */
function precisionOf(options: PrecisionOptions): Precision {
  return {
    ...(options.halfWidth === undefined ? {} : { halfWidth: options.halfWidth }),
    ...(options.relative === undefined ? {} : { relative: options.relative, minimumHits: options.minimumHits ?? DEFAULT_MINIMUM_HITS }),
    confidence: options.confidence ?? 0.95,
  };
}
