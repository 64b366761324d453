import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { ExpressionNode } from '../expressions/ast.js';
import { TRIALS_PER_BLOCK } from '../random/stream.js';
import { type BlockOutcome, BlockRunner } from './blockRunner.js';
import type { Model } from './model.js';
import { addBlocks, type BlockCheck, blockCount, runPart } from './runBlocks.js';

import { Tally } from './tally.js';
import type { PartTask } from './worker.js';

export interface RunOptions {
  /** Blocks [firstBlock, endBlock) of the run; default all (a shard runs a slice). */
  firstBlock?: number;
  endBlock?: number;
  check?: BlockCheck;
  /** Blocks per task: the unit of work given to a worker, and of progress reports. Default 16. */
  blocksPerBatch?: number;
  /** Worker threads; 1 runs in this thread. Results are identical either way. */
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

/** Checks a part's blocks in order; returns the index of the block after which the check says stop, or -1. */
function firstStop(part: Tally, check: BlockCheck | undefined): number {
  if (check === undefined) return -1;
  return part.blockHits.findIndex(([trials, jointHits, ...hits]) => check({ trials, jointHits, hits }));
}

function workerFile(): { filename: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  const extension = extname(here);
  const filename = fileURLToPath(new URL(`./worker${extension}`, import.meta.url));
  // From TypeScript sources (tests, tsx), workers need tsx to load the worker's .ts file.
  return { filename, execArgv: extension === '.ts' ? ['--import', 'tsx'] : [] };
}

/**
 * Runs the blocks of a run and merges them into one tally: in this thread, or in parallel on
 * worker threads (piscina). Either way the tally is the same bit for bit, since each block draws
 * from its own streams and every part of a tally merges exactly. With a `check`, the run stops
 * after the first block (in block order) at which it says so, whatever the number of workers.
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
  // On workers, a task's reply (histograms) costs about as much as a few blocks: without early
  // stopping, give each thread about eight large tasks, of at most a million trials each so that
  // Ctrl-C (checked between batches) gets through within a second or two.
  const batch =
    options.blocksPerBatch !== undefined
      ? options.blocksPerBatch
      : workers > 1 && !options.check
        ? Math.min(1024, Math.max(16, Math.ceil((end - first) / (workers * 8))))
        : 16;
  const run = new Tally(model, first);
  const batches: Array<{ first: number; count: number }> = [];
  for (let b = first; b < end; b += batch) batches.push({ first: b, count: Math.min(batch, end - b) });

  /** Merges a part from a worker; if the check stops inside it, re-runs only the blocks up to the stop here. */
  const absorb = (part: Tally): boolean => {
    const stop = firstStop(part, options.check);
    const isLast = part.firstBlock + part.blocks >= end;
    if (stop < 0 || (isLast && stop === part.blocks - 1)) {
      run.merge(part);
      options.onProgress?.(run.trials);
      return false;
    }
    run.merge(runPart(model, seed, totalTrials, part.firstBlock, stop + 1));
    options.onProgress?.(run.trials);
    return true;
  };

  if (workers <= 1 || batches.length <= 1) {
    // One runner, and every block added straight to the run's tally: no parts to merge.
    const runner = new BlockRunner(model, TRIALS_PER_BLOCK);
    for (const b of batches) {
      // Let the event loop run between batches, so Ctrl-C (the abort signal) gets through.
      if (options.signal !== undefined) await new Promise((resolve) => setImmediate(resolve));
      if (options.signal?.aborted) throw new RunAborted();
      const stopped = addBlocks(runner, run, seed, totalTrials, b.first, b.count, options.onBlock, options.check);
      options.onProgress?.(run.trials);
      // A stop at the run's last block is no early stop.
      if (stopped) return { tally: run, stoppedEarly: run.firstBlock + run.blocks < end };
    }
    return { tally: run, stoppedEarly: false };
  }

  if (options.expressions === undefined) throw new Error('runBlocks on workers needs the parsed expressions');
  const expressions = options.expressions;
  const task = (b: { first: number; count: number }): PartTask => ({
    key: options.modelKey ?? 'model',
    scenario: model.scenario,
    expressions,
    seed,
    totalTrials,
    firstBlock: b.first,
    count: b.count,
  });
  return options.check === undefined
    ? runSharingWithThisThread(model, seed, totalTrials, batches, workers, task, run, options)
    : runCheckingInOrder(model, batches, workers, task, run, absorb, options);
}

type PoolTask = (b: { first: number; count: number }) => PartTask;

/**
 * Without early stopping, this thread works too: `workers - 1` worker threads take batches from
 * the front while this thread takes them from the back, so the run starts at once instead of
 * waiting ~0.2 s for the pool to start (docs/performance.md), and parts merge as they line up.
 */
async function runSharingWithThisThread(
  model: Model,
  seed: string | number,
  totalTrials: number,
  batches: ReadonlyArray<{ first: number; count: number }>,
  workers: number,
  task: PoolTask,
  run: Tally,
  options: RunOptions,
): Promise<{ tally: Tally; stoppedEarly: boolean }> {
  const threads = workers - 1;
  const pool = new Piscina({ ...workerFile(), minThreads: threads, maxThreads: threads, idleTimeout: 1000 });
  const ready = new Map<number, Tally>();
  const replies: Array<Promise<void>> = [];
  let pending = 0;
  let front = 0;
  let back = batches.length;
  let merged = 0;
  const mergeReady = () => {
    while (ready.has(merged)) {
      run.merge(ready.get(merged) as Tally);
      ready.delete(merged++);
      options.onProgress?.(run.trials);
    }
  };
  try {
    while (front < back) {
      if (options.signal?.aborted) throw new RunAborted();
      while (front < back && pending < threads * 2) {
        const index = front++;
        pending++;
        replies.push(
          pool.run(task(batches[index])).then((data) => {
            ready.set(index, Tally.deserialize(model, data));
            pending--;
          }),
        );
      }
      if (front < back) {
        const index = --back;
        ready.set(index, runPart(model, seed, totalTrials, batches[index].first, batches[index].count));
      }
      // Let the workers' replies in before taking the next batch.
      await new Promise((resolve) => setImmediate(resolve));
      mergeReady();
    }
    await Promise.all(replies);
    mergeReady();
    return { tally: run, stoppedEarly: false };
  } finally {
    for (const reply of replies) reply.catch(() => undefined);
    await pool.destroy();
  }
}

/** With early stopping, parts must be checked block by block in order: the workers compute, this thread merges. */
async function runCheckingInOrder(
  model: Model,
  batches: ReadonlyArray<{ first: number; count: number }>,
  workers: number,
  task: PoolTask,
  run: Tally,
  absorb: (part: Tally) => boolean,
  options: RunOptions,
): Promise<{ tally: Tally; stoppedEarly: boolean }> {
  // Keep a few tasks per worker in flight, so an early stop wastes little; merge replies in order.
  const inFlight = new Map<number, Promise<Tally>>();
  const pool = new Piscina({ ...workerFile(), minThreads: workers, maxThreads: workers, idleTimeout: 1000 });
  try {
    let next = 0;
    const submit = () => {
      while (next < batches.length && inFlight.size < workers * 2) {
        const b = batches[next++];
        inFlight.set(
          b.first,
          pool.run(task(b)).then((data) => Tally.deserialize(model, data)),
        );
      }
    };
    submit();
    for (const b of batches) {
      if (options.signal?.aborted) throw new RunAborted();
      const part = await (inFlight.get(b.first) as Promise<Tally>);
      inFlight.delete(b.first);
      if (absorb(part)) return { tally: run, stoppedEarly: true };
      submit();
    }
    return { tally: run, stoppedEarly: false };
  } finally {
    // Tasks still running after an early stop or an abort are cancelled; their results are not wanted.
    for (const pending of inFlight.values()) pending.catch(() => undefined);
    await pool.destroy();
  }
}
