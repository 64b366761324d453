import type { Distribution } from '../scenario/schema/distribution.js';
import type { Metric, Scenario } from '../scenario/schema/scenario.js';
import { BASELINE_ASSUMPTION_PREFIX, baselineMetricOf, scenarioAssumptions } from './scenarioAssumptions.js';

/** A metric with its baseline replaced by a distribution, in the form it was written (bare, or with its basis and reason). */
function withBaseline(metric: Metric, distribution: Distribution): Metric {
  const b = metric.baseline;
  if (b === undefined || typeof b === 'number' || 'dist' in b) return { ...metric, baseline: distribution };
  const { value: _value, expression: _expression, ...provenance } = b;
  return { ...metric, baseline: { ...provenance, distribution } };
}

/**
 * A copy of a scenario with some assumptions' distributions replaced; everything else, and so
 * every other random stream, is unchanged. Run with the same seed, the copy and the original
 * share their draws for every other source of randomness (common random numbers). A metric's
 * baseline is replaced under the name `baseline:<metric>` (its basis and reason are kept).
 *
 * @throws RangeError when a name is not one of the scenario's assumptions
 * @example
 * ```ts
 * const pessimistic = withAssumptions(scenario, { outputDrift: { dist: 'fixed', value: 0.08 } });
 * const smallerStart = withAssumptions(scenario, { 'baseline:output': { dist: 'range90', low: 2e9, high: 6e9 } });
 * ```
 */
export function withAssumptions(scenario: Scenario, replacements: Readonly<Record<string, Distribution>>): Scenario {
  const parameters = { ...scenario.parameters };
  const metrics = { ...scenario.metrics };
  for (const [name, distribution] of Object.entries(replacements)) {
    const metric = baselineMetricOf(name);
    if (metric !== undefined) {
      if (!Object.hasOwn(metrics, metric)) throw new RangeError(unknownAssumption(scenario, name));
      metrics[metric] = withBaseline(metrics[metric], distribution);
      continue;
    }
    const parameter = Object.hasOwn(parameters, name) ? parameters[name] : undefined;
    if (parameter === undefined) throw new RangeError(unknownAssumption(scenario, name));
    parameters[name] = { ...parameter, distribution };
  }
  return { ...scenario, parameters, metrics };
}

/**
 * A copy of a scenario with one assumption fixed at a value (no draws of its own).
 *
 * @example
 * ```ts
 * const fixed = withAssumptionFixed(scenario, 'outputDrift', 0.2);
 * ```
 */
export function withAssumptionFixed(scenario: Scenario, name: string, value: number): Scenario {
  return withAssumptions(scenario, { [name]: { dist: 'fixed', value } });
}

/** The message for an assumption name the scenario does not have, listing those it has. */
export function unknownAssumption(scenario: Scenario, name: string): string {
  const names = scenarioAssumptions(scenario).map((a) => a.name);
  const hint = name.startsWith(BASELINE_ASSUMPTION_PREFIX) ? '' : ` (a metric's baseline is named ${BASELINE_ASSUMPTION_PREFIX}<metric>)`;
  return `unknown assumption "${name}"; the scenario's assumptions are: ${names.length > 0 ? names.join(', ') : '(none)'}${hint}`;
}

/** The message for a target id the scenario does not have, listing those it has. */
export function unknownTarget(scenario: Scenario, id: string): string {
  const ids = scenario.targets.map((t) => t.id);
  return `unknown target "${id}"; the scenario's targets are: ${ids.length > 0 ? ids.join(', ') : '(none)'}`;
}
