// A worker thread's task: run a contiguous range of blocks of a run and reply with the part's tally.
import type { ExpressionNode } from '../expressions/ast.js';
import { TRIALS_PER_BLOCK } from '../random/stream.js';
import type { Scenario } from '../scenario/schema/scenario.js';
import { BlockRunner } from './blockRunner.js';
import { buildModel, type Model } from './model.js';
import { runPart } from './runBlocks.js';
import type { SerializedTally } from './tally.js';

export interface PartTask {
  /** Identifies the scenario, so a worker builds its model (and block runner) once per scenario. */
  readonly key: string;
  readonly scenario: Scenario;
  readonly expressions: Record<string, ExpressionNode>;
  readonly seed: string | number;
  readonly totalTrials: number;
  readonly firstBlock: number;
  readonly count: number;
  /** Whether to reply with each block's hits (the run may stop early). */
  readonly blockHits: boolean;
}

let cached: { key: string; model: Model; runner: BlockRunner } | undefined;

export default function runPartTask(task: PartTask): SerializedTally {
  if (cached?.key !== task.key) {
    const model = buildModel(task.scenario, task.expressions);
    cached = { key: task.key, model, runner: new BlockRunner(model, TRIALS_PER_BLOCK) };
  }
  return runPart(cached.model, task.seed, task.totalTrials, task.firstBlock, task.count, { runner: cached.runner, blockHits: task.blockHits }).serialize();
}
