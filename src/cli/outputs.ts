import { type Output, outputProblems } from '../files/index.js';
import type { Io } from './io.js';

/**
 * Checks every output a command will write, before any work: prints one line per problem (the
 * path and what is wrong) and returns false when there is one, so the command exits 1 having
 * written nothing and touched no input.
 */
export async function outputsWritable(outputs: ReadonlyArray<Output | undefined>, inputs: readonly string[], io: Io): Promise<boolean> {
  const problems = await outputProblems(
    outputs.filter((o): o is Output => o !== undefined),
    inputs,
  );
  for (const problem of problems) io.err(problem);
  return problems.length === 0;
}
