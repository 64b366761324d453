import { TRIALS_PER_BLOCK } from '../random/stream.js';
import type { BlockOutcome } from './blockRunner.js';
import { ExactSum } from './exactSum.js';
import { LogHistogram, type SerializedHistogram } from './logHistogram.js';
import { margin } from './measure.js';
import type { Model } from './model.js';
import { runNominal } from './nominal.js';
import type { TargetBounds } from './targetBounds.js';

/**
 * Sums of one quantity over trials: the count of finite values and exact sums of their
 * deviations from a fixed shift (the nominal value) and of the squared deviations. Shifting
 * keeps the squares small when the spread is small against the level (1e10 yuan ± 1e8).
 */
export class Moments {
  count = 0;
  readonly sum = new ExactSum();
  readonly squares = new ExactSum();

  constructor(readonly shift: number) {}

  /** Adds the finite values among the first `length`, and counts them into the histogram too. */
  addBlock(values: Float64Array, length: number, histogram: LogHistogram): void {
    const nonFinite = histogram.addAll(values, length);
    const shift = this.shift;
    let sum = 0;
    let squares = 0;
    if (nonFinite === 0) {
      for (let i = 0; i < length; i++) {
        const d = values[i] - shift;
        sum += d;
        squares += d * d;
      }
    } else {
      for (let i = 0; i < length; i++) {
        const d = values[i] - shift;
        if (d - d !== 0) continue; // NaN or ±Infinity
        sum += d;
        squares += d * d;
      }
    }
    this.count += length - nonFinite;
    this.sum.add(sum);
    this.squares.add(squares);
  }

  /** Adds `times` trials of one value (a column that is the same in every trial), and counts them into the histogram. */
  addRepeated(value: number, times: number, histogram: LogHistogram): void {
    histogram.addRepeated(value, times);
    if (!Number.isFinite(value)) return;
    const d = value - this.shift;
    this.count += times;
    this.sum.add(d * times);
    this.squares.add(d * d * times);
  }

  merge(other: Moments): void {
    this.count += other.count;
    this.sum.merge(other.sum);
    this.squares.merge(other.squares);
  }

  get mean(): number {
    return this.count === 0 ? Number.NaN : this.shift + this.sum.value() / this.count;
  }

  /** The sample standard deviation. */
  get sd(): number {
    if (this.count < 2) return 0;
    const s = this.sum.value();
    return Math.sqrt(Math.max(0, this.squares.value() - (s * s) / this.count) / (this.count - 1));
  }

  serialize(): SerializedMoments {
    return { count: this.count, sum: this.sum.serialize(), squares: this.squares.serialize() };
  }

  static deserialize(shift: number, data: SerializedMoments): Moments {
    const moments = new Moments(shift);
    moments.count = data.count;
    moments.sum.merge(ExactSum.deserialize(data.sum));
    moments.squares.merge(ExactSum.deserialize(data.squares));
    return moments;
  }
}

export interface SerializedMoments {
  readonly count: number;
  readonly sum: number[];
  readonly squares: number[];
}

/** A part of a run as plain data: for a worker's reply or a shard file. */
export interface SerializedTally {
  readonly firstBlock: number;
  readonly blocks: number;
  readonly trials: number;
  readonly hits: number[];
  readonly jointHits: number;
  /** Per joint set of the model (`Model.jointSets`): trials meeting all its targets; absent in older shards means none. */
  readonly jointSetHits?: number[];
  readonly officialHitCounts: number[];
  readonly firstYearCounts: number[][];
  readonly never: number[];
  readonly shortfallSums: number[][];
  readonly shortfallCounts: number[];
  readonly metricHistograms: SerializedHistogram[][];
  readonly metricMoments: SerializedMoments[][];
  readonly measuredHistograms: SerializedHistogram[];
  readonly measuredMoments: SerializedMoments[];
  /** Per block: [trials, joint hits, hits per target], for stopping early at the right block. */
  readonly blockHits: number[][];
}

/**
 * The sum and count of the shortfalls (-margin) of the trials that missed, over those whose
 * shortfall is finite: a non-finite measured value (a division by zero, say) is counted by its
 * histogram, not averaged.
 */
function finiteShortfalls(target: TargetBounds, hit: Uint8Array, measured: Float64Array, length: number): { shortfall: number; shortfallCount: number } {
  let shortfall = 0;
  let shortfallCount = 0;
  for (let i = 0; i < length; i++) {
    if (hit[i] === 1) continue;
    const missedBy = -margin(target, measured[i]);
    if (missedBy - missedBy === 0) {
      shortfall += missedBy;
      shortfallCount++;
    }
  }
  return { shortfall, shortfallCount };
}

const shiftsByModel = new WeakMap<Model, { metrics: number[][]; measured: number[] }>();

/** The nominal values, used as the moments' shifts: the same in every thread and shard. */
function shiftsOf(model: Model): { metrics: number[][]; measured: number[] } {
  let shifts = shiftsByModel.get(model);
  if (shifts === undefined) {
    const nominal = runNominal(model);
    const finite = (v: number) => (Number.isFinite(v) ? v : 0);
    shifts = { metrics: nominal.values.map((byYear) => byYear.map(finite)), measured: nominal.targets.map((t) => finite(t.measured)) };
    shiftsByModel.set(model, shifts);
  }
  return shifts;
}

/**
 * Everything a run reports, accumulated as blocks stream through, in memory that does not grow
 * with the number of trials: whole-number counts (hits, first years, k of n), histograms for
 * quantiles, and exact sums for means, standard deviations and shortfalls. Every part of it
 * merges exactly, so a run split across workers or shards gives the same tally bit for bit.
 */
export class Tally {
  trials = 0;
  /** Blocks added so far, starting at `firstBlock`. */
  blocks = 0;
  readonly hits: number[];
  jointHits = 0;
  /** Per joint set of the model (every strive level, the scenario's `jointTargets`): trials meeting all of its targets. */
  readonly jointSetHits: number[];
  /** officialHitCounts[k]: trials meeting exactly k of the official targets. */
  readonly officialHitCounts: number[];
  /** firstYearCounts[target][yearIndex]; index 0 (the base year) stays 0. */
  readonly firstYearCounts: number[][];
  readonly never: number[];
  readonly shortfallSums: ExactSum[];
  readonly shortfallCounts: number[];
  readonly metricHistograms: LogHistogram[][];
  readonly metricMoments: Moments[][];
  readonly measuredHistograms: LogHistogram[];
  readonly measuredMoments: Moments[];
  /** Per block: [trials, joint hits, hits per target] (kept by parts only). */
  readonly blockHits: number[][] = [];
  private readonly official: number[];
  /** Per metric, its baseline when it is fixed (the same in every trial), else undefined. */
  private readonly fixedBaselines: Array<number | undefined>;
  /** Scratch: official targets met per trial of a block. */
  private officialMet = new Int32Array(TRIALS_PER_BLOCK);
  /** Scratch: whether a trial of a block meets every target of a joint set so far. */
  private allMet = new Uint8Array(TRIALS_PER_BLOCK);
  /** Scratch: a block's trials by how many official targets they meet, four counters per count. */
  private readonly officialByK: Int32Array;

  /**
   * @param keepBlockHits true for a part of a run (a batch), whose per-block hits the run checks in order to stop early.
   */
  constructor(
    private readonly model: Model,
    readonly firstBlock = 0,
    private readonly keepBlockHits = false,
  ) {
    const targets = model.targets.length;
    const shifts = shiftsOf(model);
    this.official = model.targets.map((t, i) => (t.official ? i : -1)).filter((i) => i >= 0);
    this.fixedBaselines = model.metrics.map((m) => (typeof m.baseline === 'number' ? m.baseline : undefined));
    this.hits = new Array(targets).fill(0);
    this.jointSetHits = new Array(model.jointSets.length).fill(0);
    this.officialHitCounts = new Array(this.official.length + 1).fill(0);
    this.officialByK = new Int32Array(4 * (this.official.length + 1));
    this.firstYearCounts = model.targets.map(() => new Array(model.years.length).fill(0));
    this.never = new Array(targets).fill(0);
    this.shortfallSums = model.targets.map(() => new ExactSum());
    this.shortfallCounts = new Array(targets).fill(0);
    this.metricHistograms = model.metrics.map(() => model.years.map(() => new LogHistogram()));
    this.metricMoments = model.metrics.map((_, m) => model.years.map((__, y) => new Moments(shifts.metrics[m][y])));
    // A target measured on a metric's own column (`onColumn`) shares that column's histogram and moments.
    this.measuredHistograms = model.targets.map((t) => (t.onColumn ? this.metricHistograms[t.metricIndex][t.deadlineIndex] : new LogHistogram()));
    this.measuredMoments = model.targets.map((t, i) => (t.onColumn ? this.metricMoments[t.metricIndex][t.deadlineIndex] : new Moments(shifts.measured[i])));
  }

  /** Adds the next block of the run; returns its [trials, joint hits, hits per target]. */
  addBlock(outcome: BlockOutcome): number[] {
    const n = outcome.length;
    const t = outcome.targets;
    // Official targets met per trial, summed target by target: tight loops over the hit arrays.
    if (this.officialMet.length < n) this.officialMet = new Int32Array(n);
    const metCount = this.officialMet;
    metCount.fill(0, 0, n);
    for (const index of this.official) {
      const hit = t.hit[index];
      for (let i = 0; i < n; i++) metCount[i] += hit[i];
    }
    // Trials by k: four counters per k, taken in turn, so that neighbouring trials with the same
    // k (most are) do not wait on each other's increment.
    const byK = this.officialByK;
    byK.fill(0);
    for (let i = 0; i < n; i++) byK[(metCount[i] << 2) | (i & 3)]++;
    for (let k = 0; k < this.officialHitCounts.length; k++) this.officialHitCounts[k] += byK[4 * k] + byK[4 * k + 1] + byK[4 * k + 2] + byK[4 * k + 3];
    const all = 4 * this.official.length;
    const jointHits = byK[all] + byK[all + 1] + byK[all + 2] + byK[all + 3];
    const blockHits = [n, jointHits];
    // Joint sets: a trial counts when it meets every target of the set (an AND of the hit arrays).
    if (this.allMet.length < n) this.allMet = new Uint8Array(n);
    const allMet = this.allMet;
    this.model.jointSets.forEach((set, s) => {
      const [first, ...rest] = set.targetIndices;
      allMet.set(t.hit[first].subarray(0, n));
      for (const index of rest) {
        const hit = t.hit[index];
        for (let i = 0; i < n; i++) allMet[i] &= hit[i];
      }
      let count = 0;
      for (let i = 0; i < n; i++) count += allMet[i];
      this.jointSetHits[s] += count;
    });
    for (let index = 0; index < this.model.targets.length; index++) {
      const target = this.model.targets[index];
      const hit = t.hit[index];
      const measured = t.measured[index];
      const counts = t.firstYearCounts[index];
      const firstCounts = this.firstYearCounts[index];
      let metSomeYear = 0;
      for (let y = 1; y < counts.length; y++) {
        firstCounts[y] += counts[y];
        metSomeYear += counts[y];
      }
      this.never[index] += n - metSomeYear;
      // Shortfalls without a branch on the hit, which is unpredictable (p near 0.5): a trial
      // that hits adds a zero, which leaves the sum's bits as they were. A non-finite term
      // makes the sum non-finite: then the block is summed again miss by miss.
      const { marginFrom, marginTo } = target;
      let hits = 0;
      let shortfall = 0;
      if (marginTo === Number.POSITIVE_INFINITY) {
        // At least a threshold: a miss falls short by threshold - value (~2x faster than the max below).
        for (let i = 0; i < n; i++) {
          const h = hit[i];
          hits += h;
          shortfall += (1 - h) * (marginFrom - measured[i]);
        }
      } else if (marginFrom === Number.NEGATIVE_INFINITY) {
        for (let i = 0; i < n; i++) {
          const h = hit[i];
          hits += h;
          shortfall += (1 - h) * (measured[i] - marginTo);
        }
      } else {
        for (let i = 0; i < n; i++) {
          const m = measured[i];
          hits += hit[i];
          shortfall += Math.max(0, Math.max(marginFrom - m, m - marginTo));
        }
      }
      let shortfallCount = n - hits;
      if (shortfall - shortfall !== 0) ({ shortfall, shortfallCount } = finiteShortfalls(target, hit, measured, n));
      this.hits[index] += hits;
      blockHits.push(hits);
      this.shortfallSums[index].add(shortfall);
      this.shortfallCounts[index] += shortfallCount;
      if (!target.onColumn) this.measuredMoments[index].addBlock(measured, n, this.measuredHistograms[index]);
    }
    const values = outcome.values;
    for (let m = 0; m < values.length; m++) {
      const byYear = values[m];
      const fixedBaseline = this.fixedBaselines[m];
      for (let y = 0; y < byYear.length; y++) {
        // A fixed baseline is the same in every trial: counted at once, not trial by trial.
        if (y === 0 && fixedBaseline !== undefined) this.metricMoments[m][0].addRepeated(fixedBaseline, n, this.metricHistograms[m][0]);
        else this.metricMoments[m][y].addBlock(byYear[y], n, this.metricHistograms[m][y]);
      }
    }
    this.trials += n;
    this.jointHits += jointHits;
    this.blocks++;
    if (this.keepBlockHits) this.blockHits.push(blockHits);
    return blockHits;
  }

  /**
   * Merges a part of the run: the one that follows this one (its first block is this one's end),
   * or with `inOrder` false any part of blocks this one does not hold yet. Counts, histograms and
   * exact sums add up to the same bits in any order; only the hits kept block by block (to stop
   * early) need the order.
   */
  merge(part: Tally, inOrder = true): void {
    if (!inOrder && this.keepBlockHits) throw new Error('a tally that keeps block hits takes its parts in order');
    if (inOrder && part.firstBlock !== this.firstBlock + this.blocks) {
      throw new Error(`blocks out of order: expected a part starting at block ${this.firstBlock + this.blocks}, got ${part.firstBlock}`);
    }
    const add = (into: number[], from: readonly number[]) => from.forEach((v, i) => (into[i] += v));
    this.trials += part.trials;
    this.jointHits += part.jointHits;
    add(this.hits, part.hits);
    add(this.jointSetHits, part.jointSetHits);
    add(this.officialHitCounts, part.officialHitCounts);
    add(this.never, part.never);
    add(this.shortfallCounts, part.shortfallCounts);
    this.firstYearCounts.forEach((counts, t) => add(counts, part.firstYearCounts[t]));
    this.shortfallSums.forEach((sum, t) => sum.merge(part.shortfallSums[t]));
    this.metricHistograms.forEach((byYear, m) => byYear.forEach((h, y) => h.merge(part.metricHistograms[m][y])));
    this.metricMoments.forEach((byYear, m) => byYear.forEach((s, y) => s.merge(part.metricMoments[m][y])));
    // A shared column is merged once, with the metric's.
    this.measuredHistograms.forEach((h, t) => {
      if (!this.model.targets[t].onColumn) h.merge(part.measuredHistograms[t]);
    });
    this.measuredMoments.forEach((s, t) => {
      if (!this.model.targets[t].onColumn) s.merge(part.measuredMoments[t]);
    });
    if (this.keepBlockHits) this.blockHits.push(...part.blockHits);
    this.blocks += part.blocks;
  }

  /** A plain-data copy; without block hits for shard files, which cannot stop early. */
  serialize(options: { blockHits?: boolean } = {}): SerializedTally {
    return {
      firstBlock: this.firstBlock,
      blocks: this.blocks,
      trials: this.trials,
      hits: this.hits,
      jointHits: this.jointHits,
      jointSetHits: this.jointSetHits,
      officialHitCounts: this.officialHitCounts,
      firstYearCounts: this.firstYearCounts,
      never: this.never,
      shortfallSums: this.shortfallSums.map((s) => s.serialize()),
      shortfallCounts: this.shortfallCounts,
      metricHistograms: this.metricHistograms.map((byYear) => byYear.map((h) => h.serialize())),
      metricMoments: this.metricMoments.map((byYear) => byYear.map((s) => s.serialize())),
      measuredHistograms: this.measuredHistograms.map((h) => h.serialize()),
      measuredMoments: this.measuredMoments.map((s) => s.serialize()),
      blockHits: options.blockHits === false ? [] : this.blockHits,
    };
  }

  /** Rebuilds a part from its plain-data copy. */
  static deserialize(model: Model, data: SerializedTally): Tally {
    const tally = new Tally(model, data.firstBlock, data.blockHits.length > 0);
    const shifts = shiftsOf(model);
    const set = (into: number[], from: readonly number[]) => from.forEach((v, i) => (into[i] = v));
    tally.trials = data.trials;
    tally.blocks = data.blocks;
    tally.jointHits = data.jointHits;
    set(tally.hits, data.hits);
    set(tally.jointSetHits, data.jointSetHits ?? []);
    set(tally.officialHitCounts, data.officialHitCounts);
    set(tally.never, data.never);
    set(tally.shortfallCounts, data.shortfallCounts);
    data.firstYearCounts.forEach((counts, t) => set(tally.firstYearCounts[t], counts));
    data.shortfallSums.forEach((partials, t) => tally.shortfallSums[t].merge(ExactSum.deserialize(partials)));
    data.metricHistograms.forEach((byYear, m) => byYear.forEach((h, y) => tally.metricHistograms[m][y].merge(LogHistogram.deserialize(h))));
    data.metricMoments.forEach((byYear, m) => byYear.forEach((s, y) => tally.metricMoments[m][y].merge(Moments.deserialize(shifts.metrics[m][y], s))));
    data.measuredHistograms.forEach((h, t) => {
      if (!model.targets[t].onColumn) tally.measuredHistograms[t].merge(LogHistogram.deserialize(h));
    });
    data.measuredMoments.forEach((s, t) => {
      if (!model.targets[t].onColumn) tally.measuredMoments[t].merge(Moments.deserialize(shifts.measured[t], s));
    });
    tally.blockHits.push(...data.blockHits);
    return tally;
  }
}

/** A count as messages show it: 24,414,082. */
const shownCount = (n: number) => n.toLocaleString('en-US');

/** The largest exponent field of a finite float (2047 is Infinity and NaN, counted apart). */
const MAX_EXPONENT = 2046;
/** Sub-bins per octave of a histogram (see logHistogram.ts). */
const SUB_BINS = 256;

/** What is wrong with a serialized histogram of `trials` values; `what` names it in messages. */
function histogramProblems(h: SerializedHistogram, trials: number, what: string): string[] {
  const problems: string[] = [];
  let binned = 0;
  for (let i = 0; i + 3 < h.bins.length; i += 4) {
    const [sign, exponent, sub, count] = [h.bins[i], h.bins[i + 1], h.bins[i + 2], h.bins[i + 3]];
    const valid =
      (sign === 1 || sign === -1) &&
      Number.isInteger(exponent) &&
      exponent >= 0 &&
      exponent <= MAX_EXPONENT &&
      Number.isInteger(sub) &&
      sub >= 0 &&
      sub < SUB_BINS &&
      Number.isInteger(count) &&
      count >= 1;
    if (!valid) {
      problems.push(
        `${what}: a histogram bin that is not a sign (1 or -1), an exponent (0 to ${MAX_EXPONENT}), a sub-bin (0 to ${SUB_BINS - 1}) and a count (at least 1)`,
      );
      return problems;
    }
    binned += count;
  }
  const total = binned + h.zeros + h.nonFinite;
  if (total !== trials) problems.push(`${what}: its histogram counts ${shownCount(total)} values, not one per trial (${shownCount(trials)})`);
  return problems;
}

/**
 * What is wrong with a part of a run read from outside (a shard file) that a well-formed file can
 * still get wrong: its trials must be `expectedTrials` (what its blocks hold); no count above
 * the trials; each target's first-year counts and never-met count, the k-of-n counts and every
 * histogram sum to the trials; the joint hits fit the official targets' hits; every moment
 * counts the finite values. Its shape (one entry per target, metric and year, whole numbers)
 * is checked before. Returns one line per problem, in the words of trials and targets; empty
 * when the part is consistent.
 */
export function tallyInvariantProblems(model: Model, data: SerializedTally, expectedTrials: number): string[] {
  const problems: string[] = [];
  const trials = data.trials;
  if (trials !== expectedTrials) return [`it counts ${shownCount(trials)} trials, but its slice of the run holds ${shownCount(expectedTrials)}`];
  if (data.blockHits.length > 0) problems.push('it holds the counts a run keeps to stop early, which shard files never do');
  const official = model.targets.map((t, i) => (t.official ? i : -1)).filter((i) => i >= 0);
  model.targets.forEach((target, t) => {
    const what = `target ${target.id}`;
    const hits = data.hits[t];
    if (hits > trials) problems.push(`${what}: ${shownCount(hits)} hits in ${shownCount(trials)} trials`);
    const firstYears = data.firstYearCounts[t];
    if (firstYears[0] !== 0) problems.push(`${what}: met first in the base year in ${shownCount(firstYears[0])} trials (never counted there)`);
    const metSomeYear = firstYears.reduce((sum, c) => sum + c, 0);
    if (metSomeYear + data.never[t] !== trials) {
      problems.push(
        `${what}: first met in some year in ${shownCount(metSomeYear)} trials and never in ${shownCount(data.never[t])}, not ${shownCount(trials)} in all`,
      );
    }
    if (data.shortfallCounts[t] > trials - Math.min(hits, trials)) {
      problems.push(
        `${what}: ${shownCount(data.shortfallCounts[t])} shortfalls, more than the ${shownCount(trials - Math.min(hits, trials))} trials that missed`,
      );
    }
    problems.push(...histogramProblems(data.measuredHistograms[t], trials, `${what}'s measured value`));
    const measuredFinite = trials - data.measuredHistograms[t].nonFinite;
    if (data.measuredMoments[t].count !== measuredFinite) {
      problems.push(`${what}: its mean counts ${shownCount(data.measuredMoments[t].count)} values, not the ${shownCount(measuredFinite)} finite ones`);
    }
  });
  model.metrics.forEach((metric, m) => {
    model.years.forEach((year, y) => {
      const what = `metric ${metric.name} in ${year}`;
      const histogram = data.metricHistograms[m][y];
      problems.push(...histogramProblems(histogram, trials, what));
      const finite = trials - histogram.nonFinite;
      if (data.metricMoments[m][y].count !== finite) {
        problems.push(`${what}: its mean counts ${shownCount(data.metricMoments[m][y].count)} values, not the ${shownCount(finite)} finite ones`);
      }
    });
  });
  if (data.officialHitCounts.length !== official.length + 1) {
    problems.push(`it counts trials meeting 0 to ${data.officialHitCounts.length - 1} official targets, but the scenario has ${official.length}`);
    return problems;
  }
  const byK = data.officialHitCounts.reduce((sum, c) => sum + c, 0);
  if (byK !== trials) problems.push(`trials by how many official targets they meet add up to ${shownCount(byK)}, not ${shownCount(trials)}`);
  // Each trial meeting k official targets is k of their hits.
  const hitsByK = data.officialHitCounts.reduce((sum, c, k) => sum + k * c, 0);
  const officialHits = official.reduce((sum, t) => sum + data.hits[t], 0);
  if (hitsByK !== officialHits) {
    problems.push(`the official targets' hits (${shownCount(officialHits)}) differ from those implied by how many each trial met (${shownCount(hitsByK)})`);
  }
  if (data.jointHits !== data.officialHitCounts[official.length]) {
    problems.push(
      `${shownCount(data.jointHits)} trials met all official targets together, but ${shownCount(data.officialHitCounts[official.length])} met all ${official.length}`,
    );
  }
  const fewest = Math.min(trials, ...official.map((t) => data.hits[t]));
  if (data.jointHits > fewest)
    problems.push(`${shownCount(data.jointHits)} trials met all official targets together, more than met one of them (${shownCount(fewest)})`);
  return problems;
}
