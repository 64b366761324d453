import type { Quantity } from '../scenario/schema/common.js';
import type { Process, Step } from '../scenario/schema/process.js';
import type { Metric, Scenario } from '../scenario/schema/scenario.js';
import { baselineAssumptionName } from './scenarioAssumptions.js';

const SUFFIX = '__fresh';

/**
 * A copy of a scenario in which the named assumptions and metrics draw from new random streams,
 * independent of the original's, while every other source keeps its draws under the same seed.
 * Streams are derived from (seed, name, block), so renaming a name gives it fresh draws: an
 * assumption's own value; a metric's baseline and yearly noise. Outcomes are unchanged in
 * distribution; only the pairing of draws with the original run changes. Used for pick-freeze
 * (Sobol) estimates. Variants, series and correlations are dropped from the copy.
 *
 * @example
 * ```ts
 * // The same trials as `scenario` except for outputDrift, drawn afresh:
 * const redrawn = withFreshDraws(scenario, ['outputDrift']);
 * ```
 */
export function withFreshDraws(scenario: Scenario, names: readonly string[]): Scenario {
  const renamed = new Map(names.map((name) => [name, `${name}${SUFFIX}`]));
  const rename = (name: string) => renamed.get(name) ?? name;
  const quantity = <Q extends Quantity | undefined>(q: Q): Q => (typeof q === 'string' ? (rename(q) as Q) : q);
  const pattern = names.length === 0 ? null : new RegExp(`\\b(${names.map((n) => n.replace(/[^A-Za-z0-9_]/g, '')).join('|')})\\b`, 'g');
  const expression = (text: string) => (pattern === null ? text : text.replace(pattern, (name) => rename(name)));

  const process = (p: Process): Process => {
    switch (p.type) {
      case 'constant':
        return p;
      case 'growth':
        return { ...p, drift: quantity(p.drift), volatility: quantity(p.volatility) };
      case 'logistic':
        return { ...p, rate: quantity(p.rate), capacity: quantity(p.capacity), volatility: quantity(p.volatility) };
      case 'arrivals':
        return { ...p, rate: quantity(p.rate), dispersion: quantity(p.dispersion) };
      case 'graduation':
        return { ...p, pool: quantity(p.pool), probability: quantity(p.probability) };
      case 'derived':
        return { ...p, expression: expression(p.expression) };
    }
  };
  const step = (s: Step): Step => ({ ...s, add: quantity(s.add), multiply: quantity(s.multiply) });
  // A baseline expression reads parameters: it follows them to their new names.
  const baseline = (b: Metric['baseline']): Metric['baseline'] =>
    b !== undefined && typeof b === 'object' && !('dist' in b) && b.expression !== undefined ? { ...b, expression: expression(b.expression) } : b;

  return {
    ...scenario,
    parameters: Object.fromEntries(Object.entries(scenario.parameters).map(([name, p]) => [rename(name), p])),
    metrics: Object.fromEntries(
      Object.entries(scenario.metrics).map(([name, m]) => [
        rename(name),
        { ...m, baseline: baseline(m.baseline), process: process(m.process), steps: m.steps?.map(step) },
      ]),
    ),
    targets: scenario.targets.map((t) => ({ ...t, metric: rename(t.metric) })),
    series: [],
    variants: [],
    correlations: [],
  };
}

/**
 * A copy of a scenario in which the named metrics' baselines (distributions) are drawn as
 * parameters of their own, read back by a baseline expression: a baseline can then be kept or
 * drawn afresh apart from its metric's yearly noise, as pick-freeze needs. The outcomes are the
 * same in distribution; the baselines' draws come from the parameters' streams. Returns the copy
 * and the parameter that holds each baseline, by its assumption name (`baseline:<metric>`).
 *
 * @example
 * ```ts
 * const { scenario: split, parameterOf } = withBaselinesAsParameters(scenario, ['output']);
 * parameterOf.get('baseline:output'); // 'output__baseline'
 * ```
 */
export function withBaselinesAsParameters(
  scenario: Scenario,
  metrics: readonly string[],
): { readonly scenario: Scenario; readonly parameterOf: ReadonlyMap<string, string> } {
  const taken = new Set([...Object.keys(scenario.parameters), ...Object.keys(scenario.metrics)]);
  const parameters = { ...scenario.parameters };
  const changed = { ...scenario.metrics };
  const parameterOf = new Map<string, string>();
  for (const name of metrics) {
    const metric = changed[name];
    const b = metric?.baseline;
    const distribution = b === undefined || typeof b === 'number' ? undefined : 'dist' in b ? b : b.distribution;
    if (distribution === undefined) throw new RangeError(`the baseline of "${name}" is not a distribution`);
    let parameter = `${name}__baseline`;
    while (taken.has(parameter)) parameter += '_';
    taken.add(parameter);
    parameters[parameter] = { distribution, basis: 'assumed', varies: 'trial' };
    const provenance = typeof b === 'object' && !('dist' in b) ? { basis: b.basis, reason: b.reason, source: b.source } : { basis: 'assumed' as const };
    changed[name] = { ...metric, baseline: { ...provenance, expression: parameter } };
    parameterOf.set(baselineAssumptionName(name), parameter);
  }
  return { scenario: { ...scenario, parameters, metrics: changed }, parameterOf };
}
