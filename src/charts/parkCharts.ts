import type { TopLevelSpec } from 'vega-lite';
import type { Projection, SimulationResult } from '../results/types.js';
import { deadlineDistributionChart } from './deadlineDistribution.js';
import { fanChart } from './fanChart.js';
import { firstYearReachedChart } from './firstYearReached.js';
import { localisedProjection, localisedSimulation } from './localise.js';
import type { Lang } from './messages.js';
import { parkSpreadChart } from './parkSpread.js';
import { type ComparedResult, scenarioComparisonChart } from './scenarioComparison.js';
import { targetProbabilitiesChart } from './targetProbabilities.js';

/** One chart of a park's set: a file-safe id, what it shows, and its Vega-Lite spec. */
export interface ParkChart {
  /** File-safe name, unique in the set: `target-probabilities`, `fan-outputValue`, `distribution-output-30bn`. */
  readonly id: string;
  readonly kind: 'targetProbabilities' | 'fan' | 'parkSpread' | 'deadlineDistribution' | 'firstYearReached' | 'scenarioComparison';
  /** The metric or target the chart is about, if any. */
  readonly subject?: string;
  readonly spec: TopLevelSpec;
}

export interface ParkChartsInput {
  readonly simulation: SimulationResult;
  readonly projection?: Projection;
  /** Other results to compare with (variants); the comparison chart is drawn when there is one or more. */
  readonly comparisons?: readonly ComparedResult[];
  /** The label of `simulation` in the comparison chart. */
  readonly label?: string;
}

const safe = (name: string) => name.replace(/[^A-Za-z0-9_-]+/g, '-');

/**
 * Every chart of a park's report, in reading order: target probabilities, when targets are first
 * met, a fan chart per metric but helpers (metrics with targets first; a group's parks as one spread
 * chart per group metric), the distribution of each target's
 * measure at its deadline, and the scenario comparison when other results are given.
 *
 * @example
 * ```ts
 * for (const chart of parkCharts({ simulation, projection }, 'en')) console.log(chart.id);
 * // target-probabilities, first-year-reached, fan-outputValue, …, distribution-output-value-30bn, …
 * ```
 */
export function parkCharts(input: ParkChartsInput, lang: Lang = 'en'): ParkChart[] {
  // Labels in the report's language (labelZh in Chinese); helper metrics get no chart.
  const simulation = localisedSimulation(input.simulation, lang);
  const projection = input.projection === undefined ? undefined : localisedProjection(input.projection, lang);
  const options = { lang };
  const charts: ParkChart[] = [];
  if (simulation.targets.length > 0) {
    charts.push({ id: 'target-probabilities', kind: 'targetProbabilities', spec: targetProbabilitiesChart(simulation, options) });
    charts.push({ id: 'first-year-reached', kind: 'firstYearReached', spec: firstYearReachedChart(simulation, options) });
  }
  const targeted = new Set(simulation.targets.map((t) => t.metric));
  const metrics = simulation.metrics.filter((m) => m.park === undefined).sort((a, b) => Number(targeted.has(b.name)) - Number(targeted.has(a.name)));
  for (const metric of metrics) {
    if (metric.years.every((y) => y.quantiles === null)) continue;
    charts.push({
      id: `fan-${safe(metric.name)}`,
      kind: 'fan',
      subject: metric.name,
      spec: fanChart({ simulation, projection, metric: metric.name }, options),
    });
  }
  // A group's parks: one chart of the spread across parks per group metric, not a fan chart each.
  for (const groupMetric of new Set(simulation.metrics.flatMap((m) => (m.groupMetric === undefined ? [] : [m.groupMetric])))) {
    charts.push({ id: `parks-${safe(groupMetric)}`, kind: 'parkSpread', subject: groupMetric, spec: parkSpreadChart({ simulation, groupMetric }, options) });
  }
  for (const target of simulation.targets) {
    if (target.measured.percentiles.length < 2) continue;
    charts.push({
      id: `distribution-${safe(target.id)}`,
      kind: 'deadlineDistribution',
      subject: target.id,
      spec: deadlineDistributionChart(simulation, target.id, { ...options, projection }),
    });
  }
  if (input.comparisons !== undefined && input.comparisons.length > 0) {
    const results = [{ label: input.label ?? simulation.meta.parkId, result: simulation }, ...input.comparisons];
    charts.push({ id: 'scenario-comparison', kind: 'scenarioComparison', spec: scenarioComparisonChart(results, options) });
  }
  return charts;
}
