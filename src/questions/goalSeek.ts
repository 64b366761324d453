import { type AssumptionDomain, assumptionDomain } from '../assumptions/assumptionDomain.js';
import { distributionCdf, distributionQuantile } from '../assumptions/distributionQuantile.js';
import { assumptionOf, type ScenarioAssumption } from '../assumptions/scenarioAssumptions.js';
import { unknownAssumption, unknownTarget, withAssumptionFixed } from '../assumptions/withAssumptions.js';
import { centralValue } from '../random/central.js';
import { DEFAULT_SEED, DEFAULT_TRIALS, simulate } from '../results/simulate.js';
import { resultMeta, targetDefinition } from '../results/targetDefinition.js';
import type { ResultMeta, TargetDefinition } from '../results/types.js';
import type { Distribution } from '../scenario/schema/distribution.js';
import type { Scenario } from '../scenario/schema/scenario.js';
import { criticalValue, wilsonInterval } from '../statistics/wilson.js';
import { type GrowthNeededTarget, growthNeeded } from './growthNeeded.js';

/** What to seek: the value of `assumption` at which `target` is hit with `probability`. */
export interface GoalSeekOptions {
  /** The target's id. */
  target: string;
  /** The assumption's name (a parameter, or `baseline:<metric>` for a metric's base-year value): it is fixed at each value tried. */
  assumption: string;
  /** The probability of hitting the target to reach, in (0, 1). */
  probability: number;
  /** Monte Carlo trials at each value tried. Default 10,000. */
  trials?: number;
  /** The master seed, the same at every value tried (common random numbers). Default 1. */
  seed?: string | number;
  /** Confidence level of the value's interval. Default 0.95. */
  confidence?: number;
  /** Where to search: either end overrides the limit found from the assumption's role and bounds. */
  range?: { readonly min?: number; readonly max?: number };
  /** Stop bisecting when the bracket is narrower than this. Default: 1/10,000 of the assumption's 10–90% range. */
  tolerance?: number;
}

/**
 * - `found`: the value where the probability reaches the level;
 * - `unreachable`: the probability stays below the level everywhere in the search range;
 * - `met-throughout`: the probability is at or above the level everywhere in the search range.
 * An assumption that does not move the probability at all gives one of the last two, and a warning.
 */
export type GoalSeekStatus = 'found' | 'unreachable' | 'met-throughout';

export interface GoalSeekResult {
  readonly meta: ResultMeta & { readonly kind: 'goal-seek'; readonly seed: string | number; readonly trials: number; readonly confidence: number };
  readonly target: TargetDefinition;
  readonly assumption: {
    readonly name: string;
    readonly perYear: boolean;
    readonly distribution: Distribution;
    /** Its value in the deterministic projection. */
    readonly point: number;
    /** Where the search ran. */
    readonly domain: AssumptionDomain;
  };
  /** The probability asked for. */
  readonly probability: number;
  readonly status: GoalSeekStatus;
  /** Whether the probability rises or falls as the assumption rises; null with no effect. */
  readonly direction: 'increasing' | 'decreasing' | null;
  /**
   * The value at which the probability reaches the level (the first value tried that reaches it,
   * to within the tolerance); for `unreachable` and `met-throughout`, null.
   */
  readonly value: number | null;
  /**
   * The Monte Carlo uncertainty of the value: where the probability curve crosses the ends of the
   * Wilson interval of the level at this many trials (null ends: beyond the search range).
   */
  readonly interval: readonly [number | null, number | null] | null;
  /** Half the interval's width over the critical value: a standard error of the value. */
  readonly standardError: number | null;
  /** The probability reached at `value`. */
  readonly probabilityAtValue: number | null;
  /** The scenario's own assumption: its point value, the probability with the assumption fixed there, and with it drawn. */
  readonly current: { readonly point: number; readonly probabilityAtPoint: number; readonly probabilityDrawn: number };
  /** How far the value is from the scenario's own assumption. */
  readonly change: {
    readonly absolute: number;
    /** absolute / |point|; null when the point is zero. */
    readonly relative: number | null;
    /** Where the value lies in the assumption's own distribution: P(assumption ≤ value). */
    readonly percentile: number;
  } | null;
  /** Every value tried and its probability, by value (for a chart); monotone under common random numbers. */
  readonly curve: ReadonlyArray<{ readonly value: number; readonly probability: number }>;
  /** The deterministic version: the constant growth rate that meets the target, against the park's recent growth. */
  readonly deterministic: GrowthNeededTarget;
  readonly warnings: readonly string[];
}

function checkOptions(scenario: Scenario, options: GoalSeekOptions): void {
  const { probability, trials, confidence, range, tolerance } = options;
  if (!scenario.targets.some((t) => t.id === options.target)) throw new RangeError(unknownTarget(scenario, options.target));
  if (assumptionOf(scenario, options.assumption) === undefined) throw new RangeError(unknownAssumption(scenario, options.assumption));
  if (!(probability > 0 && probability < 1)) throw new RangeError(`probability: expected a number between 0 and 1, got ${probability}`);
  if (trials !== undefined && !(Number.isInteger(trials) && trials >= 1)) throw new RangeError(`trials: expected a whole number of at least 1, got ${trials}`);
  if (confidence !== undefined && !(confidence > 0 && confidence < 1)) throw new RangeError(`confidence: expected a number between 0 and 1, got ${confidence}`);
  for (const end of ['min', 'max'] as const) {
    if (range?.[end] !== undefined && !Number.isFinite(range[end])) throw new RangeError(`range ${end}: expected a finite number, got ${range[end]}`);
  }
  if (tolerance !== undefined && !(tolerance > 0)) throw new RangeError(`tolerance: expected a positive number, got ${tolerance}`);
}

/**
 * The fewest Monte Carlo runs a goal seek makes in practice (values tried: the point, the bracket,
 * then bisection to the tolerance); 39 on the reference model. For sizing a run before it starts.
 */
export const GOAL_SEEK_RUNS_AT_LEAST = 20;

const MAX_DOUBLINGS = 60;
const MAX_BISECTIONS = 80;

/**
 * The value of an assumption at which a target's probability of being hit reaches a level.
 * The assumption is fixed at each value tried and every other source of randomness is drawn
 * with the same seed (common random numbers), so the probability moves only because the value
 * did: for a model that responds monotonically to the assumption the curve is monotone and
 * bisection is exact on it. A bracket is found by stepping out from the point value in steps
 * that double; the value's uncertainty is where the curve crosses the ends of the level's
 * Wilson interval at this many trials. Also reports the deterministic version (the constant
 * growth rate that meets the target, against recent growth where a series gives it).
 *
 * @throws RangeError for an unknown target or assumption, or invalid options
 * @example
 * ```ts
 * // examples/reference-model.json: output from 10 to 30 bn yuan in three years
 * const r = await goalSeek(scenario, { target: 'output-30bn', assumption: 'outputDrift', probability: 0.8 });
 * r.value;            // 0.414: a log growth of 0.414 a year gives an 80% chance
 * r.interval;         // [0.413, 0.416]: its Monte Carlo uncertainty at 10,000 trials
 * r.change?.absolute; // 0.264 above the scenario's own 0.15
 * ```
 */
export async function goalSeek(scenario: Scenario, options: GoalSeekOptions): Promise<GoalSeekResult> {
  checkOptions(scenario, options);
  const trials = options.trials ?? DEFAULT_TRIALS;
  const seed = options.seed ?? DEFAULT_SEED;
  const confidence = options.confidence ?? 0.95;
  const level = options.probability;
  const name = options.assumption;
  const assumption = assumptionOf(scenario, name) as ScenarioAssumption;
  const distribution = assumption.distribution;
  const targetIndex = scenario.targets.findIndex((t) => t.id === options.target);
  const warnings: string[] = [];

  const found = assumptionDomain(scenario, name);
  const given = options.range ?? {};
  const domain: AssumptionDomain = {
    min: given.min ?? found.min,
    max: given.max ?? found.max,
    reasons: given.min !== undefined || given.max !== undefined ? [...found.reasons, 'range given'] : found.reasons,
  };
  if (!(domain.min < domain.max)) throw new RangeError(`expected a search range with min < max, got [${domain.min}, ${domain.max}]`);
  const clamp = (v: number) => Math.min(Math.max(v, domain.min), domain.max);
  const point = centralValue(distribution);
  const start = clamp(point);
  const spread = distributionQuantile(distribution, 0.9) - distributionQuantile(distribution, 0.1);
  const step0 = spread > 0 ? spread : Math.max(Math.abs(start) * 0.1, 1e-3);
  const tolerance = options.tolerance ?? step0 * 1e-4;

  const cache = new Map<number, number>();
  const probabilityAt = async (value: number): Promise<number> => {
    let p = cache.get(value);
    if (p === undefined) {
      const result = await simulate(withAssumptionFixed(scenario, name, value), { trials, seed });
      p = result.targets[targetIndex].probability;
      cache.set(value, p);
    }
    return p;
  };

  // Which way the probability moves: step out both ways, doubling, until it moves or the range ends.
  let direction: 1 | -1 | 0 = 0;
  for (let step = step0, k = 0; k < MAX_DOUBLINGS && direction === 0; k++, step *= 2) {
    const low = clamp(start - step);
    const high = clamp(start + step);
    const [pLow, pHigh] = [await probabilityAt(low), await probabilityAt(high)];
    if (pHigh !== pLow) direction = pHigh > pLow ? 1 : -1;
    else if (low === domain.min && high === domain.max) break;
  }

  /** The value where the probability first reaches `target` (moving the way it rises), or why there is none. */
  const crossing = async (target: number): Promise<{ value: number } | { edge: 'unreachable' | 'met-throughout' }> => {
    // u runs the way the probability rises; the search works on u.
    const toValue = (u: number) => u * direction;
    const uMin = direction === 1 ? domain.min : -domain.max;
    const uMax = direction === 1 ? domain.max : -domain.min;
    const reaches = async (u: number) => (await probabilityAt(toValue(u))) >= target;
    // Start from the tightest bracket the values already tried give.
    let below = -Infinity;
    let above = Infinity;
    for (const [value, p] of cache) {
      const u = value * direction;
      if (p >= target) above = Math.min(above, u);
      else below = Math.max(below, u);
    }
    const u0 = start * direction;
    for (let step = step0, k = 0; below === -Infinity && k < MAX_DOUBLINGS; k++, step *= 2) {
      const u = Math.max(u0 - step, uMin);
      if (await reaches(u)) {
        above = Math.min(above, u);
        if (u === uMin) return { edge: 'met-throughout' };
      } else below = u;
    }
    for (let step = step0, k = 0; above === Infinity && k < MAX_DOUBLINGS; k++, step *= 2) {
      const u = Math.min(Math.max(u0, below) + step, uMax);
      if (await reaches(u)) above = u;
      else {
        below = Math.max(below, u);
        if (u === uMax) return { edge: 'unreachable' };
      }
    }
    if (below === -Infinity) return { edge: 'met-throughout' };
    if (above === Infinity) return { edge: 'unreachable' };
    for (let k = 0; k < MAX_BISECTIONS && above - below > tolerance; k++) {
      const mid = (below + above) / 2;
      if (mid === below || mid === above) break;
      if (await reaches(mid)) above = mid;
      else below = mid;
    }
    return { value: toValue(above) };
  };

  let status: GoalSeekStatus;
  let value: number | null = null;
  let interval: GoalSeekResult['interval'] = null;
  let standardError: number | null = null;
  if (direction === 0) {
    status = (await probabilityAt(start)) >= level ? 'met-throughout' : 'unreachable';
  } else {
    const answer = await crossing(level);
    if ('edge' in answer) status = answer.edge;
    else {
      status = 'found';
      value = answer.value;
      const [lowLevel, highLevel] = wilsonInterval(Math.round(level * trials), trials, confidence);
      const ends = [await crossing(lowLevel), await crossing(highLevel)].map((c) => ('value' in c ? c.value : null));
      const sorted = (direction === 1 ? ends : [ends[1], ends[0]]) as [number | null, number | null];
      interval = sorted;
      if (sorted[0] !== null && sorted[1] !== null) standardError = (sorted[1] - sorted[0]) / (2 * criticalValue(confidence));
    }
  }

  const atPoint = await probabilityAt(start);
  const curve = [...cache].map(([v, p]) => ({ value: v, probability: p })).sort((a, b) => a.value - b.value);
  const monotone = curve.every((c, i) => i === 0 || direction === 0 || (c.probability - curve[i - 1].probability) * direction >= 0);
  if (!monotone) {
    warnings.push(
      `the probability did not move one way with ${name} over the values tried (counts drawn at different rates do not keep their random numbers exactly in step, or the model is not monotone in it): the value found is one crossing of the level, within the Monte Carlo error shown`,
    );
  }
  if (status === 'unreachable')
    warnings.push(`no value of ${name} in [${domain.min}, ${domain.max}] gives a ${(level * 100).toFixed(1)}% chance of ${options.target}`);
  if (status === 'met-throughout')
    warnings.push(`every value of ${name} in [${domain.min}, ${domain.max}] gives at least a ${(level * 100).toFixed(1)}% chance of ${options.target}`);
  if (direction === 0) warnings.push(`${name} does not change the probability of ${options.target} anywhere in [${domain.min}, ${domain.max}]`);
  if (scenario.correlations.some((c) => c.between.includes(name))) {
    warnings.push(`${name} is correlated with other assumptions: fixing it leaves them at their own distributions, not at values that would go with it`);
  }
  if (assumption.perYear) warnings.push(`${name} is drawn afresh each year; here it is fixed at one value in every year`);

  const [drawn, deterministic] = await Promise.all([simulate(scenario, { trials, seed }), growthNeeded(scenario)]);
  return {
    meta: { kind: 'goal-seek', ...resultMeta(scenario), seed, trials, confidence },
    target: targetDefinition(scenario, scenario.targets[targetIndex]),
    assumption: { name, perYear: assumption.perYear, distribution, point, domain },
    probability: level,
    status,
    direction: direction === 0 ? null : direction === 1 ? 'increasing' : 'decreasing',
    value,
    interval,
    standardError,
    probabilityAtValue: value === null ? null : (cache.get(value) ?? null),
    current: { point, probabilityAtPoint: atPoint, probabilityDrawn: drawn.targets[targetIndex].probability },
    change:
      value === null
        ? null
        : { absolute: value - point, relative: point === 0 ? null : (value - point) / Math.abs(point), percentile: distributionCdf(distribution, value) },
    curve,
    deterministic: deterministic.targets[targetIndex],
    warnings,
  };
}
