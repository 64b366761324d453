import type { ExpressionNode } from '../expressions/ast.js';
import { type BlockKernel, compileExpression, inputKeysOf } from '../expressions/compile.js';
import { parseExpression } from '../expressions/parse.js';
import { centralValue } from '../random/central.js';
import { type BlockSampler, blockSamplerFor } from '../random/sampler.js';
import { baselineExpressionKey, metricBaseline } from '../scenario/baseline.js';
import { correlationMatrix } from '../scenario/correlationMatrix.js';
import { orderMetrics, sameYearDependencies } from '../scenario/dependencies.js';
import type { Metric, Scenario } from '../scenario/schema/scenario.js';
import type { Comparison, Measure } from '../scenario/schema/target.js';
import { type TargetBounds, targetBounds } from './targetBounds.js';

export interface ModelParameter {
  readonly name: string;
  readonly sampler: BlockSampler;
  readonly central: number;
  readonly perYear: boolean;
}

export interface ModelMetric {
  readonly name: string;
  readonly metric: Metric;
  /**
   * A fixed baseline; a distribution to draw it from; or an expression of the parameters,
   * computed per trial from their draws (year 0); undefined for derived metrics without one.
   */
  readonly baseline: number | { readonly sampler: BlockSampler; readonly central: number } | { readonly expression: CompiledExpression } | undefined;
  /** For derived metrics: the compiled expression. */
  readonly expression?: CompiledExpression;
}

/** An expression made a loop, with the keys of its inputs in slot order (`x`, `prev(x)`, `base(x)`). */
export interface CompiledExpression {
  readonly kernel: BlockKernel;
  readonly names: readonly string[];
}

export interface ModelTarget extends TargetBounds {
  readonly id: string;
  readonly official: boolean;
  readonly metricIndex: number;
  /** Whether the measure is the metric's own value at the deadline: `value`, or a running total from a fixed baseline of 0. */
  readonly onColumn: boolean;
  readonly comparison: Comparison;
  readonly low: number;
  readonly high: number;
  readonly measure: Measure;
  /** Year indices: 0 is the base year. */
  readonly deadlineIndex: number;
  readonly fromIndex: number;
}

/** A set of the model's targets (by index) whose trials meeting all of them together are counted. */
export interface ModelJointSet {
  /** A scenario's `jointTargets` id, or `STRIVE_JOINT` for every strive level together. */
  readonly id: string;
  readonly targetIndices: readonly number[];
}

/** The id of the joint set of every strive level. */
export const STRIVE_JOINT = ':strive';

/** The id of the internal target that measures a target's strive level. */
export const striveTargetId = (id: string) => `${id}:strive`;

/** A scenario made ready to run: metrics in evaluation order, samplers built, expressions compiled. */
export interface Model {
  readonly scenario: Scenario;
  readonly years: readonly number[];
  readonly parameters: readonly ModelParameter[];
  /** In evaluation order: each metric after the metrics it reads in the same year. */
  readonly metrics: readonly ModelMetric[];
  /**
   * The scenario's targets, in its order, then one internal target per strive level (not official,
   * sharing its target's metric, measure and deadline), in the order of their targets.
   */
  readonly targets: readonly ModelTarget[];
  /** Per scenario target, the index in `targets` of its strive level's target, or -1. */
  readonly striveIndex: readonly number[];
  /** Sets of targets whose joint hits are counted: every strive level (if any), then the scenario's `jointTargets`. */
  readonly jointSets: readonly ModelJointSet[];
  /** Assumptions drawn with rank correlations: their indices in `parameters` and the normal-score Cholesky factor. */
  readonly correlated: { readonly parameterIndices: readonly number[]; readonly factor: Float64Array } | undefined;
}

function compiled(tree: ExpressionNode): CompiledExpression {
  const names = inputKeysOf(tree);
  return { kernel: compileExpression(tree, names), names };
}

function baselineOf(metric: Metric, expression: ExpressionNode | undefined): ModelMetric['baseline'] {
  const baseline = metricBaseline(metric);
  switch (baseline?.kind) {
    case undefined:
      return undefined;
    case 'value':
      return baseline.value;
    case 'distribution':
      return { sampler: blockSamplerFor(baseline.distribution), central: centralValue(baseline.distribution) };
    case 'expression':
      if (expression === undefined) throw new Error(`the baseline expression of a metric was not parsed: ${baseline.expression}`);
      return { expression: compiled(expression) };
  }
}

/**
 * Parses the scenario's expressions (mathjs, loaded only if there are any) into checked trees:
 * plain data that `buildModel` turns into loops, and that can be sent to worker threads. Derived
 * metrics' expressions are keyed by the metric's name, baseline expressions by
 * `baselineExpressionKey(metric)`.
 */
export async function parseModelExpressions(scenario: Scenario): Promise<Record<string, ExpressionNode>> {
  const metricNames = new Set(Object.keys(scenario.metrics));
  const allNames = new Set([...metricNames, ...Object.keys(scenario.parameters)]);
  const expressions: Record<string, ExpressionNode> = {};
  for (const [name, metric] of Object.entries(scenario.metrics)) {
    if (metric.process.type === 'derived') expressions[name] = await parseExpression(metric.process.expression, allNames, { time: { metrics: metricNames } });
    const baseline = metricBaseline(metric);
    if (baseline?.kind === 'expression') expressions[baselineExpressionKey(name)] = await parseExpression(baseline.expression, allNames);
  }
  return expressions;
}

/**
 * Compiles a validated scenario into a runnable model. Expressions are turned into plain loops
 * once, here, never per trial.
 */
export async function compileModel(scenario: Scenario): Promise<Model> {
  return buildModel(scenario, await parseModelExpressions(scenario));
}

/** Builds the model from a scenario and its already parsed expressions (no mathjs needed). */
export function buildModel(scenario: Scenario, parsedExpressions: Readonly<Record<string, ExpressionNode>>): Model {
  const { baseYear, endYear } = scenario.horizon;
  const years = Array.from({ length: endYear - baseYear + 1 }, (_, i) => baseYear + i);
  const metricNames = new Set(Object.keys(scenario.metrics));
  const expressions = new Map(Object.entries(parsedExpressions));
  const dependencies = new Map(
    Object.entries(scenario.metrics).map(([name, metric]) => [name, sameYearDependencies(metric, metricNames, expressions.get(name))]),
  );
  const ordered = orderMetrics(dependencies);
  if ('cycle' in ordered) throw new Error(`metrics depend on each other in a cycle: ${ordered.cycle.join(' -> ')}`);

  const metrics: ModelMetric[] = ordered.order.map((name) => {
    const metric = scenario.metrics[name];
    const tree = expressions.get(name);
    const baseline = baselineOf(metric, expressions.get(baselineExpressionKey(name)));
    if (tree === undefined) return { name, metric, baseline };
    return { name, metric, baseline, expression: compiled(tree) };
  });

  const parameters: ModelParameter[] = Object.entries(scenario.parameters).map(([name, parameter]) => ({
    name,
    sampler: blockSamplerFor(parameter.distribution),
    central: centralValue(parameter.distribution),
    perYear: parameter.varies === 'year',
  }));

  const metricIndex = new Map(metrics.map((m, index) => [m.name, index]));
  const modelTarget = (target: Scenario['targets'][number], id: string, threshold: number | readonly [number, number], official: boolean): ModelTarget => {
    const [low, high] = Array.isArray(threshold) ? threshold : [threshold, threshold];
    const index = metricIndex.get(target.metric) as number;
    return {
      id,
      official,
      metricIndex: index,
      onColumn: target.measure === 'value' || (target.measure === 'runningTotal' && metrics[index].baseline === 0),
      comparison: target.comparison,
      low,
      high,
      measure: target.measure,
      deadlineIndex: target.deadline - baseYear,
      fromIndex: (target.fromYear ?? baseYear + 1) - baseYear,
      ...targetBounds(target.comparison, low, high),
    };
  };
  const targets: ModelTarget[] = scenario.targets.map((target) => modelTarget(target, target.id, target.threshold, target.kind === 'official'));
  // Strive levels after every scenario target, so the scenario's targets keep their indices.
  const striveIndex = scenario.targets.map((target) => {
    if (target.strive === undefined) return -1;
    targets.push(modelTarget(target, striveTargetId(target.id), target.strive, false));
    return targets.length - 1;
  });
  const jointSets: ModelJointSet[] = [];
  const strived = striveIndex.filter((i) => i >= 0);
  if (strived.length > 0) jointSets.push({ id: STRIVE_JOINT, targetIndices: strived });
  for (const joint of scenario.jointTargets ?? []) {
    jointSets.push({ id: joint.id, targetIndices: joint.targets.map((id) => scenario.targets.findIndex((t) => t.id === id)) });
  }
  let correlated: Model['correlated'];
  if (scenario.correlations.length > 0) {
    const { names, factor } = correlationMatrix(scenario);
    if (factor === undefined) throw new Error("the scenario's correlations do not form a valid correlation matrix");
    correlated = { parameterIndices: names.map((name) => parameters.findIndex((p) => p.name === name)), factor };
  }
  return { scenario, years, parameters, metrics, targets, striveIndex, jointSets, correlated };
}
