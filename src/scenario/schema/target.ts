import { z } from 'zod';
import { Id, Identifier, SourceRef, Year } from './common.js';

export const Comparison = z.enum(['>', '>=', '<', '<=', 'between']);
export type Comparison = z.infer<typeof Comparison>;

/**
 * What a target measures, up to its deadline year D from base year B:
 * - `value`: the metric's value in year D;
 * - `sum`: the sum of the yearly values from `fromYear` (default B+1) to D (a flow: tax over three years);
 * - `runningTotal`: the increase since the base year, x[D] - x[B] (a stock: enterprises introduced);
 * - `reachedBy`: met in any year from B+1 to D (the best year counts).
 */
export const Measure = z.enum(['value', 'sum', 'runningTotal', 'reachedBy']);
export type Measure = z.infer<typeof Measure>;

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
  /** First year counted by `sum` (default: the year after the base year). */
  fromYear: Year.optional(),
  /** Official targets count toward the joint probability; stretch goals are reported alone. */
  kind: z.enum(['official', 'stretch']).default('official'),
  /** The label in Chinese, for reports in Chinese (`--lang zh`). */
  labelZh: z.string().min(1).optional(),
  source: SourceRef.optional(),
  /** How the target was read from its source (e.g. how "within three years" became a deadline). */
  note: z.string().optional(),
});
export type Target = z.infer<typeof Target>;
