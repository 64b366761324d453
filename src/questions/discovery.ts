import { sampleTrials } from '../results/samples.js';
import { DEFAULT_SEED, DEFAULT_TRIALS } from '../results/simulate.js';
import { resultMeta, targetDefinition } from '../results/targetDefinition.js';
import type { ResultMeta, TargetDefinition } from '../results/types.js';
import type { Scenario } from '../scenario/schema/scenario.js';
import { binomialUpperTail } from '../statistics/binomialTest.js';
import {
  insideBox,
  type PrimBox,
  type PrimBoxStatistics,
  type PrimData,
  primData,
  primPaste,
  primPeel,
  primStatistics,
  restrictedInputs,
  withoutRestriction,
} from '../statistics/prim.js';
import { perTrialValues } from './perTrialValues.js';

/** Which trials a discovery looks for: those that miss the target, or those that hit it. */
export type DiscoveryOutcome = 'miss' | 'hit';

/** Options of a scenario discovery. */
export interface DiscoveryOptions {
  /** The target (or targets) to explain, by id. Default: every target. */
  target?: string | readonly string[];
  /** Monte Carlo trials: half find the boxes, the other half test them. Default 10,000. */
  trials?: number;
  /** The master seed. Default 1. */
  seed?: string | number;
  /** Explain the misses (default) or the hits. */
  outcome?: DiscoveryOutcome;
  /** Boxes to look for, one after another on the trials the earlier ones leave. Default 3. */
  maxBoxes?: number;
  /** Assumptions a box may restrict. Default 3. */
  maxDimensions?: number;
  /** Share of a box's trials each peel removes. Default 0.05. */
  peelAlpha?: number;
  /** Share of a box's trials each paste adds. Default 0.05. */
  pasteAlpha?: number;
  /** Smallest share of trials a box may hold. Default 0.05. */
  minimumMass?: number;
  /**
   * The family-wise false-discovery level of the holdout test, split (Bonferroni) over every box
   * tried for every target. Default 0.01.
   */
  significance?: number;
  /**
   * How much purer than the rest a box must be to count, as the share of the distance from the
   * base rate to certainty it closes: (density − base rate) / (1 − base rate). Default 0.25.
   */
  minimumGain?: number;
}

/** An assumption a discovery may restrict: per trial its draw, or for yearly ones the mean of its draws up to the deadline. */
export interface DiscoveryAssumption {
  readonly name: string;
  readonly unit: string | null;
  readonly perYear: boolean;
}

/** One assumption's range in a box, in the assumption's own unit. */
export interface BoxRestriction {
  readonly assumption: string;
  readonly unit: string | null;
  /** Drawn each year: the range is of its mean over the years up to the target's deadline. */
  readonly perYear: boolean;
  /** The box holds trials with low ≤ value ≤ high; null where that side is not restricted. */
  readonly low: number | null;
  readonly high: number | null;
  /** The lowest and highest value drawn in the run. */
  readonly drawn: readonly [number, number];
  /**
   * The quasi-p-value of this restriction on the holdout trials (Bryant & Lempert 2010): the
   * chance of the box's count of outcome trials if its rate were that of the box without this
   * restriction. Small: the restriction matters.
   */
  readonly quasiPValue: number;
}

/** A box's counts and shares on one half of the trials. */
export interface BoxStatistics {
  /** Trials in the box. */
  readonly trials: number;
  /** Trials in the box with the outcome (missing, or hitting, the target). */
  readonly outcomeTrials: number;
  /** Share of the half's outcome trials that fall in the box. */
  readonly coverage: number;
  /** Share of the box's trials with the outcome. */
  readonly density: number;
  /** Share of the half's trials in the box. */
  readonly mass: number;
}

/** One point of a peeling trajectory (on the trials that found the box). */
export interface TrajectoryPoint {
  readonly coverage: number;
  readonly density: number;
  readonly mass: number;
  readonly restricted: number;
}

/** A box PRIM found, with its test on the held-out trials. */
export interface DiscoveredBox {
  readonly restrictions: readonly BoxRestriction[];
  /** On the held-out half: the honest figures (the box was found without these trials). */
  readonly holdout: BoxStatistics;
  /** On the half that found the box. */
  readonly training: BoxStatistics;
  /** The outcome's rate among the held-out trials the box was tested against (those earlier boxes left). */
  readonly baseRate: number;
  /** One-sided binomial test of the box's held-out count of outcome trials against that base rate. */
  readonly pValue: number;
  /** The p-value a box must stay below: the significance level over the boxes tried. */
  readonly pValueThreshold: number;
  /** (holdout density − base rate) / (1 − base rate). */
  readonly gain: number;
  /** Passed the test and the gain: a box to report. */
  readonly significant: boolean;
  /** The peeling trajectory the box was chosen from, and which step (before pasting and pruning). */
  readonly trajectory: readonly TrajectoryPoint[];
  readonly chosenStep: number;
}

/** Why a target has the boxes it has. */
export type DiscoveryStatus =
  /** At least one box passed. */
  | 'found'
  /** Boxes were tried and none beat the base rate on the held-out trials by the margin. */
  | 'none'
  /** No trial has the outcome (or every trial has it): nothing to tell apart. */
  | 'no-outcome'
  | 'every-trial'
  /** The scenario draws no assumption that varies. */
  | 'no-assumptions';

/** What the discovery found for one target. */
export interface TargetDiscovery extends TargetDefinition {
  readonly outcome: DiscoveryOutcome;
  /** Share of all trials with the outcome. */
  readonly baseRate: number;
  readonly outcomeTrials: number;
  readonly status: DiscoveryStatus;
  /** The boxes that passed, in the order found; empty unless status is `found`. */
  readonly boxes: readonly DiscoveredBox[];
  /** The first box that failed its test, for the record (null when none was tried or every one passed). */
  readonly rejected: DiscoveredBox | null;
}

export interface DiscoveryResult {
  readonly meta: ResultMeta & {
    readonly kind: 'discovery';
    readonly seed: string | number;
    readonly trials: number;
    readonly outcome: DiscoveryOutcome;
    readonly maxBoxes: number;
    readonly maxDimensions: number;
    readonly peelAlpha: number;
    readonly pasteAlpha: number;
    readonly minimumMass: number;
    readonly significance: number;
    readonly minimumGain: number;
  };
  /** The assumptions boxes may restrict (those whose drawn values vary). */
  readonly assumptions: readonly DiscoveryAssumption[];
  readonly targets: readonly TargetDiscovery[];
  readonly warnings: readonly string[];
}

function checkOptions(options: DiscoveryOptions): void {
  const { trials, maxBoxes, maxDimensions } = options;
  if (trials !== undefined && !(Number.isInteger(trials) && trials >= 100))
    throw new RangeError(`trials: expected a whole number of at least 100, got ${trials}`);
  if (options.outcome !== undefined && options.outcome !== 'miss' && options.outcome !== 'hit')
    throw new RangeError(`outcome: expected "miss" or "hit", got ${JSON.stringify(options.outcome)}`);
  if (maxBoxes !== undefined && !(Number.isInteger(maxBoxes) && maxBoxes >= 1))
    throw new RangeError(`maxBoxes: expected a whole number of at least 1, got ${maxBoxes}`);
  if (maxDimensions !== undefined && !(Number.isInteger(maxDimensions) && maxDimensions >= 1))
    throw new RangeError(`maxDimensions: expected a whole number of at least 1, got ${maxDimensions}`);
  for (const name of ['peelAlpha', 'pasteAlpha', 'minimumMass', 'significance'] as const) {
    const value = options[name];
    if (value !== undefined && !(value > 0 && value < 0.5)) throw new RangeError(`${name}: expected a number between 0 and 0.5, got ${value}`);
  }
  if (options.minimumGain !== undefined && !(options.minimumGain >= 0 && options.minimumGain < 1))
    throw new RangeError(`minimumGain: expected a number from 0 to below 1, got ${options.minimumGain}`);
}

function varies(values: ArrayLike<number>): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return true;
  return false;
}

/**
 * How good a box on the trajectory is: its coverage times the share of the distance from the base
 * rate to certainty its density closes. 0 for the unrestricted box, 1 for a box holding exactly the
 * outcome trials; it trades coverage against density without a threshold to choose.
 */
function boxScore(s: PrimBoxStatistics, baseRate: number): number {
  return baseRate >= 1 ? 0 : (s.coverage * (s.density - baseRate)) / (1 - baseRate);
}

function toStatistics(s: PrimBoxStatistics): BoxStatistics {
  return { trials: s.points, outcomeTrials: s.outcomePoints, coverage: s.coverage, density: s.density, mass: s.mass };
}

interface Half {
  /** 1 for the trials of this half not yet in an earlier box. */
  rows: Uint8Array;
  points: number;
  outcomePoints: number;
}

function halfOf(outcome: Uint8Array, parity: 0 | 1): Half {
  const rows = new Uint8Array(outcome.length);
  let points = 0;
  let outcomePoints = 0;
  for (let i = parity; i < outcome.length; i += 2) {
    rows[i] = 1;
    points++;
    outcomePoints += outcome[i];
  }
  return { rows, points, outcomePoints };
}

function remainingRate(data: PrimData, rows: Uint8Array): number {
  let points = 0;
  let outcomePoints = 0;
  for (let i = 0; i < rows.length; i++) {
    if (!rows[i]) continue;
    points++;
    outcomePoints += data.outcome[i];
  }
  return points > 0 ? outcomePoints / points : 0;
}

/**
 * Drops restrictions that do not earn their place: while removing one gives a box that scores at
 * least as well (more coverage for little density), remove the one whose removal scores best.
 */
function pruneRestrictions(data: PrimData, rows: Uint8Array, box: PrimBox, whole: { points: number; outcomePoints: number }, baseRate: number): PrimBox {
  let current = box;
  let currentScore = boxScore(primStatistics(data, rows, current, whole), baseRate);
  for (;;) {
    let best: { box: PrimBox; score: number } | null = null;
    for (const d of restrictedInputs(current)) {
      const candidate = withoutRestriction(current, d);
      const score = boxScore(primStatistics(data, rows, candidate, whole), baseRate);
      if (score >= currentScore && (best === null || score > best.score)) best = { box: candidate, score };
    }
    if (best === null) return current;
    current = best.box;
    currentScore = best.score;
  }
}

function drawnRange(values: Float64Array): [number, number] {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const x of values) {
    if (x < low) low = x;
    if (x > high) high = x;
  }
  return [low, high];
}

/** Finds, tests and describes up to maxBoxes boxes for one target. */
function discoverTarget(
  data: PrimData,
  assumptions: readonly DiscoveryAssumption[],
  ranges: ReadonlyArray<readonly [number, number]>,
  settings: Required<Omit<DiscoveryOptions, 'target' | 'trials' | 'seed' | 'outcome'>> & { pValueThreshold: number },
): { boxes: DiscoveredBox[]; rejected: DiscoveredBox | null } {
  const training = halfOf(data.outcome as Uint8Array, 0);
  const holdout = halfOf(data.outcome as Uint8Array, 1);
  const boxes: DiscoveredBox[] = [];
  const prim = { peelAlpha: settings.peelAlpha, pasteAlpha: settings.pasteAlpha, minimumMass: settings.minimumMass, maxDimensions: settings.maxDimensions };
  for (let attempt = 0; attempt < settings.maxBoxes; attempt++) {
    const trainingRate = remainingRate(data, training.rows);
    const holdoutRate = remainingRate(data, holdout.rows);
    if (trainingRate <= 0 || trainingRate >= 1 || holdoutRate >= 1) break;
    // Peeling's minimum mass is of the trials this half started with, not of those left.
    const remaining = training.rows.reduce((a, b) => a + b, 0);
    const steps = primPeel(data, training.rows, { ...prim, minimumMass: Math.min(0.5, (settings.minimumMass * training.points) / Math.max(1, remaining)) });
    let chosenStep = 0;
    steps.forEach((s, i) => {
      if (boxScore(s, trainingRate) > boxScore(steps[chosenStep], trainingRate)) chosenStep = i;
    });
    if (chosenStep === 0) break; // no box on the trajectory beats the base rate at all
    const trainingWhole = { points: training.points, outcomePoints: training.outcomePoints };
    const pasted = primPaste(data, training.rows, steps[chosenStep].box, prim);
    const box = pruneRestrictions(data, training.rows, pasted, trainingWhole, trainingRate);
    const restricted = restrictedInputs(box);
    if (restricted.length === 0) break;
    const holdoutWhole = { points: holdout.points, outcomePoints: holdout.outcomePoints };
    const tested = primStatistics(data, holdout.rows, box, holdoutWhole);
    const pValue = tested.points > 0 ? binomialUpperTail(tested.outcomePoints, tested.points, holdoutRate) : 1;
    const gain = holdoutRate < 1 && tested.points > 0 ? (tested.density - holdoutRate) / (1 - holdoutRate) : 0;
    const significant = pValue < settings.pValueThreshold && gain >= settings.minimumGain;
    const restrictions: BoxRestriction[] = restricted.map((d) => {
      const loose = primStatistics(data, holdout.rows, withoutRestriction(box, d));
      return {
        assumption: assumptions[d].name,
        unit: assumptions[d].unit,
        perYear: assumptions[d].perYear,
        low: box.low[d] === Number.NEGATIVE_INFINITY ? null : box.low[d],
        high: box.high[d] === Number.POSITIVE_INFINITY ? null : box.high[d],
        drawn: ranges[d],
        quasiPValue: tested.points > 0 ? binomialUpperTail(tested.outcomePoints, tested.points, loose.density) : 1,
      };
    });
    const found: DiscoveredBox = {
      restrictions,
      holdout: toStatistics(tested),
      training: toStatistics(primStatistics(data, training.rows, box, trainingWhole)),
      baseRate: holdoutRate,
      pValue,
      pValueThreshold: settings.pValueThreshold,
      gain,
      significant,
      trajectory: steps.map((s) => ({ coverage: s.coverage, density: s.density, mass: s.mass, restricted: s.restricted })),
      chosenStep,
    };
    if (!significant) return { boxes, rejected: found };
    boxes.push(found);
    // The next box is looked for among the trials this one leaves, in both halves.
    for (const half of [training, holdout]) for (let i = 0; i < half.rows.length; i++) if (half.rows[i] && insideBox(data, box, i)) half.rows[i] = 0;
  }
  return { boxes, rejected: null };
}

/**
 * Scenario discovery: why a target fails. From the trials of a Monte Carlo run, PRIM (Friedman &
 * Fisher 1999) finds the few boxes — ranges of at most `maxDimensions` assumptions — in which the
 * target mostly misses (or, with `outcome: 'hit'`, mostly hits), as the EMA Workbench does:
 * peeling 5% at a time, the box on the peeling trajectory with the best coverage–density trade-off
 * (coverage × (density − base rate)/(1 − base rate)), pasting, then dropping restrictions that do
 * not earn their place. Boxes are found on the even trials and tested on the odd ones: a box is
 * reported only if its held-out rate beats the base rate by a one-sided binomial test at
 * `significance` split over every box tried (Bonferroni), and closes at least `minimumGain` of the
 * distance to certainty. Otherwise the target's status is `none`: no assumption range explains it.
 * Every figure reported is the held-out one.
 *
 * @throws RangeError on invalid options or an unknown target
 * @example
 * ```ts
 * const result = await discover(scenario, { target: 'output-30bn', trials: 20_000, seed: 1 });
 * for (const box of result.targets[0].boxes)
 *   console.log(box.restrictions.map((r) => `${r.assumption} ≤ ${r.high}`), box.holdout.coverage, box.holdout.density);
 * ```
 */
export async function discover(scenario: Scenario, options: DiscoveryOptions = {}): Promise<DiscoveryResult> {
  checkOptions(options);
  const trials = options.trials ?? DEFAULT_TRIALS;
  const seed = options.seed ?? DEFAULT_SEED;
  const outcome = options.outcome ?? 'miss';
  const wanted = options.target === undefined ? undefined : typeof options.target === 'string' ? [options.target] : [...options.target];
  const ids = scenario.targets.map((t) => t.id);
  const unknown = (wanted ?? []).filter((id) => !ids.includes(id));
  if (unknown.length > 0)
    throw new RangeError(`target: unknown ${unknown.map((id) => `"${id}"`).join(', ')}; the scenario's targets are: ${ids.join(', ') || '(none)'}`);
  const targets = scenario.targets.filter((t) => wanted === undefined || wanted.includes(t.id));
  const maxBoxes = options.maxBoxes ?? 3;
  const significance = options.significance ?? 0.01;
  const settings = {
    maxBoxes,
    maxDimensions: options.maxDimensions ?? 3,
    peelAlpha: options.peelAlpha ?? 0.05,
    pasteAlpha: options.pasteAlpha ?? 0.05,
    minimumMass: options.minimumMass ?? 0.05,
    significance,
    minimumGain: options.minimumGain ?? 0.25,
    pValueThreshold: significance / (maxBoxes * Math.max(1, targets.length)),
  };
  const warnings: string[] = [];
  const samples = await sampleTrials(scenario, { trials, seed });

  const names = Object.keys(samples.parameters);
  const results: TargetDiscovery[] = targets.map((target) => {
    const lastYear = target.deadline - scenario.horizon.baseYear;
    const columns: Float64Array[] = [];
    const assumptions: DiscoveryAssumption[] = [];
    for (const name of names) {
      const values = perTrialValues(samples, name, lastYear);
      if (!varies(values)) continue;
      columns.push(values);
      assumptions.push({ name, unit: scenario.parameters[name]?.unit ?? null, perYear: samples.parameters[name].perYear });
    }
    const hits = samples.targets[target.id].hit;
    const wantedValue = outcome === 'miss' ? 0 : 1;
    const outcomeOf = Uint8Array.from(hits, (h) => (h === wantedValue ? 1 : 0));
    const outcomeTrials = outcomeOf.reduce((a, b) => a + b, 0);
    const base = { ...targetDefinition(scenario, target), outcome, baseRate: outcomeTrials / trials, outcomeTrials };
    if (outcomeTrials === 0) return { ...base, status: 'no-outcome' as const, boxes: [], rejected: null };
    if (outcomeTrials === trials) return { ...base, status: 'every-trial' as const, boxes: [], rejected: null };
    if (columns.length === 0) return { ...base, status: 'no-assumptions' as const, boxes: [], rejected: null };
    const data = primData(columns, outcomeOf);
    const { boxes, rejected } = discoverTarget(data, assumptions, columns.map(drawnRange), settings);
    return { ...base, status: boxes.length > 0 ? ('found' as const) : ('none' as const), boxes, rejected };
  });

  const assumptions: DiscoveryAssumption[] = names
    .filter((name) => varies(perTrialValues(samples, name, scenario.horizon.endYear - scenario.horizon.baseYear)))
    .map((name) => ({ name, unit: scenario.parameters[name]?.unit ?? null, perYear: samples.parameters[name].perYear }));
  if (assumptions.length === 0)
    warnings.push('the scenario draws no assumption that varies: the trials differ only by yearly noise and arrivals, which no box can describe');
  if (trials < 2000) warnings.push(`only ${trials} trials: each half has ${Math.floor(trials / 2)}, too few for boxes on rare outcomes to pass the test`);

  return {
    meta: {
      kind: 'discovery',
      ...resultMeta(scenario),
      seed,
      trials,
      outcome,
      maxBoxes,
      maxDimensions: settings.maxDimensions,
      peelAlpha: settings.peelAlpha,
      pasteAlpha: settings.pasteAlpha,
      minimumMass: settings.minimumMass,
      significance,
      minimumGain: settings.minimumGain,
    },
    assumptions,
    targets: results,
    warnings,
  };
}
