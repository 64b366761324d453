import { baselineMetricOf } from '../assumptions/scenarioAssumptions.js';
import { withBaselinesAsParameters, withFreshDraws } from '../assumptions/withFreshDraws.js';
import { sampleTrials, type TrialSamples } from '../results/samples.js';
import { DEFAULT_SEED, DEFAULT_TRIALS } from '../results/simulate.js';
import type { Scenario } from '../scenario/schema/scenario.js';

/** An index with its Monte Carlo standard error (delta method). */
export interface SobolIndex {
  readonly estimate: number;
  readonly standardError: number;
}

/** The variance decomposition of one output of one target (its measured value, or whether it is hit). */
export interface SobolDecomposition {
  readonly variance: number;
  readonly assumptions: ReadonlyArray<{
    readonly assumption: string;
    /** The share of the variance due to this assumption alone. */
    readonly firstOrder: SobolIndex;
    /** The share due to this assumption, alone and with others (interactions included). */
    readonly total: SobolIndex;
  }>;
  /** The share due to all the assumptions together (first-order of the group); the rest is the other randomness. */
  readonly assumptionsTogether: SobolIndex;
}

export interface SobolTarget {
  readonly id: string;
  /** Null when the output does not vary. */
  readonly measured: SobolDecomposition | null;
  /**
   * Null when hits (or misses) are too rare for the pick-freeze estimates and their errors to be
   * trusted: fewer than 50 trials expected to hit (miss) in both runs of a pair, i.e. min(p, 1 − p)²·n < 50.
   */
  readonly hit: SobolDecomposition | null;
}

/** Pairs of runs must be expected to share this many hits (and misses) for the hit's shares to be reported. */
const MIN_SHARED_OUTCOMES = 50;

export interface SobolResult {
  readonly trials: number;
  readonly seed: string | number;
  readonly targets: readonly SobolTarget[];
}

type Estimator = 'first-order' | 'total';

/**
 * A share of variance from paired outputs y and z, with its asymptotic standard error from the
 * estimator's influence function (the delta method). First-order: Janon et al. (2014), the
 * efficient pick-freeze estimator, y and z sharing only the kept inputs. Total: Jansen (1999),
 * y and z differing only in the redrawn input. Pairs with a value that is not finite are left out.
 */
function share(estimator: Estimator, y: ArrayLike<number>, z: ArrayLike<number>): SobolIndex & { variance: number } {
  const keep: number[] = [];
  for (let i = 0; i < y.length; i++) if (Number.isFinite(y[i]) && Number.isFinite(z[i])) keep.push(i);
  const n = keep.length;
  let mean = 0;
  for (const i of keep) mean += (y[i] + z[i]) / 2;
  mean /= n;
  // W: each pair's contribution to the variance; P: to the first-order covariance or the total's half squared difference.
  const w = new Float64Array(n);
  const p = new Float64Array(n);
  let variance = 0;
  let numerator = 0;
  keep.forEach((i, k) => {
    const a = y[i] - mean;
    const b = z[i] - mean;
    w[k] = (a * a + b * b) / 2;
    p[k] = estimator === 'first-order' ? a * b : ((y[i] - z[i]) * (y[i] - z[i])) / 2;
    variance += w[k];
    numerator += p[k];
  });
  variance /= n;
  numerator /= n;
  const estimate = numerator / variance;
  // Influence of each pair on the ratio: (P − estimate·W) / variance.
  let spread = 0;
  for (let k = 0; k < n; k++) spread += (p[k] - numerator - estimate * (w[k] - variance)) ** 2;
  const standardError = Math.sqrt(spread / (n - 1) / n) / variance;
  return { estimate, standardError, variance };
}

/**
 * First-order and total variance-based (Sobol) indices of each assumption for each target's
 * measured value and hit, by pick-freeze with common random numbers: the base run; per
 * assumption, a run with only it drawn afresh (total, Jansen's estimator) and a run with only
 * it kept (first-order, Janon's); and a run keeping every assumption and redrawing the rest
 * (yearly noise, arrivals, uncertain baselines not named), whose first-order share is the
 * assumptions' together. A baseline is named `baseline:<metric>`; it is then drawn from a stream
 * of its own, apart from its metric's noise, so its base run's draws differ from `simulate`'s. 2k + 2 runs for k assumptions: meant for scenarios with few of them. Correlated
 * assumptions have no such decomposition: the caller should not ask for one.
 *
 * @example
 * ```ts
 * // y = a + 2b + N with Var a = 4, Var 2b = 9 and N ~ Poisson(4): shares 4/17, 9/17 and, together, 13/17
 * const { targets } = await sobolIndices(scenario, ['a', 'b'], { trials: 20_000 });
 * targets[0].measured?.assumptions[0].firstOrder; // { estimate: 0.229, standardError: 0.007 }
 * targets[0].measured?.assumptionsTogether;       // { estimate: 0.765, standardError: 0.003 }
 * ```
 */
export async function sobolIndices(
  scenario: Scenario,
  assumptions: readonly string[],
  options: { trials?: number; seed?: string | number } = {},
): Promise<SobolResult> {
  const trials = options.trials ?? DEFAULT_TRIALS;
  const seed = options.seed ?? DEFAULT_SEED;
  const run = (s: Scenario) => sampleTrials(s, { trials, seed });
  // A baseline shares its metric's name with the metric's yearly noise: drawn as a parameter of its
  // own, it can be kept while the noise is redrawn (and the reverse). Identity without baselines.
  const baselines = assumptions.flatMap((name) => {
    const metric = baselineMetricOf(name);
    return metric === undefined ? [] : [metric];
  });
  const { scenario: split, parameterOf } = withBaselinesAsParameters(scenario, baselines);
  const drawnAs = (name: string) => parameterOf.get(name) ?? name;
  const metrics = Object.keys(split.metrics);
  const parameters = Object.keys(split.parameters);
  const base = await run(split);
  const redrawn: TrialSamples[] = [];
  const kept: TrialSamples[] = [];
  for (const name of assumptions.map(drawnAs)) {
    redrawn.push(await run(withFreshDraws(split, [name])));
    kept.push(await run(withFreshDraws(split, [...parameters.filter((p) => p !== name), ...metrics])));
  }
  const together = await run(withFreshDraws(split, metrics));

  const frequentEnough = (hits: Uint8Array) => {
    const p = hits.reduce((a, b) => a + b, 0) / hits.length;
    return Math.min(p, 1 - p) ** 2 * hits.length >= MIN_SHARED_OUTCOMES;
  };
  const decompose = (pick: (s: TrialSamples) => ArrayLike<number>): SobolDecomposition | null => {
    const y = pick(base);
    const group = share('first-order', y, pick(together));
    if (!(group.variance > 0)) return null;
    return {
      variance: group.variance,
      assumptions: assumptions.map((assumption, i) => {
        const { estimate, standardError } = share('first-order', y, pick(kept[i]));
        const total = share('total', y, pick(redrawn[i]));
        return { assumption, firstOrder: { estimate, standardError }, total: { estimate: total.estimate, standardError: total.standardError } };
      }),
      assumptionsTogether: { estimate: group.estimate, standardError: group.standardError },
    };
  };
  return {
    trials,
    seed,
    targets: scenario.targets.map((t) => ({
      id: t.id,
      measured: decompose((s) => s.targets[t.id].measured),
      hit: frequentEnough(base.targets[t.id].hit) ? decompose((s) => s.targets[t.id].hit) : null,
    })),
  };
}
