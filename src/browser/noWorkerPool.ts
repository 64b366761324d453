/**
 * The browser bundle's stand-in for `engine/pool.ts` (tsup.config.ts puts it in that file's
 * place): a page has no worker threads for piscina, so a run there stays on one thread. A page
 * that wants parallel runs starts Web Workers, each running `simulate` on a share of the seeds or
 * shards.
 */

const refuse = (): never => {
  throw new RangeError('workers: a browser runs parkcast on one thread; set workers to 1 (run simulate in Web Workers for parallel runs)');
};

export const TASKS_PER_THREAD = 2;
export const acquirePool = refuse;
export const releasePool = refuse;
export const warmPool = refuse;
