import { z } from 'zod';
import { buildModel, type Model, parseModelExpressions } from '../engine/model.js';
import { runBlocks } from '../engine/run.js';
import { blockCount } from '../engine/runBlocks.js';
import { type SerializedTally, Tally, tallyInvariantProblems } from '../engine/tally.js';
import { formatPath } from '../problems/problem.js';
import { GENERATOR, TRIALS_PER_BLOCK } from '../random/stream.js';
import { scenarioHash } from '../scenario/hash.js';
import type { Scenario } from '../scenario/schema/scenario.js';
import { safeParseScenario } from '../scenario/validate.js';
import { problemsFromZod } from '../scenario/zodProblems.js';
import { checkSeed, checkTrials, DEFAULT_SEED, DEFAULT_TRIALS, MAX_SHARDED_TRIALS, MAX_TRIALS } from './simulate.js';
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

/** The trials (1-based, inclusive) shard `index` of `count` holds; `last` < `first` for a shard with none (more shards than blocks). */
function shardTrials(totalTrials: number, index: number, count: number): { first: number; last: number } {
  const { first, end } = shardBlocks(totalTrials, index, count);
  return { first: first * TRIALS_PER_BLOCK + 1, last: Math.min(end * TRIALS_PER_BLOCK, totalTrials) };
}

const shownTrials = ({ first, last }: { first: number; last: number }) =>
  last < first ? 'no trials' : `trials ${first.toLocaleString('en-US')} to ${last.toLocaleString('en-US')}`;

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
  checkTrials(options.trials, MAX_SHARDED_TRIALS);
  checkSeed(options.seed);
  const trials = options.trials ?? DEFAULT_TRIALS;
  const seed = options.seed ?? DEFAULT_SEED;
  const slice = shardTrials(trials, index, count);
  if (slice.last - slice.first + 1 > MAX_TRIALS) {
    throw new RangeError(
      `shard: at most ${MAX_TRIALS.toLocaleString('en-US')} trials in one shard, but shard ${index} of ${count} holds ${(slice.last - slice.first + 1).toLocaleString('en-US')}; split the run into more shards`,
    );
  }
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

/** A shard file's envelope: what it says it is, before its scenario and tally are checked. */
const ShardMetaSchema = z.object({
  parkcastVersion: z.string(),
  scenarioHash: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'expected "sha256:" and 64 hexadecimal digits'),
  seed: z.union([z.string(), z.number().int().refine(Number.isSafeInteger, 'expected a whole number')]),
  trials: z.number().int().min(1).max(MAX_SHARDED_TRIALS),
  confidence: z.number().gt(0).lt(1),
  shard: z.object({ index: z.number().int().min(1), count: z.number().int().min(1) }).refine((s) => s.index <= s.count, 'expected index at most count'),
});

type ShardMeta = z.infer<typeof ShardMetaSchema>;

/** The first three problems of a part of a shard file, each with its field path: "tally.hits[0]: expected …; …; and 12 more". */
function firstProblems(problems: ReadonlyArray<{ path: ReadonlyArray<string | number>; message: string }>, root: string): string {
  const shown = problems.slice(0, 3).map((p) => `${root}${p.path.length > 0 ? `.${formatPath(p.path)}` : ''}: ${p.message}`);
  return `${shown.join('; ')}${problems.length > 3 ? `; and ${problems.length - 3} more` : ''}`;
}

/** The shard's tally, checked against the file format and the model's shape. */
function checkedTally(shard: { tally: unknown }, fail: (message: string) => never, model: Model): SerializedTally {
  const parsed = SerializedTallySchema.safeParse(shard.tally);
  if (!parsed.success) {
    fail(`a damaged shard: ${firstProblems(problemsFromZod(parsed.error, shard.tally), 'tally')}`);
  }
  const tally = parsed.data as SerializedTally;
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
  if (wrong) fail(`a damaged shard: its tally does not have one entry per ${wrong[0]} of the scenario`);
  return tally;
}

/** The merge's names of the shards: the file names given, or "shard 2 of those given". */
function namer(count: number, names: readonly string[] | undefined): (index: number) => string {
  return (index) => names?.[index] ?? (count === 1 ? 'the shard' : `shard ${index + 1} of those given`);
}

/**
 * Merges the shards of one run into the result of the whole run: counts, quantiles and exact
 * sums merge exactly, so every figure is the same bit for bit as the whole run's. Trusts nothing
 * a file could carry: each shard's embedded scenario is validated again (as `parseScenario`
 * would) and hashed against the hash its meta records, each tally is checked for consistency (no
 * count above the trials, histograms and counts summing to the trials, the slice of trials its
 * shard number holds), and every shard of the run must be there exactly once.
 *
 * @param options.names - what to call each shard in messages (its file name); default "shard 2 of those given".
 * @throws {ShardMismatchError} when a shard is damaged or edited, shards come from different runs, or one is missing or repeated; the message names the shard.
 * @example
 * ```ts
 * const result = await mergeShards(files.map((f) => JSON.parse(readFileSync(f, 'utf8'))), { names: files });
 * ```
 */
export async function mergeShards(shards: readonly ShardResult[], options: { readonly names?: readonly string[] } = {}): Promise<SimulationResult> {
  if (shards.length === 0) throw new ShardMismatchError('no shards to merge');
  const name = namer(shards.length, options.names);
  const failAt =
    (index: number) =>
    (message: string): never => {
      throw new ShardMismatchError(`${name(index)}: ${message}`, index);
    };
  const metas: ShardMeta[] = [];
  for (const [index, shard] of (shards as readonly unknown[]).entries()) {
    const fail: (message: string) => never = failAt(index);
    const envelope = shard as Partial<Record<keyof ShardResult, unknown>> | null;
    if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope) || envelope.kind !== 'parkcast-shard')
      fail('not a parkcast shard file (no "kind": "parkcast-shard"): give the files `parkcast simulate --shard` wrote');
    if (envelope.formatVersion !== SHARD_FORMAT) {
      fail(
        `a shard file of format ${JSON.stringify(envelope.formatVersion) ?? 'none'}; this parkcast reads format ${SHARD_FORMAT}: compute the shard again with it`,
      );
    }
    const meta = ShardMetaSchema.safeParse(envelope.meta);
    if (!meta.success) {
      fail(`a damaged shard: ${firstProblems(problemsFromZod(meta.error, envelope.meta), 'meta')}`);
    }
    if (envelope.scenario === undefined) fail('a damaged shard: it embeds no scenario');
    // The scenario as embedded must be the one the meta's hash names: an edit after the run shows.
    if (scenarioHash(envelope.scenario as Scenario) !== meta.data.scenarioHash) {
      fail(`its embedded scenario does not match the scenario hash in its meta (${meta.data.scenarioHash.slice(0, 19)}…): the file was edited after the run`);
    }
    metas.push(meta.data);
  }
  const [first] = metas;
  const differences: Array<[string, (m: ShardMeta) => unknown]> = [
    ['scenario', (m) => m.scenarioHash],
    ['seed', (m) => m.seed],
    ['trials', (m) => m.trials],
    ['number of shards', (m) => m.shard.count],
    ['confidence', (m) => m.confidence],
    ['parkcast version', (m) => m.parkcastVersion],
  ];
  metas.forEach((meta, index) => {
    for (const [what, of] of differences) {
      if (of(meta) !== of(first)) {
        const shown = (m: ShardMeta) => (what === 'scenario' ? `${m.scenarioHash.slice(0, 19)}…` : JSON.stringify(of(m)));
        failAt(index)(`from another run than ${name(0)}: ${what} ${shown(meta)}, not ${shown(first)}`);
      }
    }
  });
  // Validated again, as parkcast writes it: a scenario edited along with its hash must still be one.
  const parsed = await safeParseScenario((shards[0] as { scenario: unknown }).scenario);
  if (!parsed.ok) {
    const fail: (message: string) => never = failAt(0);
    const shown = parsed.problems.slice(0, 3).map((p) => `${p.path.length > 0 ? `${formatPath(p.path)}: ` : ''}${p.message}`);
    fail(`its embedded scenario is not a valid scenario: ${shown.join('; ')}${parsed.problems.length > 3 ? `; and ${parsed.problems.length - 3} more` : ''}`);
  }
  const scenario = parsed.scenario;
  if (scenarioHash(scenario) !== first.scenarioHash) failAt(0)('its embedded scenario is not as parkcast wrote it (validating it again changes it)');

  const { trials, seed, confidence } = first;
  const count = first.shard.count;
  const byIndex = new Map<number, number>();
  metas.forEach((meta, index) => {
    const other = byIndex.get(meta.shard.index);
    if (other !== undefined) failAt(index)(`${name(other)} is shard ${meta.shard.index} of ${count} too: give each shard once`);
    byIndex.set(meta.shard.index, index);
  });
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    const listed = missing.slice(0, 5).map((i) => `shard ${i} of ${count} (${shownTrials(shardTrials(trials, i, count))})`);
    throw new ShardMismatchError(
      `${listed.join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''} ${missing.length === 1 ? 'is' : 'are'} missing: give every shard of the run`,
    );
  }

  const model = buildModel(scenario, await parseModelExpressions(scenario));
  const run = new Tally(model, 0);
  for (let i = 1; i <= count; i++) {
    const index = byIndex.get(i) as number;
    const fail: (message: string) => never = failAt(index);
    const tally = checkedTally(shards[index] as { tally: unknown }, fail, model);
    const blocks = shardBlocks(trials, i, count);
    const slice = shardTrials(trials, i, count);
    if (tally.firstBlock !== blocks.first || tally.blocks !== blocks.end - blocks.first) {
      const held = shownTrials({
        first: tally.firstBlock * TRIALS_PER_BLOCK + 1,
        last: Math.min((tally.firstBlock + tally.blocks) * TRIALS_PER_BLOCK, trials),
      });
      fail(`its tally holds ${held}, but shard ${i} of ${count} holds ${shownTrials(slice)}`);
    }
    const problems = tallyInvariantProblems(model, tally, Math.max(0, slice.last - slice.first + 1));
    if (problems.length > 0) fail(`a damaged shard: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? `; and ${problems.length - 3} more` : ''}`);
    run.merge(Tally.deserialize(model, tally));
  }
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
