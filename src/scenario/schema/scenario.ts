import { z } from 'zod';
import { expectations } from '../../problems/messages.js';
import { Id, Identifier, InputUnit, SourceRef, Unit, Year } from './common.js';
import { Distribution } from './distribution.js';
import { GroupLayout } from './groupLayout.js';
import { Outcome } from './outcome.js';
import { Process, Step } from './process.js';
import { Target } from './target.js';

export const Source = z.strictObject({
  id: Id,
  headline: z.string().min(1),
  outlet: z.string().min(1),
  /** ISO date (2023-04-24) or year, as given by the source. */
  date: z.string().optional(),
  /** When the date is not stated in the source: how it was inferred. */
  dateInferred: z.string().optional(),
  url: z.string().optional(),
  note: z.string().optional(),
});
export type Source = z.infer<typeof Source>;

/** A part of a park with a name of its own (an area, a sub-park). */
export const Zone = z.strictObject({
  /** The zone's id. */
  id: Id,
  /** Its name. */
  name: z.string().min(1),
  /** Anything a reader should know about it. */
  note: z.string().optional(),
});

export const Park = z.strictObject({
  /** The park's id: file names and results use it. */
  id: Id,
  /** The park's name, as reports show it. */
  name: z.string().min(1),
  /** The name in Chinese, where known. */
  nameZh: z.string().optional(),
  /** Where it is: city, province, country. */
  location: z.string().min(1),
  /** Its parts, where the plan names them. */
  zones: z.array(Zone).optional(),
  /** Anything a reader should know about the park or the scenario. */
  note: z.string().optional(),
});

export const Horizon = z.strictObject({
  /** The year whose values are the baselines. */
  baseYear: Year,
  /** The last simulated year. */
  endYear: Year,
});

/**
 * A reference class an assumption is drawn from (reference-classes/<id>.json): a rate (a landing
 * rate, a share of capital arrived) whose distribution parkcast derives from the class's sourced
 * observations, instead of the scenario's author choosing one. See docs/scenario-format.md.
 */
export const ParameterReferenceClass = z.strictObject({
  /** The class's id: one of the shipped reference classes. */
  id: z.string().min(1),
  /** The observations to draw from (default: every observation of the class). */
  observations: z.array(Id).min(1).optional(),
});
export type ParameterReferenceClass = z.infer<typeof ParameterReferenceClass>;

/** An assumption: an uncertain input, drawn once per trial (or afresh each year with `varies: "year"`). */
export const Parameter = z.strictObject({
  /** How it is drawn. In a file it may be left out when `referenceClass` is given: it is then derived from the class. */
  distribution: Distribution,
  /** The reference class it is drawn from, or (beside a `distribution`) the class it is based on. */
  referenceClass: ParameterReferenceClass.optional(),
  description: z.string().optional(),
  /** A short name in Chinese, for reports in Chinese (`--lang zh`). */
  labelZh: z.string().min(1).optional(),
  /** The description in Chinese, for reports in Chinese. */
  descriptionZh: z.string().min(1).optional(),
  unit: z.string().optional(),
  /** `sourced`: taken from a source; `assumed`: a modelling choice (say why in `reason`). */
  basis: z.enum(['sourced', 'assumed']).default('assumed'),
  reason: z.string().optional(),
  source: SourceRef.optional(),
  varies: z.enum(['trial', 'year']).default('trial'),
});
export type Parameter = z.infer<typeof Parameter>;

/**
 * A baseline written as an assumption, like a parameter: its value — a number, a distribution,
 * or an expression of parameters computed per trial from their draws — with its basis, reason
 * and source. `{ "distribution": {...}, "basis": "assumed", "reason": "the plan states no 2022 figure" }`.
 */
export const BaselineAssumption = z
  .strictObject({
    value: z.number().optional(),
    distribution: Distribution.optional(),
    /** The base-year value as an expression of parameters (metrics are not drawn yet): `pilotFirms * outputPerFirm`. */
    expression: z.string().min(1).optional(),
    /** `sourced`: a source states it (give `source`); `assumed`: a modelling choice (say why in `reason`). */
    basis: z.enum(['sourced', 'assumed']).default('assumed'),
    reason: z.string().optional(),
    source: SourceRef.optional(),
  })
  .superRefine((b, ctx) => {
    const given = (['value', 'distribution', 'expression'] as const).filter((key) => b[key] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        // Not continuable: in the metric's union, a value of another shape then reports that shape's problems.
        continue: false,
        path: given.length === 0 ? ['value'] : [given[1]],
        message:
          given.length === 0
            ? 'expected one of "value", "distribution" or "expression" (the baseline itself)'
            : `expected only one of "value", "distribution" or "expression", got ${given.join(' and ')}`,
      });
    }
  });
export type BaselineAssumption = z.infer<typeof BaselineAssumption>;

export const Metric = z.strictObject({
  unit: Unit,
  label: z.string().optional(),
  description: z.string().optional(),
  /** The label in Chinese, for reports in Chinese (`--lang zh`). */
  labelZh: z.string().min(1).optional(),
  /** The description in Chinese, for reports in Chinese. */
  descriptionZh: z.string().min(1).optional(),
  /**
   * The unit the metric's figures are written in (its baseline, the numbers of its steps and its
   * logistic capacity, its targets' thresholds), e.g. 亿元 or 亩: converted once, at load, to `unit`
   * (yuan, m², fractions), and kept as `displayUnit` so results are shown back in it.
   */
  inputUnit: InputUnit.optional(),
  /** The unit to show the metric's (canonical) values in; set from `inputUnit` at load. */
  displayUnit: InputUnit.optional(),
  /** A working metric: usable in expressions and targets, but left out of charts and the report's tables. */
  helper: z.boolean().optional(),
  /**
   * The metric keeps its base-year value through this year, and its process runs from the next: a
   * park that starts later than the others (a roll-up's member with a later base year).
   */
  holdUntil: Year.optional(),
  /**
   * The value in the base year: a number; a distribution where it is not known exactly; or, as an
   * assumption with its basis and reason, `{ value | distribution | expression, basis, reason, source }`.
   * Derived metrics may omit it.
   */
  baseline: z
    .union([z.number(), Distribution, BaselineAssumption], {
      error: 'expected a number, a distribution such as {"dist": "normal", "mean": 1, "sd": 0.1}, or {"distribution": ..., "basis": "assumed", "reason": ...}',
    })
    .optional(),
  process: Process,
  steps: z.array(Step).optional(),
  source: SourceRef.optional(),
  note: z.string().optional(),
});
export type Metric = z.infer<typeof Metric>;

/** A figure from a source that is neither a baseline nor a target, kept with its source. */
export const ContextFigure = z.strictObject({
  id: Id,
  label: z.string().min(1),
  value: z.number(),
  unit: z.string().min(1),
  year: Year.optional(),
  source: SourceRef.optional(),
  note: z.string().optional(),
});
export type ContextFigure = z.infer<typeof ContextFigure>;

/**
 * A figure stated in a source over several years, or with its year-on-year rate (e.g. 208.981
 * billion yuan in 2021, up 19.6%). Used by the data check and for calibration.
 */
export const Series = z.strictObject({
  id: Id,
  label: z.string().min(1),
  unit: z.string().min(1),
  /** What one point covers: a calendar year (default) or the first half of the year. */
  period: z.enum(['year', 'half-year']).default('year'),
  points: z
    .array(
      z.strictObject({
        year: Year,
        value: z.number().optional(),
        /** Growth over the same period a year earlier, as a fraction (0.196 for 19.6%). */
        growthRate: z.number().min(-1, expectations.growthRate).optional(),
      }),
    )
    .min(1),
  /** Whether the figures are a metric of this park (else: context, e.g. the whole province). */
  metric: Identifier.optional(),
  source: SourceRef.optional(),
  note: z.string().optional(),
});
export type Series = z.infer<typeof Series>;

/** A money figure that a source states in yuan and in US dollars: the data check compares the implied rates. */
export const CurrencyConversion = z.strictObject({
  id: Id,
  yuan: z.number().positive(),
  usd: z.number().positive(),
  /** The id of the figure (context, target or metric) the conversion belongs to, if any. */
  figure: z.string().optional(),
  source: SourceRef.optional(),
  note: z.string().optional(),
});
export type CurrencyConversion = z.infer<typeof CurrencyConversion>;

/**
 * A variant of the scenario ("with the 10 billion yuan fund", "slow economy"): assumptions
 * replaced by other distributions, compared against the scenario itself with common random numbers.
 */
export const Variant = z.strictObject({
  id: Id,
  label: z.string().min(1),
  description: z.string().optional(),
  /** Assumptions whose distribution this variant replaces. */
  parameters: z.record(Identifier, Distribution).default({}),
  /** Metrics whose baseline this variant replaces by a distribution (or a number). Optional without a default, so scenario hashes stay as they were. */
  baselines: z.record(Identifier, z.union([z.number(), Distribution], { error: 'expected a number or a distribution' })).optional(),
});
export type Variant = z.infer<typeof Variant>;

/** A rank (Spearman) correlation between two assumptions drawn per trial. */
export const Correlation = z.strictObject({
  between: z.tuple([Identifier, Identifier]),
  rankCorrelation: z.number().min(-1, expectations.correlation).max(1, expectations.correlation),
  reason: z.string().optional(),
});
export type Correlation = z.infer<typeof Correlation>;

/** A named set of targets whose joint probability (all of them met together) is reported. */
export const JointTarget = z.strictObject({
  id: Id,
  label: z.string().min(1),
  labelZh: z.string().min(1).optional(),
  /** The ids of the targets, at least two. */
  targets: z.array(Id).min(2),
});
export type JointTarget = z.infer<typeof JointTarget>;

/** A park scenario: its baseline, its assumptions, how its metrics move, and its targets. */
export const ScenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  formatVersion: z.literal(1).default(1),
  park: Park,
  sources: z.array(Source).default([]),
  horizon: Horizon,
  parameters: z.record(Identifier, Parameter).default({}),
  /** At least one, here or in a `group` (checked once the group is expanded). */
  metrics: z.record(Identifier, Metric).default({}),
  targets: z.array(Target).default([]),
  /** Named subsets of targets whose joint probability is reported (no default: absent stays absent, so older results keep their hash). */
  jointTargets: z.array(JointTarget).optional(),
  context: z.array(ContextFigure).default([]),
  series: z.array(Series).default([]),
  currencyConversions: z.array(CurrencyConversion).default([]),
  variants: z.array(Variant).default([]),
  correlations: z.array(Correlation).default([]),
  notes: z.string().optional(),
  /** Written by parkcast when it expands a scenario's `group`: which metrics belong to which park. */
  groupLayout: GroupLayout.optional(),
  /** What actually happened (no default: absent stays absent, so older results keep their hash). */
  outcomes: z.array(Outcome).optional(),
});

/** A validated scenario, as returned by `parseScenario` and `loadScenario`. */
export type Scenario = z.infer<typeof ScenarioSchema>;
/** A scenario as written in a file: fields with defaults may be left out. */
export type ScenarioInput = z.input<typeof ScenarioSchema>;
