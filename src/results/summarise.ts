import type { LogHistogram } from '../engine/logHistogram.js';
import { type Model, STRIVE_JOINT } from '../engine/model.js';
import type { Tally } from '../engine/tally.js';
import { RELATIVE_MEASURES } from '../scenario/schema/target.js';
import { standardError, wilsonInterval } from '../statistics/wilson.js';
import { groupMemberships } from './groupMembership.js';
import { outcomesAgainstPredictions } from './outcomes.js';
import { targetOutsideView } from './outsideView.js';
import { metricPresentation, targetDefinition } from './targetDefinition.js';
import type { JointProbability, Quantiles, SimulatedMetricYear, SimulatedStrive, SimulatedTarget, SimulationResult } from './types.js';

const QUANTILE_PS = [0.05, 0.25, 0.5, 0.75, 0.95];
const PERCENTILES = Array.from({ length: 101 }, (_, i) => i / 100);

/** Quantiles of a histogram; null (never NaN) when it holds no finite value. */
function quantilesOf(histogram: LogHistogram): Quantiles | null {
  const [p5, p25, p50, p75, p95] = histogram.quantiles(QUANTILE_PS);
  if (p5 === null || p25 === null || p50 === null || p75 === null || p95 === null) return null;
  return { p5, p25, p50, p75, p95 };
}

/** A warning for values that were not finite numbers (a division by zero in an expression, say). */
function nonFiniteWarning(what: string, histogram: LogHistogram, trials: number): string[] {
  return histogram.nonFinite > 0
    ? [
        `${what}: ${histogram.nonFinite} of ${trials} trials gave no finite value (check the expressions for division by zero or log of a non-positive number); they are left out of its mean and quantiles`,
      ]
    : [];
}

/**
 * The shares of trials by the first year a target was met: the years up to the deadline, then
 * the years after it apart (late is not success), then never.
 */
function firstYearShares(
  years: readonly number[],
  counts: readonly number[],
  deadlineIndex: number,
  never: number,
  n: number,
): SimulatedTarget['firstYearMet'] {
  const share = (index: number) => ({ year: years[index], probability: counts[index] / n });
  const indices = years.map((_, index) => index);
  // Whole-number counts, summed before dividing: the shares add up exactly.
  const lateCount = counts.slice(deadlineIndex + 1).reduce((sum, count) => sum + count, 0);
  return {
    byYear: indices.slice(1, deadlineIndex + 1).map(share),
    late: lateCount / n,
    lateByYear: indices.slice(deadlineIndex + 1).map(share),
    never: never / n,
  };
}

/** Turns a run's tally into the reported summary: probabilities with intervals, first years, shortfalls, quantiles. */
export function summarise(
  model: Model,
  tally: Tally,
  confidence: number,
): Pick<SimulationResult, 'targets' | 'joint' | 'striveJoint' | 'jointTargets' | 'officialHitCount' | 'metrics' | 'warnings' | 'outcomes'> {
  const { scenario, years } = model;
  const n = tally.trials;
  const warnings: string[] = [];
  const odds = (hits: number) => ({ probability: hits / n, interval: wilsonInterval(hits, n, confidence), standardError: standardError(hits, n), hits });
  const shortfall = (t: number) => (tally.shortfallCounts[t] > 0 ? tally.shortfallSums[t].value() / tally.shortfallCounts[t] : null);
  /** A strive level's odds: its internal target's hits, and the ensure-only trials as a difference of whole counts. */
  const striveOf = (t: number): { strive?: SimulatedStrive } => {
    const s = model.striveIndex[t];
    const threshold = scenario.targets[t].strive;
    if (s < 0 || threshold === undefined) return {};
    warnings.push(...nonFiniteWarning(`target ${scenario.targets[t].id} (strive level)`, tally.measuredHistograms[s], n));
    // Every trial meeting the strive level meets the ensure level (validated: it is at least as hard), so the difference counts trials.
    const { hits: _hits, ...rest } = odds(tally.hits[s]);
    return {
      strive: { threshold, ...rest, hits: tally.hits[s], expectedShortfall: shortfall(s), ensureOnly: odds(tally.hits[t] - tally.hits[s]) },
    };
  };
  // The scenario's own targets only: strive levels are internal targets after them.
  const targets: SimulatedTarget[] = model.targets.slice(0, scenario.targets.length).map((target, t) => {
    const hits = tally.hits[t];
    const histogram = tally.measuredHistograms[t];
    // A ratio or growth rate over a base of zero or less is not finite: say so where it can happen.
    const what = RELATIVE_MEASURES.includes(target.measure) ? `target ${target.id} (a ${target.measure} over a base of zero or less)` : `target ${target.id}`;
    warnings.push(...nonFiniteWarning(what, histogram, n));
    const percentiles = histogram.quantiles(PERCENTILES);
    return {
      ...targetDefinition(scenario, scenario.targets[t]),
      probability: hits / n,
      interval: wilsonInterval(hits, n, confidence),
      standardError: standardError(hits, n),
      hits,
      firstYearMet: firstYearShares(years, tally.firstYearCounts[t], target.deadlineIndex, tally.never[t], n),
      expectedShortfall: shortfall(t),
      measured: {
        mean: tally.measuredMoments[t].count > 0 ? tally.measuredMoments[t].mean : null,
        quantiles: quantilesOf(histogram),
        percentiles: percentiles.every((p) => p !== null) ? (percentiles as number[]) : [],
      },
      ...striveOf(t),
      ...targetOutsideView(scenario.targets[t], hits / n),
    };
  });
  const jointSet = (s: number): JointProbability => {
    const set = model.jointSets[s];
    const ids = set.targetIndices.map((index) => (set.id === STRIVE_JOINT ? scenario.targets[model.striveIndex.indexOf(index)].id : model.targets[index].id));
    return { targets: ids, ...odds(tally.jointSetHits[s]) };
  };
  const striveSet = model.jointSets.findIndex((set) => set.id === STRIVE_JOINT);
  const named = model.jointSets.map((set, s) => ({ set, s })).filter(({ set }) => set.id !== STRIVE_JOINT);
  const jointExtras = {
    ...(striveSet < 0 ? {} : { striveJoint: jointSet(striveSet) }),
    ...(scenario.jointTargets === undefined
      ? {}
      : {
          jointTargets: named.map(({ set, s }) => {
            const joint = scenario.jointTargets?.find((j) => j.id === set.id);
            return { id: set.id, label: joint?.label ?? set.id, ...(joint?.labelZh === undefined ? {} : { labelZh: joint.labelZh }), ...jointSet(s) };
          }),
        }),
  };

  let atLeast = 0;
  const officialHitCount = tally.officialHitCounts
    .map((count, k) => ({ k, count }))
    .reverse()
    .map(({ k, count }) => {
      atLeast += count;
      return { k, probability: count / n, atLeast: atLeast / n };
    })
    .reverse();

  const memberships = groupMemberships(scenario);
  const metrics = model.metrics.map((m, index) => ({
    name: m.name,
    unit: m.metric.unit,
    label: m.metric.label ?? m.name,
    ...memberships.get(m.name),
    ...metricPresentation(m.metric),
    years: years.map((year, y): SimulatedMetricYear => {
      const histogram = tally.metricHistograms[index][y];
      const moments = tally.metricMoments[index][y];
      warnings.push(...nonFiniteWarning(`metric ${m.name} in ${year}`, histogram, n));
      const finite = moments.count > 0;
      return {
        year,
        mean: finite ? moments.mean : null,
        sd: finite ? moments.sd : null,
        quantiles: quantilesOf(histogram),
      };
    }),
  }));
  // Report metrics in the scenario's order, not the evaluation order.
  const order = Object.keys(scenario.metrics);
  metrics.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));

  return {
    targets,
    joint: {
      targets: model.targets.filter((t) => t.official).map((t) => t.id),
      probability: tally.jointHits / n,
      interval: wilsonInterval(tally.jointHits, n, confidence),
      standardError: standardError(tally.jointHits, n),
      hits: tally.jointHits,
    },
    ...jointExtras,
    officialHitCount,
    metrics,
    warnings,
    ...(scenario.outcomes === undefined ? {} : { outcomes: outcomesAgainstPredictions(scenario, targets, metrics) }),
  };
}
