import { z } from 'zod';
import { Id, Identifier, type MeasureUnit, SourceRef, type Unit, Year } from './common.js';

export const Comparison = z.enum(['>', '>=', '<', '<=', 'between']);
export type Comparison = z.infer<typeof Comparison>;

/**
 * What a target measures, up to its deadline year D from base year B:
 * - `value`: the metric's value in year D;
 * - `sum`: the sum of the yearly values from `fromYear` (default B+1) to D (a flow: tax over three years);
 * - `runningTotal`: the increase since the base year, x[D] - x[B] (a stock: enterprises introduced);
 * - `reachedBy`: met in any year from B+1 to D (the best year counts);
 * - `ratioToBase`: x[D] / x[B], a ratio ("output doubles": >= 2);
 * - `averageGrowth`: (x[D] / x[B])^(1/(D−B)) − 1, the average yearly growth rate since the base year ("15% a year": >= 0.15);
 * - `yearOnYear`: x[D] / x[D−1] − 1, the growth rate of the deadline year;
 * - `changeInPoints`: (x[D] − x[B]) × 100 for a share, in percentage points ("up 2 points": >= 2);
 * - `everyYear`: the metric's value meets the threshold in every year from `fromYear` (default B+1) to D.
 * The ratio and growth measures need a base (x[B], or x[D−1]) above zero.
 */
export const Measure = z.enum(['value', 'sum', 'runningTotal', 'reachedBy', 'ratioToBase', 'averageGrowth', 'yearOnYear', 'changeInPoints', 'everyYear']);
export type Measure = z.infer<typeof Measure>;

/** The measures that divide by a base-year (or previous-year) value, which must be above zero. */
export const RELATIVE_MEASURES: readonly Measure[] = ['ratioToBase', 'averageGrowth', 'yearOnYear'];

/** The measures that read `fromYear`. */
export const MEASURES_WITH_FROM_YEAR: readonly Measure[] = ['sum', 'everyYear'];

/**
 * The unit a target's threshold and measured value are in: a ratio, a rate or percentage points
 * for the relative measures, else the metric's own unit.
 *
 * @example
 * ```ts
 * measureUnit('averageGrowth', 'yuan'); // 'rate'
 * measureUnit('value', 'yuan');         // 'yuan'
 * ```
 */
export function measureUnit(measure: Measure, metricUnit: Unit): MeasureUnit {
  switch (measure) {
    case 'ratioToBase':
      return 'ratio';
    case 'averageGrowth':
    case 'yearOnYear':
      return 'rate';
    case 'changeInPoints':
      return 'points';
    default:
      return metricUnit;
  }
}

export const Target = z.strictObject({
  id: Id,
  label: z.string().min(1),
  metric: Identifier,
  comparison: Comparison,
  /** A number, or `[low, high]` (inclusive) for `between`. */
  threshold: z.union([z.number().positive(), z.tuple([z.number(), z.number()])], {
    error: 'expected a positive number (or [low, high] for "between")',
  }),
  /**
   * The 力争 (strive) level of a 确保 X, 力争 Y target: a harder threshold on the same metric,
   * comparison, measure and deadline (higher for > and >=, lower for < and <=, a range inside the
   * range for `between`). `threshold` is then the 确保 (ensure) level, the official one.
   */
  strive: z
    .union([z.number().positive(), z.tuple([z.number(), z.number()])], {
      error: 'expected a positive number (or [low, high] for "between")',
    })
    .optional(),
  deadline: Year,
  measure: Measure.default('value'),
  /** First year counted by `sum` and `everyYear` (default: the year after the base year). */
  fromYear: Year.optional(),
  /** Official targets count toward the joint probability; stretch goals are reported alone. */
  kind: z.enum(['official', 'stretch']).default('official'),
  /** The label in Chinese, for reports in Chinese (`--lang zh`). */
  labelZh: z.string().min(1).optional(),
  source: SourceRef.optional(),
  /**
   * The targets this one is computed from, by id (a roll-up's "every member meets its official
   * targets"): their sources are its provenance, so it needs no `source` of its own.
   */
  derivedFrom: z.array(Id).min(1).optional(),
  /** How the target was read from its source (e.g. how "within three years" became a deadline). */
  note: z.string().optional(),
  /**
   * The id of the shipped reference class this target belongs to (reference-classes/<id>.json):
   * its base rate is shown beside the target's probability (the outside view).
   */
  referenceClass: z.string().min(1).optional(),
  /** The class's observation to compare with (default: the class's headline). Needs `referenceClass`. */
  referenceObservation: z.string().min(1).optional(),
});
export type Target = z.infer<typeof Target>;
