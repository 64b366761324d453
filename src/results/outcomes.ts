import type { Scenario } from '../scenario/schema/scenario.js';
import type { Comparison } from '../scenario/schema/target.js';
import type { OutcomeAgainstPrediction, Quantiles, SimulatedMetricYear, SimulatedTarget } from './types.js';

/**
 * Where a value falls in a distribution given by quantiles at `levels` (in 0..1, increasing):
 * linear between neighbouring quantiles, as a percentile 0..100. Below the lowest quantile it is
 * the lowest level, and `outside` says `below` (the distribution beyond it is not known); likewise
 * above. Where several quantiles equal the value (a point mass), the middle of their levels.
 *
 * @example
 * ```ts
 * percentileOf([0.05, 0.25, 0.5, 0.75, 0.95], [1, 2, 3, 4, 5], 3.5); // { percentile: 62.5 }
 * ```
 */
export function percentileOf(levels: readonly number[], quantiles: readonly number[], value: number): { percentile: number; outside?: 'below' | 'above' } {
  const k = levels.length;
  if (value < quantiles[0]) return { percentile: levels[0] * 100, outside: 'below' };
  if (value > quantiles[k - 1]) return { percentile: levels[k - 1] * 100, outside: 'above' };
  const equal = quantiles.map((q, i) => (q === value ? i : -1)).filter((i) => i >= 0);
  if (equal.length > 0) return { percentile: ((levels[equal[0]] + levels[equal[equal.length - 1]]) / 2) * 100 };
  for (let i = 1; i < k; i++) {
    if (value < quantiles[i]) {
      const share = (value - quantiles[i - 1]) / (quantiles[i] - quantiles[i - 1]);
      return { percentile: (levels[i - 1] + share * (levels[i] - levels[i - 1])) * 100 };
    }
  }
  return { percentile: levels[k - 1] * 100 };
}

const QUANTILE_LEVELS = [0.05, 0.25, 0.5, 0.75, 0.95];
const quantileList = (q: Quantiles) => [q.p5, q.p25, q.p50, q.p75, q.p95];

/**
 * Whether a measured value meets a target (its ensure level), as the engine counts it.
 * @example
 * ```ts
 * meetsTarget({ comparison: '>=', threshold: 0.065 }, 0.066); // true
 * ```
 */
export function meetsTarget(target: { readonly comparison: Comparison; readonly threshold: number | readonly [number, number] }, value: number): boolean {
  const { comparison, threshold } = target;
  if (typeof threshold !== 'number') return value >= threshold[0] && value <= threshold[1];
  const level = threshold;
  switch (comparison) {
    case '>':
      return value > level;
    case '>=':
      return value >= level;
    case '<':
      return value < level;
    case '<=':
      return value <= level;
    default:
      return false;
  }
}

/**
 * Each recorded outcome against the simulation: its percentile in the predicted distribution (a
 * target's measured percentiles p0..p100; a metric's p5..p95 in that year) and, for a target (or a
 * metric's value at the deadline of a `value` target on it), whether the target was met and the
 * probability the run gave it.
 */
export function outcomesAgainstPredictions(
  scenario: Scenario,
  targets: readonly SimulatedTarget[],
  metrics: ReadonlyArray<{ readonly name: string; readonly years: readonly SimulatedMetricYear[] }>,
): OutcomeAgainstPrediction[] {
  return (scenario.outcomes ?? []).map((outcome) => {
    const common = {
      year: outcome.year,
      value: outcome.value,
      source: outcome.source,
      series: outcome.series,
      ...(outcome.note === undefined ? {} : { note: outcome.note }),
    };
    if (outcome.target !== undefined) {
      const target = targets.find((t) => t.id === outcome.target) as SimulatedTarget;
      const percentiles = target.measured.percentiles;
      const where = percentiles.length === 0 ? { percentile: null } : percentileOf(PERCENTILE_LEVELS, percentiles, outcome.value);
      return { ...common, target: target.id, ...where, met: meetsTarget(target, outcome.value), predictedProbability: target.probability };
    }
    const name = outcome.metric as string;
    const year = metrics.find((m) => m.name === name)?.years.find((y) => y.year === outcome.year);
    const where = year?.quantiles == null ? { percentile: null } : percentileOf(QUANTILE_LEVELS, quantileList(year.quantiles), outcome.value);
    // A metric's value at the deadline of a `value` target on it says whether that target was met.
    const judged = targets.filter((t) => t.metric === name && t.measure === 'value' && t.deadline === outcome.year);
    return {
      ...common,
      metric: name,
      ...where,
      ...(judged.length === 0 ? {} : { targets: judged.map((t) => ({ id: t.id, met: meetsTarget(t, outcome.value), predictedProbability: t.probability })) }),
    };
  });
}

const PERCENTILE_LEVELS = Array.from({ length: 101 }, (_, i) => i / 100);
