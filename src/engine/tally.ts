import type { BlockOutcome } from './blockRunner.js';
import { LogHistogram } from './logHistogram.js';
import { margin } from './measure.js';
import type { Model } from './model.js';

/**
 * Adds the first `length` values to a histogram and returns their moments, in one pass. Values
 * are shifted by the first finite one, so the sum of squares keeps its precision when the spread
 * is small against the level (yuan figures of 1e10 varying by 1e8).
 */
function histogramAndMoments(histogram: LogHistogram, values: Float64Array, length: number): { count: number; mean: number; m2: number } {
  let shift = Number.NaN;
  let count = 0;
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < length; i++) {
    const v = values[i];
    histogram.add(v);
    if (v - v !== 0) continue; // NaN or ±Infinity
    if (count === 0) shift = v;
    const d = v - shift;
    count++;
    sum += d;
    squares += d * d;
  }
  if (count === 0) return { count, mean: 0, m2: 0 };
  return { count, mean: shift + sum / count, m2: Math.max(0, squares - (sum * sum) / count) };
}

/** Running moments, combined block by block (Chan et al.), always in block order. */
export interface Moments {
  count: number;
  mean: number;
  m2: number;
}

function combine(into: Moments, block: { count: number; mean: number; m2: number }): void {
  if (block.count === 0) return;
  const count = into.count + block.count;
  const delta = block.mean - into.mean;
  into.mean += (delta * block.count) / count;
  into.m2 += block.m2 + (delta * delta * into.count * block.count) / count;
  into.count = count;
}

/**
 * Everything a run needs to report, accumulated as blocks stream through, in memory that does
 * not grow with the number of trials: whole-number counts (hits, joint hits, first years),
 * histograms for quantiles, and moments folded in block order so that sums come out the same
 * bit for bit however the blocks were grouped.
 */
export class Tally {
  trials = 0;
  readonly hits: number[];
  jointHits = 0;
  /** officialHitCounts[k]: trials meeting exactly k of the official targets. */
  readonly officialHitCounts: number[];
  /** firstYearCounts[target][yearIndex]; index 0 (the base year) stays 0. */
  readonly firstYearCounts: number[][];
  readonly never: number[];
  readonly shortfallSums: number[];
  readonly shortfallCounts: number[];
  readonly metricHistograms: LogHistogram[][];
  readonly metricMoments: Moments[][];
  readonly measuredHistograms: LogHistogram[];
  readonly measuredMoments: Moments[];
  private readonly official: number[];

  constructor(private readonly model: Model) {
    const years = model.years.length;
    const targets = model.targets.length;
    this.official = model.targets.map((t, i) => (t.official ? i : -1)).filter((i) => i >= 0);
    this.hits = new Array(targets).fill(0);
    this.officialHitCounts = new Array(this.official.length + 1).fill(0);
    this.firstYearCounts = model.targets.map(() => new Array(years).fill(0));
    this.never = new Array(targets).fill(0);
    this.shortfallSums = new Array(targets).fill(0);
    this.shortfallCounts = new Array(targets).fill(0);
    this.metricHistograms = model.metrics.map(() => model.years.map(() => new LogHistogram()));
    this.metricMoments = model.metrics.map(() => model.years.map(() => ({ count: 0, mean: 0, m2: 0 })));
    this.measuredHistograms = model.targets.map(() => new LogHistogram());
    this.measuredMoments = model.targets.map(() => ({ count: 0, mean: 0, m2: 0 }));
  }

  /** Adds the next block of the run (blocks must come in order). Returns this block's hits per target and joint hits. */
  addBlock(outcome: BlockOutcome): { hits: number[]; jointHits: number } {
    const n = outcome.length;
    const t = outcome.targets;
    const blockHits = this.model.targets.map(() => 0);
    let blockJoint = 0;
    for (let i = 0; i < n; i++) {
      let k = 0;
      for (const index of this.official) k += t.hit[index][i];
      this.officialHitCounts[k]++;
      if (k === this.official.length) blockJoint++;
    }
    this.model.targets.forEach((target, index) => {
      const hit = t.hit[index];
      const measured = t.measured[index];
      const first = t.firstYearIndex[index];
      const firstCounts = this.firstYearCounts[index];
      let shortfall = 0;
      let shortfallCount = 0;
      for (let i = 0; i < n; i++) {
        if (hit[i] === 1) blockHits[index]++;
        else {
          // A non-finite measured value (e.g. a division by zero) is counted by its histogram, not averaged.
          const missedBy = -margin(target, measured[i]);
          if (Number.isFinite(missedBy)) {
            shortfall += missedBy;
            shortfallCount++;
          }
        }
        if (first[i] < 0) this.never[index]++;
        else firstCounts[first[i]]++;
      }
      this.hits[index] += blockHits[index];
      this.shortfallSums[index] += shortfall;
      this.shortfallCounts[index] += shortfallCount;
      combine(this.measuredMoments[index], histogramAndMoments(this.measuredHistograms[index], measured, n));
    });
    outcome.values.forEach((byYear, m) => {
      byYear.forEach((values, y) => {
        combine(this.metricMoments[m][y], histogramAndMoments(this.metricHistograms[m][y], values, n));
      });
    });
    this.jointHits += blockJoint;
    this.trials += n;
    return { hits: blockHits, jointHits: blockJoint };
  }
}
