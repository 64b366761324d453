import type { ExpressionNode } from '../expressions/ast.js';
import { readingsIn } from '../expressions/ast.js';
import type { Quantity } from './schema/common.js';
import type { Metric } from './schema/scenario.js';

/** The quantities a metric's process and steps read, by field path within the metric. */
export function quantitiesOf(metric: Metric): Array<{ path: Array<string | number>; value: Quantity }> {
  const out: Array<{ path: Array<string | number>; value: Quantity }> = [];
  const p = metric.process;
  const add = (path: Array<string | number>, value: Quantity | undefined) => {
    if (value !== undefined) out.push({ path, value });
  };
  switch (p.type) {
    case 'growth':
      add(['process', 'drift'], p.drift);
      add(['process', 'volatility'], p.volatility);
      break;
    case 'logistic':
      add(['process', 'rate'], p.rate);
      add(['process', 'capacity'], p.capacity);
      add(['process', 'volatility'], p.volatility);
      break;
    case 'arrivals':
      add(['process', 'rate'], p.rate);
      add(['process', 'dispersion'], p.dispersion);
      break;
    case 'graduation':
      add(['process', 'pool'], p.pool);
      add(['process', 'probability'], p.probability);
      break;
    case 'constant':
    case 'derived':
      break;
  }
  (metric.steps ?? []).forEach((step, index) => {
    add(['steps', index, 'add'], step.add);
    add(['steps', index, 'multiply'], step.multiply);
  });
  return out;
}

/**
 * The metrics a metric reads in the same year: through its expression or its quantities.
 * A previous value (a process's own x[t-1], or prev(x)) is not a same-year dependency; base(x)
 * is one only for a metric without a baseline, whose base-year value its expression computes.
 */
export function sameYearDependencies(metric: Metric, metricNames: ReadonlySet<string>, expression: ExpressionNode | undefined): string[] {
  const names = new Set<string>();
  for (const { name, when } of expression === undefined ? [] : readingsIn(expression)) {
    const sameYear = when === 'same' || (when === 'base' && metric.baseline === undefined);
    if (sameYear && metricNames.has(name)) names.add(name);
  }
  for (const { value } of quantitiesOf(metric)) if (typeof value === 'string' && metricNames.has(value)) names.add(value);
  return [...names];
}

/**
 * Orders metrics so each comes after those it reads in the same year (depth-first topological
 * sort, keeping the file's order where free). Returns the cycle instead when there is one.
 */
export function orderMetrics(dependencies: ReadonlyMap<string, readonly string[]>): { order: string[] } | { cycle: string[] } {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): string[] | undefined => {
    const seen = state.get(name);
    if (seen === 'done') return undefined;
    if (seen === 'visiting') return [...stack.slice(stack.indexOf(name)), name];
    state.set(name, 'visiting');
    stack.push(name);
    for (const dep of dependencies.get(name) ?? []) {
      const cycle = visit(dep);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(name, 'done');
    order.push(name);
    return undefined;
  };
  for (const name of dependencies.keys()) {
    const cycle = visit(name);
    if (cycle) return { cycle };
  }
  return { order };
}
