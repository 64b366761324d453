import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { acquirePool, KEEP_IDLE_MS, releasePool } from '../../src/engine/pool.js';
import { startWorkers } from '../../src/engine/run.js';

const root = new URL('../../', import.meta.url).pathname;
const run = promisify(execFile);

describe('worker pools kept between runs', () => {
  it('gives the next run the pool the last one used, and a new one once it is discarded', () => {
    const first = acquirePool(1);
    releasePool(1);
    const second = acquirePool(1);
    expect(second).toBe(first);
    releasePool(1, true);
    const third = acquirePool(1);
    expect(third).not.toBe(first);
    releasePool(1, true);
  });

  it('startWorkers(n) starts the pool of n − 1 threads that the next run with n workers takes', () => {
    startWorkers(3);
    const started = acquirePool(2);
    releasePool(2);
    expect(acquirePool(2)).toBe(started);
    releasePool(2, true);
    expect(() => startWorkers(0)).toThrow('workers: expected a whole number of at least 1, got 0');
    expect(() => startWorkers(1)).not.toThrow();
  });

  it('does not keep the process alive once the runs are done (built package)', async () => {
    const script = `
      import { loadScenario, simulate, startWorkers } from './dist/index.js';
      startWorkers(2);
      const scenario = await loadScenario('examples/reference-model.json');
      const result = await simulate(scenario, { trials: 50_000, seed: 1, workers: 2 });
      console.log(result.meta.trials);`;
    const started = performance.now();
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: root, timeout: 60_000 });
    expect(stdout.trim()).toBe('50000');
    // Held open by its threads, the process would last until the kept pool closes.
    expect(performance.now() - started).toBeLessThan(KEEP_IDLE_MS);
  });
});
