/**
 * `npm run bench:group`: the cost of a group of parks. A group of N parks × 4 metrics × 5 years
 * (a common trend, a per-park deviation, output growing, firms arriving, tax derived, a count of
 * parks above a level) at 1e5 trials, for N = 25, 50, 100 and 150, against one park of the same
 * four metrics: trials per second, the cost per park-metric-year-trial (and its ratio to the
 * single park's: the goal is within 1.5x), whether the cost grows linearly with N, and peak
 * memory at 1e4 and 1e5 trials (flat in trials: the tally has fixed memory).
 *
 * Each configuration runs in its own child process of plain node (this file, compiled by
 * bench/compile.ts, imports the built package from dist/), so peak memory (maxRSS) is its own;
 * the configurations run in rounds in a rotating order and times are the medians of the rounds.
 */
import { execFileSync } from 'node:child_process';
import { compileForNode, ROOT } from './compile.js';
import type { Measured } from './group-case.js';

const ROUNDS = 3;
const TRIALS = 100_000;
const YEARS = 5;
const METRICS_PER_PARK = 4;

async function main(): Promise<void> {
  const compiled = await compileForNode('bench/group-case.ts');
  const run = (parks: number, trials: number): Measured =>
    JSON.parse(execFileSync(process.execPath, [compiled, String(parks), String(trials)], { cwd: ROOT, encoding: 'utf8' }));
  const sizes = [0, 25, 50, 100, 150];
  const times = new Map<number, number[]>(sizes.map((n) => [n, []]));
  const memory = new Map<number, Measured>();
  for (let round = 0; round < ROUNDS; round++) {
    const order = sizes.map((_, i) => sizes[(i + round) % sizes.length]);
    for (const parks of order) {
      const measured = run(parks, TRIALS);
      times.get(parks)?.push(measured.seconds);
      memory.set(parks, measured);
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const cells = (parks: number) => Math.max(1, parks) * METRICS_PER_PARK * YEARS * TRIALS;
  const single = median(times.get(0) ?? []) / cells(0);
  console.log(`groups of parks: ${TRIALS.toLocaleString('en-US')} trials, ${METRICS_PER_PARK} metrics x ${YEARS} years a park, median of ${ROUNDS} rounds`);
  console.log('parks  metrics  seconds  trials/s   ns per park-metric-year-trial  vs one park  per park (ms)  maxRSS MiB');
  for (const parks of sizes) {
    const seconds = median(times.get(parks) ?? []);
    const perCell = seconds / cells(parks);
    const measured = memory.get(parks) as Measured;
    console.log(
      [
        String(parks === 0 ? 1 : parks).padStart(5),
        String(measured.metrics).padStart(7),
        seconds.toFixed(2).padStart(7),
        Math.round(TRIALS / seconds)
          .toLocaleString('en-US')
          .padStart(9),
        (perCell * 1e9).toFixed(2).padStart(30),
        `${(perCell / single).toFixed(2)}x`.padStart(11),
        ((seconds / Math.max(1, parks)) * 1e3).toFixed(1).padStart(13),
        measured.maxRssMiB.toFixed(0).padStart(11),
      ].join('  '),
    );
  }
  const small = run(150, 10_000);
  console.log(
    `memory flat in trials: 150 parks at 1e4 trials ${small.maxRssMiB.toFixed(0)} MiB, at 1e5 ${(memory.get(150) as Measured).maxRssMiB.toFixed(0)} MiB`,
  );
}

await main();
