import type { ModelTarget } from './model.js';
import type { TargetBounds } from './targetBounds.js';

/** Per target and trial: the measured value, whether it hit, and the first year index it was met (-1: never). */
export interface TargetOutcomes {
  readonly measured: Float64Array[];
  readonly hit: Uint8Array[];
  readonly firstYearIndex: Int16Array[];
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
 * total, sum from `fromIndex`, or for `reachedBy` the first year met, else the year closest to
 * meeting it), whether it hits, and the first year index at which the measure is met anywhere in
 * the horizon (so a late hit shows as late, not never). Loops run year by year over the whole
 * block, so each is a tight loop over typed arrays. `scratch` holds running sums or best values.
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
    const deadline = target.deadlineIndex;
    // The bounds in locals: the loops below compare each value against them directly.
    const from = target.metFrom;
    const to = target.metTo;
    first.fill(-1, 0, length);
    // Every measure is taken at the deadline (validated to lie in the horizon, after `fromIndex`),
    // in a pass that also says whether it hits.
    // A running total from a fixed 0 is the metric's own value: measured as one, with no subtraction.
    switch (target.onColumn ? 'value' : target.measure) {
      case 'value':
        for (let y = 1; y < series.length; y++) {
          const x = series[y];
          for (let i = 0; i < length; i++) if (first[i] < 0 && x[i] >= from && x[i] <= to) first[i] = y;
          if (y === deadline) takeMeasure(x, length, from, to, measured, hit);
        }
        break;
      case 'runningTotal': {
        const base = series[0];
        const total = scratch;
        for (let y = 1; y < series.length; y++) {
          const x = series[y];
          for (let i = 0; i < length; i++) {
            const m = x[i] - base[i];
            total[i] = m;
            if (first[i] < 0 && m >= from && m <= to) first[i] = y;
          }
          if (y === deadline) takeMeasure(total, length, from, to, measured, hit);
        }
        break;
      }
      case 'sum': {
        const running = scratch;
        running.fill(0, 0, length);
        for (let y = target.fromIndex; y < series.length; y++) {
          const x = series[y];
          for (let i = 0; i < length; i++) {
            const m = running[i] + x[i];
            running[i] = m;
            if (first[i] < 0 && m >= from && m <= to) first[i] = y;
          }
          if (y === deadline) takeMeasure(running, length, from, to, measured, hit);
        }
        break;
      }
      case 'reachedBy': {
        // Up to the deadline, the value of the first year met, else of the year closest to meeting.
        const best = scratch;
        for (let y = 1; y < series.length; y++) {
          const x = series[y];
          for (let i = 0; i < length; i++) {
            if (first[i] >= 0) continue;
            const m = x[i];
            if (m >= from && m <= to) {
              first[i] = y;
              if (y <= deadline) best[i] = m;
            } else if (y <= deadline && (y === 1 || margin(target, m) > margin(target, best[i]))) best[i] = m;
          }
          if (y === deadline) takeMeasure(best, length, from, to, measured, hit);
        }
        break;
      }
    }
  }
}

/** Copies the measure at the deadline, and whether it meets the bounds. */
function takeMeasure(values: Float64Array, length: number, from: number, to: number, measured: Float64Array, hit: Uint8Array): void {
  for (let i = 0; i < length; i++) {
    const m = values[i];
    measured[i] = m;
    hit[i] = m >= from && m <= to ? 1 : 0;
  }
}
