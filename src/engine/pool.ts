import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Piscina } from 'piscina';

/**
 * piscina, loaded by the first run on worker threads: a run on this thread alone, and commands
 * that run nothing (`validate`, `check`), never pay its ~40 ms.
 */
function loadPiscina(): typeof Piscina {
  return (createRequire(import.meta.url)('piscina') as typeof import('piscina')).Piscina;
}

/**
 * How long a pool is kept after its last run. Starting worker threads costs ~0.2 s from the
 * built package (~0.5 s from the TypeScript sources): a third of a 10^6-trial run on two cores,
 * and paid again by every run of a batch of scenarios, a sensitivity study or a goal seek.
 */
export const KEEP_IDLE_MS = 10_000;

/**
 * Tasks sent to each thread at once: the next is queued in the thread itself, so it starts as
 * soon as the last ends, not when this thread, busy with a batch of its own, hands it over.
 */
export const TASKS_PER_THREAD = 2;

interface KeptPool {
  readonly pool: Piscina;
  users: number;
  closing: NodeJS.Timeout | undefined;
}

/** One pool per thread count, shared by the runs of this process. */
const kept = new Map<number, KeptPool>();

function workerFile(): { filename: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  const extension = extname(here);
  const filename = fileURLToPath(new URL(`./worker${extension}`, import.meta.url));
  // From TypeScript sources (tests, tsx), workers need tsx to load the worker's .ts file.
  return { filename, execArgv: extension === '.ts' ? ['--import', 'tsx'] : [] };
}

/**
 * A pool of `threads` worker threads for a run, started now if no run kept one warm. Give it
 * back with `releasePool` when the run ends. Idle threads never hold the process open
 * (piscina unrefs them), and a pool no run has used for `KEEP_IDLE_MS` is closed.
 */
export function acquirePool(threads: number): Piscina {
  let entry = kept.get(threads);
  if (entry === undefined) {
    // Without atomics, a thread replies as each task ends; with them, piscina's thread read its
    // next queued task before replying, so a reply waited for the next task to end.
    entry = {
      pool: new (loadPiscina())({ ...workerFile(), minThreads: threads, maxThreads: threads, concurrentTasksPerWorker: TASKS_PER_THREAD, atomics: 'disabled' }),
      users: 0,
      closing: undefined,
    };
    kept.set(threads, entry);
  }
  clearTimeout(entry.closing);
  entry.closing = undefined;
  entry.users++;
  return entry.pool;
}

/**
 * Gives back a pool from `acquirePool`; when no run uses it, it closes after `KEEP_IDLE_MS`.
 * `discard` closes it at once, cancelling its tasks (after Ctrl-C or a failure).
 */
export function releasePool(threads: number, discard = false): void {
  const entry = kept.get(threads);
  if (entry === undefined) return;
  entry.users--;
  if (discard) {
    kept.delete(threads);
    void entry.pool.destroy();
    return;
  }
  if (entry.users > 0) return;
  entry.closing = setTimeout(() => {
    kept.delete(threads);
    void entry.pool.destroy();
  }, KEEP_IDLE_MS);
  entry.closing.unref();
}

/**
 * Starts a pool's threads ahead of a run (while the scenario is read and its expressions parsed,
 * say), so the run finds them ready.
 */
export function warmPool(threads: number): void {
  acquirePool(threads);
  releasePool(threads);
}
