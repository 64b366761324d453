import type { ExpressionNode } from '../expressions/ast.js';
import { TRIALS_PER_BLOCK } from '../random/stream.js';
import { type BlockOutcome, BlockRunner } from './blockRunner.js';
import type { Model } from './model.js';
import { acquirePool, releasePool, TASKS_PER_THREAD, warmPool } from './pool.js';
import { addBlocks, type BlockCheck, blockCount, runPart } from './runBlocks.js';
import { Tally } from './tally.js';
import type { PartTask } from './worker.js';

export interface RunOptions {
  /** Blocks [firstBlock, endBlock) of the run; default all (a shard runs a slice). */
  firstBlock?: number;
  endBlock?: number;
  check?: BlockCheck;
  /**
   * Blocks per batch: the unit of work given to a thread, and of progress reports. Default 16
   * on one thread or with a check; on workers without one, a share of what remains.
   */
  blocksPerBatch?: number;
  /** Threads, this one included; 1 runs in this thread only. Results are identical either way. */
  workers?: number;
  onProgress?: (trialsDone: number) => void;
  /** Sees every block's trials (single-threaded runs only). */
  onBlock?: (outcome: BlockOutcome, firstTrial: number) => void;
  signal?: AbortSignal;
  /** The parsed expressions, needed to build the model in workers without mathjs. */
  expressions?: Record<string, ExpressionNode>;
  /** A key identifying the scenario (its hash), so workers build the model once. */
  modelKey?: string;
}

/** A run stopped by its abort signal (Ctrl-C). */
export class RunAborted extends Error {
  constructor() {
    super('the run was stopped before it finished');
    this.name = 'RunAborted';
  }
}

/**
 * Starts the worker threads that runs with `workers` threads (this one included) use, so that the
 * next run finds them ready instead of waiting ~0.2 s for them: call it before reading and
 * checking scenarios, which takes longer. Threads no run uses close after a few seconds, and
 * never keep the process alive. Does nothing for `workers` 1.
 *
 * @throws {RangeError} if `workers` is not a whole number of at least 1.
 * @example
 * ```ts
 * startWorkers(4);
 * const scenario = await loadScenario('seeds/jinyang-lake.json');
 * const result = await simulate(scenario, { trials: 1_000_000, workers: 4 });
 * ```
 */
export function startWorkers(workers: number): void {
  if (!(Number.isInteger(workers) && workers >= 1)) throw new RangeError(`workers: expected a whole number of at least 1, got ${workers}`);
  if (workers > 1) warmPool(workers - 1);
}

/** Lets the event loop run (Ctrl-C, a page's messages): `setImmediate` in Node, a zero timeout where it is missing (browsers). */
const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });

/** Blocks per batch on one thread, or with a check (so an early stop wastes little). */
const SMALL_BATCH = 16;
/** The largest batch, about a million trials (0.4 s of the reference model, 1.3 s of a seed park): Ctrl-C is seen between batches. */
const LARGE_BATCH = 1024;

/**
 * Runs the blocks of a run and merges them into one tally: in this thread, or in parallel on
 * worker threads (piscina) with this thread working too. Either way the tally is the same bit for
 * bit, since each block draws from its own streams and every part of a tally merges exactly.
 * With a `check`, the run stops after the first block (in block order) at which it says so,
 * whatever the number of workers.
 */
export async function runBlocks(
  model: Model,
  seed: string | number,
  totalTrials: number,
  options: RunOptions = {},
): Promise<{ tally: Tally; stoppedEarly: boolean }> {
  const first = options.firstBlock ?? 0;
  const end = options.endBlock ?? blockCount(totalTrials);
  const workers = options.workers ?? 1;
  const run = new Tally(model, first);
  if (workers <= 1 || end - first <= (options.blocksPerBatch ?? SMALL_BATCH)) {
    return runHere(model, seed, totalTrials, first, end, run, options);
  }
  if (options.expressions === undefined) throw new Error('runBlocks on workers needs the parsed expressions');
  return runOnWorkers(model, seed, totalTrials, first, end, workers, run, { ...options, expressions: options.expressions });
}

/** One runner, and every block added straight to the run's tally: no parts to merge. */
async function runHere(
  model: Model,
  seed: string | number,
  totalTrials: number,
  first: number,
  end: number,
  run: Tally,
  options: RunOptions,
): Promise<{ tally: Tally; stoppedEarly: boolean }> {
  const runner = new BlockRunner(model, TRIALS_PER_BLOCK);
  const batch = options.blocksPerBatch ?? SMALL_BATCH;
  for (let b = first; b < end; b += batch) {
    // Let the event loop run between batches, so Ctrl-C (the abort signal) gets through.
    if (options.signal !== undefined) await yieldToEventLoop();
    if (options.signal?.aborted) throw new RunAborted();
    const stopped = addBlocks(runner, run, seed, totalTrials, b, Math.min(batch, end - b), options.onBlock, options.check);
    options.onProgress?.(run.trials);
    // A stop at the run's last block is no early stop.
    if (stopped) return { tally: run, stoppedEarly: run.firstBlock + run.blocks < end };
  }
  return { tally: run, stoppedEarly: false };
}

/**
 * `workers - 1` pool threads and this thread take batches in block order; when no reply is
 * waiting, this thread runs the next batch itself, so the run starts at once even while the pool
 * starts. Without a check, a batch is a share of what remains, so the last batches are small and
 * no thread waits long for another at the end; this thread adds its blocks straight to the run's
 * tally and merges each reply as it comes (the tally's sums do not depend on the order), so no
 * part outlives a moment. With a check, batches are small and parts merge in block order, checked
 * block by block, and this thread runs at most a few batches ahead of the merged ones, so an
 * early stop wastes little.
 */
async function runOnWorkers(
  model: Model,
  seed: string | number,
  totalTrials: number,
  first: number,
  end: number,
  workers: number,
  run: Tally,
  options: RunOptions & { expressions: Record<string, ExpressionNode> },
): Promise<{ tally: Tally; stoppedEarly: boolean }> {
  const threads = workers - 1;
  const check = options.check;
  const inOrder = check !== undefined;
  const task = (firstBlock: number, count: number): PartTask => ({
    key: options.modelKey ?? 'model',
    scenario: model.scenario,
    expressions: options.expressions,
    seed,
    totalTrials,
    firstBlock,
    count,
    blockHits: inOrder,
  });
  let nextBlock = first;
  const takeBatch = (): { first: number; count: number } => {
    const remaining = end - nextBlock;
    const size = options.blocksPerBatch ?? (check ? SMALL_BATCH : Math.min(LARGE_BATCH, Math.max(SMALL_BATCH, Math.ceil(remaining / (workers * 4)))));
    const batch = { first: nextBlock, count: Math.min(size, remaining) };
    nextBlock += batch.count;
    return batch;
  };

  const runner = new BlockRunner(model, TRIALS_PER_BLOCK);
  const pool = acquirePool(threads);
  /** With a check: parts by batch number, merged in that order. */
  const ready = new Map<number, Tally>();
  let batches = 0;
  let merged = 0;
  let inPool = 0;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const wakeUp = () => {
    wake?.();
    wake = undefined;
  };
  options.signal?.addEventListener('abort', wakeUp);
  try {
    for (;;) {
      if (options.signal?.aborted) throw new RunAborted();
      if (failure !== undefined) throw failure.error;
      while (nextBlock < end && inPool < threads * TASKS_PER_THREAD) {
        const index = batches++;
        const b = takeBatch();
        inPool++;
        // No abort signal per task: piscina sends a thread one abortable task at a time.
        pool.run(task(b.first, b.count)).then(
          (data) => {
            inPool--;
            const part = Tally.deserialize(model, data);
            if (inOrder) ready.set(index, part);
            else {
              run.merge(part, false);
              merged++;
              options.onProgress?.(run.trials);
            }
            wakeUp();
          },
          (error: unknown) => {
            inPool--;
            failure ??= { error };
            wakeUp();
          },
        );
      }
      for (let part = ready.get(merged); part !== undefined; part = ready.get(merged)) {
        ready.delete(merged++);
        if (absorb(model, seed, totalTrials, run, part, end, options)) return { tally: run, stoppedEarly: true };
      }
      if (merged === batches && nextBlock >= end) return { tally: run, stoppedEarly: false };
      if (nextBlock < end && (!inOrder || batches - merged <= threads * TASKS_PER_THREAD)) {
        const b = takeBatch();
        if (inOrder) ready.set(batches++, runPart(model, seed, totalTrials, b.first, b.count, { runner }));
        else {
          batches++;
          addBlocks(runner, run, seed, totalTrials, b.first, b.count);
          merged++;
          options.onProgress?.(run.trials);
        }
        // Let the pool's replies in before taking the next batch.
        await yieldToEventLoop();
      } else {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    }
  } finally {
    options.signal?.removeEventListener('abort', wakeUp);
    // After Ctrl-C or a failure the pool goes, its tasks cancelled. After an early stop, the few
    // small batches still queued finish unread, and the pool stays warm for the next run.
    releasePool(threads, failure !== undefined || options.signal?.aborted === true);
  }
}

/** Merges the next part; if the check stops inside it, re-runs here only its blocks up to the stop. */
function absorb(model: Model, seed: string | number, totalTrials: number, run: Tally, part: Tally, end: number, options: RunOptions): boolean {
  const check = options.check;
  const stop = check === undefined ? -1 : part.blockHits.findIndex(([trials, jointHits, ...hits]) => check({ trials, jointHits, hits }));
  const isLast = part.firstBlock + part.blocks >= end;
  if (stop < 0 || (isLast && stop === part.blocks - 1)) {
    run.merge(part);
    options.onProgress?.(run.trials);
    return false;
  }
  run.merge(runPart(model, seed, totalTrials, part.firstBlock, stop + 1));
  options.onProgress?.(run.trials);
  return true;
}
