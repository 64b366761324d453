import { formatProblem, type Scenario, safeLoadScenario } from '../index.js';
import type { Io } from './io.js';

/** Loads a scenario file, printing its problems (and returning undefined) when it is invalid. */
export async function loadOrReport(file: string, io: Io): Promise<Scenario | undefined> {
  const result = await safeLoadScenario(file);
  if (result.ok) return result.scenario;
  for (const problem of result.problems) io.err(formatProblem(problem));
  io.err(`${file}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}; nothing was run`);
  return undefined;
}
