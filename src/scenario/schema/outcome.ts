import { z } from 'zod';
import { Id, Identifier, SourceRef, Year } from './common.js';

/**
 * What happened: an actual value recorded after the fact, for predicted-against-actual and
 * backtests. Either a metric's value in a year (in the metric's input unit, like its baseline), or
 * a target's measured value at its deadline (in the target's unit: like its threshold).
 */
export const Outcome = z.strictObject({
  /** The metric whose actual value this is (give `metric` or `target`, not both). */
  metric: Identifier.optional(),
  /** The target whose actual measured value this is, at its deadline (`year` must equal it). */
  target: Id.optional(),
  year: Year,
  value: z.number(),
  /** The id of a source in the scenario's `sources` (an outcome always has one). */
  source: SourceRef,
  /**
   * `official`: the figure the government reported; `independent`: another series (an estimate
   * by researchers, satellite data), for where official figures may bunch just above a target.
   */
  series: z.enum(['official', 'independent']).default('official'),
  note: z.string().optional(),
});
export type Outcome = z.infer<typeof Outcome>;
