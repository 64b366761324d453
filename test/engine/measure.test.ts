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

/** Three trials of a share over years 0–3, by year. */
const shares = [Float64Array.of(0.2, 0.3, 0.1), Float64Array.of(0.21, 0.29, 0.13), Float64Array.of(0.23, 0.33, 0.11), Float64Array.of(0.22, 0.36, 0.12)];

/** Per trial the measure, hit and first year index met; per year index the trials first meeting it then. */
function measure(t: ModelTarget, of: readonly Float64Array[] = series): { measured: number[]; hit: number[]; first: number[]; counts: number[] } {
  const out: TargetOutcomes = {
    measured: [new Float64Array(3)],
    hit: [new Uint8Array(3)],
    firstYearIndex: [new Int16Array(3)],
    firstYearCounts: [new Int32Array(4)],
  };
  measureTargets([t], [of], 3, out, new Float64Array(3));
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

  it('ratioToBase: x[D] / x[B], first met as of each year', () => {
    // Ratios by year: trial 0: 1.2, 1.5, 2; trial 1: 3, 0.8, 3.5; trial 2: 0.8, 1.4, 1.8.
    expect(measure(target('ratioToBase', '>=', 1.4, 1.4, 2))).toEqual({ measured: [1.5, 0.8, 1.4], hit: [1, 0, 1], first: [2, 1, 2], counts: [0, 1, 2, 0] });
  });

  it('averageGrowth: the average to each year; a rate met early can fall back, and a first year after the deadline is late', () => {
    // Average growth to year 1, 2, 3: trial 0: 20%, 22.5%, 26.0%; trial 1: 200%, -10.6%, 51.8%; trial 2: -20%, 18.3%, 21.6%.
    const result = measure(target('averageGrowth', '>=', 0.25, 0.25, 2));
    expect(result.measured[0]).toBeCloseTo(Math.sqrt(1.5) - 1, 12);
    expect(result.measured[1]).toBeCloseTo(Math.sqrt(0.8) - 1, 12);
    expect(result.measured[2]).toBeCloseTo(Math.sqrt(1.4) - 1, 12);
    // None meets it at the deadline: trial 1 met it in year 1 and fell back, trial 0 meets it only in year 3.
    expect(result).toMatchObject({ hit: [0, 0, 0], first: [3, 1, -1], counts: [0, 1, 0, 1] });
  });

  it('yearOnYear: the growth of each year over the year before', () => {
    // Yearly growth: trial 0: 20%, 25%, 33.3%; trial 1: 200%, -73.3%, 337.5%; trial 2: -20%, 75%, 28.6%.
    const result = measure(target('yearOnYear', '>=', 0.25, 0.25, 3));
    expect(result.measured[0]).toBeCloseTo(20 / 15 - 1, 12);
    expect(result.measured[1]).toBeCloseTo(35 / 8 - 1, 12);
    expect(result.measured[2]).toBeCloseTo(90 / 70 - 1, 12);
    expect(result).toMatchObject({ hit: [1, 1, 1], first: [2, 1, 2], counts: [0, 1, 2, 0] });
  });

  it('changeInPoints: (x[D] - x[B]) x 100 percentage points of a share', () => {
    // Points gained by year: trial 0: 1, 3, 2; trial 1: -1, 3, 6; trial 2: 3, 1, 2.
    const result = measure(target('changeInPoints', '>=', 2.5, 2.5, 3), shares);
    [2, 6, 2].forEach((points, i) => expect(result.measured[i]).toBeCloseTo(points, 10));
    expect(result).toMatchObject({ hit: [0, 1, 0], first: [2, 2, 1], counts: [0, 1, 2, 0] });
  });

  it('everyYear: met at the deadline only if met in every year; the first year met is the deadline or never', () => {
    // >= 12 in years 1-3: trial 0 (12, 15, 20) and trial 2 (40, 70, 90) every year; trial 1 falls to 8 in year 2.
    expect(measure(target('everyYear', '>=', 12, 12, 3))).toEqual({ measured: [12, 8, 40], hit: [1, 0, 1], first: [3, -1, 3], counts: [0, 0, 0, 2] });
    // From year 2 to a deadline of year 2: trial 1's 35 in year 3, after the deadline, does not make it met.
    expect(measure(target('everyYear', '>=', 12, 12, 2, { fromIndex: 2 }))).toEqual({
      measured: [15, 8, 70],
      hit: [1, 0, 1],
      first: [2, -1, 2],
      counts: [0, 0, 2, 0],
    });
    // At most 30 every year: the worst year is the highest.
    expect(measure(target('everyYear', '<=', 30, 30, 3))).toEqual({ measured: [20, 35, 90], hit: [1, 0, 0], first: [3, -1, -1], counts: [0, 0, 0, 1] });
  });

  it('a base of zero or less gives no ratio or growth: NaN, never met, never a ratio of two negatives', () => {
    const badBase = [Float64Array.of(0, -10, 5), Float64Array.of(5, -20, 6), Float64Array.of(6, -30, 0), Float64Array.of(7, -40, 20)];
    for (const kind of ['ratioToBase', 'averageGrowth'] as const) {
      const result = measure(target(kind, '>=', 1, 1, 3), badBase);
      expect(result.measured.slice(0, 2).every(Number.isNaN), kind).toBe(true);
      expect(result.hit.slice(0, 2), kind).toEqual([0, 0]);
      expect(result.first.slice(0, 2), kind).toEqual([-1, -1]);
    }
    // Trial 2 went from 5 to 6 (+20%), to 0 in year 2 (-100%), then to 20: growth over a zero year is NaN.
    const yearly = measure(target('yearOnYear', '>=', 0.5, 0.5, 3), badBase);
    expect(Number.isNaN(yearly.measured[2])).toBe(true);
    expect(yearly.first[2]).toBe(-1);
    // A value fallen to zero or below from a positive base is an average growth of -100%, not NaN.
    expect(measure(target('averageGrowth', '<', 0, 0, 2), badBase).measured[2]).toBe(-1);
  });
});
