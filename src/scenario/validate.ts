import { ALLOWED_FUNCTIONS, type ExpressionNode } from '../expressions/ast.js';
import { ExpressionError, parseExpression } from '../expressions/parse.js';
import { messages } from '../problems/messages.js';
import { formatPath, type Problem, ScenarioError } from '../problems/problem.js';
import { correlationMatrix } from './correlationMatrix.js';
import { orderMetrics, quantitiesOf, sameYearDependencies } from './dependencies.js';
import { type Scenario, ScenarioSchema } from './schema/scenario.js';
import { problemsFromZod } from './zodProblems.js';

/** The outcome of `safeParseScenario`: the scenario, or every problem found. */
export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

export interface ParseOptions {
  /** The file name to put in problems, when the input came from a file. */
  file?: string;
}

const RESERVED = new Set<string>([...ALLOWED_FUNCTIONS, 'and', 'or', 'not', 'true', 'false', 'pi', 'e', 'Infinity', 'NaN']);

/** Checks what the schema's shape cannot: references, years, expressions, cycles. */
async function semanticProblems(s: Scenario): Promise<Array<Omit<Problem, 'file'>>> {
  const problems: Array<Omit<Problem, 'file'>> = [];
  const add = (path: Array<string | number>, message: string, code: string) => problems.push({ code, path, message });
  const { baseYear, endYear } = s.horizon;
  // Every year check reads the horizon: when it is out of order, they would all fail because of it.
  const horizonValid = endYear > baseYear;
  if (!horizonValid) add(['horizon', 'endYear'], messages.horizonOrder(baseYear, endYear), 'horizon');

  const metricNames = new Set(Object.keys(s.metrics));
  const parameterNames = new Set(Object.keys(s.parameters));
  const allNames = new Set([...metricNames, ...parameterNames]);
  for (const name of allNames) {
    const kind = metricNames.has(name) ? 'metrics' : 'parameters';
    if (RESERVED.has(name)) add([kind, name], messages.reservedName(name), 'reserved_name');
  }
  for (const name of parameterNames) {
    if (metricNames.has(name)) add(['parameters', name], messages.duplicateName(name, 'metric'), 'duplicate_name');
  }

  const sourceIds = s.sources.map((source) => source.id);
  const checkSource = (path: Array<string | number>, id: string | undefined) => {
    if (id !== undefined && !sourceIds.includes(id)) add(path, messages.unknownSource(id, sourceIds), 'unknown_source');
  };
  const checkUnique = (list: ReadonlyArray<{ id: string }>, field: string) => {
    const seen = new Set<string>();
    list.forEach((item, index) => {
      if (seen.has(item.id)) add([field, index, 'id'], messages.duplicateId(item.id), 'duplicate_id');
      seen.add(item.id);
    });
  };
  checkUnique(s.sources, 'sources');
  checkUnique(s.targets, 'targets');
  checkUnique(s.context, 'context');
  s.series.forEach((series, index) => {
    if (series.metric !== undefined && !metricNames.has(series.metric)) {
      add(['series', index, 'metric'], messages.unknownReference(series.metric, 'metric', [...metricNames]), 'unknown_metric');
    }
  });
  for (const [name, parameter] of Object.entries(s.parameters)) checkSource(['parameters', name, 'source'], parameter.source);
  checkUnique(s.series, 'series');
  checkUnique(s.variants, 'variants');
  s.variants.forEach((variant, index) => {
    for (const name of Object.keys(variant.parameters)) {
      if (!parameterNames.has(name))
        add(['variants', index, 'parameters', name], messages.unknownReference(name, 'parameter', [...parameterNames]), 'unknown_reference');
    }
  });
  s.correlations.forEach((correlation, index) => {
    correlation.between.forEach((name, side) => {
      if (!parameterNames.has(name))
        add(['correlations', index, 'between', side], messages.unknownReference(name, 'parameter', [...parameterNames]), 'unknown_reference');
      else if (s.parameters[name].varies === 'year') add(['correlations', index, 'between', side], messages.correlatedYearly(name), 'correlation');
    });
    if (correlation.between[0] === correlation.between[1])
      add(['correlations', index, 'between'], messages.selfCorrelation(correlation.between[0]), 'correlation');
  });
  checkUnique(s.currencyConversions, 'currencyConversions');
  s.context.forEach((figure, index) => checkSource(['context', index, 'source'], figure.source));
  s.series.forEach((series, index) => checkSource(['series', index, 'source'], series.source));
  s.currencyConversions.forEach((c, index) => checkSource(['currencyConversions', index, 'source'], c.source));

  const inHorizon = (year: number) => year > baseYear && year <= endYear;
  // Years used beyond one end of the horizon: several on the same side point at the horizon, so
  // they are one problem there rather than one for each deadline and step.
  const yearUses = [
    ...s.targets.map((target, index) => ({ name: `targets[${index}] (${target.id})`, year: target.deadline })),
    ...Object.entries(s.metrics).flatMap(([name, metric]) =>
      (metric.steps ?? []).map((step, index) => ({ name: formatPath(['metrics', name, 'steps', index]), year: step.year })),
    ),
  ];
  const early = horizonValid ? yearUses.filter((use) => use.year <= baseYear) : [];
  const late = horizonValid ? yearUses.filter((use) => use.year > endYear) : [];
  const earlyAtHorizon = early.length > 1;
  const lateAtHorizon = late.length > 1;
  if (earlyAtHorizon) {
    const earliest = Math.min(...early.map((use) => use.year));
    add(
      ['horizon', 'baseYear'],
      messages.yearsBeforeBase(
        baseYear,
        earliest,
        early.map((use) => use.name),
      ),
      'year_range',
    );
  }
  if (lateAtHorizon) {
    const latest = Math.max(...late.map((use) => use.year));
    add(
      ['horizon', 'endYear'],
      messages.yearsAfterEnd(
        endYear,
        latest,
        late.map((use) => use.name),
      ),
      'year_range',
    );
  }
  const reportedAtHorizon = (year: number) => (year <= baseYear && earlyAtHorizon) || (year > endYear && lateAtHorizon);
  const expressions = new Map<string, ExpressionNode>();
  for (const [name, metric] of Object.entries(s.metrics)) {
    const at = (...rest: Array<string | number>) => ['metrics', name, ...rest];
    checkSource(at('source'), metric.source);
    const baseline = metric.baseline;
    if (baseline === undefined && metric.process.type !== 'derived') add(at('baseline'), messages.baselineRequired(), 'missing');
    if (typeof baseline === 'number') {
      if (['count', 'persons', 'area', 'yuan'].includes(metric.unit) && baseline < 0) add(at('baseline'), messages.negativeCount(baseline), 'negative');
      else if (['count', 'persons'].includes(metric.unit) && !Number.isInteger(baseline)) add(at('baseline'), messages.wholeCount(baseline), 'whole');
      if (metric.unit === 'share' && (baseline < 0 || baseline > 1)) add(at('baseline'), messages.shareOutOfRange(baseline), 'share_range');
    }
    for (const { path, value } of quantitiesOf(metric)) {
      if (typeof value === 'string' && !allNames.has(value)) {
        add(at(...path), messages.unknownReference(value, 'parameter or metric', [...allNames]), 'unknown_reference');
      }
    }
    (metric.steps ?? []).forEach((step, index) => {
      if (horizonValid && !inHorizon(step.year) && !reportedAtHorizon(step.year))
        add(at('steps', index, 'year'), messages.yearOutsideHorizon(step.year, baseYear, endYear), 'year_range');
    });
    if (metric.process.type === 'derived') {
      try {
        expressions.set(name, await parseExpression(metric.process.expression, allNames));
      } catch (error) {
        if (!(error instanceof ExpressionError)) throw error;
        add(at('process', 'expression'), error.message, 'expression');
      }
    }
  }

  s.targets.forEach((target, index) => {
    const at = (...rest: Array<string | number>) => ['targets', index, ...rest];
    checkSource(at('source'), target.source);
    if (!metricNames.has(target.metric)) add(at('metric'), messages.unknownReference(target.metric, 'metric', [...metricNames]), 'unknown_metric');
    const deadlineValid = horizonValid && target.deadline > baseYear && target.deadline <= endYear;
    if (horizonValid && !reportedAtHorizon(target.deadline)) {
      if (target.deadline <= baseYear) add(at('deadline'), messages.deadlineBeforeBase(target.deadline, baseYear), 'deadline');
      else if (target.deadline > endYear) add(at('deadline'), messages.yearOutsideHorizon(target.deadline, baseYear, endYear), 'deadline');
    }
    if (deadlineValid && target.fromYear !== undefined && !(target.fromYear > baseYear && target.fromYear <= target.deadline)) {
      add(at('fromYear'), messages.yearOutsideHorizon(target.fromYear, baseYear, Math.min(target.deadline, endYear)), 'year_range');
    }
    const isRange = Array.isArray(target.threshold);
    if (isRange !== (target.comparison === 'between')) add(at('threshold'), messages.thresholdShape(target.comparison), 'threshold');
    if (Array.isArray(target.threshold) && target.threshold[0] > target.threshold[1]) {
      add(at('threshold'), messages.rangeOrder(target.threshold[0], target.threshold[1]), 'threshold');
    }
  });

  // Cycles and correlation matrices are only meaningful once every name resolves.
  if (problems.length === 0 && s.correlations.length > 0 && correlationMatrix(s).factor === undefined) {
    add(
      ['correlations'],
      messages.invalidCorrelationMatrix(s.correlations.map((c) => `${c.between[0]}~${c.between[1]} ${c.rankCorrelation}`)),
      'correlation_matrix',
    );
  }
  if (problems.length === 0) {
    const dependencies = new Map(Object.entries(s.metrics).map(([name, metric]) => [name, sameYearDependencies(metric, metricNames, expressions.get(name))]));
    const result = orderMetrics(dependencies);
    if ('cycle' in result) add(['metrics', result.cycle[0]], messages.cycle(result.cycle), 'cycle');
  }
  return problems;
}

/**
 * `__proto__` keys, wherever they are. zod skips them in records (assigning one would replace the
 * result's prototype), so a metric named `__proto__` would vanish without a word; it is refused here.
 * The walk keeps a stack of its own: a document may be nested deeper than recursion allows.
 */
function prototypeKeyProblems(input: unknown): Array<Omit<Problem, 'file'>> {
  const problems: Array<Omit<Problem, 'file'>> = [];
  const pending: Array<{ value: unknown; path: Array<string | number> }> = [{ value: input, path: [] }];
  while (pending.length > 0) {
    const { value, path } = pending.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) value.forEach((item, index) => pending.push({ value: item, path: [...path, index] }));
    else
      for (const key of Object.keys(value)) {
        if (key === '__proto__') problems.push({ code: 'reserved_name', path: [...path, key], message: messages.objectPropertyName(key) });
        else pending.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
      }
  }
  return problems;
}

/**
 * Validates a scenario document (already read from JSON or YAML) and returns every problem found.
 *
 * @example
 * ```ts
 * const result = await safeParseScenario(JSON.parse(text), { file: 'park.json' });
 * if (!result.ok) for (const p of result.problems) console.error(formatProblem(p));
 * ```
 */
export async function safeParseScenario(input: unknown, options: ParseOptions = {}): Promise<ParseResult> {
  const withFile = (p: Omit<Problem, 'file'>): Problem => (options.file === undefined ? p : { ...p, file: options.file });
  const prototypeKeys = prototypeKeyProblems(input).map(withFile);
  const shaped = ScenarioSchema.safeParse(input);
  if (prototypeKeys.length > 0) {
    const others = shaped.success ? [] : problemsFromZod(shaped.error, input, options.file, ScenarioSchema);
    const isPrototypeKey = (problem: Problem) => prototypeKeys.some((key) => JSON.stringify(key.path) === JSON.stringify(problem.path));
    return { ok: false, problems: [...prototypeKeys, ...others.filter((problem) => !isPrototypeKey(problem))] };
  }
  if (!shaped.success) return { ok: false, problems: problemsFromZod(shaped.error, input, options.file, ScenarioSchema) };
  const problems = (await semanticProblems(shaped.data)).map(withFile);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, scenario: shaped.data };
}

/**
 * Validates a scenario document and returns it with defaults filled in.
 *
 * @throws {ScenarioError} listing every problem, each with its field path.
 * @example
 * ```ts
 * const scenario = await parseScenario({ park: {...}, horizon: { baseYear: 2022, endYear: 2025 }, metrics: {...} });
 * ```
 */
export async function parseScenario(input: unknown, options: ParseOptions = {}): Promise<Scenario> {
  const result = await safeParseScenario(input, options);
  if (!result.ok) throw new ScenarioError(result.problems);
  return result.scenario;
}
