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

/** Called with each block's hits, in block order; true stops the run after that block. */
export type BlockCheck = (block: { trials: number; hits: readonly number[]; jointHits: number }) => boolean;

/**
 * Runs blocks [firstBlock, firstBlock + count) of a run of `totalTrials` on `runner` and adds
 * them to `tally`, in order; with a `check`, stops after the first block at which it says so.
 * Blocks draw from streams derived from (seed, name, block), so any split of the run gives the
 * same trials. Returns whether the check stopped it.
 */
export function addBlocks(
  runner: BlockRunner,
  tally: Tally,
  seed: string | number,
  totalTrials: number,
  firstBlock: number,
  count: number,
  onBlock?: (outcome: BlockOutcome, firstTrial: number) => void,
  check?: BlockCheck,
): boolean {
  for (let block = firstBlock; block < firstBlock + count; block++) {
    const length = blockLength(block, totalTrials);
    if (length === 0) return false;
    const outcome = runner.run(length, { kind: 'random', seed, block });
    onBlock?.(outcome, block * TRIALS_PER_BLOCK);
    const blockHits = tally.addBlock(outcome);
    if (check !== undefined) {
      const [trials, jointHits, ...hits] = blockHits;
      if (check({ trials, jointHits, hits })) return true;
    }
  }
  return false;
}

/**
 * Runs blocks [firstBlock, firstBlock + count) of a run of `totalTrials` into a new tally: a part
 * of the run, to be merged into it. It keeps its blocks' hits if `blockHits` (for a run that may
 * stop early, whose parts merge in block order); a `runner` of the model may be passed to reuse
 * its buffers.
 */
export function runPart(
  model: Model,
  seed: string | number,
  totalTrials: number,
  firstBlock: number,
  count: number,
  { runner = new BlockRunner(model, TRIALS_PER_BLOCK), blockHits = true }: { runner?: BlockRunner; blockHits?: boolean } = {},
): Tally {
  const part = new Tally(model, firstBlock, blockHits);
  addBlocks(runner, part, seed, totalTrials, firstBlock, count);
  return part;
}
