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

/** Whether every `--target` asked for is one of the scenario's; if not, says which are not and lists those it has. */
export function targetsKnown(scenario: Scenario, wanted: readonly string[] | undefined, io: Io): boolean {
  const ids = scenario.targets.map((t) => t.id);
  const unknown = (wanted ?? []).filter((id) => !ids.includes(id));
  if (unknown.length === 0) return true;
  io.err(`parkcast: unknown target ${unknown.map((id) => `"${id}"`).join(', ')}; the scenario's targets are: ${ids.join(', ') || '(none)'}`);
  return false;
}
