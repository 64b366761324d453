import { z } from 'zod';
import { messages } from '../../problems/messages.js';
import { Id, Identifier, SourceRef, Year } from './common.js';
import { Distribution } from './distribution.js';
import { Metric, Parameter, ScenarioSchema } from './scenario.js';
import { Comparison, Measure } from './target.js';

/** A number (a fixed value) or a distribution: a park's own baseline or assumption. */
const ValueOrDistribution = z.union([z.number(), Distribution], {
  error: 'expected a number or a distribution such as {"dist": "normal", "mean": 1, "sd": 0.1}',
});

/** One park of a group: a row of the table, with its own baselines and assumptions. */
export const GroupPark = z.strictObject({
  id: Id,
  name: z.string().min(1),
  nameZh: z.string().optional(),
  /** Base-year values of the group's metrics for this park (else the metric's own baseline). */
  baselines: z.record(Identifier, ValueOrDistribution).default({}),
  /** This park's values of the group's per-park assumptions (else the assumption's own distribution). */
  parameters: z.record(Identifier, ValueOrDistribution).default({}),
  source: SourceRef.optional(),
  note: z.string().optional(),
});
export type GroupPark = z.infer<typeof GroupPark>;

/**
 * An assumption every park has its own copy of, drawn independently per park (a park's deviation
 * from the common trend). A park's row may give its own value; without a distribution here, every
 * row must.
 */
export const GroupParameter = Parameter.extend({ distribution: Distribution.optional() });

/**
 * A scenario's assumption as written in a file: its `distribution`, or a `referenceClass` to derive
 * one from (src/scenario/referenceClassDistribution.ts), or both (the class then is the basis cited).
 */
export const FileParameter = Parameter.extend({ distribution: Distribution.optional() }).refine(
  (parameter) => parameter.distribution !== undefined || parameter.referenceClass !== undefined,
  { message: messages.distributionOrReferenceClass(), path: ['distribution'] },
);
export type FileParameter = z.infer<typeof FileParameter>;
export type GroupParameter = z.infer<typeof GroupParameter>;

/** How a group target combines the parks. */
export const Aggregate = z.enum(['sum', 'count', 'share', 'every']);
export type Aggregate = z.infer<typeof Aggregate>;

/**
 * A target over the parks of a group:
 * - `sum`: the group's total of a metric (any measure of the total: "total output doubles");
 * - `count`: how many parks meet `park` ("at least 6 of the 23 above 10 bn");
 * - `share`: the fraction of parks that meet `park` (0.5 for half);
 * - `every`: every park meets `park` (no comparison or threshold of its own).
 */
export const GroupTarget = z.strictObject({
  id: Id,
  label: z.string().min(1),
  labelZh: z.string().optional(),
  aggregate: Aggregate,
  metric: Identifier,
  /**
   * What one park must reach, for `count`, `share` and `every`: its metric's value at the deadline,
   * or (with `measure`) its ratio to its base year ("parks that doubled"), its average or
   * year-on-year growth, or its change in points, each per park.
   */
  park: z
    .strictObject({
      comparison: Comparison,
      threshold: z.number(),
      measure: z.enum(['value', 'ratioToBase', 'averageGrowth', 'yearOnYear', 'changeInPoints']).default('value'),
    })
    .optional(),
  comparison: Comparison.optional(),
  threshold: z.union([z.number().positive(), z.tuple([z.number(), z.number()])]).optional(),
  deadline: Year,
  /** For `sum`: what is measured of the total (as for any target). */
  measure: Measure.default('value'),
  fromYear: Year.optional(),
  kind: z.enum(['official', 'stretch']).default('official'),
  source: SourceRef.optional(),
  note: z.string().optional(),
});
export type GroupTarget = z.infer<typeof GroupTarget>;

/**
 * A group of parks that share metric definitions: a table of parks (a row each), metrics written
 * once for all of them, per-park assumptions, and targets over the group. The scenario's own
 * `parameters` are shared by every park (a city-wide trend), its own metrics and targets stand
 * beside the group's. Expanded at load into one metric per park and metric (`output__p01`).
 */
export const Group = z.strictObject({
  id: Id,
  name: z.string().min(1),
  nameZh: z.string().optional(),
  parks: z.array(GroupPark).min(1, 'expected at least one park'),
  metrics: z.record(Identifier, Metric).refine((m) => Object.keys(m).length > 0, 'expected at least one metric'),
  parameters: z.record(Identifier, GroupParameter).default({}),
  targets: z.array(GroupTarget).default([]),
  note: z.string().optional(),
});
export type Group = z.infer<typeof Group>;
export type GroupInput = z.input<typeof Group>;

/**
 * A scenario as written in a file: the scenario's fields and, optionally, a group of parks. The
 * group is expanded at load, so a validated `Scenario` has the parks' metrics and a `groupLayout`.
 */
export const ScenarioFileSchema = ScenarioSchema.extend({ group: Group.optional(), parameters: z.record(Identifier, FileParameter).default({}) });
export type ScenarioFile = z.infer<typeof ScenarioFileSchema>;
/** A scenario file whose assumptions each have their distribution (those drawn from a reference class derived): what `expandGroup` takes. */
export type ResolvedScenarioFile = Omit<ScenarioFile, 'parameters'> & { parameters: Record<string, Parameter> };
/** A scenario file as written, with or without a group: fields with defaults may be left out. */
export type ScenarioFileInput = z.input<typeof ScenarioFileSchema>;
