import { z } from 'zod';
import { buildModel, type Model, parseModelExpressions } from '../engine/model.js';
import { runBlocks } from '../engine/run.js';
import { blockCount } from '../engine/runBlocks.js';
import { type SerializedTally, Tally } from '../engine/tally.js';
import { formatPath } from '../problems/problem.js';
import { GENERATOR, TRIALS_PER_BLOCK } from '../random/stream.js';
import type { Scenario } from '../scenario/schema/scenario.js';
import { problemsFromZod } from '../scenario/zodProblems.js';
import { DEFAULT_SEED, DEFAULT_TRIALS } from './simulate.js';
import { summarise } from './summarise.js';
import { resultMeta } from './targetDefinition.js';
import type { SimulationResult } from './types.js';

/** The layout of shard files this version writes and reads (2: histograms' bins as flat numbers). */
const SHARD_FORMAT = 2;

const count = z.number().int().nonnegative();
const finite = z.number().refine(Number.isFinite, 'expected a finite number');
const histogram = z.object({
  zeros: count,
  nonFinite: count,
  wholeNumbers: z.boolean(),
  bins: z.array(finite).refine((bins) => bins.length % 4 === 0, 'expected bins as sign, exponent, sub-bin and count, four numbers each'),
});
const moments = z.object({ count, sum: z.array(finite), squares: z.array(finite) });
/** A shard's tally as read from a file: only numbers where numbers belong, so a damaged file is an error, not a wrong result. */
const SerializedTallySchema = z.object({
  firstBlock: count,
  blocks: count,
  trials: count,
  hits: z.array(count),
  jointHits: count,
  jointSetHits: z.array(count).optional(),
  officialHitCounts: z.array(count),
  firstYearCounts: z.array(z.array(count)),
  never: z.array(count),
  shortfallSums: z.array(z.array(finite)),
  shortfallCounts: z.array(count),
  metricHistograms: z.array(z.array(histogram)),
  metricMoments: z.array(z.array(moments)),
  measuredHistograms: z.array(histogram),
  measuredMoments: z.array(moments),
  blockHits: z.array(z.array(count)),
});

/** One shard of a run: its slice of blocks, as a mergeable tally, with what it was computed from. */
export interface ShardResult {
  readonly kind: 'parkcast-shard';
  readonly formatVersion: typeof SHARD_FORMAT;
  readonly meta: {
    readonly parkcastVersion: string;
    readonly scenarioHash: string;
    readonly seed: string | number;
    readonly trials: number;
    readonly confidence: number;
    /** 1-based: shard `index` of `count`. */
    readonly shard: { readonly index: number; readonly count: number };
  };
  readonly scenario: Scenario;
  readonly tally: SerializedTally;
}

/**
 * The blocks [first, end) of shard `index` (1-based) of `count`: contiguous, near-equal slices.
 *
 * @example
 * ```ts
 * shardBlocks(1_000_000, 2, 4); // { first: 244, end: 488 }: blocks of 1024 trials
 * ```
 */
export function shardBlocks(totalTrials: number, index: number, count: number): { first: number; end: number } {
  const blocks = blockCount(totalTrials);
  return { first: Math.floor(((index - 1) * blocks) / count), end: Math.floor((index * blocks) / count) };
}

/**
 * Runs only shard `index` of `count` of a Monte Carlo run: exactly the blocks that shard holds,
 * so shards can run anywhere (a batch runner's array job) and `mergeShards` gives the same result
 * as the whole run.
 *
 * @example
 * ```ts
 * const part = await simulateShard(scenario, { trials: 1_000_000, seed: 1, shard: { index: 2, count: 4 } });
 * writeFileSync('part-2.json', JSON.stringify(part));
 * ```
 */
export async function simulateShard(
  scenario: Scenario,
  options: { trials?: number; seed?: string | number; confidence?: number; workers?: number; shard: { index: number; count: number } },
): Promise<ShardResult> {
  const { index, count } = options.shard;
  if (!(Number.isInteger(count) && count >= 1 && Number.isInteger(index) && index >= 1 && index <= count)) {
    throw new RangeError(`shard: expected i/n with 1 <= i <= n, got ${index}/${count}`);
  }
  const trials = options.trials ?? DEFAULT_TRIALS;
  if (!(Number.isInteger(trials) && trials >= 1)) throw new RangeError(`trials: expected a whole number of at least 1, got ${trials}`);
  const seed = options.seed ?? DEFAULT_SEED;
  const expressions = await parseModelExpressions(scenario);
  const model = buildModel(scenario, expressions);
  const meta = resultMeta(scenario);
  const { first, end } = shardBlocks(trials, index, count);
  const { tally: part } = await runBlocks(model, seed, trials, {
    firstBlock: first,
    endBlock: end,
    workers: options.workers,
    expressions,
    modelKey: meta.scenarioHash,
  });
  return {
    kind: 'parkcast-shard',
    formatVersion: SHARD_FORMAT,
    meta: {
      parkcastVersion: meta.parkcastVersion,
      scenarioHash: meta.scenarioHash,
      seed,
      trials,
      confidence: options.confidence ?? 0.95,
      shard: { index, count },
    },
    scenario,
    tally: part.serialize({ blockHits: false }),
  };
}

/** Why a set of shards cannot be merged; `shard` is the index (in the list given) of the shard at fault, if one is. */
export class ShardMismatchError extends Error {
  constructor(
    message: string,
    readonly shard?: number,
  ) {
    super(message);
    this.name = 'ShardMismatchError';
  }
}

/** The shard's tally, checked against the file format and the model's shape. */
function checkedTally(shard: ShardResult, index: number, model: Model): SerializedTally {
  const parsed = SerializedTallySchema.safeParse(shard.tally);
  if (!parsed.success) {
    const problems = problemsFromZod(parsed.error, shard.tally);
    throw new ShardMismatchError(`a damaged shard: ${problems.map((p) => `tally.${formatPath(p.path)}: ${p.message}`).join('; ')}`, index);
  }
  const tally = parsed.data;
  const targets = model.targets.length;
  const shapes: Array<[string, boolean]> = [
    [
      'target',
      [tally.hits, tally.never, tally.shortfallCounts, tally.shortfallSums, tally.firstYearCounts, tally.measuredHistograms, tally.measuredMoments].every(
        (a) => a.length === targets,
      ),
    ],
    ['joint set', (tally.jointSetHits ?? []).length === model.jointSets.length],
    ['metric', tally.metricHistograms.length === model.metrics.length && tally.metricMoments.length === model.metrics.length],
    ['year', [...tally.metricHistograms, ...tally.metricMoments, ...tally.firstYearCounts].every((a) => a.length === model.years.length)],
  ];
  const wrong = shapes.find(([, ok]) => !ok);
  if (wrong) throw new ShardMismatchError(`a damaged shard: its tally does not have one entry per ${wrong[0]} of the scenario`, index);
  return tally;
}

/**
 * Merges the shards of one run into the result of the whole run: counts, quantiles and exact
 * sums merge exactly, so every figure is the same bit for bit as the whole run's.
 *
 * @throws {ShardMismatchError} when shards come from different runs, or blocks are missing or repeated.
 * @example
 * ```ts
 * const result = await mergeShards(files.map((f) => JSON.parse(readFileSync(f, 'utf8'))));
 * ```
 */
export async function mergeShards(shards: readonly ShardResult[]): Promise<SimulationResult> {
  if (shards.length === 0) throw new ShardMismatchError('no shards to merge');
  const [first] = shards;
  for (const [index, shard] of shards.entries()) {
    if (shard?.kind !== 'parkcast-shard') throw new ShardMismatchError('not a parkcast shard file', index);
    if (shard.formatVersion !== SHARD_FORMAT) {
      throw new ShardMismatchError(
        `a shard file of format ${JSON.stringify(shard.formatVersion)}; this parkcast reads format ${SHARD_FORMAT}: compute the shard again with it`,
        index,
      );
    }
    if (typeof shard.meta !== 'object' || shard.meta === null) throw new ShardMismatchError('a damaged shard: no meta', index);
    for (const key of ['scenarioHash', 'seed', 'trials', 'parkcastVersion', 'confidence'] as const) {
      if (shard.meta[key] !== first.meta[key]) {
        throw new ShardMismatchError(`shards from different runs: ${key} ${JSON.stringify(first.meta[key])} and ${JSON.stringify(shard.meta[key])}`);
      }
    }
  }
  const { scenario } = first;
  const { trials, seed, confidence } = first.meta;
  const model = buildModel(scenario, await parseModelExpressions(scenario));
  const parts = shards.map((s, index) => Tally.deserialize(model, checkedTally(s, index, model))).sort((a, b) => a.firstBlock - b.firstBlock);
  const run = new Tally(model, 0);
  for (const part of parts) {
    if (part.firstBlock !== run.blocks) {
      throw new ShardMismatchError(
        part.firstBlock > run.blocks
          ? `blocks ${run.blocks} to ${part.firstBlock - 1} are missing: is a shard missing?`
          : `block ${part.firstBlock} appears twice: is a shard repeated?`,
      );
    }
    run.merge(part);
  }
  if (run.blocks !== blockCount(trials)) throw new ShardMismatchError(`blocks ${run.blocks} to ${blockCount(trials) - 1} are missing: is a shard missing?`);
  return {
    meta: {
      kind: 'simulation',
      ...resultMeta(scenario),
      seed,
      trials: run.trials,
      requestedTrials: trials,
      stoppedEarly: false,
      precision: null,
      confidence,
      generator: GENERATOR,
      trialsPerBlock: TRIALS_PER_BLOCK,
    },
    ...summarise(model, run, confidence),
  };
}
