import { availableParallelism } from 'node:os';
import { formatProblem, safeLoadScenario, type Scenario } from '../index.js';

/** Where a command writes: stdout for results, stderr for problems. Swappable in tests. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** Exit codes: 0 success, 1 invalid input, 2 wrong usage. */
export const EXIT = { ok: 0, invalidInput: 1, usage: 2 } as const;

/** Loads a scenario file, printing its problems (and returning undefined) when it is invalid. */
export async function loadOrReport(file: string, io: Io): Promise<Scenario | undefined> {
  const result = await safeLoadScenario(file);
  if (result.ok) return result.scenario;
  for (const problem of result.problems) io.err(formatProblem(problem));
  io.err(`${file}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}; nothing was run`);
  return undefined;
}

/** Prints a value as indented JSON. */
export function printJson(io: Io, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

/**
 * Worker threads when the user names none: every core for runs large enough to gain from them
 * (starting workers costs more than it saves below ~100,000 trials; notes/performance.md).
 */
export function defaultWorkers(trials: number | undefined): number {
  return (trials ?? 0) >= 100_000 ? availableParallelism() : 1;
}
