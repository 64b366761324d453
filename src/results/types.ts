import type { InputUnit, MeasureUnit, Unit } from '../scenario/schema/common.js';
import type { Comparison, Measure } from '../scenario/schema/target.js';

/** What a target asks for, repeated in each result so a result can be read on its own. */
export interface TargetDefinition {
  /** The target's id in the scenario. */
  readonly id: string;
  /** The target as the scenario words it (English). */
  readonly label: string;
  /** `official`: announced by the government, counted in the joint odds; `stretch`: the author's own, shown apart. */
  readonly kind: 'official' | 'stretch';
  /** The metric whose value the target measures. */
  readonly metric: string;
  /** The unit of the threshold and the measured value: the metric's, or `ratio`, `rate` or `points` for a relative measure. */
  readonly unit: MeasureUnit;
  /** How the metric's path is measured against the threshold: its value in the deadline year, a sum or running total over years, the best year, a ratio to the base year, an average growth, a year-on-year rate, a change in points, or every year. */
  readonly measure: Measure;
  /** How the measured value must compare with the threshold: `>=`, `>`, `<=`, `<`, or `between` [low, high]. */
  readonly comparison: Comparison;
  /** A number, or [low, high] for `between`. With a `strive` level, this is the 确保 (ensure) level. */
  readonly threshold: number | readonly [number, number];
  /** The year by which (or, for a `value` target, in which) the target is to be met. */
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
  /** The metric's label in Chinese. */
  readonly labelZh?: string;
  /** The unit the source wrote the metric's figures in (亿元, 亩), to show them back in. */
  readonly displayUnit?: InputUnit;
  /** A working metric, left out of charts and the report's tables. */
  readonly helper?: true;
}

/** The probability that a set of targets is met together. */
export interface JointProbability {
  /** The ids of the targets counted together. */
  readonly targets: readonly string[];
  /** The share of trials meeting all of them. */
  readonly probability: number;
  /** Wilson interval of the probability at the run's confidence level. */
  readonly interval: readonly [number, number];
  /** The Monte Carlo standard error of the probability, sqrt(p(1-p)/n). */
  readonly standardError: number;
  /** The number of trials meeting all of them. */
  readonly hits: number;
}

/** A set of targets the scenario names (`jointTargets`), met together. */
export interface NamedJointProbability extends JointProbability {
  /** The set's id in the scenario. */
  readonly id: string;
  /** The set as the scenario words it. */
  readonly label: string;
  /** In Chinese, where given. */
  readonly labelZh?: string;
}

/** The strive (力争) level of a target in the Monte Carlo summary. */
export interface SimulatedStrive {
  /** The strive level, in the metric's canonical unit: a number, or [low, high] for `between`. */
  readonly threshold: number | readonly [number, number];
  /** The share of trials meeting the strive level (each of them meets the ensure level too). */
  readonly probability: number;
  /** Wilson interval of the probability at the run's confidence level. */
  readonly interval: readonly [number, number];
  /** The Monte Carlo standard error of the probability. */
  readonly standardError: number;
  /** The number of trials meeting the strive level. */
  readonly hits: number;
  /** Mean shortfall from the strive level over the trials that missed it; null if none missed. */
  readonly expectedShortfall: number | null;
  /** Trials meeting the ensure level but not the strive level: exactly the ensure hits less the strive hits. */
  readonly ensureOnly: {
    /** The share of trials meeting the ensure level but not the strive level. */
    readonly probability: number;
    /** Its Wilson interval. */
    readonly interval: readonly [number, number];
    /** Its Monte Carlo standard error. */
    readonly standardError: number;
    /** The number of such trials. */
    readonly hits: number;
  };
}

/** The strive (力争) level of a target in the deterministic projection. */
export interface ProjectedStrive {
  /** The strive level, in the metric's canonical unit. */
  readonly threshold: number | readonly [number, number];
  /** Whether the nominal case meets the strive level by the deadline. */
  readonly met: boolean;
  /** How far the nominal case's value is past the strive level (negative: short), in the target's unit. */
  readonly margin: number;
  /** The first year the nominal case meets the strive level; null if never within the horizon. */
  readonly firstYearMet: number | null;
  /** The constant yearly growth rate from the base year that would meet the strive level by the deadline; null when a rate cannot express it. */
  readonly requiredGrowthRate: number | null;
}

/** A target's reference class's base rate: how often targets of its kind were met (src/reference). */
export interface TargetBaseRate {
  /** The reference class's id (a file in reference-classes/). */
  readonly classId: string;
  /** The observation of the class used: one sourced count or range (a year, a scope). */
  readonly observationId: string;
  /** The base rate: the share of such targets that were met (or the range's middle). */
  readonly rate: number;
  /** 95% interval (Wilson for counts) or the range the sources reported. */
  readonly interval: readonly [number, number];
  /** The base rate in a sentence a reader can quote, with its source's scope. */
  readonly sentence: {
    /** In English. */
    readonly en: string;
    /** In Chinese. */
    readonly zh: string;
  };
}

/** The outside view: the base rate beside the modelled probability, with a verdict in words. */
export interface TargetOutsideView extends TargetBaseRate {
  /** Where the modelled probability lies against the class's range (`above`/`below`: by more than 5 points). */
  readonly verdict: 'inside' | 'slightlyAbove' | 'slightlyBelow' | 'above' | 'below';
  /** True when the model's probability sits so far from the base rate (`above` or `below`) that the report says so in words. */
  readonly flagged: boolean;
  /** True when the class's evidence is thin (few observations, or a range from reposted sources). */
  readonly lowConfidence: boolean;
}

/** One target in the deterministic projection. */
export interface ProjectedTarget extends TargetDefinition {
  /** Whether the nominal case meets the target by its deadline. */
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
  /** The metric's name in the scenario (`metric__park` for a park's copy of a group metric, `metric__total` for its sum). */
  readonly name: string;
  /** Its canonical unit: yuan, count, share, rate, ratio, … */
  readonly unit: Unit;
  /** Its label (English). */
  readonly label: string;
  /** For a park's copy of a group metric: the park's id. */
  readonly park?: string;
  /** For a park's copy of a group metric: the group metric it copies. */
  readonly groupMetric?: string;
}

/** What every result says about where it came from. */
export interface ResultMeta {
  /** The version of parkcast that computed the result. */
  readonly parkcastVersion: string;
  /** SHA-256 of the scenario as loaded (canonical JSON): two results with the same hash, seed and trials are the same bytes. */
  readonly scenarioHash: string;
  /** The scenario's `park.id`. */
  readonly parkId: string;
  /** The year of the baselines. */
  readonly baseYear: number;
  /** The last simulated year. */
  readonly endYear: number;
}

/** Where a projection came from. */
export interface ProjectionMeta extends ResultMeta {
  /** Always `projection`. */
  readonly kind: 'projection';
}

/** A metric's nominal path. */
export interface ProjectedMetric extends ResultMetric, MetricPresentation {
  /** The metric's value in each of `years`, in its canonical unit. */
  readonly values: readonly number[];
}

/** The deterministic projection: every assumption at its point value, no noise. */
export interface Projection {
  /** Where the result came from; `kind` is `projection`. */
  readonly meta: ProjectionMeta;
  /** The years of the horizon, base year first: the index into each metric's `values`. */
  readonly years: readonly number[];
  /** Each metric's nominal path. */
  readonly metrics: readonly ProjectedMetric[];
  /** Each assumption at its point value (a distribution's median or mode, as the scenario format says). */
  readonly parameters: ReadonlyArray<{
    /** The assumption's name in the scenario. */
    readonly name: string;
    /** Its point value, in its canonical unit. */
    readonly value: number;
    /** `sourced`: taken from a cited figure; `assumed`: the scenario author's judgement. */
    readonly basis: 'sourced' | 'assumed';
    /** Its label in Chinese, where the scenario gives one. */
    readonly labelZh?: string;
  }>;
  /** Each target against the nominal path. */
  readonly targets: readonly ProjectedTarget[];
}

/** Five quantiles of a distribution over the trials. */
export interface Quantiles {
  /** The 5th percentile. */
  readonly p5: number;
  /** The 25th percentile. */
  readonly p25: number;
  /** The median. */
  readonly p50: number;
  /** The 75th percentile. */
  readonly p75: number;
  /** The 95th percentile. */
  readonly p95: number;
}

/** A share of trials in a year. */
export interface YearShare {
  /** The year. */
  readonly year: number;
  /** The share of all trials. */
  readonly probability: number;
}

/** One target in the Monte Carlo summary. */
export interface SimulatedTarget extends TargetDefinition {
  /** The share of trials that met the target by its deadline. */
  readonly probability: number;
  /** Wilson interval for the probability at the run's confidence level (default 95%). */
  readonly interval: readonly [number, number];
  /** The Monte Carlo standard error of the probability, sqrt(p(1-p)/n). */
  readonly standardError: number;
  /** The number of trials that met the target by its deadline. */
  readonly hits: number;
  /**
   * The first year the target's measure (computed as of that year) was met, as shares of all
   * trials: `byYear` for the years up to the deadline, `late` (and `lateByYear`) for trials first
   * meeting it only after the deadline — not a success — and `never` for trials that never met it
   * within the horizon. The four add up to 1.
   */
  readonly firstYearMet: {
    /** Up to the deadline: the share of trials first meeting the target in each year. */
    readonly byYear: ReadonlyArray<YearShare>;
    /** The share of trials first meeting the target after its deadline (a miss). */
    readonly late: number;
    /** `late`, year by year. */
    readonly lateByYear: ReadonlyArray<YearShare>;
    /** The share of trials never meeting the target within the horizon. */
    readonly never: number;
  };
  /** Mean shortfall (in the target's unit) over the trials that missed; null if none missed. */
  readonly expectedShortfall: number | null;
  /**
   * The measured value's distribution: mean, quantiles, and the 101 percentiles p0..p100 (for
   * charts). Quantiles are read from a histogram, within 0.2% of the exact values. Null (and an
   * empty list) when no trial gave a finite value.
   */
  readonly measured: {
    /** The mean of the measured value over the trials with a finite value. */
    readonly mean: number | null;
    /** Its 5th–95th percentiles. */
    readonly quantiles: Quantiles | null;
    /** Its percentiles p0, p1, …, p100 (101 numbers). */
    readonly percentiles: readonly number[];
  };
  /** The strive level's odds; absent for a target with one level. */
  readonly strive?: SimulatedStrive;
  /** The probability beside the target's reference class's base rate; absent when it names none. */
  readonly outsideView?: TargetOutsideView;
}

/** A metric's distribution in one year. Null where no trial gave a finite value. */
export interface SimulatedMetricYear {
  /** The year. */
  readonly year: number;
  /** The metric's mean over the trials, in its canonical unit. */
  readonly mean: number | null;
  /** Its standard deviation over the trials. */
  readonly sd: number | null;
  /** Read from a histogram: each within 0.2% (relative) of the exact sample quantile. */
  readonly quantiles: Quantiles | null;
}

/** A recorded outcome (the scenario's `outcomes`) against what the run predicted. */
export interface OutcomeAgainstPrediction {
  /** The target whose measured value this is, or (with `metric`) the metric's value in `year`. */
  readonly target?: string;
  /** The metric whose actual value in `year` this is (absent for a target outcome). */
  readonly metric?: string;
  /** The year the actual value is for. */
  readonly year: number;
  /** The actual value, in the canonical unit (yuan, fractions), or the target's unit. */
  readonly value: number;
  /** The id of the scenario source that reports the value. */
  readonly source: string;
  /** `official`: the government's figure; `independent`: another series (researchers' estimates, satellite data). */
  readonly series: 'official' | 'independent';
  /** The scenario's note on the outcome (how it was counted, a revision). */
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
  /** For a target outcome: the probability the run gave the target. */
  readonly predictedProbability?: number;
  /** For a metric outcome: the `value` targets on that metric due that year, met or not. */
  readonly targets?: ReadonlyArray<{
    /** The target's id. */
    readonly id: string;
    /** Whether the actual value meets it. */
    readonly met: boolean;
    /** The probability the run gave it. */
    readonly predictedProbability: number;
  }>;
}

/** Where a simulation came from and how it was run. */
export interface SimulationMeta extends ResultMeta {
  /** Always `simulation`. */
  readonly kind: 'simulation';
  /** The seed of the run: the same seed, scenario and trials give the same bytes, on any number of workers or shards. */
  readonly seed: string | number;
  /** Trials actually run. */
  readonly trials: number;
  /** Trials asked for (the maximum, when stopping early). */
  readonly requestedTrials: number;
  /** True when the run stopped once every probability reached the precision asked for. */
  readonly stoppedEarly: boolean;
  /** The precision asked for (`halfWidth` absolute, `relative` to the rarer of p and 1 − p), or null. */
  readonly precision: {
    /** The largest half-width of a probability's interval asked for, in probability (0.005: ±0.5 points). */
    readonly halfWidth?: number;
    /** The half-width asked for relative to the rarer of p and 1 − p. */
    readonly relative?: number;
    /** The fewest hits (or misses) a rare target needs before the run may stop. */
    readonly minimumHits?: number;
    /** The confidence level of the precision. */
    readonly confidence: number;
  } | null;
  /** With a precision asked for: whether every probability reached it (false: the trials ran out first, and a warning says so). */
  readonly precisionReached?: boolean;
  /** The confidence level of every interval (0.95 by default). */
  readonly confidence: number;
  /** The random number generator and how its streams are keyed. */
  readonly generator: string;
  /** Trials per block: each block draws from its own stream, which is why results do not depend on the number of workers. */
  readonly trialsPerBlock: number;
}

/** A metric's distribution year by year. */
export interface SimulatedMetric extends ResultMetric, MetricPresentation {
  /** One entry per year of the horizon, base year first. */
  readonly years: readonly SimulatedMetricYear[];
}

/** The Monte Carlo summary of a scenario. */
export interface SimulationResult {
  /** Where the result came from and how it was run. */
  readonly meta: SimulationMeta;
  /** Each target's odds, in the scenario's order. */
  readonly targets: readonly SimulatedTarget[];
  /** Every official target met together (at its ensure level, where it has a strive level). */
  readonly joint: JointProbability;
  /** Every strive level met together (`targets` lists the ids of the targets whose strive levels count); absent when no target has one. */
  readonly striveJoint?: JointProbability;
  /** The scenario's named sets of targets (`jointTargets`), each met together; absent when it names none. */
  readonly jointTargets?: readonly NamedJointProbability[];
  /** How many of the n official targets are met: P(exactly k) and P(at least k) for k = 0..n. */
  readonly officialHitCount: ReadonlyArray<{
    /** A number of official targets, 0..n. */
    readonly k: number;
    /** The share of trials meeting exactly k of them. */
    readonly probability: number;
    /** The share of trials meeting at least k of them. */
    readonly atLeast: number;
  }>;
  /** Each metric's distribution year by year. */
  readonly metrics: readonly SimulatedMetric[];
  /** Things a reader should know, e.g. trials whose values were not finite. */
  readonly warnings: readonly string[];
  /** The scenario's recorded outcomes against the predictions; absent when it records none. */
  readonly outcomes?: readonly OutcomeAgainstPrediction[];
}
