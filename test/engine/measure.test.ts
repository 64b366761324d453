import { describe, expect, it } from 'vitest';
import { measureTargets, type TargetOutcomes } from '../../src/engine/measure.js';
import type { ModelTarget } from '../../src/engine/model.js';
import { targetBounds } from '../../src/engine/targetBounds.js';
import type { Comparison, Measure } from '../../src/scenario/schema/target.js';

/** A target on metric 0 of a 4-year block (year indices 0–3). */
function target(measure: Measure, comparison: Comparison, low: number, high: number, deadlineIndex: number, extra: Partial<ModelTarget> = {}): ModelTarget {
  return {
    id: measure,
    official: true,
    metricIndex: 0,
    onColumn: false,
    comparison,
    low,
    high,
    measure,
    deadlineIndex,
    fromIndex: 1,
    ...targetBounds(comparison, low, high),
    ...extra,
  };
}

/** Three trials of one metric over years 0–3, by year. */
const series = [Float64Array.of(10, 10, 50), Float64Array.of(12, 30, 40), Float64Array.of(15, 8, 70), Float64Array.of(20, 35, 90)];

/** Per trial the measure, hit and first year index met; per year index the trials first meeting it then. */
function measure(t: ModelTarget): { measured: number[]; hit: number[]; first: number[]; counts: number[] } {
  const out: TargetOutcomes = {
    measured: [new Float64Array(3)],
    hit: [new Uint8Array(3)],
    firstYearIndex: [new Int16Array(3)],
    firstYearCounts: [new Int32Array(4)],
  };
  measureTargets([t], [series], 3, out, new Float64Array(3));
  return { measured: [...out.measured[0]], hit: [...out.hit[0]], first: [...out.firstYearIndex[0]], counts: [...out.firstYearCounts[0]] };
}

describe('measureTargets, year by year over a block', () => {
  it('value: at the deadline, first met in any year of the horizon', () => {
    // Trial 2 meets >= 25 in year 1, falls below it in year 2 and meets it again in year 3.
    expect(measure(target('value', '>=', 25, 25, 2))).toEqual({ measured: [15, 8, 70], hit: [0, 0, 1], first: [-1, 1, 1], counts: [0, 2, 0, 0] });
  });

  it('a running total from a fixed 0 measured as the column gives what the subtraction gives', () => {
    const zeroBase = [new Float64Array(3), ...series.slice(1)];
    const run = (onColumn: boolean) => {
      const out: TargetOutcomes = {
        measured: [new Float64Array(3)],
        hit: [new Uint8Array(3)],
        firstYearIndex: [new Int16Array(3)],
        firstYearCounts: [new Int32Array(4)],
      };
      measureTargets([target('runningTotal', '>', 30, 30, 3, { onColumn })], [zeroBase], 3, out, new Float64Array(3));
      return out;
    };
    expect(run(true)).toEqual(run(false));
    expect([...run(true).firstYearIndex[0]]).toEqual([-1, 3, 1]);
    expect([...run(true).firstYearCounts[0]]).toEqual([0, 1, 0, 1]);
  });

  it('runningTotal: the change since the base year', () => {
    // Changes by year: trial 0: 2, 5, 10; trial 1: 20, -2, 25; trial 2: -10, 20, 40.
    expect(measure(target('runningTotal', '>=', 20, 20, 3))).toEqual({ measured: [10, 25, 40], hit: [0, 1, 1], first: [-1, 1, 2], counts: [0, 1, 1, 0] });
  });

  it('sum: from fromIndex to the deadline, the first year the running sum meets it', () => {
    // From year 2: trial 0: 15, 35; trial 1: 8, 43; trial 2: 70, 160.
    expect(measure(target('sum', '>', 40, 40, 3, { fromIndex: 2 }))).toEqual({
      measured: [35, 43, 160],
      hit: [0, 1, 1],
      first: [-1, 3, 2],
      counts: [0, 0, 1, 1],
    });
    // From year 1: trial 0: 12, 27, 47; trial 1: 30, 38, 73; trial 2: 40, 110, 200.
    expect(measure(target('sum', '>', 40, 40, 2))).toEqual({ measured: [27, 38, 110], hit: [0, 0, 1], first: [3, 3, 2], counts: [0, 0, 1, 2] });
  });

  it('reachedBy: the value of the first year met, else of the year closest to meeting it', () => {
    // between [28, 36] by year 2: trial 0 never (closest: 15), trial 1 in year 1 (30), trial 2 never by then (closest: 40).
    expect(measure(target('reachedBy', 'between', 28, 36, 2))).toEqual({ measured: [15, 30, 40], hit: [0, 1, 0], first: [-1, 1, -1], counts: [0, 1, 0, 0] });
  });
});
