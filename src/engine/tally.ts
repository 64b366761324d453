import type { BlockOutcome } from './blockRunner.js';
import { LogHistogram, type SerializedHistogram } from './logHistogram.js';
import { margin } from './measure.js';
import type { Model } from './model.js';

/** Running moments, combined block by block (Chan et al.), always in block order. */
export interface Moments {
  count: number;
  mean: number;
  m2: number;
}

/**
 * Adds the first `length` values to a histogram and writes their count, mean and squared
 * deviations into `record` at `at`, in one pass. Values are shifted by the first finite one, so
 * the sum of squares keeps its precision when the spread is small against the level.
 */
function histogramAndMoments(histogram: LogHistogram, values: Float64Array, length: number, record: Float64Array, at: number): void {
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
  record[at] = count;
  record[at + 1] = count === 0 ? 0 : shift + sum / count;
  record[at + 2] = count === 0 ? 0 : Math.max(0, squares - (sum * sum) / count);
}

function combine(into: Moments, count: number, mean: number, m2: number): void {
  if (count === 0) return;
  const total = into.count + count;
  const delta = mean - into.mean;
  into.mean += (delta * count) / total;
  into.m2 += m2 + (delta * delta * into.count * count) / total;
  into.count = total;
}

/** What a serialized tally (a shard's part of a run) holds. */
export interface SerializedTally {
  readonly firstBlock: number;
  readonly blocks: number;
  readonly trials: number;
  readonly officialHitCounts: number[];
  readonly firstYearCounts: number[][];
  readonly never: number[];
  readonly metricHistograms: SerializedHistogram[][];
  readonly measuredHistograms: SerializedHistogram[];
  /** One record per block of its floating-point sums, folded in block order when merged. */
  readonly records: number[][];
}

/**
 * Everything a run needs to report, accumulated as blocks stream through, in memory that does
 * not grow with the number of trials: whole-number counts (hits, first years, k of n),
 * histograms for quantiles, and moments and shortfalls folded block by block in block order.
 *
 * Each block leaves a small record of its own sums. A tally that is part of a larger run (a
 * worker's batch, a shard) keeps its records; the run's tally folds them in block order when it
 * merges the part, so the sums come out the same bit for bit however the blocks were split up.
 */
export class Tally {
  trials = 0;
  /** Blocks added so far, and the index of the first. */
  blocks = 0;
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
  /** Per-block records not folded yet (parts only). */
  readonly records: Float64Array[] = [];
  private readonly official: number[];
  private readonly recordLength: number;

  /**
   * @param keepRecords true for a part of a run (a batch, a shard), whose records the whole run folds.
   */
  constructor(
    private readonly model: Model,
    readonly firstBlock = 0,
    private readonly keepRecords = false,
  ) {
    const targets = model.targets.length;
    this.official = model.targets.map((t, i) => (t.official ? i : -1)).filter((i) => i >= 0);
    this.hits = new Array(targets).fill(0);
    this.officialHitCounts = new Array(this.official.length + 1).fill(0);
    this.firstYearCounts = model.targets.map(() => new Array(model.years.length).fill(0));
    this.never = new Array(targets).fill(0);
    this.shortfallSums = new Array(targets).fill(0);
    this.shortfallCounts = new Array(targets).fill(0);
    this.metricHistograms = model.metrics.map(() => model.years.map(() => new LogHistogram()));
    this.metricMoments = model.metrics.map(() => model.years.map(() => ({ count: 0, mean: 0, m2: 0 })));
    this.measuredHistograms = model.targets.map(() => new LogHistogram());
    this.measuredMoments = model.targets.map(() => ({ count: 0, mean: 0, m2: 0 }));
    // [trials, joint hits, hits[T], shortfall sum[T], shortfall count[T], measured moments[T×3], metric moments[M×Y×3]]
    this.recordLength = 2 + 3 * targets + 3 * targets + 3 * model.metrics.length * model.years.length;
  }

  /** Adds the next block of the run. Returns the block's record (its hits are at 2..2+T). */
  addBlock(outcome: BlockOutcome): Float64Array {
    const n = outcome.length;
    const t = outcome.targets;
    const targetCount = this.model.targets.length;
    const record = new Float64Array(this.recordLength);
    record[0] = n;
    let joint = 0;
    for (let i = 0; i < n; i++) {
      let k = 0;
      for (const index of this.official) k += t.hit[index][i];
      this.officialHitCounts[k]++;
      if (k === this.official.length) joint++;
    }
    record[1] = joint;
    this.model.targets.forEach((target, index) => {
      const hit = t.hit[index];
      const measured = t.measured[index];
      const first = t.firstYearIndex[index];
      const firstCounts = this.firstYearCounts[index];
      let hits = 0;
      let shortfall = 0;
      let shortfallCount = 0;
      for (let i = 0; i < n; i++) {
        if (hit[i] === 1) hits++;
        else {
          // A non-finite measured value (a division by zero, say) is counted by its histogram, not averaged.
          const missedBy = -margin(target, measured[i]);
          if (Number.isFinite(missedBy)) {
            shortfall += missedBy;
            shortfallCount++;
          }
        }
        if (first[i] < 0) this.never[index]++;
        else firstCounts[first[i]]++;
      }
      record[2 + index] = hits;
      record[2 + targetCount + index] = shortfall;
      record[2 + 2 * targetCount + index] = shortfallCount;
      histogramAndMoments(this.measuredHistograms[index], measured, n, record, 2 + 3 * targetCount + 3 * index);
    });
    let at = 2 + 6 * targetCount;
    outcome.values.forEach((byYear, m) => {
      byYear.forEach((values, y) => {
        histogramAndMoments(this.metricHistograms[m][y], values, n, record, at);
        at += 3;
      });
    });
    this.blocks++;
    if (this.keepRecords) this.records.push(record);
    else this.fold(record);
    return record;
  }

  /** Folds one block's record into the running sums; blocks must be folded in order. */
  private fold(record: Float64Array): void {
    const targetCount = this.model.targets.length;
    this.trials += record[0];
    this.jointHits += record[1];
    for (let index = 0; index < targetCount; index++) {
      this.hits[index] += record[2 + index];
      this.shortfallSums[index] += record[2 + targetCount + index];
      this.shortfallCounts[index] += record[2 + 2 * targetCount + index];
      const at = 2 + 3 * targetCount + 3 * index;
      combine(this.measuredMoments[index], record[at], record[at + 1], record[at + 2]);
    }
    let at = 2 + 6 * targetCount;
    for (const byYear of this.metricMoments) {
      for (const moments of byYear) {
        combine(moments, record[at], record[at + 1], record[at + 2]);
        at += 3;
      }
    }
  }

  /** The hits of each target and the joint hits in a block's record. */
  recordHits(record: Float64Array): { trials: number; hits: number[]; jointHits: number } {
    return { trials: record[0], jointHits: record[1], hits: this.model.targets.map((_, index) => record[2 + index]) };
  }

  /**
   * Merges a part of the run that starts where this tally ends: adds its counts and histograms,
   * and folds its block records in order.
   */
  merge(part: Tally): void {
    if (part.firstBlock !== this.firstBlock + this.blocks) {
      throw new Error(`blocks out of order: expected a part starting at block ${this.firstBlock + this.blocks}, got ${part.firstBlock}`);
    }
    const add = (into: number[], from: readonly number[]) => from.forEach((v, i) => (into[i] += v));
    add(this.officialHitCounts, part.officialHitCounts);
    add(this.never, part.never);
    this.firstYearCounts.forEach((counts, t) => add(counts, part.firstYearCounts[t]));
    this.metricHistograms.forEach((byYear, m) => byYear.forEach((h, y) => h.merge(part.metricHistograms[m][y])));
    this.measuredHistograms.forEach((h, t) => h.merge(part.measuredHistograms[t]));
    for (const record of part.records) {
      if (this.keepRecords) this.records.push(record);
      else this.fold(record);
    }
    this.blocks += part.blocks;
  }

  /** A plain-data copy of a part, for a worker's reply or a shard file. */
  serialize(): SerializedTally {
    return {
      firstBlock: this.firstBlock,
      blocks: this.blocks,
      trials: this.records.reduce((sum, r) => sum + r[0], 0),
      officialHitCounts: this.officialHitCounts,
      firstYearCounts: this.firstYearCounts,
      never: this.never,
      metricHistograms: this.metricHistograms.map((byYear) => byYear.map((h) => h.serialize())),
      measuredHistograms: this.measuredHistograms.map((h) => h.serialize()),
      records: this.records.map((r) => Array.from(r)),
    };
  }

  /** Rebuilds a part from its plain-data copy. */
  static deserialize(model: Model, data: SerializedTally): Tally {
    const tally = new Tally(model, data.firstBlock, true);
    tally.blocks = data.blocks;
    data.officialHitCounts.forEach((v, i) => (tally.officialHitCounts[i] = v));
    data.never.forEach((v, i) => (tally.never[i] = v));
    data.firstYearCounts.forEach((counts, t) => counts.forEach((v, y) => (tally.firstYearCounts[t][y] = v)));
    data.metricHistograms.forEach((byYear, m) => byYear.forEach((h, y) => tally.metricHistograms[m][y].merge(LogHistogram.deserialize(h))));
    data.measuredHistograms.forEach((h, t) => tally.measuredHistograms[t].merge(LogHistogram.deserialize(h)));
    for (const record of data.records) tally.records.push(Float64Array.from(record));
    return tally;
  }
}
