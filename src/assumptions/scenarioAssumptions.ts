import { metricBaseline } from '../scenario/baseline.js';
import type { Distribution } from '../scenario/schema/distribution.js';
import type { Scenario } from '../scenario/schema/scenario.js';

/** How an uncertain baseline is named wherever assumptions are listed, swung or fixed: `baseline:output`. */
export const BASELINE_ASSUMPTION_PREFIX = 'baseline:';

/**
 * The assumption name of a metric's baseline.
 *
 * @example
 * ```ts
 * baselineAssumptionName('output'); // 'baseline:output'
 * ```
 */
export function baselineAssumptionName(metric: string): string {
  return `${BASELINE_ASSUMPTION_PREFIX}${metric}`;
}

/** The metric whose baseline an assumption name names (`baseline:output` → `output`), else undefined. */
export function baselineMetricOf(name: string): string | undefined {
  return name.startsWith(BASELINE_ASSUMPTION_PREFIX) ? name.slice(BASELINE_ASSUMPTION_PREFIX.length) : undefined;
}

/** One assumption of a scenario: a parameter, or a metric's baseline. */
export interface ScenarioAssumption {
  /** The parameter's name, or `baseline:<metric>`. */
  readonly name: string;
  readonly kind: 'parameter' | 'baseline';
  /** For a baseline: its metric. */
  readonly metric?: string;
  readonly distribution: Distribution;
  /** Drawn afresh each year (parameters with `varies: "year"`); baselines are drawn once per trial. */
  readonly perYear: boolean;
  readonly basis: 'sourced' | 'assumed';
  readonly reason?: string;
  readonly source?: string;
}

/**
 * An assumption by name: a parameter, or `baseline:<metric>` for a metric whose baseline is a
 * distribution or a number (a number as a fixed distribution, so that it can be swung or sought
 * like any other). A baseline computed from an expression is not an assumption of its own: its
 * parameters are. Undefined when there is no such assumption.
 *
 * @example
 * ```ts
 * assumptionOf(scenario, 'baseline:output')?.distribution; // { dist: 'range90', low: 5e9, high: 2e10, shape: 'lognormal' }
 * ```
 */
export function assumptionOf(scenario: Scenario, name: string): ScenarioAssumption | undefined {
  const metric = baselineMetricOf(name);
  if (metric === undefined) {
    if (!Object.hasOwn(scenario.parameters, name)) return undefined;
    const p = scenario.parameters[name];
    return { name, kind: 'parameter', distribution: p.distribution, perYear: p.varies === 'year', basis: p.basis, reason: p.reason, source: p.source };
  }
  if (!Object.hasOwn(scenario.metrics, metric)) return undefined;
  const baseline = metricBaseline(scenario.metrics[metric]);
  if (baseline === undefined || baseline.kind === 'expression') return undefined;
  const distribution: Distribution = baseline.kind === 'value' ? { dist: 'fixed', value: baseline.value } : baseline.distribution;
  return { name, kind: 'baseline', metric, distribution, perYear: false, basis: baseline.basis, reason: baseline.reason, source: baseline.source };
}

/**
 * Every assumption a run draws: the parameters, in the file's order, then the baselines given
 * as distributions (`baseline:<metric>`). Sensitivity, goal seek and variants take these names.
 *
 * @example
 * ```ts
 * scenarioAssumptions(scenario).map((a) => a.name); // ['outputDrift', 'taxRate', 'baseline:output']
 * ```
 */
export function scenarioAssumptions(scenario: Scenario): ScenarioAssumption[] {
  const baselines = Object.keys(scenario.metrics)
    .filter((metric) => metricBaseline(scenario.metrics[metric])?.kind === 'distribution')
    .map(baselineAssumptionName);
  return [...Object.keys(scenario.parameters), ...baselines].map((name) => assumptionOf(scenario, name) as ScenarioAssumption);
}

/** Whether an assumption is a baseline that the scenario assumes and no source states: what a result should say in words when it drives a target. */
export function isUnsourcedAssumedBaseline(assumption: ScenarioAssumption | undefined): boolean {
  return assumption?.kind === 'baseline' && assumption.basis === 'assumed' && assumption.source === undefined;
}
