import type { Measure } from '../scenario/schema/target.js';

/**
 * The constant yearly growth rate g from `baseline` that meets `level` at `years` years out:
 * - `value`/`reachedBy`: baseline·(1+g)^T = level;
 * - `runningTotal`: baseline·(1+g)^T − baseline = level;
 * - `sum` of years F..T: Σ baseline·(1+g)^t = level (solved by bisection).
 * Returns null where no growth rate can express it (a baseline of zero or less).
 *
 * @example
 * ```ts
 * requiredGrowthRate(10e9, 30e9, 3, 'value'); // 0.44225 (44.2% a year triples in three years)
 * ```
 */
export function requiredGrowthRate(baseline: number, level: number, years: number, measure: Measure, fromYear = 1): number | null {
  if (!(baseline > 0) || years <= 0) return null;
  switch (measure) {
    case 'value':
    case 'reachedBy':
      return level > 0 ? (level / baseline) ** (1 / years) - 1 : null;
    case 'runningTotal':
      return level + baseline > 0 ? ((level + baseline) / baseline) ** (1 / years) - 1 : null;
    case 'sum': {
      const total = (g: number) => {
        let sum = 0;
        for (let t = fromYear; t <= years; t++) sum += baseline * (1 + g) ** t;
        return sum;
      };
      if (!(level > 0)) return null;
      let low = -0.999999;
      let high = 1;
      while (total(high) < level) {
        high *= 2;
        if (high > 1e6) return null;
      }
      for (let i = 0; i < 200 && high - low > 1e-12; i++) {
        const mid = (low + high) / 2;
        if (total(mid) < level) low = mid;
        else high = mid;
      }
      return (low + high) / 2;
    }
  }
}
