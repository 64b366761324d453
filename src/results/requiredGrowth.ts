import { pow } from '../math/elementary.js';
import type { Measure } from '../scenario/schema/target.js';

/**
 * The constant yearly growth rate g from `baseline` that meets `level` at `years` years out:
 * - `value`/`reachedBy`: baseline·(1+g)^T = level;
 * - `runningTotal`: baseline·(1+g)^T − baseline = level;
 * - `sum` of years F..T: Σ baseline·(1+g)^t = level (solved by bisection);
 * - `ratioToBase`: (1+g)^T = level;
 * - `averageGrowth`, `yearOnYear`: g = level (a constant rate is its own average and yearly rate);
 * - `changeInPoints`: baseline·(1+g)^T = baseline + level/100 (the share's own relative growth);
 * - `everyYear`: the rate whose path meets `level` in the binding year, the first counted (F)
 *   when it must rise to the level, the last (T) when it may fall to it (`rising`: the target is
 *   an upper bound to stay above, as for `>` and `>=`; false for `<` and `<=`).
 * Returns null where no growth rate can express it (a baseline of zero or less).
 *
 * @example
 * ```ts
 * requiredGrowthRate(10e9, 30e9, 3, 'value'); // 0.44225 (44.2% a year triples in three years)
 * requiredGrowthRate(10e9, 2, 5, 'ratioToBase'); // 0.1487 (14.9% a year doubles in five years)
 * ```
 */
export function requiredGrowthRate(baseline: number, level: number, years: number, measure: Measure, fromYear = 1, rising = true): number | null {
  if (!(baseline > 0) || years <= 0) return null;
  switch (measure) {
    case 'ratioToBase':
      return level > 0 ? pow(level, 1 / years) - 1 : null;
    case 'averageGrowth':
    case 'yearOnYear':
      return level > -1 ? level : null;
    case 'changeInPoints': {
      const share = baseline + level / 100;
      return share > 0 ? pow(share / baseline, 1 / years) - 1 : null;
    }
    case 'everyYear': {
      if (!(level > 0)) return null;
      // Growing paths are lowest in the first year counted, shrinking ones in the last.
      const binding = level > baseline === rising ? fromYear : years;
      return pow(level / baseline, 1 / binding) - 1;
    }
    case 'value':
    case 'reachedBy':
      return level > 0 ? pow(level / baseline, 1 / years) - 1 : null;
    case 'runningTotal':
      return level + baseline > 0 ? pow((level + baseline) / baseline, 1 / years) - 1 : null;
    case 'sum': {
      const total = (g: number) => {
        let sum = 0;
        for (let t = fromYear; t <= years; t++) sum += baseline * pow(1 + g, t);
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
