import { distributionQuantile } from '../assumptions/distributionQuantile.js';
import { assumptionOf, baselineMetricOf, isUnsourcedAssumedBaseline, scenarioAssumptions } from '../assumptions/scenarioAssumptions.js';
import { withAssumptionFixed } from '../assumptions/withAssumptions.js';
import { centralValue } from '../random/central.js';
import { project } from '../results/project.js';
import { sampleTrials, type TrialSamples } from '../results/samples.js';
import { DEFAULT_SEED, DEFAULT_TRIALS } from '../results/simulate.js';
import { resultMeta, targetDefinition } from '../results/targetDefinition.js';
import type { Projection, ResultMeta, TargetDefinition } from '../results/types.js';
import type { Distribution } from '../scenario/schema/distribution.js';
import type { Scenario } from '../scenario/schema/scenario.js';
import { type PairedDifference, pairedDifference } from '../statistics/pairedDifference.js';
import { quantileSorted } from '../statistics/quantiles.js';
import { type RankCorrelation, rankCorrelation } from '../statistics/rankCorrelation.js';
import { perTrialValues } from './perTrialValues.js';
import { type SobolResult, sobolIndices } from './sobolIndices.js';

/** Options of a sensitivity analysis. */
export interface SensitivityOptions {
  /** Monte Carlo trials per run (the base run and each swing). Default 10,000. */
  trials?: number;
  /** The master seed, shared by every run (common random numbers). Default 1. */
  seed?: string | number;
  /** The percentiles an assumption swings between. Default 0.1 and 0.9. */
  low?: number;
  high?: number;
  /** Confidence level of the reported intervals. Default 0.95. */
  confidence?: number;
  /**
   * Variance-based (Sobol) indices, at 2k + 2 more runs for k uncertain assumptions. `auto` (the
   * default): when there are at most 8 and no correlations between them.
   */
  sobol?: boolean | 'auto';
}

/** Above this many uncertain assumptions, `sobol: 'auto'` leaves the indices out. */
export const SOBOL_AUTO_LIMIT = 8;

/** One end of a swing: the assumption's value there, and the target's deterministic value and probability. */
export interface SwingEnd {
  /** The assumption's value (its low or high percentile). */
  readonly value: number;
  /** The target's measured value in the deterministic projection, every other assumption at its point value. */
  readonly deterministic: number;
  /** The target's probability with this assumption fixed here and every other one drawn. */
  readonly probability: number;
}

/** One bar of a tornado: a target's response to one assumption swung from its low to its high percentile. */
export interface TornadoBar {
  readonly assumption: string;
  readonly low: SwingEnd;
  readonly high: SwingEnd;
  /** high.deterministic − low.deterministic, in the metric's unit. */
  readonly deterministicSwing: number;
  /** high.probability − low.probability, paired trial by trial (same seed), with its error. */
  readonly probabilitySwing: PairedDifference;
}

/** An assumption's values in the trials that hit a target, or in those that missed it. */
export interface GroupSummary {
  readonly trials: number;
  readonly mean: number | null;
  readonly median: number | null;
}

/** What the Monte Carlo samples say about one assumption and one target. */
export interface SampleSensitivity {
  readonly assumption: string;
  /** Spearman correlation of the assumption (per trial) with the target's measured value. */
  readonly rankCorrelation: RankCorrelation;
  readonly hit: GroupSummary;
  readonly miss: GroupSummary;
  /** hit.mean − miss.mean with its (Welch) standard error; null when either group is empty. */
  readonly meanDifference: { readonly difference: number; readonly standardError: number } | null;
}

/** Sensitivity of one target. */
export interface TargetSensitivity extends TargetDefinition {
  /** The measured value in the deterministic projection. */
  readonly deterministic: number;
  /** The probability with every assumption drawn (the base run). */
  readonly probability: number;
  /** One bar per swung assumption, widest deterministic swing first. */
  readonly tornado: readonly TornadoBar[];
  /** One entry per uncertain assumption, strongest rank correlation first. */
  readonly samples: readonly SampleSensitivity[];
}

/** An uncertain assumption and the percentiles it is swung between. */
export interface SwungAssumption {
  /** A parameter's name, or `baseline:<metric>` for a baseline drawn from a distribution. */
  readonly name: string;
  /** Drawn afresh each year (swung as a whole: fixed at the percentile in every year). */
  readonly perYear: boolean;
  /** Its value in the deterministic projection. */
  readonly point: number;
  readonly low: number;
  readonly high: number;
  readonly distribution: Distribution;
  /**
   * For a baseline: its metric, and its basis and source (`assumed` with no source: a guess the
   * result may rest on; the warnings say so when it drives a target). Absent for parameters.
   */
  readonly baseline?: { readonly metric: string; readonly basis: 'sourced' | 'assumed'; readonly source?: string };
}

export interface SensitivityResult {
  readonly meta: ResultMeta & {
    readonly kind: 'sensitivity';
    readonly seed: string | number;
    readonly trials: number;
    readonly low: number;
    readonly high: number;
    readonly confidence: number;
  };
  readonly assumptions: readonly SwungAssumption[];
  /** Assumptions with a fixed value: nothing to swing. */
  readonly fixedAssumptions: readonly string[];
  readonly targets: readonly TargetSensitivity[];
  /** First-order and total variance shares per assumption and target; null when not computed. */
  readonly sobol: SobolResult | null;
  readonly warnings: readonly string[];
}

function checkOptions(options: SensitivityOptions): void {
  const { trials, low, high, confidence } = options;
  if (trials !== undefined && !(Number.isInteger(trials) && trials >= 2)) throw new RangeError(`trials: expected a whole number of at least 2, got ${trials}`);
  if (low !== undefined && !(low > 0 && low < 1)) throw new RangeError(`low: expected a percentile between 0 and 1, got ${low}`);
  if (high !== undefined && !(high > 0 && high < 1)) throw new RangeError(`high: expected a percentile between 0 and 1, got ${high}`);
  if (!((low ?? 0.1) < (high ?? 0.9))) throw new RangeError(`expected low < high, got ${low ?? 0.1} and ${high ?? 0.9}`);
  if (confidence !== undefined && !(confidence > 0 && confidence < 1)) throw new RangeError(`confidence: expected a number between 0 and 1, got ${confidence}`);
  if (options.sobol !== undefined && ![true, false, 'auto'].includes(options.sobol))
    throw new RangeError(`sobol: expected true, false or "auto", got ${String(options.sobol)}`);
}

function groupSummary(values: Float64Array, hit: Uint8Array, want: number): GroupSummary & { variance: number } {
  const group: number[] = [];
  for (let i = 0; i < values.length; i++) if (hit[i] === want && Number.isFinite(values[i])) group.push(values[i]);
  const n = group.length;
  if (n === 0) return { trials: 0, mean: null, median: null, variance: Number.NaN };
  const mean = group.reduce((a, b) => a + b, 0) / n;
  const variance = n > 1 ? group.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1) : 0;
  return { trials: n, mean, median: quantileSorted(Float64Array.from(group).sort(), 0.5), variance };
}

function sampleSensitivity(samples: TrialSamples, assumption: string, targetId: string, lastYear: number, confidence: number): SampleSensitivity {
  const values = perTrialValues(samples, assumption, lastYear);
  const outcome = samples.targets[targetId];
  const { variance: hitVariance, ...hit } = groupSummary(values, outcome.hit, 1);
  const { variance: missVariance, ...miss } = groupSummary(values, outcome.hit, 0);
  const meanDifference =
    hit.mean === null || miss.mean === null
      ? null
      : { difference: hit.mean - miss.mean, standardError: Math.sqrt(hitVariance / hit.trials + missVariance / miss.trials) };
  return { assumption, rankCorrelation: rankCorrelation(values, outcome.measured, confidence), hit, miss, meanDifference };
}

function hitShare(hits: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < hits.length; i++) sum += hits[i];
  return sum / hits.length;
}

/**
 * Words for the targets whose strongest driver (the first bar of the tornado: the widest
 * deterministic swing) is a baseline the scenario assumes and no source states.
 */
function unsourcedBaselineWarnings(scenario: Scenario, targets: readonly TargetSensitivity[]): string[] {
  const driven = new Map<string, string[]>();
  for (const target of targets) {
    const top = target.tornado[0];
    if (top === undefined || (top.deterministicSwing === 0 && top.probabilitySwing.difference === 0)) continue;
    if (!isUnsourcedAssumedBaseline(assumptionOf(scenario, top.assumption))) continue;
    driven.set(top.assumption, [...(driven.get(top.assumption) ?? []), target.id]);
  }
  return [...driven].map(([name, ids]) => unsourcedBaselineWarning(name, ids));
}

/** The warning that a target's answer rests on an assumed, unsourced baseline. */
export function unsourcedBaselineWarning(assumption: string, targetIds: readonly string[]): string {
  const metric = baselineMetricOf(assumption) ?? assumption;
  return `the strongest driver of ${targetIds.join(', ')} is ${assumption}, the base-year value of ${metric}, which the scenario assumes and no source states: the probabilities rest on that guess; find a stated figure, or read them as conditional on it`;
}

/** The assumptions a sensitivity analysis swings (uncertain ones) and those it leaves (fixed, or with equal percentiles). */
function swungAssumptions(scenario: Scenario, lowP: number, highP: number): { assumptions: SwungAssumption[]; fixedAssumptions: string[] } {
  const assumptions: SwungAssumption[] = [];
  const fixedAssumptions: string[] = [];
  for (const assumption of scenarioAssumptions(scenario)) {
    const { name, metric, basis, source, perYear } = assumption;
    const d = assumption.distribution;
    const low = distributionQuantile(d, lowP);
    const high = distributionQuantile(d, highP);
    const baseline = metric === undefined ? {} : { baseline: { metric, basis, ...(source === undefined ? {} : { source }) } };
    if (d.dist === 'fixed' || low === high) fixedAssumptions.push(name);
    else assumptions.push({ name, perYear, point: centralValue(d), low, high, distribution: d, ...baseline });
  }
  return { assumptions, fixedAssumptions };
}

/** Whether the variance-based indices are computed: asked for, or by default with few uncorrelated assumptions. */
function sobolRuns(scenario: Scenario, swung: number, wanted: boolean | 'auto'): boolean {
  if (swung === 0 || scenario.correlations.length > 0) return false;
  return wanted === true || (wanted === 'auto' && swung <= SOBOL_AUTO_LIMIT);
}

/**
 * How many Monte Carlo runs of `trials` a sensitivity analysis makes: the base run, two per
 * swung assumption, and 2k + 2 for the variance-based indices when they are computed. For a
 * caller to size a run before it starts (the CLI's long-run estimate).
 *
 * @example
 * ```ts
 * sensitivityRunCount(scenario); // 19 for 9 swung assumptions (no Sobol indices above 8)
 * ```
 */
export function sensitivityRunCount(scenario: Scenario, options: Pick<SensitivityOptions, 'low' | 'high' | 'sobol'> = {}): number {
  const swung = swungAssumptions(scenario, options.low ?? 0.1, options.high ?? 0.9).assumptions.length;
  return 1 + 2 * swung + (sobolRuns(scenario, swung, options.sobol ?? 'auto') ? 2 * swung + 2 : 0);
}

/**
 * Which assumptions drive the odds. A tornado swings each uncertain assumption (parameters, and
 * baselines drawn from a distribution, named `baseline:<metric>`) from its 10th to
 * its 90th percentile: the deterministic projection (every other assumption at its point value)
 * gives the effect on each target's value; a Monte Carlo run with the assumption fixed there and
 * every other one drawn, with the same seed as the base run (common random numbers), gives the
 * effect on the probability of hitting it, with a paired error. The base run's samples give each
 * assumption's rank correlation with each target's measured value, and its mean and median in
 * the trials that hit and those that missed. With few assumptions, variance-based (Sobol)
 * first-order and total shares of each target's value and hit, with their errors (`sobolIndices`).
 *
 * @throws RangeError on invalid options
 * @example
 * ```ts
 * const result = await sensitivity(scenario, { trials: 10_000, seed: 1 });
 * for (const bar of result.targets[0].tornado) console.log(bar.assumption, bar.deterministicSwing, bar.probabilitySwing.difference);
 * ```
 */
export async function sensitivity(scenario: Scenario, options: SensitivityOptions = {}): Promise<SensitivityResult> {
  checkOptions(options);
  const trials = options.trials ?? DEFAULT_TRIALS;
  const seed = options.seed ?? DEFAULT_SEED;
  const lowP = options.low ?? 0.1;
  const highP = options.high ?? 0.9;
  const confidence = options.confidence ?? 0.95;
  const warnings: string[] = [];

  const [baseProjection, baseSamples] = await Promise.all([project(scenario), sampleTrials(scenario, { trials, seed })]);

  const { assumptions, fixedAssumptions } = swungAssumptions(scenario, lowP, highP);
  const correlated = new Set(scenario.correlations.flatMap((c) => c.between));
  for (const a of assumptions) {
    if (correlated.has(a.name))
      warnings.push(
        `${a.name} is correlated with other assumptions: its swing fixes it alone and leaves the others at their own distributions, not at values that would go with it`,
      );
  }

  interface Swung {
    value: number;
    projection: Projection;
    hits: Record<string, Uint8Array>;
  }
  const swings: Array<{ assumption: SwungAssumption; low: Swung; high: Swung }> = [];
  for (const a of assumptions) {
    const ends: Swung[] = [];
    for (const value of [a.low, a.high]) {
      const swung = withAssumptionFixed(scenario, a.name, value);
      const [projection, samples] = await Promise.all([project(swung), sampleTrials(swung, { trials, seed })]);
      ends.push({ value, projection, hits: Object.fromEntries(Object.entries(samples.targets).map(([id, t]) => [id, t.hit])) });
    }
    swings.push({ assumption: a, low: ends[0], high: ends[1] });
  }

  const uncertain = assumptions.map((a) => a.name);
  const targets: TargetSensitivity[] = scenario.targets.map((target, t) => {
    const lastYear = target.deadline - scenario.horizon.baseYear;
    const tornado: TornadoBar[] = swings.map(({ assumption, low, high }) => {
      const end = (e: Swung): SwingEnd => ({ value: e.value, deterministic: e.projection.targets[t].value, probability: hitShare(e.hits[target.id]) });
      const lowEnd = end(low);
      const highEnd = end(high);
      return {
        assumption: assumption.name,
        low: lowEnd,
        high: highEnd,
        deterministicSwing: highEnd.deterministic - lowEnd.deterministic,
        probabilitySwing: pairedDifference(low.hits[target.id], high.hits[target.id], confidence),
      };
    });
    tornado.sort(
      (a, b) =>
        Math.abs(b.deterministicSwing) - Math.abs(a.deterministicSwing) || Math.abs(b.probabilitySwing.difference) - Math.abs(a.probabilitySwing.difference),
    );
    const samples = uncertain.map((name) => sampleSensitivity(baseSamples, name, target.id, lastYear, confidence));
    samples.sort((a, b) => (Math.abs(b.rankCorrelation.rho) || 0) - (Math.abs(a.rankCorrelation.rho) || 0));
    return {
      ...targetDefinition(scenario, target),
      deterministic: baseProjection.targets[t].value,
      probability: hitShare(baseSamples.targets[target.id].hit),
      tornado,
      samples,
    };
  });
  if (assumptions.length === 0) warnings.push('the scenario has no uncertain assumptions: nothing to swing');
  warnings.push(...unsourcedBaselineWarnings(scenario, targets));

  const sobolWanted = options.sobol ?? 'auto';
  let sobol: SobolResult | null = null;
  if (sobolWanted === true && scenario.correlations.length > 0) {
    warnings.push('no variance-based (Sobol) indices: the scenario correlates assumptions, and correlated inputs have no such decomposition');
  } else if (assumptions.length > 0 && sobolRuns(scenario, assumptions.length, sobolWanted)) {
    sobol = await sobolIndices(scenario, uncertain, { trials, seed });
  }

  return {
    meta: { kind: 'sensitivity', ...resultMeta(scenario), seed, trials, low: lowP, high: highP, confidence },
    assumptions,
    fixedAssumptions,
    targets,
    sobol,
    warnings,
  };
}
