/**
 * An exact sum of doubles (Shewchuk's algorithm, as Python's `math.fsum`): it keeps the sum as
 * non-overlapping partials and rounds once at the end, so the result is the correctly rounded
 * exact sum, the same bit for bit in whatever order the terms were added or parts were merged.
 * That is what lets a run's tally be split across workers and shards. It is fed one subtotal
 * per block of 1024 trials, so its cost (~20 ns per addition) does not show.
 */
export class ExactSum {
  private partials: number[] = [];

  add(value: number): void {
    let x = value;
    let kept = 0;
    for (let i = 0; i < this.partials.length; i++) {
      let y = this.partials[i];
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) this.partials[kept++] = lo;
      x = hi;
    }
    this.partials.length = kept;
    this.partials.push(x);
  }

  merge(other: ExactSum): void {
    for (const partial of other.partials) this.add(partial);
  }

  /** The exact sum, rounded once to the nearest double (ties to even). */
  value(): number {
    const p = this.partials;
    let n = p.length;
    if (n === 0) return 0;
    n--;
    let hi = p[n];
    let lo = 0;
    while (n > 0) {
      const x = hi;
      n--;
      const y = p[n];
      hi = x + y;
      lo = y - (hi - x);
      if (lo !== 0) break;
    }
    // Correct a double rounding: when the rest has the sign of lo, the half-way case must round away.
    if (n > 0 && ((lo < 0 && p[n - 1] < 0) || (lo > 0 && p[n - 1] > 0))) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
    return hi;
  }

  serialize(): number[] {
    return [...this.partials];
  }

  static deserialize(partials: readonly number[]): ExactSum {
    const sum = new ExactSum();
    for (const partial of partials) sum.add(partial);
    return sum;
  }
}
