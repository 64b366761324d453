import { ALLOWED_FUNCTIONS, type ExpressionNode, readingsIn } from '../expressions/ast.js';
import { ExpressionError, parseExpression } from '../expressions/parse.js';
import { messages } from '../problems/messages.js';
import { formatPath, type Problem, ScenarioError } from '../problems/problem.js';
import { baselineExpressionKey, metricBaseline, nonPositiveBaseline } from './baseline.js';
import { inputUnitProblems, toCanonicalUnits } from './canonicalUnits.js';
import { correlationMatrix } from './correlationMatrix.js';
import { type DefaultNote, defaultsThatMatter } from './defaults.js';
import { orderMetrics, quantitiesOf, sameYearDependencies } from './dependencies.js';
import { type Expansion, expandGroup } from './expandGroup.js';
import { resolveReferenceClassParameters } from './referenceClassDistribution.js';
import { SHIPPED_REFERENCE_CLASS_IDS } from './referenceClasses.js';
import { ScenarioFileSchema } from './schema/group.js';
import type { Scenario } from './schema/scenario.js';
import { MEASURES_WITH_FROM_YEAR, RELATIVE_MEASURES } from './schema/target.js';
import { problemsFromZod } from './zodProblems.js';

/**
 * The outcome of `safeParseScenario`: the scenario, with the defaults it left in place that change
 * its meaning (`defaults`, for `validate`'s summary), or every problem found.
 */
export type ParseResult = { ok: true; scenario: Scenario; defaults: DefaultNote[] } | { ok: false; problems: Problem[] };

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
  if (metricNames.size === 0) add(['metrics'], messages.noMetrics(), 'missing');
  const parameterNames = new Set(Object.keys(s.parameters));
  const allNames = new Set([...metricNames, ...parameterNames]);
  for (const name of allNames) {
    const kind = metricNames.has(name) ? 'metrics' : 'parameters';
    if (RESERVED.has(name)) add([kind, name], messages.reservedName(name), 'reserved_name');
    if (name === 'year') add([kind, name], messages.yearReserved(), 'reserved_name');
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
    for (const name of Object.keys(variant.baselines ?? {})) {
      if (!metricNames.has(name)) add(['variants', index, 'baselines', name], messages.unknownReference(name, 'metric', [...metricNames]), 'unknown_metric');
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
    const baseline = metricBaseline(metric);
    if (baseline === undefined && metric.process.type !== 'derived') add(at('baseline'), messages.baselineRequired(), 'missing');
    if (baseline?.kind === 'value') {
      const valueAt = baseline.explicit ? at('baseline', 'value') : at('baseline');
      const value = baseline.value;
      if (['count', 'persons', 'area', 'yuan'].includes(metric.unit) && value < 0) add(valueAt, messages.negativeCount(value), 'negative');
      else if (['count', 'persons'].includes(metric.unit) && !Number.isInteger(value)) add(valueAt, messages.wholeCount(value), 'whole');
      if (metric.unit === 'share' && (value < 0 || value > 1)) add(valueAt, messages.shareOutOfRange(value), 'share_range');
    }
    if (baseline?.explicit) checkSource(at('baseline', 'source'), baseline.source);
    if (baseline?.kind === 'expression') {
      try {
        const tree = await parseExpression(baseline.expression, allNames);
        const metricRead = readingsIn(tree).find((r) => metricNames.has(r.name));
        if (metricRead !== undefined) add(at('baseline', 'expression'), messages.baselineExpressionReadsMetric(metricRead.name), 'expression');
        else expressions.set(baselineExpressionKey(name), tree);
      } catch (error) {
        if (!(error instanceof ExpressionError)) throw error;
        add(at('baseline', 'expression'), error.message, 'expression');
      }
    }
    for (const { path, value } of quantitiesOf(metric)) {
      if (typeof value === 'string' && !allNames.has(value)) {
        add(at(...path), messages.unknownReference(value, 'parameter or metric', [...allNames]), 'unknown_reference');
      }
    }
    if (metric.holdUntil !== undefined && !(metric.holdUntil >= baseYear && metric.holdUntil < endYear))
      add(at('holdUntil'), messages.yearOutsideHorizon(metric.holdUntil, baseYear, endYear - 1), 'year_range');
    (metric.steps ?? []).forEach((step, index) => {
      if (horizonValid && !inHorizon(step.year) && !reportedAtHorizon(step.year))
        add(at('steps', index, 'year'), messages.yearOutsideHorizon(step.year, baseYear, endYear), 'year_range');
    });
    if (metric.process.type === 'derived') {
      try {
        const tree = await parseExpression(metric.process.expression, allNames, { time: { metrics: metricNames } });
        expressions.set(name, tree);
        const readings = readingsIn(tree);
        // Without a baseline, the base year is computed from this expression, and has no year before it.
        if (baseline === undefined && readings.some((r) => r.when === 'prev'))
          add(at('process', 'expression'), messages.prevWithoutBaseline(name), 'expression');
        else if (baseline === undefined && readings.some((r) => r.when === 'base' && r.name === name))
          add(at('process', 'expression'), messages.baseOfItselfWithoutBaseline(name), 'expression');
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
    if (target.referenceClass !== undefined) {
      const observations = SHIPPED_REFERENCE_CLASS_IDS.get(target.referenceClass);
      if (observations === undefined)
        add(at('referenceClass'), messages.unknownReferenceClass(target.referenceClass, [...SHIPPED_REFERENCE_CLASS_IDS.keys()]), 'unknown_reference_class');
      else if (target.referenceObservation !== undefined && !observations.includes(target.referenceObservation))
        add(
          at('referenceObservation'),
          messages.unknownReferenceObservation(target.referenceObservation, target.referenceClass, observations),
          'unknown_reference_observation',
        );
    } else if (target.referenceObservation !== undefined) add(at('referenceObservation'), messages.observationWithoutClass(), 'unused_field');
    (target.derivedFrom ?? []).forEach((id, i) => {
      if (!s.targets.some((other) => other.id === id && other !== target))
        add(
          at('derivedFrom', i),
          messages.unknownReference(
            id,
            'target',
            s.targets.filter((other) => other !== target).map((other) => other.id),
          ),
          'unknown_reference',
        );
    });
    if (target.fromYear !== undefined && !MEASURES_WITH_FROM_YEAR.includes(target.measure))
      add(at('fromYear'), messages.fromYearUnused(target.measure), 'unused_field');
    const metric = s.metrics[target.metric];
    if (metric !== undefined && RELATIVE_MEASURES.includes(target.measure)) {
      const baseline = metricBaseline(metric);
      // An expression's value is known only per trial: the run-time guard takes care of it.
      const why = nonPositiveBaseline(baseline?.kind === 'value' ? baseline.value : baseline?.kind === 'distribution' ? baseline.distribution : undefined);
      if (why !== undefined) add(at('measure'), messages.relativeMeasureBase(target.measure, target.metric, why), 'measure_base');
    }
    if (metric !== undefined && target.measure === 'changeInPoints' && metric.unit !== 'share') {
      add(at('measure'), messages.pointsNeedShare(target.metric, metric.unit), 'measure_unit');
    }
    const isRange = Array.isArray(target.threshold);
    if (isRange !== (target.comparison === 'between')) add(at('threshold'), messages.thresholdShape(target.comparison), 'threshold');
    if (Array.isArray(target.threshold) && target.threshold[0] > target.threshold[1]) {
      add(at('threshold'), messages.rangeOrder(target.threshold[0], target.threshold[1]), 'threshold');
    }
    if (target.strive !== undefined) {
      const { threshold, strive, comparison } = target;
      if (Array.isArray(strive) !== (comparison === 'between')) add(at('strive'), messages.thresholdShape(comparison), 'strive');
      else if (Array.isArray(strive) && Array.isArray(threshold)) {
        if (strive[0] > strive[1]) add(at('strive'), messages.rangeOrder(strive[0], strive[1]), 'strive');
        else if (strive[0] < threshold[0] || strive[1] > threshold[1])
          add(at('strive'), messages.striveNotHarder(comparison, `[${threshold.join(', ')}]`, `[${strive.join(', ')}]`), 'strive');
      } else if (typeof strive === 'number' && typeof threshold === 'number') {
        const harder = comparison === '>' || comparison === '>=' ? strive >= threshold : strive <= threshold;
        if (!harder) add(at('strive'), messages.striveNotHarder(comparison, String(threshold), String(strive)), 'strive');
      }
    }
  });
  const targetIds = s.targets.map((t) => t.id);
  (s.outcomes ?? []).forEach((outcome, index) => {
    const at = (...rest: Array<string | number>) => ['outcomes', index, ...rest];
    checkSource(at('source'), outcome.source);
    if ((outcome.metric === undefined) === (outcome.target === undefined))
      add(at(outcome.metric === undefined ? 'metric' : 'target'), messages.outcomeSubject(), 'outcome_subject');
    else if (outcome.metric !== undefined) {
      if (!metricNames.has(outcome.metric)) add(at('metric'), messages.unknownReference(outcome.metric, 'metric', [...metricNames]), 'unknown_metric');
      if (!(outcome.year > baseYear && outcome.year <= endYear)) add(at('year'), messages.yearOutsideHorizon(outcome.year, baseYear, endYear), 'year_range');
    } else {
      const target = s.targets.find((t) => t.id === outcome.target);
      if (target === undefined) add(at('target'), messages.unknownReference(outcome.target as string, 'target', targetIds), 'unknown_target');
      else if (outcome.year !== target.deadline) add(at('year'), messages.outcomeYearNotDeadline(outcome.year, target.deadline), 'year_range');
    }
  });
  checkUnique(s.jointTargets ?? [], 'jointTargets');
  (s.jointTargets ?? []).forEach((joint, index) => {
    joint.targets.forEach((id, position) => {
      const at = ['jointTargets', index, 'targets', position];
      if (!targetIds.includes(id)) add(at, messages.jointUnknownTarget(id, targetIds), 'unknown_target');
      else if (joint.targets.indexOf(id) !== position) add(at, messages.jointRepeatedTarget(id), 'duplicate_id');
    });
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
 * Problems of an expanded group told where the user wrote them: a problem in every park's copy of
 * a group metric is one problem at `group.metrics.<name>`, naming the parks it concerns.
 */
function whereWritten(problems: ReadonlyArray<Omit<Problem, 'file'>>, writtenAt: Expansion['writtenAt']): Array<Omit<Problem, 'file'>> {
  const byPlace = new Map<string, { problem: Omit<Problem, 'file'>; parks: string[] }>();
  for (const problem of problems) {
    const written = writtenAt(problem.path);
    const key = JSON.stringify([written.path, problem.code, problem.message]);
    const entry = byPlace.get(key) ?? { problem: { ...problem, path: written.path }, parks: [] };
    if (written.park !== undefined) entry.parks.push(written.park);
    byPlace.set(key, entry);
  }
  return [...byPlace.values()].map(({ problem, parks }) => (parks.length === 0 ? problem : { ...problem, message: messages.inParks(problem.message, parks) }));
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
 * A group of parks in it is expanded into a metric per park (see `expandGroup`).
 * Figures written in a metric's `inputUnit` (亿元, 亩, %) are converted here, once, to the canonical
 * units (yuan, m², fractions); the unit is kept as the metric's `displayUnit`.
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
  const shaped = ScenarioFileSchema.safeParse(input);
  if (prototypeKeys.length > 0) {
    const others = shaped.success ? [] : problemsFromZod(shaped.error, input, options.file, ScenarioFileSchema);
    const isPrototypeKey = (problem: Problem) => prototypeKeys.some((key) => JSON.stringify(key.path) === JSON.stringify(problem.path));
    return { ok: false, problems: [...prototypeKeys, ...others.filter((problem) => !isPrototypeKey(problem))] };
  }
  if (!shaped.success) return { ok: false, problems: problemsFromZod(shaped.error, input, options.file, ScenarioFileSchema) };
  // An assumption drawn from a reference class gets its distribution first: groups copy assumptions.
  const resolved = resolveReferenceClassParameters(shaped.data);
  if (resolved.problems.length > 0) return { ok: false, problems: resolved.problems.map(withFile) };
  const expansion = expandGroup(resolved.file);
  if (expansion.problems.length > 0) return { ok: false, problems: expansion.problems.map(withFile) };
  // Figures written in a metric's input unit (亿元, 亩, %) become canonical here, once; a metric
  // whose unit is wrong is left as written, and its problem reported with the rest.
  const unitProblems = inputUnitProblems(expansion.scenario);
  const scenario = toCanonicalUnits(expansion.scenario, new Set(unitProblems.map((p) => String(p.path[1]))));
  const problems = whereWritten([...unitProblems, ...(await semanticProblems(scenario))], expansion.writtenAt).map(withFile);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, scenario, defaults: defaultsThatMatter(input) };
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
