import { log } from '../math/elementary.js';
import { messages } from '../problems/messages.js';
import type { Problem } from '../problems/problem.js';
import { INPUT_UNITS, type InputUnitName, toCanonical } from './inputUnits.js';
import type { Quantity } from './schema/common.js';
import type { Distribution } from './schema/distribution.js';
import type { Metric, Scenario } from './schema/scenario.js';
import { measureUnit, type Target } from './schema/target.js';

type Path = Array<string | number>;

/** The input units a metric unit accepts. */
function unitsFor(unit: Metric['unit']): InputUnitName[] {
  return (Object.keys(INPUT_UNITS) as InputUnitName[]).filter((name) => INPUT_UNITS[name].canonical === unit);
}

/** Problems with metrics' `inputUnit` and `displayUnit`: a unit of another kind, both given, a count distribution in a scaled unit. */
export function inputUnitProblems(s: Scenario): Array<Omit<Problem, 'file'>> {
  const problems: Array<Omit<Problem, 'file'>> = [];
  for (const [name, metric] of Object.entries(s.metrics)) {
    const at = (...rest: Path) => ['metrics', name, ...rest];
    if (metric.inputUnit !== undefined && metric.displayUnit !== undefined) {
      problems.push({ code: 'input_unit', path: at('displayUnit'), message: messages.inputAndDisplayUnit(metric.inputUnit, metric.displayUnit) });
    }
    for (const field of ['inputUnit', 'displayUnit'] as const) {
      const unit = metric[field];
      if (unit !== undefined && INPUT_UNITS[unit].canonical !== metric.unit) {
        problems.push({ code: 'input_unit', path: at(field), message: messages.inputUnitKind(unit, metric.unit, unitsFor(metric.unit)) });
      }
    }
    const baseline =
      metric.baseline === undefined || typeof metric.baseline === 'number' || 'dist' in metric.baseline ? metric.baseline : metric.baseline.distribution;
    if (metric.inputUnit !== undefined && typeof baseline === 'object' && (baseline.dist === 'poisson' || baseline.dist === 'binomial')) {
      problems.push({ code: 'input_unit', path: at('baseline', 'dist'), message: messages.countDistributionInUnit(baseline.dist, metric.inputUnit) });
    }
  }
  return problems;
}

/**
 * A baseline written in `unit`, in the canonical unit: a number, a distribution, or the
 * assumption form's value or distribution (an expression of parameters is in the parameters'
 * units already, so it is left as written).
 */
function scaledBaseline(baseline: NonNullable<Metric['baseline']>, unit: InputUnitName): NonNullable<Metric['baseline']> {
  if (typeof baseline === 'number') return toCanonical(baseline, unit);
  if ('dist' in baseline) return scaledDistribution(baseline, unit);
  if (baseline.value !== undefined) return { ...baseline, value: toCanonical(baseline.value, unit) };
  if (baseline.distribution !== undefined) return { ...baseline, distribution: scaledDistribution(baseline.distribution, unit) };
  return baseline;
}

/** A distribution of a figure written in `unit`, as the same distribution in the canonical unit. */
export function scaledDistribution(d: Distribution, unit: InputUnitName): Distribution {
  const c = (x: number) => toCanonical(x, unit);
  const common = {
    ...(d.point === undefined ? {} : { point: c(d.point) }),
    ...(d.bounds === undefined
      ? {}
      : { bounds: { ...(d.bounds.min === undefined ? {} : { min: c(d.bounds.min) }), ...(d.bounds.max === undefined ? {} : { max: c(d.bounds.max) }) } }),
  };
  switch (d.dist) {
    case 'fixed':
      return { ...d, value: c(d.value), ...common };
    case 'uniform':
      return { ...d, min: c(d.min), max: c(d.max), ...common };
    case 'normal':
      return { ...d, mean: c(d.mean), sd: c(d.sd), ...common };
    case 'lognormal':
      // X·f has log-mean mu + ln f and the same sigma.
      return { ...d, mu: d.mu + log(toCanonical(1, unit)), ...common };
    case 'triangular':
    case 'pert':
      return { ...d, min: c(d.min), mode: c(d.mode), max: c(d.max), ...common };
    case 'beta':
      return { ...d, min: c(d.min), max: c(d.max), ...common };
    case 'range90':
      return { ...d, low: c(d.low), high: c(d.high), ...common };
    case 'poisson':
    case 'binomial':
      // Counts cannot be scaled; `inputUnitProblems` rejects them before conversion.
      throw new Error(`a ${d.dist} distribution cannot be written in ${unit}`);
  }
}

function scaledThreshold<T extends Target['threshold']>(threshold: T, unit: InputUnitName): T {
  return (Array.isArray(threshold) ? threshold.map((x) => toCanonical(x, unit)) : toCanonical(threshold as number, unit)) as T;
}

/**
 * The scenario with every figure written in a metric's `inputUnit` converted to the metric's
 * canonical unit, once: the baseline (a number or a distribution), numeric `add`s of steps, a
 * numeric logistic `capacity`, and the thresholds (and strive levels) of the metric's targets.
 * `inputUnit` becomes `displayUnit`, so converting again changes nothing. Multipliers, rates and
 * expressions carry no unit and are left as they are; a parameter named in a step is in canonical units.
 * Metrics named in `skip` (those with unit problems) are left as written.
 */
export function toCanonicalUnits(s: Scenario, skip: ReadonlySet<string> = new Set()): Scenario {
  const converted = Object.entries(s.metrics).filter(([name, m]) => m.inputUnit !== undefined && !skip.has(name));
  if (converted.length === 0) return s;
  const unitOf = new Map(converted.map(([name, m]) => [name, m.inputUnit as InputUnitName]));
  const quantity = (q: Quantity, unit: InputUnitName): Quantity => (typeof q === 'number' ? toCanonical(q, unit) : q);
  const metrics: Record<string, Metric> = {};
  for (const [name, metric] of Object.entries(s.metrics)) {
    const unit = unitOf.get(name);
    if (unit === undefined) {
      metrics[name] = metric;
      continue;
    }
    const { inputUnit: _written, ...rest } = metric;
    const baseline = metric.baseline;
    const process = metric.process.type === 'logistic' ? { ...metric.process, capacity: quantity(metric.process.capacity, unit) } : metric.process;
    metrics[name] = {
      ...rest,
      displayUnit: unit,
      ...(baseline === undefined ? {} : { baseline: scaledBaseline(baseline, unit) }),
      process,
      ...(metric.steps === undefined
        ? {}
        : { steps: metric.steps.map((step) => (step.add === undefined ? step : { ...step, add: quantity(step.add, unit) })) }),
    };
  }
  const targets = s.targets.map((target) => {
    const unit = unitOf.get(target.metric);
    // A ratio, a rate or points is the same whatever unit the metric was written in.
    if (unit === undefined || measureUnit(target.measure, s.metrics[target.metric].unit) !== s.metrics[target.metric].unit) return target;
    return {
      ...target,
      threshold: scaledThreshold(target.threshold, unit),
      ...(target.strive === undefined ? {} : { strive: scaledThreshold(target.strive, unit) }),
    };
  });
  // An outcome is written like its metric's baseline, or like its target's threshold.
  const outcomes = s.outcomes?.map((outcome) => {
    const target = outcome.target === undefined ? undefined : s.targets.find((t) => t.id === outcome.target);
    const metricName = outcome.metric ?? target?.metric;
    const unit = metricName === undefined ? undefined : unitOf.get(metricName);
    if (unit === undefined) return outcome;
    if (target !== undefined && measureUnit(target.measure, s.metrics[target.metric].unit) !== s.metrics[target.metric].unit) return outcome;
    return { ...outcome, value: toCanonical(outcome.value, unit) };
  });
  return { ...s, metrics, targets, ...(outcomes === undefined ? {} : { outcomes }) };
}
