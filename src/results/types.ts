import type { InputUnit, MeasureUnit, Unit } from '../scenario/schema/common.js';
import type { Comparison, Measure } from '../scenario/schema/target.js';

/** What a target asks for, repeated in each result so a result can be read on its own. */
export interface TargetDefinition {
  readonly id: string;
  readonly label: string;
  readonly kind: 'official' | 'stretch';
  readonly metric: string;
  /** The unit of the threshold and the measured value: the metric's, or `ratio`, `rate` or `points` for a relative measure. */
  readonly unit: MeasureUnit;
  readonly measure: Measure;
  readonly comparison: Comparison;
  /** A number, or [low, high] for `between`. With a `strive` level, this is the 确保 (ensure) level. */
  readonly threshold: number | readonly [number, number];
  readonly deadline: number;
  /** The label in Chinese; absent when the scenario gives none. */
  readonly labelZh?: string;
  /** The 力争 (strive) level (the scenario's `strive`), in the metric's canonical unit; absent for a target with one level. */
  readonly striveThreshold?: number | readonly [number, number];
  /** The unit the source wrote the figures in (亿元, 亩), to show them back in; absent when canonical. */
  readonly displayUnit?: InputUnit;
  /** The reference class the target names (its outside view); absent when it names none. */
  readonly referenceClass?: string;
}

/** How a metric is shown: its Chinese label, the unit its figures were written in, whether it is a helper. Each absent unless the scenario sets it. */
export interface MetricPresentation {
  readonly labelZh?: string;
  readonly displayUnit?: InputUnit;
  /** A working metric, left out of charts and the report's tables. */
  readonly helper?: true;
}

/** The probability that a set of targets is met together. */
export interface JointProbability {
  readonly targets: readonly string[];
  readonly probability: number;
  readonly interval: readonly [number, number];
  readonly standardError: number;
  readonly hits: number;
}

/** The strive (力争) level of a target in the Monte Carlo summary. */
export interface SimulatedStrive {
  readonly threshold: number | readonly [number, number];
  /** The share of trials meeting the strive level (each of them meets the ensure level too). */
  readonly probability: number;
  readonly interval: readonly [number, number];
  readonly standardError: number;
  readonly hits: number;
  /** Mean shortfall from the strive level over the trials that missed it; null if none missed. */
  readonly expectedShortfall: number | null;
  /** Trials meeting the ensure level but not the strive level: exactly the ensure hits less the strive hits. */
  readonly ensureOnly: { readonly probability: number; readonly interval: readonly [number, number]; readonly standardError: number; readonly hits: number };
}

/** The strive (力争) level of a target in the deterministic projection. */
export interface ProjectedStrive {
  readonly threshold: number | readonly [number, number];
  readonly met: boolean;
  readonly margin: number;
  readonly firstYearMet: number | null;
  readonly requiredGrowthRate: number | null;
}

/** A target's reference class's base rate: how often targets of its kind were met (src/reference). */
export interface TargetBaseRate {
  readonly classId: string;
  readonly observationId: string;
  readonly rate: number;
  /** 95% interval (Wilson for counts) or the range the sources reported. */
  readonly interval: readonly [number, number];
  readonly sentence: { readonly en: string; readonly zh: string };
}

/** The outside view: the base rate beside the modelled probability, with a verdict in words. */
export interface TargetOutsideView extends TargetBaseRate {
  /** Where the modelled probability lies against the class's range (`above`/`below`: by more than 5 points). */
  readonly verdict: 'inside' | 'slightlyAbove' | 'slightlyBelow' | 'above' | 'below';
  readonly flagged: boolean;
  readonly lowConfidence: boolean;
}

/** One target in the deterministic projection. */
export interface ProjectedTarget extends TargetDefinition {
  readonly met: boolean;
  /** The measured value at the deadline (value, sum, running total or best year, per `measure`). */
  readonly value: number;
  /** How far the value is past the threshold (positive: met with room; negative: short), in the target's unit. */
  readonly margin: number;
  /**
   * The first year the target's measure, computed as of that year, is met within the horizon; null
   * if never. A year after the deadline is late (and `met` is false); a year before it may have
   * been lost again by the deadline (a value or rate that falls back).
   */
  readonly firstYearMet: number | null;
  /** The constant yearly growth rate from the base-year value that would meet the target by its deadline; null when a rate cannot express it (a zero baseline). */
  readonly requiredGrowthRate: number | null;
  /** The growth rate this projection actually has over the same years (for comparison); null when the base is zero. */
  readonly projectedGrowthRate: number | null;
  /** The constant yearly increase (in the target's unit: points for `changeInPoints`) that would meet the target: for counts introduced or graduated. */
  readonly requiredYearlyIncrease: number | null;
  /** The strive level in the projection; absent for a target with one level. */
  readonly strive?: ProjectedStrive;
  /** The base rate of the target's reference class; absent when it names none. */
  readonly baseRate?: TargetBaseRate;
}

/** A metric as results name it; a park's copy of a group metric says which park and metric. */
export interface ResultMetric {
  readonly name: string;
  readonly unit: Unit;
  readonly label: string;
  /** For a park's copy of a group metric: the park's id. */
  readonly park?: string;
  /** For a park's copy of a group metric: the group metric it copies. */
  readonly groupMetric?: string;
}

export interface ResultMeta {
  readonly parkcastVersion: string;
  readonly scenarioHash: string;
  readonly parkId: string;
  readonly baseYear: number;
  readonly endYear: number;
}

/** The deterministic projection: every assumption at its point value, no noise. */
export interface Projection {
  readonly meta: ResultMeta & { readonly kind: 'projection' };
  readonly years: readonly number[];
  readonly metrics: ReadonlyArray<ResultMetric & MetricPresentation & { readonly values: readonly number[] }>;
  readonly parameters: ReadonlyArray<{ readonly name: string; readonly value: number; readonly basis: 'sourced' | 'assumed'; readonly labelZh?: string }>;
  readonly targets: readonly ProjectedTarget[];
}

export interface Quantiles {
  readonly p5: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
}

/** One target in the Monte Carlo summary. */
export interface SimulatedTarget extends TargetDefinition {
  /** The share of trials that met the target by its deadline. */
  readonly probability: number;
  /** Wilson interval for the probability at the run's confidence level (default 95%). */
  readonly interval: readonly [number, number];
  /** The Monte Carlo standard error of the probability, sqrt(p(1-p)/n). */
  readonly standardError: number;
  readonly hits: number;
  /**
   * The first year the target's measure (computed as of that year) was met, as shares of all
   * trials: `byYear` for the years up to the deadline, `late` (and `lateByYear`) for trials first
   * meeting it only after the deadline — not a success — and `never` for trials that never met it
   * within the horizon. The four add up to 1.
   */
  readonly firstYearMet: {
    readonly byYear: ReadonlyArray<{ readonly year: number; readonly probability: number }>;
    readonly late: number;
    readonly lateByYear: ReadonlyArray<{ readonly year: number; readonly probability: number }>;
    readonly never: number;
  };
  /** Mean shortfall (in the target's unit) over the trials that missed; null if none missed. */
  readonly expectedShortfall: number | null;
  /**
   * The measured value's distribution: mean, quantiles, and the 101 percentiles p0..p100 (for
   * charts). Quantiles are read from a histogram, within 0.2% of the exact values. Null (and an
   * empty list) when no trial gave a finite value.
   */
  readonly measured: { readonly mean: number | null; readonly quantiles: Quantiles | null; readonly percentiles: readonly number[] };
  /** The strive level's odds; absent for a target with one level. */
  readonly strive?: SimulatedStrive;
  /** The probability beside the target's reference class's base rate; absent when it names none. */
  readonly outsideView?: TargetOutsideView;
}

/** A metric's distribution in one year. Null where no trial gave a finite value. */
export interface SimulatedMetricYear {
  readonly year: number;
  readonly mean: number | null;
  readonly sd: number | null;
  /** Read from a histogram: each within 0.2% (relative) of the exact sample quantile. */
  readonly quantiles: Quantiles | null;
}

/** A recorded outcome (the scenario's `outcomes`) against what the run predicted. */
export interface OutcomeAgainstPrediction {
  /** The target whose measured value this is, or (with `metric`) the metric's value in `year`. */
  readonly target?: string;
  readonly metric?: string;
  readonly year: number;
  /** The actual value, in the canonical unit (yuan, fractions), or the target's unit. */
  readonly value: number;
  readonly source: string;
  readonly series: 'official' | 'independent';
  readonly note?: string;
  /**
   * Where the actual value fell in the predicted distribution, 0..100 (linear between the
   * simulated percentiles, or the metric's p5..p95); null when no trial gave a finite value.
   */
  readonly percentile: number | null;
  /** Set when the actual value lies beyond the outermost simulated quantile (`percentile` is then that quantile's level). */
  readonly outside?: 'below' | 'above';
  /** For a target outcome: whether the target was met, and the probability the run gave it. */
  readonly met?: boolean;
  readonly predictedProbability?: number;
  /** For a metric outcome: the `value` targets on that metric due that year, met or not. */
  readonly targets?: ReadonlyArray<{ readonly id: string; readonly met: boolean; readonly predictedProbability: number }>;
}

/** The Monte Carlo summary of a scenario. */
export interface SimulationResult {
  readonly meta: ResultMeta & {
    readonly kind: 'simulation';
    readonly seed: string | number;
    /** Trials actually run. */
    readonly trials: number;
    /** Trials asked for (the maximum, when stopping early). */
    readonly requestedTrials: number;
    readonly stoppedEarly: boolean;
    /** The precision asked for (`halfWidth` absolute, `relative` to the rarer of p and 1 − p), or null. */
    readonly precision: {
      readonly halfWidth?: number;
      readonly relative?: number;
      readonly minimumHits?: number;
      readonly confidence: number;
    } | null;
    /** With a precision asked for: whether every probability reached it (false: the trials ran out first, and a warning says so). */
    readonly precisionReached?: boolean;
    readonly confidence: number;
    readonly generator: string;
    readonly trialsPerBlock: number;
  };
  readonly targets: readonly SimulatedTarget[];
  /** Every official target met together (at its ensure level, where it has a strive level). */
  readonly joint: JointProbability;
  /** Every strive level met together (`targets` lists the ids of the targets whose strive levels count); absent when no target has one. */
  readonly striveJoint?: JointProbability;
  /** The scenario's named sets of targets (`jointTargets`), each met together; absent when it names none. */
  readonly jointTargets?: ReadonlyArray<JointProbability & { readonly id: string; readonly label: string; readonly labelZh?: string }>;
  /** How many of the n official targets are met: P(exactly k) and P(at least k) for k = 0..n. */
  readonly officialHitCount: ReadonlyArray<{ readonly k: number; readonly probability: number; readonly atLeast: number }>;
  readonly metrics: ReadonlyArray<ResultMetric & MetricPresentation & { readonly years: readonly SimulatedMetricYear[] }>;
  /** Things a reader should know, e.g. trials whose values were not finite. */
  readonly warnings: readonly string[];
  /** The scenario's recorded outcomes against the predictions; absent when it records none. */
  readonly outcomes?: readonly OutcomeAgainstPrediction[];
}
