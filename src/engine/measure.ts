import type { ModelTarget } from './model.js';

/** Per target and trial: the measured value, whether it hit, and the first year index it was met (-1: never). */
export interface TargetOutcomes {
  readonly measured: Float64Array[];
  readonly hit: Uint8Array[];
  readonly firstYearIndex: Int16Array[];
}

/** Whether a value meets a target's comparison. */
export function meets(target: Pick<ModelTarget, 'comparison' | 'low' | 'high'>, value: number): boolean {
  switch (target.comparison) {
    case '>':
      return value > target.low;
    case '>=':
      return value >= target.low;
    case '<':
      return value < target.low;
    case '<=':
      return value <= target.low;
    case 'between':
      return value >= target.low && value <= target.high;
  }
}

/**
 * How far a value is from meeting the target, in the metric's unit: positive when met with room
 * to spare, negative when missed (the shortfall is its negation).
 */
export function margin(target: Pick<ModelTarget, 'comparison' | 'low' | 'high'>, value: number): number {
  switch (target.comparison) {
    case '>':
    case '>=':
      return value - target.low;
    case '<':
    case '<=':
      return target.low - value;
    case 'between':
      return Math.min(value - target.low, target.high - value);
  }
}

/**
 * Evaluates every target on every trial of a block, in one pass over the years per trial: the
 * measure at the deadline (value, running total, sum from `fromIndex`, or for `reachedBy` the
 * first year met, else the year closest to meeting it), whether it hits, and the first year
 * index at which the measure is met anywhere in the horizon (so a late hit shows as late, not never).
 */
export function measureTargets(targets: readonly ModelTarget[], values: readonly (readonly Float64Array[])[], length: number, out: TargetOutcomes): void {
  for (let t = 0; t < targets.length; t++) {
    const target = targets[t];
    const series = values[target.metricIndex];
    const measured = out.measured[t];
    const hit = out.hit[t];
    const firstYear = out.firstYearIndex[t];
    const years = series.length;
    const deadline = target.deadlineIndex;
    const from = target.fromIndex;
    const kind = target.measure;
    for (let i = 0; i < length; i++) {
      const base = series[0][i];
      let running = 0;
      let first = -1;
      let atDeadline = Number.NaN;
      let reached = false;
      let best = Number.NaN;
      for (let y = 1; y < years; y++) {
        const x = series[y][i];
        let m: number;
        if (kind === 'value' || kind === 'reachedBy') m = x;
        else if (kind === 'runningTotal') m = x - base;
        else {
          if (y < from) continue;
          running += x;
          m = running;
        }
        const ok = meets(target, m);
        if (ok && first < 0) first = y;
        if (kind === 'reachedBy' && y <= deadline && !reached) {
          if (ok) {
            reached = true;
            best = m;
          } else if (y === 1 || margin(target, m) > margin(target, best)) best = m;
        }
        if (y === deadline) atDeadline = kind === 'reachedBy' ? best : m;
        if (y >= deadline && first >= 0) break;
      }
      measured[i] = atDeadline;
      hit[i] = meets(target, atDeadline) ? 1 : 0;
      firstYear[i] = first;
    }
  }
}
