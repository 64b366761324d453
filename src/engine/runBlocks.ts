import { TRIALS_PER_BLOCK } from '../random/stream.js';
import { type BlockOutcome, BlockRunner } from './blockRunner.js';
import type { Model } from './model.js';
import { Tally } from './tally.js';

/** The number of trials in block `block` of a run of `totalTrials` (the last block may be short). */
export function blockLength(block: number, totalTrials: number): number {
  return Math.max(0, Math.min(TRIALS_PER_BLOCK, totalTrials - block * TRIALS_PER_BLOCK));
}

/** The number of blocks a run of `totalTrials` is split into. */
export function blockCount(totalTrials: number): number {
  return Math.ceil(totalTrials / TRIALS_PER_BLOCK);
}

/** Called after each block with that block's hits; return true to stop the run there. */
export type BlockCheck = (block: { hits: readonly number[]; jointHits: number; trials: number }) => boolean;

/**
 * Runs the blocks of a run of `totalTrials` in order into a tally, stopping early when `check`
 * says so. Blocks draw from streams derived from (seed, name, block), so any grouping of
 * blocks (batches now, workers later) gives the same trials.
 */
export function runBlocks(
  model: Model,
  seed: string | number,
  totalTrials: number,
  options: {
    check?: BlockCheck;
    blocksPerBatch?: number;
    onBatch?: (tally: Tally) => void;
    /** Sees every block's trials (views valid during the call): for raw samples. */
    onBlock?: (outcome: BlockOutcome, firstTrial: number) => void;
  } = {},
): { tally: Tally; stoppedEarly: boolean } {
  const runner = new BlockRunner(model, TRIALS_PER_BLOCK);
  const tally = new Tally(model);
  const blocks = blockCount(totalTrials);
  const batch = options.blocksPerBatch ?? 16;
  for (let block = 0; block < blocks; block++) {
    const length = blockLength(block, totalTrials);
    const outcome = runner.run(length, { kind: 'random', seed, block });
    options.onBlock?.(outcome, block * TRIALS_PER_BLOCK);
    const added = tally.addBlock(outcome);
    const last = block === blocks - 1;
    if (options.check?.({ ...added, trials: length }) && !last) {
      options.onBatch?.(tally);
      return { tally, stoppedEarly: true };
    }
    if ((block + 1) % batch === 0 || last) options.onBatch?.(tally);
  }
  return { tally, stoppedEarly: false };
}

/** The nominal case: every assumption at its point value, no noise, as a run of one trial. */
export function runNominal(model: Model): {
  values: number[][];
  targets: Array<{ measured: number; hit: boolean; firstYearIndex: number }>;
} {
  const outcome = new BlockRunner(model, 1).run(1, { kind: 'nominal' });
  const t = outcome.targets;
  return {
    values: outcome.values.map((byYear) => byYear.map((values) => values[0])),
    targets: model.targets.map((_, i) => ({ measured: t.measured[i][0], hit: t.hit[i][0] === 1, firstYearIndex: t.firstYearIndex[i][0] })),
  };
}
