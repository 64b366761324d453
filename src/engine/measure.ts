import { pow } from '../math/elementary.js';
import type { Measure } from '../scenario/schema/target.js';
import type { ModelTarget } from './model.js';
import type { TargetBounds } from './targetBounds.js';

/** Per target and trial: the measured value, whether it hit, and the first year index it was met (-1: never). */
export interface TargetOutcomes {
  readonly measured: Float64Array[];
  readonly hit: Uint8Array[];
  readonly firstYearIndex: Int16Array[];
  /**
   * Per target and year index: the block's trials first meeting it in that year (index 0, the
   * base year, stays 0). Counted during the scan, so the tally needs no pass of its own.
   */
  readonly firstYearCounts: Int32Array[];
}

/** Whether a value meets a target. */
export function meets(target: TargetBounds, value: number): boolean {
  return value >= target.metFrom && value <= target.metTo;
}

/**
 * How far a value is from meeting the target, in the metric's unit: positive when met with room
 * to spare, negative when missed (the shortfall is its negation).
 */
export function margin(target: TargetBounds, value: number): number {
  return Math.min(value - target.marginFrom, target.marginTo - value);
}

/**
 * Evaluates every target on every trial of a block: the measure at the deadline (value, running
 * total, sum from `fromIndex`, for `reachedBy` the first year met, else the year closest to
 * meeting it, a ratio, growth rate or change in points, or for `everyYear` the year closest to
 * missing), whether it hits, and the first year index at which the measure, computed as of that
 * year, is met anywhere in the horizon (so a late hit shows as late, not never). Each year is one tight pass over typed
 * arrays (`scanYear`), which at the deadline also takes the measure. `scratch` holds running sums,
 * totals or best values.
 */
export function measureTargets(
  targets: readonly ModelTarget[],
  values: readonly (readonly Float64Array[])[],
  length: number,
  out: TargetOutcomes,
  scratch: Float64Array,
): void {
  for (let t = 0; t < targets.length; t++) {
    const target = targets[t];
    const series = values[target.metricIndex];
    const measured = out.measured[t];
    const hit = out.hit[t];
    const first = out.firstYearIndex[t];
    const counts = out.firstYearCounts[t];
    counts.fill(0);
    const deadline = target.deadlineIndex;
    const from = target.metFrom;
    const to = target.metTo;
    // The deadline lies in the horizon and, for a sum, at or after `fromIndex` (validated).
    const at = (y: number) => (y === deadline ? measured : undefined);
    // A running total from a fixed 0 is the metric's own value: measured as one, with no subtraction.
    switch (target.onColumn ? 'value' : target.measure) {
      case 'value':
        for (let y = 1; y < series.length; y++) counts[y] = scanYear(series[y], length, from, to, y, y === 1, first, at(y), hit);
        break;
      case 'runningTotal': {
        const base = series[0];
        const total = scratch;
        for (let y = 1; y < series.length; y++) {
          const x = series[y];
          for (let i = 0; i < length; i++) total[i] = x[i] - base[i];
          counts[y] = scanYear(total, length, from, to, y, y === 1, first, at(y), hit);
        }
        break;
      }
      case 'sum': {
        const running = scratch;
        const start = target.fromIndex;
        if (start > 1) first.fill(-1, 0, length);
        running.set(series[start].subarray(0, length));
        counts[start] = scanYear(running, length, from, to, start, start === 1, first, at(start), hit);
        for (let y = start + 1; y < series.length; y++) {
          const x = series[y];
          for (let i = 0; i < length; i++) running[i] += x[i];
          counts[y] = scanYear(running, length, from, to, y, false, first, at(y), hit);
        }
        break;
      }
      case 'reachedBy': {
        // Up to the deadline, the value of the first year met, else of the year closest to meeting.
        const best = scratch;
        first.fill(-1, 0, length);
        for (let y = 1; y < series.length; y++) {
          const x = series[y];
          let newlyMet = 0;
          for (let i = 0; i < length; i++) {
            if (first[i] >= 0) continue;
            const m = x[i];
            if (m >= from && m <= to) {
              first[i] = y;
              newlyMet++;
              if (y <= deadline) best[i] = m;
            } else if (y <= deadline && (y === 1 || margin(target, m) > margin(target, best[i]))) best[i] = m;
          }
          counts[y] = newlyMet;
          if (y === deadline) takeMeasure(best, length, from, to, measured, hit);
        }
        break;
      }
      case 'ratioToBase':
      case 'averageGrowth':
      case 'yearOnYear':
      case 'changeInPoints': {
        // The measure as of each year (the average growth to that year, say), scanned like a value:
        // a rate can meet its threshold early and fall below it again.
        const asOf = scratch;
        for (let y = 1; y < series.length; y++) {
          relativeAsOf(target.measure, series, y, length, asOf);
          counts[y] = scanYear(asOf, length, from, to, y, y === 1, first, at(y), hit);
        }
        break;
      }
      case 'everyYear':
        measureEveryYear(target, series, length, measured, hit, first, counts, scratch);
        break;
    }
  }
}

/**
 * A relative measure of every trial as of `year`: x[y] / x[B], (x[y] / x[B])^(1/y) − 1,
 * x[y] / x[y−1] − 1, or (x[y] − x[B]) × 100 points. A base of zero or less gives NaN, which meets
 * nothing and is reported as a value that is not finite (never a ratio of two negatives read as
 * growth); a value that fell to zero or below from a positive base is an average growth of −100%.
 */
function relativeAsOf(measure: Measure, series: readonly Float64Array[], year: number, length: number, out: Float64Array): void {
  const x = series[year];
  const base = series[0];
  switch (measure) {
    case 'ratioToBase':
      for (let i = 0; i < length; i++) out[i] = base[i] > 0 ? x[i] / base[i] : Number.NaN;
      break;
    case 'averageGrowth': {
      const power = 1 / year;
      for (let i = 0; i < length; i++) out[i] = base[i] > 0 ? pow(Math.max(x[i] / base[i], 0), power) - 1 : Number.NaN;
      break;
    }
    case 'yearOnYear': {
      const previous = series[year - 1];
      for (let i = 0; i < length; i++) out[i] = previous[i] > 0 ? x[i] / previous[i] - 1 : Number.NaN;
      break;
    }
    default:
      for (let i = 0; i < length; i++) out[i] = (x[i] - base[i]) * 100;
  }
}

/**
 * `everyYear`: met only if the value meets the bounds in every year from `fromIndex` to the
 * deadline, so the first year met is the deadline or never (a later year cannot mend a missed
 * one). While scanning, `first` holds 0 as long as every year so far is met and -1 once one is
 * missed; the measure is the value of the year closest to missing (a NaN year stays NaN).
 */
function measureEveryYear(
  target: ModelTarget,
  series: readonly Float64Array[],
  length: number,
  measured: Float64Array,
  hit: Uint8Array,
  first: Int16Array,
  counts: Int32Array,
  worst: Float64Array,
): void {
  const { metFrom: from, metTo: to, deadlineIndex: deadline, fromIndex: start } = target;
  const x0 = series[start];
  for (let i = 0; i < length; i++) {
    const m = x0[i];
    worst[i] = m;
    first[i] = (Number(m >= from) & Number(m <= to)) - 1;
  }
  for (let y = start + 1; y <= deadline; y++) {
    const x = series[y];
    for (let i = 0; i < length; i++) {
      const m = x[i];
      first[i] |= (Number(m >= from) & Number(m <= to)) - 1;
      const w = worst[i];
      if (!Number.isNaN(w) && !(margin(target, m) >= margin(target, w))) worst[i] = m;
    }
  }
  let allMet = 0;
  for (let i = 0; i < length; i++) {
    const all = first[i] + 1;
    first[i] = all * (deadline + 1) - 1;
    measured[i] = worst[i];
    hit[i] = all;
    allMet += all;
  }
  counts[deadline] = allMet;
}

/**
 * One year's pass over a block: `first` gets `year` where a trial meets the bounds for the first
 * time (the first year scanned starts the record: -1 where not met), and at the deadline (when
 * `measured` is given) the measure and whether it hits are taken in the same pass. Returns how
 * many trials met the bounds for the first time this year.
 *
 * Without branches on the data: whether a trial meets the bounds is unpredictable, and V8
 * compiles `Number(a >= b)` to a flag set where a `?:` or `if` becomes a jump; measured on
 * blocks of trials half of which meet the bounds, 2.0 ns a trial against 6.3-9.7 ns with jumps.
 * For a record `f` (-1, or a year >= 1), `f >>> 31` is 1 exactly when it is not yet met.
 */
function scanYear(
  values: Float64Array,
  length: number,
  from: number,
  to: number,
  year: number,
  starts: boolean,
  first: Int16Array,
  measured: Float64Array | undefined,
  hit: Uint8Array,
): number {
  let newlyMet = 0;
  if (measured !== undefined && starts) {
    for (let i = 0; i < length; i++) {
      const m = values[i];
      const met = Number(m >= from) & Number(m <= to);
      measured[i] = m;
      hit[i] = met;
      first[i] = met * (year + 1) - 1;
      newlyMet += met;
    }
  } else if (measured !== undefined) {
    for (let i = 0; i < length; i++) {
      const m = values[i];
      const met = Number(m >= from) & Number(m <= to);
      measured[i] = m;
      hit[i] = met;
      const f = first[i];
      const firstTime = (f >>> 31) & met;
      first[i] = f + firstTime * (year - f);
      newlyMet += firstTime;
    }
  } else if (starts) {
    for (let i = 0; i < length; i++) {
      const m = values[i];
      const met = Number(m >= from) & Number(m <= to);
      first[i] = met * (year + 1) - 1;
      newlyMet += met;
    }
  } else {
    for (let i = 0; i < length; i++) {
      const m = values[i];
      const f = first[i];
      const firstTime = (f >>> 31) & Number(m >= from) & Number(m <= to);
      first[i] = f + firstTime * (year - f);
      newlyMet += firstTime;
    }
  }
  return newlyMet;
}

/** Copies the measure at the deadline, and whether it meets the bounds. */
function takeMeasure(values: Float64Array, length: number, from: number, to: number, measured: Float64Array, hit: Uint8Array): void {
  for (let i = 0; i < length; i++) {
    const m = values[i];
    measured[i] = m;
    hit[i] = Number(m >= from) & Number(m <= to);
  }
}
