import type { Distribution } from '../scenario/schema/distribution.js';
import type { Scenario } from '../scenario/schema/scenario.js';

/**
 * A copy of a scenario with some assumptions' distributions replaced; everything else, and so
 * every other random stream, is unchanged. Run with the same seed, the copy and the original
 * share their draws for every other source of randomness (common random numbers).
 *
 * @throws RangeError when a name is not one of the scenario's assumptions
 * @example
 * ```ts
 * const pessimistic = withAssumptions(scenario, { outputDrift: { dist: 'fixed', value: 0.08 } });
 * ```
 */
export function withAssumptions(scenario: Scenario, replacements: Readonly<Record<string, Distribution>>): Scenario {
  const parameters = { ...scenario.parameters };
  for (const [name, distribution] of Object.entries(replacements)) {
    const parameter = parameters[name];
    if (parameter === undefined) throw new RangeError(unknownAssumption(scenario, name));
    parameters[name] = { ...parameter, distribution };
  }
  return { ...scenario, parameters };
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
  const names = Object.keys(scenario.parameters);
  return `unknown assumption "${name}"; the scenario's assumptions are: ${names.length > 0 ? names.join(', ') : '(none)'}`;
}

/** The message for a target id the scenario does not have, listing those it has. */
export function unknownTarget(scenario: Scenario, id: string): string {
  const ids = scenario.targets.map((t) => t.id);
  return `unknown target "${id}"; the scenario's targets are: ${ids.length > 0 ? ids.join(', ') : '(none)'}`;
}
