import { availableParallelism } from 'node:os';

/** Where a command writes: stdout for results, stderr for problems. Swappable in tests. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** Exit codes: 0 success, 1 invalid input (a scenario, a shard, an output path), 2 wrong usage (options), 130 stopped by Ctrl-C, 3 only for a bug. */
export const EXIT = { ok: 0, invalidInput: 1, usage: 2, internalError: 3, interrupted: 130 } as const;

/** Prints a value as indented JSON. */
export function printJson(io: Io, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

/**
 * Worker threads when the user names none: every core for runs large enough to gain from them.
 * On this 2-core machine kind, a seed park's first run in a process is 1.1x–1.4x faster on two
 * threads at 1e6 trials (each thread compiles the engine itself) and the reference model 2x at
 * 1e7, but at 1e5 one `parkcast simulate` is slower on two (Jinyang Lake: 1.07–1.17 s against
 * 0.98–1.08 s, start-up included; docs/performance.md).
 */
export function defaultWorkers(trials: number | undefined): number {
  return (trials ?? 0) >= 1_000_000 ? availableParallelism() : 1;
}
